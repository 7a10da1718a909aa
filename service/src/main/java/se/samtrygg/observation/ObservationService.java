package se.samtrygg.observation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.activity.Activity;
import se.samtrygg.activity.ActivityService;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.activity.CategoryService;
import se.samtrygg.area.AreaService;
import se.samtrygg.area.Place;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.Checks;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.Page;
import se.samtrygg.common.Visibility;
import se.samtrygg.common.web.Dates;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.meeting.ActionItem;
import se.samtrygg.meeting.ActionItemService;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationService;

/**
 * Observations: what partners see while out, and handing it to the organisation that can fix it. Every read goes through
 * {@link ObservationDao#VISIBLE_TO_VIEWER}; one the viewer may not read is not found. The owning organisation's members
 * (not admins, who administer users rather than content) correct, delete and hand over.
 */
public final class ObservationService {
    static final String ENTITY = "observation";
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_TITLE = 500;
    /** A clock on a phone may run a little ahead; an observation is of something already seen. */
    static final Duration FUTURE_MARGIN = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final AuditService audit;
    private final ActivityService activities;
    private final CategoryService categories;
    private final AreaService areas;
    private final OrganisationService organisations;
    private final ActionItemService actionItems;
    private final Clock clock;

    public ObservationService(Jdbi jdbi, AuditService audit, ActivityService activities, CategoryService categories, AreaService areas,
                              OrganisationService organisations, ActionItemService actionItems, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.activities = activities;
        this.categories = categories;
        this.areas = areas;
        this.organisations = organisations;
        this.actionItems = actionItems;
        this.clock = clock;
    }

    public Observation create(CurrentUser actor, ObservationInput input) {
        if (actor.organisationIds().isEmpty()) {
            throw new AccessDeniedException("user " + actor.id() + " belongs to no organisation",
                    "Only members of an organisation log observations.");
        }
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        if (input.organisationId() != null && !actor.isMemberOf(input.organisationId())) {
            throw new AccessDeniedException("user " + actor.id() + " is not in organisation " + input.organisationId(),
                    "You may log observations for your own organisations only.");
        }
        Valid valid = validate(actor, input, null);
        return jdbi.inTransaction(h -> {
            ObservationDao dao = h.attach(ObservationDao.class);
            long id = dao.insert(valid.activityId(), valid.organisationId(), valid.areaId(), valid.placeId(), input.categoryId(),
                    valid.observedAt(), valid.description(), valid.visibility(), actor.id(), clock.instant());
            audit.record(h, actor, AuditAction.CREATE, ENTITY, id, "Observation #" + id + " in area #" + valid.areaId()
                    + " for organisation #" + valid.organisationId() + " (" + valid.visibility() + ")");
            return read(h, actor, id);
        });
    }

    public Observation update(CurrentUser actor, long id, ObservationInput input) {
        Observation current = getOwned(actor, id);
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        Valid valid = validate(actor, input, current);
        if (current.handedOver()) {
            // The action item it became carries its area and its words to the organisation that took it, with the
            // visibility it had then: moving or narrowing the observation now would leave the item behind, readable
            // by those the observation is no longer for.
            new Checks()
                    .check(valid.areaId() == current.areaId(), "areaId", "error.observationHandedOverFixed")
                    .check(valid.visibility() == current.visibility(), "visibility", "error.observationHandedOverFixed")
                    .throwIfInvalid();
        }
        return jdbi.inTransaction(h -> {
            ObservationDao dao = h.attach(ObservationDao.class);
            dao.update(id, valid.activityId(), valid.areaId(), valid.placeId(), input.categoryId(), valid.observedAt(), valid.description(),
                    valid.visibility(), clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Corrected observation #" + id + " (area #" + valid.areaId()
                    + ", category #" + input.categoryId() + ", " + valid.visibility() + ")");
            return read(h, actor, id);
        });
    }

    /** One handed over stays: the action item it became is someone's work, and it points back here. */
    public void delete(CurrentUser actor, long id) {
        Observation current = getOwned(actor, id);
        if (current.handedOver()) {
            throw new InvalidInputException("observation", "error.observationHandedOverStays");
        }
        jdbi.useTransaction(h -> {
            if (h.attach(ObservationDao.class).deleteNotHandedOver(id) == 0) {
                throw new InvalidInputException("observation", "error.observationHandedOverStays");
            }
            audit.record(h, actor, AuditAction.DELETE, ENTITY, id, "Deleted observation #" + id + " (" + current.categoryName() + ")");
        });
    }

