package se.samtrygg.rollout;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaService;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.Checks;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.Page;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.UserService;
import se.samtrygg.meeting.NetworkGroupService;
import se.samtrygg.reminder.ReminderService;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationService;

/**
 * Rollouts, their properties and their property steps. Everyone signed in reads them. Admins and coordinators start
 * rollouts; the rollout's coordinator and admins ("managers") change it, add and remove properties, reassign and mark
 * steps not applicable; members of the organisation that answers for a property step update that step (state, date,
 * note, count, person), alone or many at once from the board.
 */
public final class RolloutService {
    static final String ENTITY = "rollout";
    static final String PROPERTY = "rollout_property";
    static final String PROPERTY_STEP = "property_step";
    static final int NAME_MAX = 200;
    static final int ADDRESS_MAX = 200;
    static final int NOTE_MAX = 2000;
    static final int REASON_MAX = 500;
    static final int STAIRWELLS_MAX = 1000;
    static final int APARTMENTS_MAX = 100_000;
    static final int COUNT_MAX = 100_000;
    /** Properties given with a new rollout; more are added one by one (or by the API) afterwards. */
    static final int PROPERTIES_MAX = 5000;
    /** Properties marked done at once: the board shows at most a page of them. */
    static final int MARK_DONE_MAX = 1000;
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final Jdbi jdbi;
    private final AuditService audit;
    private final MethodTemplateService templates;
    private final AreaService areas;
    private final OrganisationService organisations;
    private final UserService users;
    private final NetworkGroupService networkGroups;
    private final ReminderService reminders;
    private final Clock clock;

    public RolloutService(Jdbi jdbi, AuditService audit, MethodTemplateService templates, AreaService areas,
                          OrganisationService organisations, UserService users, NetworkGroupService networkGroups,
                          ReminderService reminders, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.templates = templates;
        this.areas = areas;
        this.organisations = organisations;
        this.users = users;
        this.networkGroups = networkGroups;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** Today in Europe/Stockholm by the service's clock: what "overdue" and default completion dates are counted from. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), STOCKHOLM);
    }

    // Rollouts

    /** @param actor null when the system creates it (demo data); then {@code coordinatorId} is required */
    public Rollout create(CurrentUser actor, RolloutInput input) {
        if (actor != null && !canCreate(actor)) {
            throw new AccessDeniedException("only admins and coordinators start rollouts (user " + actor.id() + ")");
        }
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        NewRollout valid = validate(actor, input);
        Map<Integer, Long> stepOrganisations = stepOrganisations(valid);
        LocalDate today = today();
        Long actorId = actor == null ? null : actor.id();
        return jdbi.inTransaction(h -> {
            RolloutDao dao = h.attach(RolloutDao.class);
            Instant now = clock.instant();
            long id = dao.insertRollout(valid.template().id(), valid.template().version(), valid.name(), valid.area().id(),
                    valid.startDate(), valid.targetDate(), valid.coordinatorId(), now);
            // In batches: thousands of properties are a handful of statements.
            List<TemplateStep> steps = valid.template().steps();
            dao.insertSteps(id, steps, steps.stream().map(step -> stepOrganisations.get(step.position())).toList());
            if (!valid.properties().isEmpty()) {
                dao.insertProperties(id, valid.properties(), today, now);
                // Properties given at the start count their due dates from the start, even a start in the past.
                dao.insertStepsOfEveryProperty(id, valid.startDate(), now, actorId);
            }
            reminders.rolloutChanged(h, id);
            audit.record(h, actor, AuditAction.CREATE, ENTITY, id, "Started rollout " + valid.name() + " of template #"
                    + valid.template().id() + " version " + valid.template().version() + " in area #" + valid.area().id() + " from "
                    + valid.startDate() + " to " + valid.targetDate() + ", coordinator #" + valid.coordinatorId() + ", step organisations "
                    + stepOrganisations + ", " + valid.properties().size() + " properties");
            return load(h, id);
        });
    }

