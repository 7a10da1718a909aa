package se.samtrygg.rollout;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.area.AreaService;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.Page;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.UserService;
import se.samtrygg.meeting.NetworkGroupService;
import se.samtrygg.organisation.OrganisationService;

/**
 * Rollouts, their properties and their property steps. Everyone signed in reads them. Admins and coordinators start
 * rollouts; the rollout's coordinator and admins ("managers") change it, add and remove properties, reassign and mark
 * steps not applicable; members of the organisation that answers for a property step update that step (state, date,
 * note, count, person), alone or many at once from the board.
 */
public final class RolloutService {
    static final String ENTITY = "rollout";

    private final Jdbi jdbi;
    private final AuditService audit;
    private final MethodTemplateService templates;
    private final AreaService areas;
    private final OrganisationService organisations;
    private final UserService users;
    private final NetworkGroupService networkGroups;
    private final Clock clock;

    public RolloutService(Jdbi jdbi, AuditService audit, MethodTemplateService templates, AreaService areas,
                          OrganisationService organisations, UserService users, NetworkGroupService networkGroups, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.templates = templates;
        this.areas = areas;
        this.organisations = organisations;
        this.users = users;
        this.networkGroups = networkGroups;
        this.clock = clock;
    }

    /** Today in Europe/Stockholm by the service's clock: what "overdue" and default completion dates are counted from. */
    public LocalDate today() {
        throw new UnsupportedOperationException("contract");
    }

    /** @param actor null when the system creates it (demo data); then {@code coordinatorId} is required */
    public Rollout create(CurrentUser actor, RolloutInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public Rollout update(CurrentUser actor, long id, RolloutChange change) {
        throw new UnsupportedOperationException("contract");
    }

    public Rollout get(CurrentUser actor, long id) {
        throw new UnsupportedOperationException("contract");
    }

    /** Newest first (by id, keyset {@code after}), optionally of one area. */
    public Page<Rollout> list(CurrentUser actor, Long areaId, Long after, Integer limit) {
        throw new UnsupportedOperationException("contract");
    }

    /** Per area with rollouts (or the one asked for), by area name. */
    public List<AreaProgress> areaProgress(CurrentUser actor, Long areaId) {
        throw new UnsupportedOperationException("contract");
    }

    /** The board's rows: properties by address order (keyset on id is fine: by id), each with its steps in checklist order. */
    public Page<RolloutProperty> properties(CurrentUser actor, long rolloutId, Long after, Integer limit) {
        throw new UnsupportedOperationException("contract");
    }

    public RolloutProperty property(CurrentUser actor, long propertyId) {
        throw new UnsupportedOperationException("contract");
    }

    /** Adds a property with a step for each of the rollout's steps; due = max(start, today) + offset. */
    public RolloutProperty addProperty(CurrentUser actor, long rolloutId, PropertyInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public RolloutProperty updateProperty(CurrentUser actor, long propertyId, PropertyInput input) {
        throw new UnsupportedOperationException("contract");
    }

    /** Removes a property and its steps (managers; the pages confirm first). */
    public void removeProperty(CurrentUser actor, long propertyId) {
        throw new UnsupportedOperationException("contract");
    }

    public PropertyStep step(CurrentUser actor, long propertyStepId) {
        throw new UnsupportedOperationException("contract");
    }

    public PropertyStep updateStep(CurrentUser actor, long propertyStepId, PropertyStepInput input) {
        throw new UnsupportedOperationException("contract");
    }

    /** @return how many property steps were marked done (already done ones are left as they are) */
    public int markDone(CurrentUser actor, long rolloutId, StepsDone input) {
        throw new UnsupportedOperationException("contract");
    }

    /** Gives a rollout step to an organisation (null: each property's owner); its open property steps follow. Managers. */
    public Rollout assignStep(CurrentUser actor, long rolloutId, long stepId, Long organisationId) {
        throw new UnsupportedOperationException("contract");
    }

    /** Open steps of the actor's organisations, earliest due first (keyset on id within due date is the implementer's choice). */
    public Page<PropertyStep> mySteps(CurrentUser actor, Long after, Integer limit) {
        throw new UnsupportedOperationException("contract");
    }

    public boolean canManage(CurrentUser actor, Rollout rollout) {
        throw new UnsupportedOperationException("contract");
    }

    /** Whether the actor may update this step at all (managers, or members of its organisation). */
    public boolean canUpdate(CurrentUser actor, PropertyStep step) {
        throw new UnsupportedOperationException("contract");
    }

    public boolean canCreate(CurrentUser actor) {
        return actor.isAdmin() || actor.isCoordinator();
    }

    /**
     * Apartments covered on a day, for the programme's derived indicators: a covering step counts as done on {@code asOf}
     * when it is DONE with {@code completedOn <= asOf}. Not confidential: counts only.
     */
    public int coveredApartments(long rolloutId, LocalDate asOf) {
        throw new UnsupportedOperationException("contract");
    }
}
