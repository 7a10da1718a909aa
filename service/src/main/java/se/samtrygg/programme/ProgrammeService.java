package se.samtrygg.programme;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.activity.CategoryService;
import se.samtrygg.area.AreaService;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.web.Dates;
import se.samtrygg.identity.Access;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.organisation.OrganisationService;
import se.samtrygg.rollout.RolloutService;

/**
 * Programme follow-up: the tree (programme → focus area → goal → measure), indicators and their values, statuses with
 * overrides, comments per period and the annual report.
 *
 * <p>Rules. Everyone signed in reads all of it (programme follow-up is about aggregates; derived values count
 * ORGANISATION-visible records without exposing them). Admins and officials ({@code Access.requireProgrammeEditor})
 * create, change and delete programmes, focus areas, goals, measures and indicators, enter and delete measurements, and
 * set or clear status overrides. Admins, officials and coordinators ({@code Access.requireProgressCommenter}) comment;
 * a comment is deleted by its author or an admin. Everything that changes is audited in the same transaction (entities
 * "programme", "focus_area", "programme_goal", "measure", "indicator", "measurement", "status_override" (with the
 * subject in the summary: "indicator 12: OFF_TRACK"), "progress_comment"); an override's audit entry names the
 * status, never the justification text.
 *
 * <p>Deleting: a programme, focus area, goal or measure only when nothing hangs under it (422, "error.programme.notEmpty"
 * on field "id"); an indicator with its measurements and comments; goal and measure comments go with them.
 *
 * <p>Validation (422 with field errors): names required ≤200 and descriptions ≤4000 through {@code Checks.freeText};
 * unit required ≤50 (freeText); dates 2000–2100; period start ≤ end, measure start ≤ end; responsible organisation
 * active; areas, rollouts (not serving another measure: "error.measure.rolloutTaken") and activity types (kind
 * ACTIVITY_TYPE) must exist; baseline value and date together, target value and date together, target date after the
 * baseline date, and for HIGHER_IS_BETTER a target not below the baseline (LOWER_IS_BETTER: not above); DERIVED needs
 * source and period, MANUAL has neither (and no lists); measurement date not in the future, value required, area
 * optional (must exist), source ≤200 and comment ≤2000 freeText; measurements only on MANUAL indicators
 * ("error.indicator.notManual"); override status not NO_DATA, justification required ≤2000 freeText; comment year
 * 2000–2100, quarter 1–4 or null, text required ≤4000 freeText.
 *
 * <p>Values and status: an indicator's series is its measurements without area (MANUAL, one point each, oldest first)
 * or {@link DerivedIndicators#series} from its baseline date (else the programme's period start) to today (DERIVED);
 * its latest value the last non-partial point on or before the day asked; its status {@link StatusRule#assess} as of
 * that day, unless overridden. A measure's status combines its indicators; a goal's its own indicators and its measures
 * ({@link StatusRule#combine}).
 */
public final class ProgrammeService {
    static final String ENTITY = "programme";

    private final Jdbi jdbi;
    private final AuditService audit;
    private final OrganisationService organisations;
    private final AreaService areas;
    private final CategoryService categories;
    private final RolloutService rollouts;
    private final DerivedIndicators derived;
    private final Clock clock;