    public Rollout update(CurrentUser actor, long id, RolloutChange change) {
        return jdbi.inTransaction(h -> {
            RolloutDao dao = h.attach(RolloutDao.class);
            // Locked before it is read: two moves of the start at once shift the due dates once each, the second from
            // where the first left the start, and the managers are those of the rollout as it is now.
            dao.lockRollout(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
            RolloutDao.RolloutRow current = dao.findRollout(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
            requireManager(actor, current);
            if (change == null) {
                throw new InvalidInputException("body", "error.bodyRequired");
            }
            String name = change.name() == null ? current.name() : Checks.clean(change.name());
            LocalDate start = change.startDate() == null ? current.startDate() : change.startDate();
            LocalDate target = change.targetDate() == null ? current.targetDate() : change.targetDate();
            long coordinatorId = change.coordinatorId() == null ? current.coordinatorId() : change.coordinatorId();
            // The coordinator it has stays allowed even without the role since; a new one must have it.
            new Checks().required("name", name).freeText("name", name, NAME_MAX)
                    .check(plausible(start), "startDate", "error.dateYear")
                    .check(plausible(target), "targetDate", "error.dateYear")
                    .check(!target.isBefore(start), "targetDate", "error.rollout.targetBeforeStart")
                    .check(coordinatorId == current.coordinatorId() || canCoordinate(coordinatorId), "coordinatorId",
                            "error.rollout.coordinator")
                    .throwIfInvalid();
            long days = ChronoUnit.DAYS.between(current.startDate(), start);
            dao.updateRollout(id, name, start, target, coordinatorId, clock.instant());
            int moved = days == 0 ? 0 : dao.shiftOpenDueDates(id, Math.toIntExact(days));
            reminders.rolloutChanged(h, id);
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Changed rollout " + current.name() + " → " + name + ": "
                    + current.startDate() + "–" + current.targetDate() + " → " + start + "–" + target + ", coordinator #"
                    + current.coordinatorId() + " → #" + coordinatorId + (days == 0 ? "" : ", " + moved + " open steps moved " + days + " days"));
            return load(h, id);
        });
    }

    public Rollout get(CurrentUser actor, long id) {
        return jdbi.withHandle(h -> load(h, id));
    }

    /** Newest first (by id, keyset {@code after}), optionally of one area (an unknown area is not found, as in {@link #areaProgress}). */
    public Page<Rollout> list(CurrentUser actor, Long areaId, Long after, Integer limit) {
        if (areaId != null) {
            areas.get(actor, areaId);
        }
        int size = Page.clampLimit(limit);
        return jdbi.withHandle(h -> {
            RolloutDao dao = h.attach(RolloutDao.class);
            Page<RolloutDao.RolloutRow> page = Page.of(dao.listRollouts(areaId, after, size + 1), size, RolloutDao.RolloutRow::id);
            return new Page<>(assemble(dao, page.items()), page.nextAfter());
        });
    }

    /** Per area with rollouts (or the one asked for), by area name. */
    public List<AreaProgress> areaProgress(CurrentUser actor, Long areaId) {
        LocalDate today = today();
        List<AreaProgress> progress = jdbi.withHandle(h -> {
            RolloutDao dao = h.attach(RolloutDao.class);
            List<RolloutDao.AreaRollouts> withRollouts = dao.areasWithRollouts(areaId);
            if (withRollouts.isEmpty()) {
                return List.<AreaProgress>of();
            }
            Map<Long, Progress> totals = dao.progressOfAreas(withRollouts.stream().map(RolloutDao.AreaRollouts::areaId).toList(), today)
                    .stream().collect(Collectors.toMap(RolloutDao.Totals::id, RolloutDao.Totals::progress));
            return withRollouts.stream().map(a -> new AreaProgress(a.areaId(), a.areaName(), a.rollouts(),
                    totals.getOrDefault(a.areaId(), Progress.NONE))).toList();
        });
        if (areaId != null && progress.isEmpty()) {
            Area area = areas.get(actor, areaId);
            return List.of(new AreaProgress(area.id(), area.name(), 0, Progress.NONE));
        }
        return progress;
    }

    // Properties

    /** The board's rows: properties by address order (keyset on id is fine: by id), each with its steps in checklist order. */
    public Page<RolloutProperty> properties(CurrentUser actor, long rolloutId, Long after, Integer limit) {
        int size = Page.clampLimit(limit);
        LocalDate today = today();
        return jdbi.withHandle(h -> {
            RolloutDao dao = h.attach(RolloutDao.class);
            dao.findRollout(rolloutId).orElseThrow(() -> new NotFoundException(ENTITY, rolloutId));
            Page<RolloutDao.PropertyRow> page = Page.of(dao.listProperties(rolloutId, Page.afterOrStart(after), size + 1), size,
                    RolloutDao.PropertyRow::id);
            return new Page<>(withSteps(dao, page.items(), today), page.nextAfter());
        });
    }

    public RolloutProperty property(CurrentUser actor, long propertyId) {
        return jdbi.withHandle(h -> loadProperty(h, propertyId));
    }

    /**
     * Adds a property with a step for each of the rollout's steps; due = max(start, today) + offset. A rollout has at
     * most {@link #PROPERTIES_MAX} properties, as many as it can be started with.
     */
    public RolloutProperty addProperty(CurrentUser actor, long rolloutId, PropertyInput input) {
        RolloutDao.RolloutRow rollout = requireRollout(rolloutId);
        requireManager(actor, rollout);
        RolloutDao.NewProperty valid = validProperty(input, null);
        LocalDate today = today();
        return addressUnique(() -> jdbi.inTransaction(h -> {
            RolloutDao dao = h.attach(RolloutDao.class);
            // Locked: two properties added at once to a full rollout do not both fit, and the start is the one now.
            dao.lockRollout(rolloutId).orElseThrow(() -> new NotFoundException(ENTITY, rolloutId));
            RolloutDao.RolloutRow locked = dao.findRollout(rolloutId).orElseThrow(() -> new NotFoundException(ENTITY, rolloutId));
            requireManager(actor, locked);
            if (dao.countProperties(rolloutId) >= PROPERTIES_MAX) {
                throw new InvalidInputException("properties", "error.rollout.tooManyProperties", PROPERTIES_MAX);
            }
            requireFreeAddress(dao, rolloutId, valid.address(), null);
            // A property that joins after the start has as long for each step as those that were there from the start.
            LocalDate base = locked.startDate().isAfter(today) ? locked.startDate() : today;
            Instant now = clock.instant();
            long id = dao.insertProperty(rolloutId, valid.address(), valid.ownerId(), valid.stairwells(), valid.apartments(), today, now);
            dao.insertPropertySteps(rolloutId, id, valid.ownerId(), base, now, actor.id());
            reminders.rolloutChanged(h, rolloutId);
            audit.record(h, actor, AuditAction.CREATE, PROPERTY, id, "Added property " + valid.address() + " (owner #" + valid.ownerId()
                    + ", " + valid.stairwells() + " stairwells, " + valid.apartments() + " apartments) to rollout #" + rolloutId
                    + ", due dates from " + base);
            return loadProperty(h, id);
        }));
    }

    public RolloutProperty updateProperty(CurrentUser actor, long propertyId, PropertyInput input) {
        RolloutDao.PropertyRow before = requireProperty(propertyId);
        requireManager(actor, requireRollout(before.rolloutId()));
        RolloutDao.NewProperty valid = validProperty(input, before.ownerOrganisationId());
        return addressUnique(() -> jdbi.inTransaction(h -> {
            RolloutDao dao = h.attach(RolloutDao.class);
            // Locked, then read again: the owner whose open steps move is the owner it has now.
            dao.lockProperty(propertyId).orElseThrow(() -> new NotFoundException(PROPERTY, propertyId));
            RolloutDao.PropertyRow current = dao.findProperty(propertyId).orElseThrow(() -> new NotFoundException(PROPERTY, propertyId));
            requireFreeAddress(dao, current.rolloutId(), valid.address(), propertyId);
            Instant now = clock.instant();
            dao.updateProperty(propertyId, valid.address(), valid.ownerId(), valid.stairwells(), valid.apartments(), now);
            int moved = valid.ownerId() == current.ownerOrganisationId() ? 0
                    : dao.moveOwnersOpenSteps(propertyId, current.ownerOrganisationId(), valid.ownerId(), now, actor.id());
            // The address is in the step reminders' text and the owner decides who gets them.
            reminders.rolloutChanged(h, current.rolloutId());
            audit.record(h, actor, AuditAction.UPDATE, PROPERTY, propertyId, "Changed property " + current.address() + " → "
                    + valid.address() + " (owner #" + current.ownerOrganisationId() + " → #" + valid.ownerId() + ", " + valid.stairwells()
                    + " stairwells, " + valid.apartments() + " apartments" + (moved == 0 ? "" : ", " + moved + " open steps to the new owner")
                    + ")");
            return loadProperty(h, propertyId);
        }));
    }

    /** Removes a property and its steps (managers; the pages confirm first). */
    public void removeProperty(CurrentUser actor, long propertyId) {
        RolloutDao.PropertyRow current = requireProperty(propertyId);
        requireManager(actor, requireRollout(current.rolloutId()));
        jdbi.useTransaction(h -> {
            RolloutDao dao = h.attach(RolloutDao.class);
            int steps = dao.deletePropertySteps(propertyId);
            if (dao.deleteProperty(propertyId) == 0) {
                throw new NotFoundException(PROPERTY, propertyId); // removed meanwhile: nothing to record
            }
            reminders.rolloutChanged(h, current.rolloutId());
            audit.record(h, actor, AuditAction.DELETE, PROPERTY, propertyId, "Removed property " + current.address() + " and its "
                    + steps + " steps from rollout #" + current.rolloutId());
        });
    }

    // Property steps

    public PropertyStep step(CurrentUser actor, long propertyStepId) {
        LocalDate today = today();
        return jdbi.withExtension(RolloutDao.class, dao -> dao.findPropertyStep(propertyStepId, today))
                .orElseThrow(() -> new NotFoundException(PROPERTY_STEP, propertyStepId));
    }

    public PropertyStep updateStep(CurrentUser actor, long propertyStepId, PropertyStepInput input) {
        LocalDate today = today();
        return jdbi.inTransaction(h -> {
            RolloutDao dao = h.attach(RolloutDao.class);
            // Locked before it is read: a reassignment, a moved due date or the property removed meanwhile is either all
            // before this change (and checked) or waits for it; never written over with what was read before it.
            dao.lockPropertyStep(propertyStepId).orElseThrow(() -> new NotFoundException(PROPERTY_STEP, propertyStepId));
            PropertyStep current = dao.findPropertyStep(propertyStepId, today)
                    .orElseThrow(() -> new NotFoundException(PROPERTY_STEP, propertyStepId));
            long coordinatorId = dao.coordinatorOf(current.rolloutId()).orElseThrow(() -> new NotFoundException(ENTITY, current.rolloutId()));
            boolean manager = canManage(actor, coordinatorId);
            if (!manager && !actor.isMemberOf(current.organisationId())) {
                throw new AccessDeniedException("user " + actor.id() + " neither manages rollout #" + current.rolloutId()
                        + " nor belongs to organisation #" + current.organisationId() + " of property step " + propertyStepId);
            }
            if (input == null) {
                throw new InvalidInputException("body", "error.bodyRequired");
            }
            if (!manager) {
                // What the rollout's managers decide: whether a step applies, who answers for it and by when.
                if (input.state() == StepState.NOT_APPLICABLE || current.state() == StepState.NOT_APPLICABLE) {
                    throw new AccessDeniedException("only the managers of rollout #" + current.rolloutId()
                            + " decide that a step does not apply");
                }
                if (input.organisationId() != null && input.organisationId() != current.organisationId()) {
                    throw new AccessDeniedException("only the managers of rollout #" + current.rolloutId() + " reassign property step "
                            + propertyStepId);
                }
                if (input.dueDate() != null && !input.dueDate().equals(current.dueDate())) {
                    throw new AccessDeniedException("only the managers of rollout #" + current.rolloutId() + " move due dates");
                }
            }
            ValidStep valid = validStep(current, input, dao.earliestCompletion(List.of(current.propertyId())), today);
            Instant now = clock.instant();
            // A member's change leaves who answers and by when as they are now, whatever the form showed.
            int updated = manager
                    ? dao.updatePropertyStep(propertyStepId, valid.organisationId(), valid.personId(), valid.dueDate(), valid.state(),
                            valid.completedOn(), valid.note(), valid.count(), valid.notApplicableReason(), now, actor.id())
                    : dao.updatePropertyStepAsMember(propertyStepId, valid.personId(), valid.state(), valid.completedOn(), valid.note(),
                            valid.count(), now, actor.id());
            if (updated == 0) {
                throw new NotFoundException(PROPERTY_STEP, propertyStepId);
            }
            reminders.rolloutStepChanged(h, current.stepId());
            audit.record(h, actor, AuditAction.UPDATE, PROPERTY_STEP, propertyStepId, "Step " + current.position() + " of property #"
                    + current.propertyId() + " (rollout #" + current.rolloutId() + "): " + current.state() + " → " + valid.state()
                    + (valid.completedOn() == null ? "" : " on " + valid.completedOn()) + ", organisation #" + valid.organisationId()
                    + ", person " + (valid.personId() == null ? "none" : "#" + valid.personId()) + ", due " + valid.dueDate()
                    + (valid.count() == null ? "" : ", count " + valid.count()));
            return dao.findPropertyStep(propertyStepId, today).orElseThrow(() -> new NotFoundException(PROPERTY_STEP, propertyStepId));
        });
    }

    /** @return how many property steps were marked done (already done ones are left as they are) */
    public int markDone(CurrentUser actor, long rolloutId, StepsDone input) {
        requireRollout(rolloutId);
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        LocalDate today = today();
        RolloutStep step = input.stepId() == null ? null
                : stepsOf(rolloutId).stream().filter(s -> s.id() == input.stepId()).findFirst().orElse(null);
        LocalDate completedOn = input.completedOn() == null ? today : input.completedOn();
        List<Long> propertyIds = input.propertyIds() == null ? List.of() : input.propertyIds();
        // Each property once, however often it is named.
        Set<Long> ids = propertyIds.stream().filter(Objects::nonNull).collect(Collectors.toCollection(LinkedHashSet::new));
        Checks checks = new Checks().required("stepId", input.stepId())
                .check(input.stepId() == null || step != null, "stepId", "error.rollout.unknownStep")
                .check(!propertyIds.isEmpty(), "propertyIds", "error.rollout.noProperties")
                .check(ids.size() <= MARK_DONE_MAX, "propertyIds", "error.tooMany", MARK_DONE_MAX)
                .check(propertyIds.stream().noneMatch(Objects::isNull), "propertyIds", "error.unknownValue");
        completion(checks, "completedOn", completedOn, today);
        if (input.count() != null) {
            count(checks, step == null || step.counted(), input.count());
        }
        checks.throwIfInvalid();
        return jdbi.inTransaction(h -> {
            RolloutDao dao = h.attach(RolloutDao.class);
            // Locked before they are read: who answers for each, and whether it is still open, are checked as they are now.
            dao.lockStepOfProperties(rolloutId, step.id(), ids);
            List<PropertyStep> cells = dao.stepOfProperties(rolloutId, step.id(), ids, today);
            if (cells.size() != ids.size()) {
                throw new InvalidInputException("propertyIds", "error.rollout.propertyNotInRollout");
            }
            boolean manager = canManage(actor, dao.coordinatorOf(rolloutId).orElseThrow(() -> new NotFoundException(ENTITY, rolloutId)));
            // All or nothing: one step the actor may not update refuses the lot.
            for (PropertyStep cell : cells) {
                if (!manager && !actor.isMemberOf(cell.organisationId())) {
                    throw new AccessDeniedException("user " + actor.id() + " may not update property step " + cell.id());
                }
            }
            List<PropertyStep> open = cells.stream().filter(cell -> cell.state().open()).toList();
            if (open.isEmpty()) {
                return 0;
            }
            LocalDate earliest = dao.earliestCompletion(open.stream().map(PropertyStep::propertyId).toList());
            if (earliest != null && completedOn.isBefore(earliest)) {
                throw new InvalidInputException("completedOn", "error.rollout.completedBeforeStart", earliest);
            }
            int marked = dao.markDone(open.stream().map(PropertyStep::id).toList(), completedOn, input.count(), clock.instant(), actor.id());
            reminders.rolloutStepChanged(h, step.id());
            for (PropertyStep cell : open) {
                audit.record(h, actor, AuditAction.UPDATE, PROPERTY_STEP, cell.id(), "Step " + cell.position() + " of property #"
                        + cell.propertyId() + " (rollout #" + rolloutId + "): " + cell.state() + " → DONE on " + completedOn
                        + (input.count() == null ? "" : ", count " + input.count()) + " (marked with others)");
            }
            return marked;
        });
    }

    /** Gives a rollout step to an organisation (null: each property's owner); its open property steps follow. Managers. */
    public Rollout assignStep(CurrentUser actor, long rolloutId, long stepId, Long organisationId) {
        RolloutDao.RolloutRow rollout = requireRollout(rolloutId);
        requireManager(actor, rollout);
        RolloutStep step = stepsOf(rolloutId).stream().filter(s -> s.id() == stepId).findFirst()
                .orElseThrow(() -> new NotFoundException("rollout_step", stepId));
        if (organisationId != null && !organisationId.equals(step.organisationId())) {
            organisations.requireActive(organisationId, "organisationId");
        }
        return jdbi.inTransaction(h -> {
            RolloutDao dao = h.attach(RolloutDao.class);
            dao.assignStep(stepId, organisationId);
            int moved = dao.reassignOpenSteps(rolloutId, stepId, organisationId, clock.instant(), actor.id());
            reminders.rolloutStepChanged(h, stepId);
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, rolloutId, "Step " + step.position() + " of rollout " + rollout.name()
                    + ": organisation " + (step.organisationId() == null ? "each owner" : "#" + step.organisationId()) + " → "
                    + (organisationId == null ? "each owner" : "#" + organisationId) + ", " + moved + " open property steps follow");
            return load(h, rolloutId);
        });
    }

