package se.samtrygg.meeting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.Checks;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.Page;
import se.samtrygg.common.Visibility;
import se.samtrygg.common.db.PeriodBoundaries;
import se.samtrygg.common.db.SqlSteps;
import se.samtrygg.common.web.Dates;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.Membership;
import se.samtrygg.identity.UserService;
import se.samtrygg.identity.UserSummary;
import se.samtrygg.reminder.ReminderService;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationService;

/**
 * Action items agreed at meetings. The group's coordinators (and admins) create and edit them; the
 * responsible organisation's people move them along and close them; whoever sees one may comment.
 * Who sees one is {@link ActionItemDao#VISIBLE_TO_VIEWER}, used by every read and list.
 */
public final class ActionItemService {
    static final String ENTITY = "action_item";
    /** More than a network group's organisations have people; a bound all the same, since pickers list them all. */
    static final int MAX_CANDIDATES = 500;

    private final Jdbi jdbi;
    private final AuditService audit;
    private final NetworkGroupService groups;
    private final OrganisationService organisations;
    private final UserService users;
    private final ReminderService reminders;
    private final Clock clock;

    public ActionItemService(Jdbi jdbi, AuditService audit, NetworkGroupService groups, OrganisationService organisations,
                             UserService users, ReminderService reminders, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.groups = groups;
        this.organisations = organisations;
        this.users = users;
        this.reminders = reminders;
        this.clock = clock;
    }

    public ActionItem create(CurrentUser actor, ActionItemInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        new Checks().required("meetingId", input.meetingId()).throwIfInvalid();
        MeetingRow meeting = jdbi.withHandle(h -> {
            MeetingRow row = h.attach(MeetingDao.class).find(input.meetingId())
                    .orElseThrow(() -> new InvalidInputException("meetingId", "error.unknownMeeting"));
            groups.requireVisible(h, actor, row.networkGroupId(), null);
            groups.requireManager(h, actor, row.networkGroupId());
            if (row.status() == MeetingStatus.CANCELLED) {
                throw new InvalidInputException("meetingId", "error.meetingCancelled");
            }
            return row;
        });
        Valid valid = validate(actor, input);
        return jdbi.inTransaction(h -> {
            ActionItemDao dao = h.attach(ActionItemDao.class);
            long id = dao.insert(meeting.id(), meeting.networkGroupId(), dao.areaOfGroup(meeting.networkGroupId()), valid.title(),
                    valid.organisationId(), valid.userId(), input.dueDate(), valid.visibility(), actor.id(), clock.instant());
            reminders.actionItemChanged(h, id);
            audit.record(h, actor, AuditAction.CREATE, ENTITY, id, "Action item #" + id + " from meeting #" + meeting.id()
                    + " for organisation #" + valid.organisationId() + " (" + valid.visibility() + ")");
            return dao.find(id).orElseThrow();
        });
    }