    public ProgrammeService(Jdbi jdbi, AuditService audit, OrganisationService organisations, AreaService areas, CategoryService categories,
                            RolloutService rollouts, DerivedIndicators derived, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.organisations = organisations;
        this.areas = areas;
        this.categories = categories;
        this.rollouts = rollouts;
        this.derived = derived;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Dates.ZONE));
    }

    // Programmes

    /** All programmes, newest period first. Not paged: a municipality has a handful. */
    public List<Programme> list(CurrentUser actor) {
        throw new UnsupportedOperationException("contract");
    }

    public Programme get(CurrentUser actor, long id) {
        throw new UnsupportedOperationException("contract");
    }

    /** @param actor null when the system creates it (demo data) — so for every create/add method below */
    public Programme create(CurrentUser actor, ProgrammeInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public Programme update(CurrentUser actor, long id, ProgrammeInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public void delete(CurrentUser actor, long id) {
        throw new UnsupportedOperationException("contract");
    }

    /** The tree with every status and latest value as of today. */
    public ProgrammeOverview overview(CurrentUser actor, long programmeId) {
        throw new UnsupportedOperationException("contract");
    }

    // Focus areas

    public FocusArea getFocusArea(CurrentUser actor, long id) {
        throw new UnsupportedOperationException("contract");
    }

    public FocusArea addFocusArea(CurrentUser actor, long programmeId, FocusAreaInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public FocusArea updateFocusArea(CurrentUser actor, long id, FocusAreaInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public void deleteFocusArea(CurrentUser actor, long id) {
        throw new UnsupportedOperationException("contract");
    }

    // Goals

    public GoalDetail goal(CurrentUser actor, long id) {
        throw new UnsupportedOperationException("contract");
    }

    public Goal addGoal(CurrentUser actor, long focusAreaId, GoalInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public Goal updateGoal(CurrentUser actor, long id, GoalInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public void deleteGoal(CurrentUser actor, long id) {
        throw new UnsupportedOperationException("contract");
    }

    // Measures

    public MeasureDetail measure(CurrentUser actor, long id) {
        throw new UnsupportedOperationException("contract");
    }

    public Measure addMeasure(CurrentUser actor, long goalId, MeasureInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public Measure updateMeasure(CurrentUser actor, long id, MeasureInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public void deleteMeasure(CurrentUser actor, long id) {
        throw new UnsupportedOperationException("contract");
    }

    /** The measure a rollout serves, if any (for the rollout page). */
    public Optional<Ref> measureOfRollout(long rolloutId) {
        throw new UnsupportedOperationException("contract");
    }

    // Indicators

    public IndicatorDetail indicator(CurrentUser actor, long id) {
        throw new UnsupportedOperationException("contract");
    }

    public Indicator createIndicator(CurrentUser actor, IndicatorInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public Indicator updateIndicator(CurrentUser actor, long id, IndicatorInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public void deleteIndicator(CurrentUser actor, long id) {
        throw new UnsupportedOperationException("contract");
    }

    // Measurements

    public Measurement getMeasurement(CurrentUser actor, long id) {
        throw new UnsupportedOperationException("contract");
    }

    public Measurement addMeasurement(CurrentUser actor, long indicatorId, MeasurementInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public void deleteMeasurement(CurrentUser actor, long id) {
        throw new UnsupportedOperationException("contract");
    }

    // Status overrides

    /** Sets a manual status with its justification on a goal, measure or indicator; returns its assessment now. */
    public Assessment overrideStatus(CurrentUser actor, ProgressSubject subject, long id, StatusOverrideInput input) {
        throw new UnsupportedOperationException("contract");
    }

    /** Lets the computed status hold again (audited); returns the assessment now. Clearing none is not an error. */
    public Assessment clearOverride(CurrentUser actor, ProgressSubject subject, long id) {
        throw new UnsupportedOperationException("contract");
    }

    // Comments

    /** The subject's comments, newest year and quarter first, then newest first. */
    public List<ProgressComment> comments(CurrentUser actor, ProgressSubject subject, long subjectId) {
        throw new UnsupportedOperationException("contract");
    }

    public ProgressComment getComment(CurrentUser actor, long id) {
        throw new UnsupportedOperationException("contract");
    }

    public ProgressComment comment(CurrentUser actor, ProgressCommentInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public void deleteComment(CurrentUser actor, long id) {
        throw new UnsupportedOperationException("contract");
    }

    public boolean canEdit(CurrentUser actor) {
        return Access.isProgrammeEditor(actor);
    }

    public boolean canComment(CurrentUser actor) {
        return Access.isProgressCommenter(actor);
    }

    /** Whether the actor may delete the comment: its author, or an admin. */
    public boolean canDelete(CurrentUser actor, ProgressComment comment) {
        return actor.isAdmin() || comment.authorId() == actor.id();
    }

    // The annual report

    /** The report for {@code year} (2000 up to the current year, else 422 on field "year"). */
    public AnnualReport report(CurrentUser actor, long programmeId, int year) {
        throw new UnsupportedOperationException("contract");
    }
}