    /**
     * Open steps of the actor's organisations, by due date and then id. {@code after} is the id of the last step of the
     * previous page; the page continues after that step's due date and id as they are now. A step whose due date has
     * moved since is continued from where it is now (steps between may be shown twice or left out, as when someone
     * else's change reorders a list being read); a step that is no longer there starts the list over, rather than
     * ending it.
     */
    public Page<PropertyStep> mySteps(CurrentUser actor, Long after, Integer limit) {
        if (actor.organisationIds().isEmpty()) {
            return new Page<>(List.of(), null);
        }
        int size = Page.clampLimit(limit);
        LocalDate today = today();
        List<PropertyStep> rows = jdbi.withExtension(RolloutDao.class, dao -> dao.openStepsOf(actor.organisationIds(), after, size + 1,
                today));
        return Page.of(rows, size, PropertyStep::id);
    }

    public boolean canManage(CurrentUser actor, Rollout rollout) {
        return canManage(actor, rollout.coordinatorId());
    }

    /** Whether the actor may update this step at all (managers, or members of its organisation). */
    public boolean canUpdate(CurrentUser actor, PropertyStep step) {
        return actor.isMemberOf(step.organisationId()) || isManager(actor, step.rolloutId());
    }

    /** The same, for a step of a rollout the caller already has (the board asks for every cell: no query per cell). */
    public boolean canUpdate(CurrentUser actor, Rollout rollout, PropertyStep step) {
        return actor.isMemberOf(step.organisationId()) || canManage(actor, rollout);
    }