    /**
     * Hands the observation to the organisation that can fix it: an action item for that organisation, linked to the
     * observation, both audited, in one transaction. At most once per observation.
     */
    public Observation handOver(CurrentUser actor, long id, HandoverInput input) {
        Observation current = getOwned(actor, id);
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        if (current.handedOver()) {
            throw new InvalidInputException("observation", "error.alreadyHandedOver");
        }
        String title = Checks.clean(input.title()) == null ? suggestedTitle(current) : input.title();
        Visibility visibility = current.visibility() == Visibility.ORGANISATION ? Visibility.ORGANISATION : Visibility.NETWORK;
        return jdbi.inTransaction(h -> {
            ActionItem item = actionItems.handOver(h, actor, current.areaId(), title, input.responsibleOrganisationId(), input.dueDate(),
                    visibility, "observation #" + id);
            if (h.attach(ObservationDao.class).linkActionItem(id, item.id(), clock.instant()) == 0) {
                // someone handed it over meanwhile: this transaction, the new item included, is rolled back
                throw new InvalidInputException("observation", "error.alreadyHandedOver");
            }
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Handed observation #" + id + " over as action item #" + item.id()
                    + " to organisation #" + item.responsibleOrganisationId());
            return read(h, actor, id);
        });
    }

    /** The title a handover form starts with: category, place and the start of the description. */
    public String suggestedTitle(Observation observation) {
        StringBuilder title = new StringBuilder(observation.categoryName());
        if (observation.placeName() != null) {
            title.append(", ").append(observation.placeName());
        } else {
            title.append(", ").append(observation.areaName());
        }
        if (observation.description() != null) {
            title.append(": ").append(observation.description().strip().replaceAll("\\s+", " "));
        }
        return title.length() <= MAX_TITLE ? title.toString() : title.substring(0, MAX_TITLE - 1) + "…";
    }

    public Observation get(CurrentUser actor, long id) {
        return jdbi.withHandle(h -> read(h, actor, id));
    }

    /** An observation its owning organisation's member may correct, delete or hand over; not even an admin otherwise. */
    public Observation getOwned(CurrentUser actor, long id) {
        Observation observation = get(actor, id);
        if (!canChange(actor, observation)) {
            throw new AccessDeniedException("only members of organisation " + observation.organisationId() + " change observation " + id);
        }
        return observation;
    }

    public boolean canChange(CurrentUser actor, Observation observation) {
        return actor.isMemberOf(observation.organisationId());
    }

    public Page<Observation> list(CurrentUser actor, ObservationFilter filter, Long after, Integer limit) {
        int size = Page.clampLimit(limit);
        ObservationFilter f = filter == null ? ObservationFilter.none() : filter;
        Instant from = f.from() == null ? null : f.from().atStartOfDay(Dates.ZONE).toInstant();
        Instant to = f.to() == null ? null : f.to().plusDays(1).atStartOfDay(Dates.ZONE).toInstant();
        List<Observation> rows = jdbi.withExtension(ObservationDao.class, dao -> dao.listVisible(f.areaId(), f.activityId(), f.categoryId(),
                f.handedOver(), from, to, after, size + 1, actor.isAdmin(), actor.id(), actor.organisationIds()));
        return Page.of(rows, size, Observation::id);
    }

    /** The organisations the actor logs for: their own, active ones. */
    public List<Organisation> ownOrganisations(CurrentUser actor) {
        return organisations.findAll(actor.organisationIds()).stream().filter(Organisation::active).toList();
    }

    /** The organisations an observation can be handed to: the active ones. */
    public List<Organisation> handoverOrganisations() {
        return organisations.allActive();
    }

    /** The activity an observation belongs to, if the actor may read it; for showing it beside the observation. */
    public Activity activityOf(CurrentUser actor, Observation observation) {
        if (observation.activityId() == null) {
            return null;
        }
        try {
            return activities.get(actor, observation.activityId());
        } catch (NotFoundException e) {
            return null;
        }
    }

    private static Observation read(Handle h, CurrentUser actor, long id) {
        return h.attach(ObservationDao.class).findVisible(id, actor.isAdmin(), actor.id(), actor.organisationIds())
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    private record Valid(Long activityId, long organisationId, long areaId, Long placeId, Instant observedAt, String description,
                         Visibility visibility) {
    }

    /**
     * Every field's problem at once. Defaults come from the activity (area, place, time, organisation) and, for the area, from the
     * place. {@code current} is the observation being corrected: it keeps its organisation, and its visibility if none is given.
     */
    private Valid validate(CurrentUser actor, ObservationInput input, Observation current) {
        List<FieldError> problems = new ArrayList<>();
        Activity activity = null;
        if (input.activityId() != null) {
            activity = InvalidInputException.collect(problems, () -> requireOwnActivity(actor, input.activityId()));
        }
        Long organisationId;
        if (current != null) {
            organisationId = current.organisationId();
            if (input.organisationId() != null && input.organisationId() != current.organisationId()) {
                problems.add(new FieldError("organisationId", "error.observationOrganisationFixed"));
            }
        } else if (input.organisationId() != null) {
            organisationId = input.organisationId();
            InvalidInputException.collect(problems, () -> organisations.requireActive(input.organisationId(), "organisationId"));
        } else if (activity != null) {
            organisationId = activity.organisationId();
        } else if (actor.organisationIds().size() == 1) {
            organisationId = actor.organisationIds().iterator().next();
        } else {
            organisationId = null;
            problems.add(new FieldError("organisationId", "error.chooseOwnOrganisation"));
        }
        Place place = null;
        Long placeId = input.placeId() != null ? input.placeId() : activity == null ? null : activity.placeId();
        if (placeId != null) {
            place = InvalidInputException.collect(problems, () -> requirePlace(placeId));
        }
        Long areaId = input.areaId() != null ? input.areaId()
                : activity != null ? Long.valueOf(activity.areaId()) : place != null ? Long.valueOf(place.areaId()) : null;
        boolean areaKnown = false;
        if (areaId == null) {
            problems.add(new FieldError("areaId", "error.required"));
        } else {
            areaKnown = InvalidInputException.collect(problems, () -> areas.require(areaId, "areaId")) != null;
        }
        if (place != null && areaKnown && place.areaId() != areaId) {
            problems.add(new FieldError("placeId", "error.placeNotInObservationArea"));
        }
        Instant observedAt = input.observedAt() != null ? input.observedAt().atZone(Dates.ZONE).toInstant()
                : activity != null ? activity.startsAt() : null;
        String description = Checks.clean(input.description());
        Visibility visibility = input.visibility() != null ? input.visibility()
                : current != null ? current.visibility() : Visibility.NETWORK;
        InvalidInputException.collect(problems, () -> {
            new Checks().required("observedAt", observedAt)
                    .check(observedAt == null || !observedAt.isAfter(clock.instant().plus(FUTURE_MARGIN)), "observedAt",
                            "error.observedInFuture")
                    .check(observedAt == null || observedAt.atZone(Dates.ZONE).getYear() >= 2000, "observedAt", "error.meetingYear")
                    .required("categoryId", input.categoryId())
                    .freeText("description", description, MAX_DESCRIPTION)
                    .throwIfInvalid();
            return Boolean.TRUE;
        });
        if (input.categoryId() != null) {
            InvalidInputException.collect(problems, () -> jdbi.withHandle(h -> categories.requireUsable(h, CategoryKind.OBSERVATION_CATEGORY, "categoryId",
                    input.categoryId(), current == null ? null : current.categoryId())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Valid(input.activityId(), organisationId, areaId, placeId, observedAt, description, visibility);
    }

    private Activity requireOwnActivity(CurrentUser actor, long activityId) {
        Activity activity;
        try {
            activity = activities.get(actor, activityId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("activityId", "error.observationActivityUnknown");
        }
        if (!actor.isMemberOf(activity.organisationId())) {
            throw new InvalidInputException("activityId", "error.observationActivityNotOwn");
        }
        return activity;
    }

    private Place requirePlace(long placeId) {
        try {
            return areas.getPlace(null, placeId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("placeId", "error.unknownPlace");
        }
    }


    /** Now in Stockholm: what a new observation's date and time start as. */
    public LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(Dates.ZONE));
    }

    /** For the form: a date and a time typed in Stockholm. */
    static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, Dates.ZONE);
    }
}