    /**
     * An action item handed over from something seen in an area (an observation), in the caller's transaction so that the
     * caller links it to its source in the same one. It has no meeting; it belongs to the area's network group if the area
     * has one. The caller has settled who may hand over; the ORGANISATION visibility here is the source's, kept for the
     * organisation it is handed to, which need not be the actor's own.
     *
     * @param source what it came from, for the audit log ("observation #12")
     */
    public ActionItem handOver(Handle h, CurrentUser actor, long areaId, String title, Long responsibleOrganisationId,
                               LocalDate dueDate, Visibility visibility, String source) {
        String cleanTitle = Checks.clean(title);
        List<FieldError> problems = new ArrayList<>();
        collect(problems, () -> new Checks().required("title", cleanTitle).freeText("title", cleanTitle, 500)
                .required("responsibleOrganisationId", responsibleOrganisationId)
                .check(visibility != Visibility.PUBLIC, "visibility", "error.visibilityNotAllowed")
                .check(plausible(dueDate), "dueDate", "error.dateYear")
                .throwIfInvalid());
        if (responsibleOrganisationId != null) {
            collect(problems, () -> organisations.requireActive(responsibleOrganisationId, "responsibleOrganisationId"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ActionItemDao dao = h.attach(ActionItemDao.class);
        Long groupId = dao.firstGroupOfArea(areaId);
        long id = dao.insert(null, groupId, areaId, cleanTitle, responsibleOrganisationId, null, dueDate, visibility, actor.id(),
                clock.instant());
        reminders.actionItemChanged(h, id);
        audit.record(h, actor, AuditAction.CREATE, ENTITY, id, "Action item #" + id + " handed over from " + source
                + " to organisation #" + responsibleOrganisationId + " (" + visibility + ")");
        return dao.find(id).orElseThrow();
    }

    /** The observation an item was handed over from, if the viewer may read it. */
    public Optional<Long> visibleObservationId(CurrentUser actor, ActionItem item) {
        if (!item.fromObservation()) {
            return Optional.empty();
        }
        return jdbi.withExtension(ActionItemDao.class, dao -> dao.visibleObservationId(item.id(), actor.isAdmin(), actor.id(),
                actor.organisationIds()));
    }

    public ActionItem update(CurrentUser actor, long id, ActionItemInput input) {
        ActionItem current = getEditable(actor, id);
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        // Left out, the visibility stays as it was: an internal item never turns into a shared one by omission.
        ActionItemInput complete = input.visibility() != null ? input : new ActionItemInput(input.meetingId(), input.title(),
                input.responsibleOrganisationId(), input.responsibleUserId(), input.dueDate(), current.visibility());
        Valid valid = validate(actor, complete);
        return jdbi.inTransaction(h -> {
            ActionItemDao dao = h.attach(ActionItemDao.class);
            dao.update(id, valid.title(), valid.organisationId(), valid.userId(), input.dueDate(), valid.visibility(), clock.instant());
            reminders.actionItemChanged(h, id);
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Changed action item #" + id + " (due " + input.dueDate()
                    + ", organisation #" + valid.organisationId() + ", person " + (valid.userId() == null ? "none" : "#" + valid.userId())
                    + ", " + valid.visibility() + ")");
            return dao.find(id).orElseThrow();
        });
    }

    /** The responsible organisation's people, the group's coordinators and admins move an item along. */
    public ActionItem setState(CurrentUser actor, long id, ActionItemState state) {
        ActionItem current = get(actor, id);
        if (!canUpdateState(actor, current)) {
            throw new AccessDeniedException("not responsible for action item " + id);
        }
        new Checks().required("state", state).throwIfInvalid();
        return jdbi.inTransaction(h -> {
            ActionItemDao dao = h.attach(ActionItemDao.class);
            if (current.state() != state) {
                dao.setState(id, state, state.closed() ? clock.instant() : null, clock.instant());
                reminders.actionItemChanged(h, id);
                audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Action item #" + id + ": " + current.state() + " → " + state);
            }
            return dao.find(id).orElseThrow();
        });
    }

    public ActionItemComment comment(CurrentUser actor, long id, String text) {
        get(actor, id);
        String clean = Checks.clean(text);
        new Checks().required("text", clean).freeText("text", clean, 4000).throwIfInvalid();
        return jdbi.inTransaction(h -> {
            ActionItemDao dao = h.attach(ActionItemDao.class);
            long commentId = dao.insertComment(id, actor.id(), clean, clock.instant());
            audit.record(h, actor, AuditAction.CREATE, "action_item_comment", commentId, "Commented on action item #" + id);
            return dao.comments(id).stream().filter(c -> c.id() == commentId).findFirst().orElseThrow();
        });
    }

    public List<ActionItemComment> comments(CurrentUser actor, long id) {
        get(actor, id);
        return jdbi.withExtension(ActionItemDao.class, dao -> dao.comments(id));
    }

    public ActionItem get(CurrentUser actor, long id) {
        return jdbi.withHandle(h -> {
            ActionItemDao dao = h.attach(ActionItemDao.class);
            if (dao.find(id).isEmpty()) {
                throw new NotFoundException(ENTITY, id);
            }
            return dao.findVisible(id, actor.isAdmin(), actor.id(), actor.organisationIds())
                    .orElseThrow(() -> new AccessDeniedException("action item " + id + " is not visible to user " + actor.id()));
        });
    }

    /** An item for its edit form: only the group's coordinators and admins edit one. */
    public ActionItem getEditable(CurrentUser actor, long id) {
        ActionItem item = get(actor, id);
        if (!canEdit(actor, item)) {
            throw new AccessDeniedException("only the group's coordinators and admins edit action item " + id);
        }
        return item;
    }

    public Page<ActionItem> list(CurrentUser actor, Long meetingId, Long groupId, boolean openOnly, boolean mine, Long after,
                                 Integer limit) {
        int size = Page.clampLimit(limit);
        List<ActionItem> rows = jdbi.withExtension(ActionItemDao.class, dao -> dao.listVisible(meetingId, groupId, openOnly, mine,
                Page.afterOrStart(after), size + 1, actor.isAdmin(), actor.id(), actor.organisationIds()));
        return Page.of(rows, size, ActionItem::id);
    }

    /**
     * The follow-up point of a meeting: what is still open from the group's earlier meetings, the first {@code limit}
     * by due date, and whether there are more.
     */
    public FollowUp followUp(CurrentUser actor, Meeting meeting, int limit) {
        List<ActionItem> items = jdbi.withExtension(ActionItemDao.class, dao -> dao.openBefore(meeting.networkGroupId(),
                meeting.startsAt(), limit + 1, actor.isAdmin(), actor.id(), actor.organisationIds()));
        return new FollowUp(items.subList(0, Math.min(limit, items.size())), items.size() > limit);
    }

    public record FollowUp(List<ActionItem> items, boolean more) {
    }

    public boolean canUpdateState(CurrentUser actor, ActionItem item) {
        return actor.isMemberOf(item.responsibleOrganisationId())
                || (item.responsibleUserId() != null && item.responsibleUserId() == actor.id())
                || canEdit(actor, item);
    }

    /** The group's coordinators and admins; an item of no group (handed over where there is none) by admins. */
    public boolean canEdit(CurrentUser actor, ActionItem item) {
        return item.networkGroupId() == null ? actor.isAdmin() : groups.canManage(actor, item.networkGroupId());
    }

    /** The organisations an item can be handed to: the active ones, as the rules say. */
    public List<Organisation> responsibleOrganisations() {
        return organisations.allActive();
    }

    /**
     * Whom a coordinator can name responsible for an item of this group, by organisation: the active people of the group's
     * member organisations and of {@code alsoOrganisationIds} (the item's responsible organisation, or the one just chosen).
     * Bounded, since the pick list is a plain select.
     */
    public List<ResponsiblePeople> responsibleCandidates(CurrentUser actor, Long networkGroupId, Collection<Long> alsoOrganisationIds) {
        Set<Long> organisationIds = jdbi.withHandle(h -> {
            Set<Long> ids = new LinkedHashSet<>(alsoOrganisationIds);
            if (networkGroupId == null) {
                if (!actor.isAdmin()) {
                    throw new AccessDeniedException("only admins manage action items of no group");
                }
                return ids;
            }
            groups.requireManager(h, actor, networkGroupId);
            groups.members(h, networkGroupId).forEach(member -> ids.add(member.organisationId()));
            return ids;
        });
        Map<Long, ResponsiblePeople> byOrganisation = new LinkedHashMap<>();
        for (Membership membership : users.activeMemberships(organisationIds, MAX_CANDIDATES)) {
            byOrganisation.computeIfAbsent(membership.organisationId(),
                            id -> new ResponsiblePeople(id, membership.organisationName(), new ArrayList<>()))
                    .people().add(new UserSummary(membership.userId(), membership.userName()));
        }
        return List.copyOf(byOrganisation.values());
    }

    private record Valid(String title, long organisationId, Long userId, Visibility visibility) {
    }

    /** A due date in a year far off is a typing mistake, and the database could not store the farthest. */
    private static boolean plausible(LocalDate dueDate) {
        return dueDate == null || (dueDate.getYear() >= 2000 && dueDate.getYear() <= 2100);
    }

    /** Every field's problem at once, so a refused form shows them all together. */
    private Valid validate(CurrentUser actor, ActionItemInput input) {
        String title = Checks.clean(input.title());
        Visibility visibility = input.visibility() == null ? Visibility.NETWORK : input.visibility();
        List<FieldError> problems = new ArrayList<>();
        collect(problems, () -> new Checks().required("title", title).freeText("title", title, 500)
                .required("responsibleOrganisationId", input.responsibleOrganisationId())
                .check(visibility != Visibility.PUBLIC, "visibility", "error.visibilityNotAllowed")
                .check(plausible(input.dueDate()), "dueDate", "error.dateYear")
                .throwIfInvalid());
        Long organisationId = input.responsibleOrganisationId();
        if (organisationId != null && collect(problems, () -> organisations.requireActive(organisationId, "responsibleOrganisationId"))) {
            if (visibility == Visibility.ORGANISATION && !actor.isMemberOf(organisationId)) {
                // An organisation-internal item is one the author's own organisation takes on: nobody else may see it.
                problems.add(new FieldError("visibility", "error.organisationVisibilityOwnOnly"));
            }
            if (input.responsibleUserId() != null && !users.isActiveMember(input.responsibleUserId(), organisationId)) {
                problems.add(new FieldError("responsibleUserId", "error.notAMember"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Valid(title, organisationId, input.responsibleUserId(), visibility);
    }

    /** Runs a check and keeps what it refuses; true when it passed. */
    private static boolean collect(List<FieldError> problems, Runnable check) {
        try {
            check.run();
            return true;
        } catch (InvalidInputException e) {
            problems.addAll(e.errors());
            return false;
        }
    }

    // Programme follow-up: counts for derived indicators

    /**
     * For the action items of the areas (their own area; empty: all areas) due in each period: how many were due, and how
     * many were DONE by the end of the due day in Europe/Stockholm. Items without a due date are never due. Every
     * visibility counts, and only the numbers leave. Areas and periods with nothing due are left out; one query.
     */
    public List<ActionItemsDue> countDueByAreaAndPeriod(Collection<Long> areaIds, PeriodBoundaries<LocalDate> periods) {
        SqlSteps offsets = endOfDayOffsets(periods.from(), periods.until(), Dates.ZONE);
        return jdbi.withExtension(ActionItemDao.class, dao -> dao.countDueByAreaAndPeriod(areaIds, periods, offsets));
    }

    /** The zone's UTC offset, in seconds, at the end of each day in [from, until), as SQL steps over the day: it changes twice a year. */
    static SqlSteps endOfDayOffsets(LocalDate from, LocalDate until, ZoneId zone) {
        List<LocalDate> changes = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>(List.of(offsetAtEndOf(from, zone)));
        for (LocalDate day = from.plusDays(1); day.isBefore(until); day = day.plusDays(1)) {
            int offset = offsetAtEndOf(day, zone);
            if (offset != offsets.get(offsets.size() - 1)) {
                changes.add(day);
                offsets.add(offset);
            }
        }
        return new SqlSteps("offsetFrom", changes, offsets);
    }

    private static int offsetAtEndOf(LocalDate day, ZoneId zone) {
        return zone.getRules().getOffset(day.plusDays(1).atStartOfDay(zone).toInstant()).getTotalSeconds();
    }
}