    public boolean canCreate(CurrentUser actor) {
        return actor.isAdmin() || actor.isCoordinator();
    }

    /**
     * Apartments covered on a day, for the programme's derived indicators: a covering step counts as done on {@code asOf}
     * when it is DONE with {@code completedOn <= asOf}. Not confidential: counts only.
     */
    public int coveredApartments(long rolloutId, LocalDate asOf) {
        return jdbi.withExtension(RolloutDao.class, dao -> {
            dao.findRollout(rolloutId).orElseThrow(() -> new NotFoundException(ENTITY, rolloutId));
            return dao.coveredApartments(List.of(rolloutId), asOf);
        });
    }

    // Reading

    private Rollout load(Handle h, long id) {
        RolloutDao dao = h.attach(RolloutDao.class);
        return assemble(dao, List.of(dao.findRollout(id).orElseThrow(() -> new NotFoundException(ENTITY, id)))).get(0);
    }

    /** Rollouts with their steps and progress: three queries for a whole page. */
    private List<Rollout> assemble(RolloutDao dao, List<RolloutDao.RolloutRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(RolloutDao.RolloutRow::id).toList();
        Map<Long, List<RolloutStep>> steps = dao.stepsOf(ids).stream().collect(Collectors.groupingBy(RolloutDao.StepRow::rolloutId,
                Collectors.mapping(RolloutDao.StepRow::step, Collectors.toList())));
        Map<Long, Progress> progress = dao.progressOfRollouts(ids, today()).stream()
                .collect(Collectors.toMap(RolloutDao.Totals::id, RolloutDao.Totals::progress));
        return rows.stream().map(r -> new Rollout(r.id(), r.templateId(), r.templateName(), r.templateVersion(), r.name(), r.areaId(),
                r.areaName(), r.startDate(), r.targetDate(), r.coordinatorId(), r.coordinatorName(), steps.getOrDefault(r.id(), List.of()),
                progress.getOrDefault(r.id(), Progress.NONE), r.createdAt(), r.updatedAt())).toList();
    }

    private RolloutProperty loadProperty(Handle h, long propertyId) {
        RolloutDao dao = h.attach(RolloutDao.class);
        RolloutDao.PropertyRow row = dao.findProperty(propertyId).orElseThrow(() -> new NotFoundException(PROPERTY, propertyId));
        return withSteps(dao, List.of(row), today()).get(0);
    }

    /** Properties with their steps: one query for the steps of all of them. */
    private static List<RolloutProperty> withSteps(RolloutDao dao, List<RolloutDao.PropertyRow> rows, LocalDate today) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PropertyStep>> steps = new HashMap<>();
        for (PropertyStep step : dao.stepsOfProperties(rows.stream().map(RolloutDao.PropertyRow::id).toList(), today)) {
            steps.computeIfAbsent(step.propertyId(), id -> new ArrayList<>()).add(step);
        }
        return rows.stream().map(p -> {
            List<PropertyStep> own = List.copyOf(steps.getOrDefault(p.id(), List.of()));
            return new RolloutProperty(p.id(), p.rolloutId(), p.address(), p.ownerOrganisationId(), p.ownerOrganisationName(),
                    p.stairwells(), p.apartments(), p.addedOn(), covered(own), own);
        }).toList();
    }

    /** The coverage rule of {@link Progress}, for one property whose steps are at hand. */
    static boolean covered(List<PropertyStep> steps) {
        List<PropertyStep> covering = steps.stream().filter(PropertyStep::covering).toList();
        return covering.stream().anyMatch(s -> s.state() == StepState.DONE) && covering.stream().noneMatch(s -> s.state().open());
    }

    private List<RolloutStep> stepsOf(long rolloutId) {
        return jdbi.withExtension(RolloutDao.class, dao -> dao.stepsOf(List.of(rolloutId))).stream().map(RolloutDao.StepRow::step).toList();
    }

    private RolloutDao.RolloutRow requireRollout(long id) {
        return jdbi.withExtension(RolloutDao.class, dao -> dao.findRollout(id)).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    private RolloutDao.PropertyRow requireProperty(long id) {
        return jdbi.withExtension(RolloutDao.class, dao -> dao.findProperty(id)).orElseThrow(() -> new NotFoundException(PROPERTY, id));
    }

    // Who may

    private static boolean canManage(CurrentUser actor, long coordinatorId) {
        return actor.isAdmin() || actor.id() == coordinatorId;
    }

    private boolean isManager(CurrentUser actor, long rolloutId) {
        return actor.isAdmin() || jdbi.withExtension(RolloutDao.class, dao -> dao.coordinatorOf(rolloutId)).orElse(-1L) == actor.id();
    }

    private static void requireManager(CurrentUser actor, RolloutDao.RolloutRow rollout) {
        if (!canManage(actor, rollout.coordinatorId())) {
            throw new AccessDeniedException("only admins and the coordinator of rollout #" + rollout.id() + " manage it (user " + actor.id()
                    + ")");
        }
    }

    /** A rollout's coordinator: an active user with the coordinator or admin role. */
    private boolean canCoordinate(long userId) {
        try {
            CurrentUser user = users.principalOf(userId);
            return user.isAdmin() || user.isCoordinator();
        } catch (NotFoundException e) {
            return false;
        }
    }

    // Validation

    private record NewRollout(MethodTemplate template, Area area, String name, LocalDate startDate, LocalDate targetDate,
                              long coordinatorId, Map<Integer, Long> namedStepOrganisations, List<RolloutDao.NewProperty> properties) {
    }

    private record ValidStep(StepState state, LocalDate completedOn, String note, Integer count, Long personId, long organisationId,
                             LocalDate dueDate, String notApplicableReason) {
    }

    /** Every field's problem at once, so that a refused form shows them all together. */
    private NewRollout validate(CurrentUser actor, RolloutInput input) {
        List<FieldError> problems = new ArrayList<>();
        MethodTemplate template = input.templateId() == null ? missing(problems, "templateId")
                : InvalidInputException.collect(problems, () -> templates.requireActive(input.templateId(), "templateId"));
        Area area = input.areaId() == null ? missing(problems, "areaId") : InvalidInputException.collect(problems, () -> areas.require(input.areaId(), "areaId"));
        String name = Checks.clean(input.name());
        Long coordinatorId = input.coordinatorId() != null ? input.coordinatorId() : actor == null ? null : actor.id();
        Checks checks = new Checks().freeText("name", name, NAME_MAX)
                .required("startDate", input.startDate()).required("targetDate", input.targetDate())
                .check(plausible(input.startDate()), "startDate", "error.dateYear")
                .check(plausible(input.targetDate()), "targetDate", "error.dateYear")
                .check(input.startDate() == null || input.targetDate() == null || !input.targetDate().isBefore(input.startDate()),
                        "targetDate", "error.rollout.targetBeforeStart")
                .required("coordinatorId", coordinatorId)
                .check(coordinatorId == null || canCoordinate(coordinatorId), "coordinatorId", "error.rollout.coordinator");
        List<RolloutInput.StepOrganisation> named = input.stepOrganisations() == null ? List.of() : input.stepOrganisations();
        Map<Integer, Long> namedOrganisations = new HashMap<>();
        for (int i = 0; i < named.size(); i++) {
            RolloutInput.StepOrganisation chosen = named.get(i);
            String field = "stepOrganisations[" + i + "]";
            if (chosen == null || chosen.position() == null) {
                problems.add(new FieldError(field + ".position", "error.required"));
                continue;
            }
            if (template != null && template.steps().stream().noneMatch(s -> s.position() == chosen.position())) {
                problems.add(new FieldError(field + ".position", "error.rollout.unknownStep"));
            } else if (namedOrganisations.containsKey(chosen.position())) {
                problems.add(new FieldError(field + ".position", "error.rollout.stepTwice"));
            }
            if (chosen.organisationId() != null) {
                InvalidInputException.collect(problems, () -> organisations.requireActive(chosen.organisationId(), field + ".organisationId"));
            }
            namedOrganisations.put(chosen.position(), chosen.organisationId());
        }
        List<PropertyInput> given = input.properties() == null ? List.of() : input.properties();
        checks.check(given.size() <= PROPERTIES_MAX, "properties", "error.tooMany", PROPERTIES_MAX);
        List<RolloutDao.NewProperty> properties = new ArrayList<>();
        Set<String> addresses = new HashSet<>();
        // The owners are looked up once each, together, not once per property.
        Map<Long, Organisation> owners = organisations.findAll(given.stream().limit(PROPERTIES_MAX)
                        .map(p -> p == null ? null : p.ownerOrganisationId()).filter(Objects::nonNull).distinct().toList())
                .stream().collect(Collectors.toMap(Organisation::id, o -> o));
        for (int i = 0; i < given.size() && i < PROPERTIES_MAX; i++) {
            String prefix = "properties[" + i + "].";
            RolloutDao.NewProperty property = collectProperty(problems, prefix, given.get(i), null, owners);
            if (property != null) {
                if (!addresses.add(property.address().toLowerCase(Locale.ROOT))) {
                    problems.add(new FieldError(prefix + "address", "error.rollout.addressTaken"));
                }
                properties.add(property);
            }
        }
        InvalidInputException.collect(problems, () -> {
            checks.throwIfInvalid();
            return null;
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String defaultName = template.name() + " i " + area.name();
        String chosenName = name != null ? name : defaultName.substring(0, Math.min(defaultName.length(), NAME_MAX));
        return new NewRollout(template, area, chosenName, input.startDate(), input.targetDate(), coordinatorId, namedOrganisations,
                properties);
    }

    /**
     * Who answers for each step, by position: the organisation named for it; else the one active member organisation of the
     * area's network groups of the step's type, when there is exactly one; else (null) each property's owner.
     */
    private Map<Integer, Long> stepOrganisations(NewRollout valid) {
        List<Organisation> members = organisations.findAll(networkGroups.memberOrganisationIdsOfArea(valid.area().id())).stream()
                .filter(Organisation::active).toList();
        Map<Integer, Long> chosen = new LinkedHashMap<>();
        for (TemplateStep step : valid.template().steps()) {
            if (valid.namedStepOrganisations().containsKey(step.position())) {
                chosen.put(step.position(), valid.namedStepOrganisations().get(step.position()));
            } else {
                List<Organisation> ofType = members.stream().filter(o -> o.type() == step.responsibleType()).toList();
                chosen.put(step.position(), ofType.size() == 1 ? ofType.get(0).id() : null);
            }
        }
        return chosen;
    }

    private RolloutDao.NewProperty validProperty(PropertyInput input, Long currentOwner) {
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        List<FieldError> problems = new ArrayList<>();
        RolloutDao.NewProperty valid = collectProperty(problems, "", input, currentOwner, null);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return valid;
    }

    /**
     * A property's problems go to {@code problems} under {@code prefix}; null when it has any.
     *
     * @param owners the organisations the owners named are, already read (for many properties at once); null: read here
     */
    private RolloutDao.NewProperty collectProperty(List<FieldError> problems, String prefix, PropertyInput input, Long currentOwner,
                                                  Map<Long, Organisation> owners) {
        if (input == null) {
            problems.add(new FieldError(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "error.required"));
            return null;
        }
        int before = problems.size();
        String address = Checks.clean(input.address());
        Long owner = input.ownerOrganisationId();
        InvalidInputException.collect(problems, () -> {
            new Checks().required(prefix + "address", address).freeText(prefix + "address", address, ADDRESS_MAX)
                    .required(prefix + "ownerOrganisationId", owner)
                    .required(prefix + "stairwells", input.stairwells())
                    .check(input.stairwells() == null || (input.stairwells() >= 1 && input.stairwells() <= STAIRWELLS_MAX),
                            prefix + "stairwells", "error.between", 1, STAIRWELLS_MAX)
                    .required(prefix + "apartments", input.apartments())
                    .check(input.apartments() == null || (input.apartments() >= 0 && input.apartments() <= APARTMENTS_MAX),
                            prefix + "apartments", "error.between", 0, APARTMENTS_MAX)
                    .throwIfInvalid();
            return null;
        });
        // The owner it has stays allowed even if deactivated since; a new one must be active.
        if (owner != null && !owner.equals(currentOwner)) {
            if (owners == null) {
                InvalidInputException.collect(problems, () -> organisations.requireActive(owner, prefix + "ownerOrganisationId"));
            } else if (!owners.containsKey(owner)) {
                problems.add(new FieldError(prefix + "ownerOrganisationId", "error.unknownOrganisation"));
            } else if (!owners.get(owner).active()) {
                problems.add(new FieldError(prefix + "ownerOrganisationId", "error.inactiveOrganisation"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new RolloutDao.NewProperty(address, owner, input.stairwells(), input.apartments());
    }

    /**
     * @param earliest the earliest day the step can have been done ({@link RolloutDao#earliestCompletion}); a day sent
     *                 that differs from the one stored must not be before it
     */
    private ValidStep validStep(PropertyStep current, PropertyStepInput input, LocalDate earliest, LocalDate today) {
        StepState state = input.state();
        long organisationId = input.organisationId() == null ? current.organisationId() : input.organisationId();
        LocalDate dueDate = input.dueDate() == null ? current.dueDate() : input.dueDate();
        // Saving a done step again (a note added) keeps the day it was done; today only when it becomes done.
        LocalDate completedOn = state != StepState.DONE ? null
                : input.completedOn() != null ? input.completedOn()
                : current.state() == StepState.DONE && current.completedOn() != null ? current.completedOn() : today;
        String note = Checks.clean(input.note());
        String reason = state == StepState.NOT_APPLICABLE ? Checks.clean(input.notApplicableReason()) : null;
        List<FieldError> problems = new ArrayList<>();
        // Dates are checked as sent and changed: what is stored stays allowed (a step due in 2101 from a start late in
        // 2100, a day done before a start moved later since), so a form sent back as it was is never refused for it.
        boolean newDueDate = input.dueDate() != null && !input.dueDate().equals(current.dueDate());
        boolean newCompletedOn = completedOn != null && !completedOn.equals(current.completedOn());
        Checks checks = new Checks().required("state", state)
                .check(!newDueDate || plausible(dueDate), "dueDate", "error.dateYear")
                .freeText("note", note, NOTE_MAX);
        completion(checks, "completedOn", completedOn, today);
        checks.check(!newCompletedOn || earliest == null || !completedOn.isBefore(earliest), "completedOn",
                "error.rollout.completedBeforeStart", earliest);
        if (input.count() != null) {
            count(checks, current.counted(), input.count());
        }
        if (state == StepState.NOT_APPLICABLE) {
            checks.required("notApplicableReason", reason).freeText("notApplicableReason", reason, REASON_MAX);
        }
        InvalidInputException.collect(problems, () -> {
            checks.throwIfInvalid();
            return null;
        });
        boolean organisationKept = organisationId == current.organisationId();
        if (!organisationKept) {
            InvalidInputException.collect(problems, () -> organisations.requireActive(organisationId, "organisationId"));
        }
        // The person named already stays while the organisation does; a new one must be one of its active members.
        Long personId = input.personId();
        if (personId != null && !(organisationKept && personId.equals(current.personId())) && !users.isActiveMember(personId, organisationId)) {
            problems.add(new FieldError("personId", "error.notAMember"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ValidStep(state, completedOn, note, input.count(), personId, organisationId, dueDate, reason);
    }

    private static void completion(Checks checks, String field, LocalDate completedOn, LocalDate today) {
        checks.check(plausible(completedOn), field, "error.dateYear")
                .check(completedOn == null || !completedOn.isAfter(today), field, "error.rollout.completedInFuture");
    }

    private static void count(Checks checks, boolean counted, int count) {
        checks.check(counted, "count", "error.rollout.notCounted")
                .check(count >= 0 && count <= COUNT_MAX, "count", "error.between", 0, COUNT_MAX);
    }

    /** A date in a year far off is a typing mistake, and date arithmetic near the extremes fails. */
    private static boolean plausible(LocalDate date) {
        return date == null || (date.getYear() >= 2000 && date.getYear() <= 2100);
    }

    private static void requireFreeAddress(RolloutDao dao, long rolloutId, String address, Long self) {
        if (dao.propertiesWithAddress(rolloutId, address).stream().anyMatch(id -> !Objects.equals(id, self))) {
            throw new InvalidInputException("address", "error.rollout.addressTaken");
        }
    }

    /** Two requests adding the same address at once: the second meets the unique constraint, and is told as if it had looked. */
    private static <T> T addressUnique(Supplier<T> write) {
        try {
            return write.get();
        } catch (UnableToExecuteStatementException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    throw new InvalidInputException("address", "error.rollout.addressTaken");
                }
            }
            throw e;
        }
    }

    private static <T> T missing(List<FieldError> problems, String field) {
        problems.add(new FieldError(field, "error.required"));
        return null;
    }


    // Programme follow-up: coverage for derived indicators

    /**
     * The apartments each rollout covered on each of the days (the rule of {@link #coveredApartments(long, LocalDate)}),
     * with the rollout's area: one row per rollout that exists and day, in the order of the rollouts' ids and then the
     * days. Two queries whatever the number of days: when each property became covered, summed up to each day here.
     */
    public List<RolloutCoverage> coveredApartments(Collection<Long> rolloutIds, List<LocalDate> days) {
        if (rolloutIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withExtension(RolloutDao.class, dao -> {
            Map<Long, List<RolloutDao.CoveredOn>> covered = dao.coveredOn(rolloutIds).stream()
                    .collect(Collectors.groupingBy(RolloutDao.CoveredOn::rolloutId));
            List<RolloutCoverage> coverage = new ArrayList<>();
            for (RolloutDao.RolloutArea rollout : dao.areasOf(rolloutIds)) {
                List<RolloutDao.CoveredOn> own = covered.getOrDefault(rollout.id(), List.of());
                for (LocalDate day : days) {
                    long apartments = own.stream().filter(c -> !c.coveredOn().isAfter(day)).mapToLong(RolloutDao.CoveredOn::apartments).sum();
                    coverage.add(new RolloutCoverage(rollout.id(), rollout.areaId(), day, apartments));
                }
            }
            return coverage;
        });
    }
}
