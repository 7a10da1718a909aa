package se.samtrygg.programme;

import com.codahale.metrics.MetricSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.area.AreaService;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.Checks;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.web.Dates;
import se.samtrygg.identity.Access;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.organisation.OrganisationService;

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
    static final String FOCUS_AREA = "focus_area";
    static final String GOAL = "programme_goal";
    static final String MEASURE = "measure";
    static final String INDICATOR = "indicator";
    static final String MEASUREMENT = "measurement";
    static final String STATUS_OVERRIDE = "status_override";
    static final String COMMENT = "progress_comment";
    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 4000;
    static final int UNIT_MAX = 50;
    static final int SOURCE_MAX = 200;
    static final int MEASUREMENT_COMMENT_MAX = 2000;
    static final int JUSTIFICATION_MAX = 2000;
    static final int COMMENT_MAX = 4000;
    static final int POSITION_MAX = 1000;
    static final int LIST_MAX = 200;
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;
    /** DECIMAL(18,4): fourteen digits before the point. */
    private static final BigDecimal VALUE_LIMIT = new BigDecimal("1E14");
    /** More decimals than any measured value has is a mistake, and rounding away a billion of them would stall the server. */
    private static final int SCALE_LIMIT = 100;

    private final Jdbi jdbi;
    private final AuditService audit;
    private final OrganisationService organisations;
    private final AreaService areas;
    private final DerivedIndicators derived;
    private final Clock clock;

    public ProgrammeService(Jdbi jdbi, AuditService audit, OrganisationService organisations, AreaService areas, DerivedIndicators derived,
                            Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.organisations = organisations;
        this.areas = areas;
        this.derived = derived;
        this.clock = clock;
    }

    /** The derived indicators' metrics (see {@link DerivedIndicators#metrics}), for the admin port. */
    public MetricSet derivedMetrics() {
        return derived.metrics();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(Dates.ZONE));
    }

    // Programmes

    /** All programmes, newest period first. Not paged: a municipality has a handful. */
    public List<Programme> list(CurrentUser actor) {
        return jdbi.withExtension(ProgrammeDao.class, ProgrammeDao::listProgrammes);
    }

    public Programme get(CurrentUser actor, long id) {
        return jdbi.withExtension(ProgrammeDao.class, dao -> requireProgramme(dao, id));
    }

    /** @param actor null when the system creates it (demo data) — so for every create/add method below */
    public Programme create(CurrentUser actor, ProgrammeInput input) {
        if (actor != null) {
            Access.requireProgrammeEditor(actor);
        }
        ProgrammeInput valid = validProgramme(input);
        return jdbi.inTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            requireFreeName(dao.programmesNamed(valid.name()), null);
            long id = dao.insertProgramme(valid, clock.instant());
            audit.record(h, actor, AuditAction.CREATE, ENTITY, id, "Created programme " + valid.name() + " (" + valid.periodStart() + "–"
                    + valid.periodEnd() + ")");
            return requireProgramme(dao, id);
        });
    }

    public Programme update(CurrentUser actor, long id, ProgrammeInput input) {
        Access.requireProgrammeEditor(actor);
        return jdbi.inTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            Programme before = requireProgramme(dao, id);
            ProgrammeInput valid = validProgramme(input);
            requireFreeName(dao.programmesNamed(valid.name()), id);
            dao.updateProgramme(id, valid, clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Changed programme " + before.name() + " → " + valid.name() + ", "
                    + before.periodStart() + "–" + before.periodEnd() + " → " + valid.periodStart() + "–" + valid.periodEnd());
            return requireProgramme(dao, id);
        });
    }

    public void delete(CurrentUser actor, long id) {
        Access.requireProgrammeEditor(actor);
        jdbi.useTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            Programme before = requireProgramme(dao, id);
            requireEmpty(dao.countChildren("focus_area", "programme_id", id));
            dao.deleteProgramme(id);
            audit.record(h, actor, AuditAction.DELETE, ENTITY, id, "Deleted programme " + before.name());
        });
    }

    /** The tree with every status and latest value as of today. */
    public ProgrammeOverview overview(CurrentUser actor, long programmeId) {
        Tree tree = jdbi.withHandle(h -> Tree.load(h.attach(ProgrammeDao.class), programmeId));
        Evaluation evaluation = evaluate(tree, today(), tree.indicators);
        return new ProgrammeOverview(tree.programme, tree.focusAreas.stream()
                .map(f -> new FocusAreaNode(f, tree.goalsOf(f.id()).stream().map(g -> evaluation.goalNode(g)).toList())).toList());
    }

    // Focus areas

    public FocusArea getFocusArea(CurrentUser actor, long id) {
        return jdbi.withExtension(ProgrammeDao.class, dao -> requireFocusArea(dao, id));
    }

    public FocusArea addFocusArea(CurrentUser actor, long programmeId, FocusAreaInput input) {
        if (actor != null) {
            Access.requireProgrammeEditor(actor);
        }
        return jdbi.inTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            Programme programme = requireProgramme(dao, programmeId);
            Named valid = validNamed(input == null ? null : new Named(input.name(), input.description(), input.position()));
            requireFreeName(dao.focusAreasNamed(programmeId, valid.name()), null);
            int position = Positions.FOCUS_AREAS.placeNew(dao, programmeId, valid.position());
            long id = dao.insertFocusArea(programmeId, valid.name(), valid.description(), position, clock.instant());
            audit.record(h, actor, AuditAction.CREATE, FOCUS_AREA, id, "Added focus area " + valid.name() + " to programme #"
                    + programme.id() + " at position " + position);
            return requireFocusArea(dao, id);
        });
    }

    public FocusArea updateFocusArea(CurrentUser actor, long id, FocusAreaInput input) {
        Access.requireProgrammeEditor(actor);
        return jdbi.inTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            FocusArea before = requireFocusArea(dao, id);
            Named valid = validNamed(input == null ? null : new Named(input.name(), input.description(), input.position()));
            requireFreeName(dao.focusAreasNamed(before.programmeId(), valid.name()), id);
            int position = Positions.FOCUS_AREAS.move(dao, before.programmeId(), before.position(), valid.position());
            dao.updateFocusArea(id, valid.name(), valid.description(), position, clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, FOCUS_AREA, id, "Changed focus area " + before.name() + " → " + valid.name()
                    + ", position " + before.position() + " → " + position);
            return requireFocusArea(dao, id);
        });
    }

    public void deleteFocusArea(CurrentUser actor, long id) {
        Access.requireProgrammeEditor(actor);
        jdbi.useTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            FocusArea before = requireFocusArea(dao, id);
            requireEmpty(dao.countChildren("programme_goal", "focus_area_id", id));
            dao.deleteFocusArea(id);
            Positions.FOCUS_AREAS.close(dao, before.programmeId(), before.position());
            audit.record(h, actor, AuditAction.DELETE, FOCUS_AREA, id, "Deleted focus area " + before.name() + " of programme #"
                    + before.programmeId());
        });
    }

    // Goals

    public GoalDetail goal(CurrentUser actor, long id) {
        long programmeId = jdbi.withExtension(ProgrammeDao.class, dao -> requireGoal(dao, id).programmeId());
        Tree tree = jdbi.withHandle(h -> Tree.load(h.attach(ProgrammeDao.class), programmeId));
        Goal goal = tree.goal(id).orElseThrow(() -> new NotFoundException(GOAL, id));
        Evaluation evaluation = evaluate(tree, today(), tree.indicatorsUnderGoal(id));
        List<ProgressComment> comments = jdbi.withExtension(ProgrammeDao.class, dao -> dao.commentsOf(ProgressSubject.GOAL, id));
        return new GoalDetail(tree.programme, tree.focusArea(goal.focusAreaId()), evaluation.goalNode(goal), comments);
    }

    public Goal addGoal(CurrentUser actor, long focusAreaId, GoalInput input) {
        if (actor != null) {
            Access.requireProgrammeEditor(actor);
        }
        return jdbi.inTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            FocusArea focusArea = requireFocusArea(dao, focusAreaId);
            Named valid = validNamed(input == null ? null : new Named(input.name(), input.description(), input.position()));
            requireFreeName(dao.goalsNamed(focusAreaId, valid.name()), null);
            int position = Positions.GOALS.placeNew(dao, focusAreaId, valid.position());
            long id = dao.insertGoal(focusAreaId, valid.name(), valid.description(), position, clock.instant());
            audit.record(h, actor, AuditAction.CREATE, GOAL, id, "Added goal " + valid.name() + " to focus area #" + focusArea.id()
                    + " at position " + position);
            return requireGoal(dao, id).goal();
        });
    }

    public Goal updateGoal(CurrentUser actor, long id, GoalInput input) {
        Access.requireProgrammeEditor(actor);
        return jdbi.inTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            ProgrammeDao.GoalRow before = requireGoal(dao, id);
            Named valid = validNamed(input == null ? null : new Named(input.name(), input.description(), input.position()));
            requireFreeName(dao.goalsNamed(before.focusAreaId(), valid.name()), id);
            int position = Positions.GOALS.move(dao, before.focusAreaId(), before.position(), valid.position());
            dao.updateGoal(id, valid.name(), valid.description(), position, clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, GOAL, id, "Changed goal " + before.name() + " → " + valid.name() + ", position "
                    + before.position() + " → " + position);
            return requireGoal(dao, id).goal();
        });
    }

    public void deleteGoal(CurrentUser actor, long id) {
        Access.requireProgrammeEditor(actor);
        jdbi.useTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            ProgrammeDao.GoalRow before = requireGoal(dao, id);
            requireEmpty(dao.countChildren("measure", "goal_id", id) + dao.countChildren("indicator", "goal_id", id));
            int comments = dao.deleteCommentsOf(ProgressSubject.GOAL, id);
            dao.deleteGoal(id);
            Positions.GOALS.close(dao, before.focusAreaId(), before.position());
            audit.record(h, actor, AuditAction.DELETE, GOAL, id, "Deleted goal " + before.name() + " of focus area #" + before.focusAreaId()
                    + " with " + comments + " comments");
        });
    }

    // Measures

    public MeasureDetail measure(CurrentUser actor, long id) {
        long programmeId = jdbi.withExtension(ProgrammeDao.class, dao -> requireMeasure(dao, id).programmeId());
        Tree tree = jdbi.withHandle(h -> Tree.load(h.attach(ProgrammeDao.class), programmeId));
        Measure measure = tree.measure(id).orElseThrow(() -> new NotFoundException(MEASURE, id));
        Goal goal = tree.goal(measure.goalId()).orElseThrow(() -> new NotFoundException(GOAL, measure.goalId()));
        Evaluation evaluation = evaluate(tree, today(), tree.indicatorsOfMeasure(id));
        List<ProgressComment> comments = jdbi.withExtension(ProgrammeDao.class, dao -> dao.commentsOf(ProgressSubject.MEASURE, id));
        return new MeasureDetail(tree.programme, tree.focusArea(goal.focusAreaId()), goal, evaluation.measureNode(measure), comments);
    }

    public Measure addMeasure(CurrentUser actor, long goalId, MeasureInput input) {
        if (actor != null) {
            Access.requireProgrammeEditor(actor);
        }
        return jdbi.inTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            ProgrammeDao.GoalRow goal = requireGoal(dao, goalId);
            MeasureInput valid = validMeasure(dao, input, null);
            requireFreeName(dao.measuresNamed(goalId, valid.name()), null);
            int position = Positions.MEASURES.placeNew(dao, goalId, valid.position());
            long id = dao.insertMeasure(goalId, valid, position, clock.instant());
            linkMeasure(dao, id, valid);
            audit.record(h, actor, AuditAction.CREATE, MEASURE, id, "Added measure " + valid.name() + " to goal #" + goal.id()
                    + ": organisation #" + valid.responsibleOrganisationId() + ", " + valid.startDate() + "–"
                    + (valid.endDate() == null ? "" : valid.endDate()) + ", areas " + valid.areaIds() + ", rollouts " + valid.rolloutIds()
                    + ", activity types " + valid.activityTypeIds());
            return loadMeasure(dao, id);
        });
    }

    public Measure updateMeasure(CurrentUser actor, long id, MeasureInput input) {
        Access.requireProgrammeEditor(actor);
        return jdbi.inTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            ProgrammeDao.MeasureRow before = requireMeasure(dao, id);
            MeasureInput valid = validMeasure(dao, input, before);
            requireFreeName(dao.measuresNamed(before.goalId(), valid.name()), id);
            int position = Positions.MEASURES.move(dao, before.goalId(), before.position(), valid.position());
            dao.updateMeasure(id, valid, position, clock.instant());
            dao.clearMeasureAreas(id);
            dao.clearMeasureRollouts(id);
            dao.clearMeasureActivityTypes(id);
            linkMeasure(dao, id, valid);
            audit.record(h, actor, AuditAction.UPDATE, MEASURE, id, "Changed measure " + before.name() + " → " + valid.name()
                    + ": organisation #" + valid.responsibleOrganisationId() + ", " + valid.startDate() + "–"
                    + (valid.endDate() == null ? "" : valid.endDate()) + ", position " + position + ", areas " + valid.areaIds()
                    + ", rollouts " + valid.rolloutIds() + ", activity types " + valid.activityTypeIds());
            return loadMeasure(dao, id);
        });
    }

    public void deleteMeasure(CurrentUser actor, long id) {
        Access.requireProgrammeEditor(actor);
        jdbi.useTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            ProgrammeDao.MeasureRow before = requireMeasure(dao, id);
            requireEmpty(dao.countChildren("indicator", "measure_id", id));
            int comments = dao.deleteCommentsOf(ProgressSubject.MEASURE, id);
            dao.deleteMeasure(id);
            Positions.MEASURES.close(dao, before.goalId(), before.position());
            audit.record(h, actor, AuditAction.DELETE, MEASURE, id, "Deleted measure " + before.name() + " of goal #" + before.goalId()
                    + " with " + comments + " comments");
        });
    }

    /** The measure a rollout serves, if any (for the rollout page). */
    public Optional<Ref> measureOfRollout(long rolloutId) {
        return jdbi.withExtension(ProgrammeDao.class, dao -> dao.measureOfRollout(rolloutId));
    }

    // Indicators

    public IndicatorDetail indicator(CurrentUser actor, long id) {
        long programmeId = jdbi.withExtension(ProgrammeDao.class, dao -> requireIndicator(dao, id).programmeId());
        Tree tree = jdbi.withHandle(h -> Tree.load(h.attach(ProgrammeDao.class), programmeId));
        Indicator indicator = tree.indicator(id).orElseThrow(() -> new NotFoundException(INDICATOR, id));
        LocalDate today = today();
        List<Measurement> measurements = List.of();
        List<DataPoint> series;
        DataPoint latest;
        List<AreaValue> byArea;
        if (indicator.kind() == IndicatorKind.MANUAL) {
            measurements = jdbi.withExtension(ProgrammeDao.class, dao -> dao.measurementsOf(id));
            series = measurements.stream().filter(m -> m.areaId() == null).map(ProgrammeService::point)
                    .sorted(Comparator.comparing(DataPoint::to)).toList();
            latest = latestOf(series, today);
            byArea = manualByArea(tree, indicator, measurements);
        } else {
            DerivedQuery query = tree.query(indicator);
            LocalDate from = indicator.baselineDate() != null ? indicator.baselineDate() : tree.programme.periodStart();
            series = from.isAfter(today) ? List.of() : derived.series(query, indicator.period(), from, today);
            latest = derived.latest(query, indicator.period(), today);
            byArea = derived.byArea(query, indicator.period(), today);
        }
        Assessment assessment = Assessment.of(StatusRule.assess(indicator, latest, today), indicator.override());
        List<ProgressComment> comments = jdbi.withExtension(ProgrammeDao.class, dao -> dao.commentsOf(ProgressSubject.INDICATOR, id));
        return new IndicatorDetail(indicator, series, latest, assessment, byArea, measurements, comments);
    }

    public Indicator createIndicator(CurrentUser actor, IndicatorInput input) {
        if (actor != null) {
            Access.requireProgrammeEditor(actor);
        }
        return jdbi.inTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            IndicatorInput valid = validIndicator(dao, input, null);
            boolean onGoal = valid.goalId() != null;
            long owner = onGoal ? valid.goalId() : valid.measureId();
            Positions positions = onGoal ? Positions.GOAL_INDICATORS : Positions.MEASURE_INDICATORS;
            int position = positions.placeNew(dao, owner, valid.position());
            long id = dao.insertIndicator(valid, position, clock.instant());
            linkIndicator(dao, id, valid);
            audit.record(h, actor, AuditAction.CREATE, INDICATOR, id, "Added " + valid.kind() + " indicator " + valid.name() + " to "
                    + (onGoal ? "goal #" : "measure #") + owner + describe(valid));
            return loadIndicator(dao, id);
        });
    }

    public Indicator updateIndicator(CurrentUser actor, long id, IndicatorInput input) {
        Access.requireProgrammeEditor(actor);
        return jdbi.inTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            ProgrammeDao.IndicatorRow before = requireIndicator(dao, id);
            IndicatorInput valid = validIndicator(dao, input, before);
            boolean onGoal = before.goalId() != null;
            long owner = onGoal ? before.goalId() : before.measureId();
            Positions positions = onGoal ? Positions.GOAL_INDICATORS : Positions.MEASURE_INDICATORS;
            int position = positions.move(dao, owner, before.position(), valid.position());
            dao.updateIndicator(id, valid, position, clock.instant());
            dao.clearIndicatorAreas(id);
            dao.clearIndicatorRollouts(id);
            dao.clearIndicatorActivityTypes(id);
            linkIndicator(dao, id, valid);
            audit.record(h, actor, AuditAction.UPDATE, INDICATOR, id, "Changed indicator " + before.name() + " → " + valid.name()
                    + ", position " + position + describe(valid));
            return loadIndicator(dao, id);
        });
    }

    public void deleteIndicator(CurrentUser actor, long id) {
        Access.requireProgrammeEditor(actor);
        jdbi.useTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            ProgrammeDao.IndicatorRow before = requireIndicator(dao, id);
            int measurements = dao.measurementsOf(id).size();
            int comments = dao.deleteCommentsOf(ProgressSubject.INDICATOR, id);
            dao.deleteIndicator(id);
            if (before.goalId() != null) {
                Positions.GOAL_INDICATORS.close(dao, before.goalId(), before.position());
            } else {
                Positions.MEASURE_INDICATORS.close(dao, before.measureId(), before.position());
            }
            audit.record(h, actor, AuditAction.DELETE, INDICATOR, id, "Deleted indicator " + before.name() + " with " + measurements
                    + " measurements and " + comments + " comments");
        });
    }

    // Measurements

    public Measurement getMeasurement(CurrentUser actor, long id) {
        return jdbi.withExtension(ProgrammeDao.class, dao -> dao.findMeasurement(id)).orElseThrow(() -> new NotFoundException(MEASUREMENT, id));
    }

    public Measurement addMeasurement(CurrentUser actor, long indicatorId, MeasurementInput input) {
        if (actor != null) {
            Access.requireProgrammeEditor(actor);
        }
        return jdbi.inTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            ProgrammeDao.IndicatorRow indicator = requireIndicator(dao, indicatorId);
            if (indicator.kind() != IndicatorKind.MANUAL) {
                throw new InvalidInputException("indicatorId", "error.indicator.notManual");
            }
            MeasurementInput valid = validMeasurement(input);
            long id = dao.insertMeasurement(indicatorId, valid, actor == null ? null : actor.id(), clock.instant());
            audit.record(h, actor, AuditAction.CREATE, MEASUREMENT, id, "Entered " + valid.value().toPlainString() + " on "
                    + valid.measuredOn() + " for indicator #" + indicatorId + (valid.areaId() == null ? "" : " in area #" + valid.areaId()));
            return dao.findMeasurement(id).orElseThrow();
        });
    }

    public void deleteMeasurement(CurrentUser actor, long id) {
        Access.requireProgrammeEditor(actor);
        jdbi.useTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            Measurement before = dao.findMeasurement(id).orElseThrow(() -> new NotFoundException(MEASUREMENT, id));
            dao.deleteMeasurement(id);
            audit.record(h, actor, AuditAction.DELETE, MEASUREMENT, id, "Deleted the value " + before.value().toPlainString() + " of "
                    + before.measuredOn() + " from indicator #" + before.indicatorId());
        });
    }

    // Status overrides

    /** Sets a manual status with its justification on a goal, measure or indicator; returns its assessment now. */
    public Assessment overrideStatus(CurrentUser actor, ProgressSubject subject, long id, StatusOverrideInput input) {
        Access.requireProgrammeEditor(actor);
        long programmeId = jdbi.inTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            long programme = requireSubject(dao, subject, id);
            if (input == null) {
                throw new InvalidInputException("body", "error.bodyRequired");
            }
            String justification = Checks.clean(input.justification());
            new Checks().required("status", input.status())
                    .check(input.status() != ProgrammeStatus.NO_DATA, "status", "error.override.noData")
                    .required("justification", justification).freeText("justification", justification, JUSTIFICATION_MAX)
                    .throwIfInvalid();
            dao.setOverride(table(subject), id, input.status(), justification, actor.id(), clock.instant());
            // The justification stays out of the log: it is shown beside the status, and the log is read by fewer people.
            audit.record(h, actor, AuditAction.UPDATE, STATUS_OVERRIDE, id, subjectName(subject) + " " + id + ": " + input.status());
            return programme;
        });
        return assessmentNow(programmeId, subject, id);
    }

    /** Lets the computed status hold again (audited); returns the assessment now. Clearing none is not an error. */
    public Assessment clearOverride(CurrentUser actor, ProgressSubject subject, long id) {
        Access.requireProgrammeEditor(actor);
        long programmeId = jdbi.inTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            long programme = requireSubject(dao, subject, id);
            dao.setOverride(table(subject), id, null, null, null, null);
            audit.record(h, actor, AuditAction.UPDATE, STATUS_OVERRIDE, id, subjectName(subject) + " " + id + ": cleared, computed status holds");
            return programme;
        });
        return assessmentNow(programmeId, subject, id);
    }

    // Comments

    /** The subject's comments, newest year and quarter first, then newest first. */
    public List<ProgressComment> comments(CurrentUser actor, ProgressSubject subject, long subjectId) {
        if (subject == null) {
            throw new InvalidInputException("subjectType", "error.required");
        }
        return jdbi.withExtension(ProgrammeDao.class, dao -> {
            requireSubject(dao, subject, subjectId);
            return dao.commentsOf(subject, subjectId);
        });
    }

    public ProgressComment getComment(CurrentUser actor, long id) {
        return jdbi.withExtension(ProgrammeDao.class, dao -> dao.findComment(id)).orElseThrow(() -> new NotFoundException(COMMENT, id));
    }

    public ProgressComment comment(CurrentUser actor, ProgressCommentInput input) {
        Access.requireProgressCommenter(actor);
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        return jdbi.inTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            String text = Checks.clean(input.text());
            List<FieldError> problems = new ArrayList<>();
            InvalidInputException.collect(problems, () -> {
                new Checks().required("subjectType", input.subjectType()).required("subjectId", input.subjectId())
                        .required("year", input.year())
                        .check(input.year() == null || (input.year() >= FIRST_YEAR && input.year() <= LAST_YEAR), "year", "error.between",
                                FIRST_YEAR, LAST_YEAR)
                        .check(input.quarter() == null || (input.quarter() >= 1 && input.quarter() <= 4), "quarter", "error.between", 1, 4)
                        .required("text", text).freeText("text", text, COMMENT_MAX)
                        .throwIfInvalid();
                return null;
            });
            if (input.subjectType() != null && input.subjectId() != null && !subjectExists(dao, input.subjectType(), input.subjectId())) {
                problems.add(new FieldError("subjectId", "error.unknownValue"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            ProgressCommentInput valid = new ProgressCommentInput(input.subjectType(), input.subjectId(), input.year(), input.quarter(), text);
            long id = dao.insertComment(valid, actor.id(), clock.instant());
            audit.record(h, actor, AuditAction.CREATE, COMMENT, id, "Commented on " + subjectName(valid.subjectType()) + " "
                    + valid.subjectId() + " for " + valid.year() + (valid.quarter() == null ? "" : " Q" + valid.quarter()));
            return dao.findComment(id).orElseThrow();
        });
    }

    public void deleteComment(CurrentUser actor, long id) {
        jdbi.useTransaction(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            ProgressComment comment = dao.findComment(id).orElseThrow(() -> new NotFoundException(COMMENT, id));
            if (!canDelete(actor, comment)) {
                throw new AccessDeniedException("only its author and admins delete progress comment " + id + " (user " + actor.id() + ")");
            }
            dao.deleteComment(id);
            audit.record(h, actor, AuditAction.DELETE, COMMENT, id, "Deleted a comment by user #" + comment.authorId() + " on "
                    + subjectName(comment.subjectType()) + " " + comment.subjectId() + " for " + comment.year());
        });
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

    /**
     * The report for {@code year} (2000 up to the current year, else 422 on field "year"). Statuses are as they stood on
     * the year's last day (today for the year under way): values up to that day, and an override only if it was set by
     * then (one set later speaks of a later time).
     */
    public AnnualReport report(CurrentUser actor, long programmeId, int year) {
        LocalDate today = today();
        if (year < FIRST_YEAR || year > today.getYear()) {
            throw new InvalidInputException("year", "error.between", FIRST_YEAR, today.getYear());
        }
        LocalDate asOf = year == today.getYear() ? today : LocalDate.of(year, 12, 31);
        LocalDate from = LocalDate.of(year, 1, 1);
        record Read(Tree tree, List<Measurement> values, List<ProgressComment> comments) {
        }
        Read read = jdbi.withHandle(h -> {
            ProgrammeDao dao = h.attach(ProgrammeDao.class);
            Tree tree = Tree.load(dao, programmeId);
            return new Read(tree, dao.measurementsOfProgramme(programmeId, from, asOf), dao.commentsOfProgramme(programmeId, year));
        });
        Tree tree = read.tree();
        Evaluation evaluation = evaluate(tree, asOf, tree.indicators);
        Map<Long, List<DataPoint>> manualValues = read.values().stream().collect(Collectors.groupingBy(Measurement::indicatorId,
                Collectors.mapping(ProgrammeService::point, Collectors.toList())));
        Map<String, List<ProgressComment>> comments = read.comments().stream()
                .collect(Collectors.groupingBy(c -> c.subjectType() + ":" + c.subjectId()));
        Function<IndicatorSummary, AnnualReport.IndicatorPart> part = summary -> {
            Indicator i = summary.indicator();
            List<DataPoint> values = i.kind() == IndicatorKind.MANUAL ? manualValues.getOrDefault(i.id(), List.of())
                    : derived.series(tree.query(i), i.period(), from, asOf);
            return new AnnualReport.IndicatorPart(i, summary.assessment(), values, summary.latest(),
                    comments.getOrDefault(ProgressSubject.INDICATOR + ":" + i.id(), List.of()));
        };
        List<AnnualReport.Section> sections = tree.focusAreas.stream().map(f -> new AnnualReport.Section(f, tree.goalsOf(f.id()).stream()
                .map(g -> {
                    GoalNode node = evaluation.goalNode(g);
                    List<AnnualReport.MeasurePart> measures = node.measures().stream().map(m -> new AnnualReport.MeasurePart(m.measure(),
                            m.assessment(), m.indicators().stream().map(part).toList(),
                            comments.getOrDefault(ProgressSubject.MEASURE + ":" + m.measure().id(), List.of()))).toList();
                    return new AnnualReport.GoalPart(g, node.assessment(), node.indicators().stream().map(part).toList(), measures,
                            comments.getOrDefault(ProgressSubject.GOAL + ":" + g.id(), List.of()));
                }).toList())).toList();
        return new AnnualReport(tree.programme, year, asOf, sections);
    }

    // Values and statuses

    /**
     * The latest values as of {@code asOf} of the indicators named (every MANUAL one in one query, each DERIVED one by
     * {@link DerivedIndicators#latest}), and from them the statuses of whatever is asked for. Overrides set after
     * {@code asOf} do not hold.
     */
    private Evaluation evaluate(Tree tree, LocalDate asOf, Collection<Indicator> wanted) {
        Map<Long, DataPoint> latest = new HashMap<>();
        if (wanted.stream().anyMatch(i -> i.kind() == IndicatorKind.MANUAL)) {
            jdbi.withExtension(ProgrammeDao.class, dao -> dao.latestMeasurementsOfProgramme(tree.programme.id(), asOf))
                    .forEach(m -> latest.put(m.indicatorId(), point(m)));
        }
        for (Indicator indicator : wanted) {
            if (indicator.kind() == IndicatorKind.DERIVED) {
                DataPoint value = derived.latest(tree.query(indicator), indicator.period(), asOf);
                if (value != null) {
                    latest.put(indicator.id(), value);
                }
            }
        }
        return new Evaluation(tree, asOf, latest);
    }

    private Assessment assessmentNow(long programmeId, ProgressSubject subject, long id) {
        Tree tree = jdbi.withHandle(h -> Tree.load(h.attach(ProgrammeDao.class), programmeId));
        return switch (subject) {
            case GOAL -> evaluate(tree, today(), tree.indicatorsUnderGoal(id)).goalNode(tree.goal(id).orElseThrow()).assessment();
            case MEASURE -> evaluate(tree, today(), tree.indicatorsOfMeasure(id)).measureNode(tree.measure(id).orElseThrow()).assessment();
            case INDICATOR -> {
                Indicator indicator = tree.indicator(id).orElseThrow();
                yield evaluate(tree, today(), List.of(indicator)).summary(indicator).assessment();
            }
        };
    }

    /** Statuses from latest values, bottom up: indicator, measure, goal. */
    private record Evaluation(Tree tree, LocalDate asOf, Map<Long, DataPoint> latest) {
        IndicatorSummary summary(Indicator indicator) {
            DataPoint value = latest.get(indicator.id());
            return new IndicatorSummary(indicator, value, Assessment.of(StatusRule.assess(indicator, value, asOf), holding(indicator.override())));
        }

        MeasureNode measureNode(Measure measure) {
            List<IndicatorSummary> indicators = tree.indicatorsOfMeasure(measure.id()).stream().map(this::summary).toList();
            ProgrammeStatus computed = StatusRule.combine(indicators.stream().map(s -> s.assessment().status()).toList());
            return new MeasureNode(measure, Assessment.of(computed, holding(measure.override())), indicators);
        }

        GoalNode goalNode(Goal goal) {
            List<IndicatorSummary> indicators = tree.indicatorsOfGoal(goal.id()).stream().map(this::summary).toList();
            List<MeasureNode> measures = tree.measuresOf(goal.id()).stream().map(this::measureNode).toList();
            List<ProgrammeStatus> parts = new ArrayList<>();
            indicators.forEach(s -> parts.add(s.assessment().status()));
            measures.forEach(m -> parts.add(m.assessment().status()));
            return new GoalNode(goal, Assessment.of(StatusRule.combine(parts), holding(goal.override())), indicators, measures);
        }

        private StatusOverride holding(StatusOverride override) {
            return override == null || override.setAt() == null || !LocalDate.ofInstant(override.setAt(), Dates.ZONE).isAfter(asOf)
                    ? override : null;
        }
    }

    /** A programme read whole: each level in one query, the lists of all measures and indicators in one more. */
    private record Tree(Programme programme, List<FocusArea> focusAreas, List<Goal> goals, List<Measure> measures,
                        List<Indicator> indicators) {
        static Tree load(ProgrammeDao dao, long programmeId) {
            Programme programme = dao.findProgramme(programmeId).orElseThrow(() -> new NotFoundException(ENTITY, programmeId));
            Map<String, List<Ref>> links = new HashMap<>();
            for (ProgrammeDao.Link link : dao.linksOfProgramme(programmeId)) {
                links.computeIfAbsent(link.kind() + ":" + link.ownerId(), k -> new ArrayList<>()).add(link.ref());
            }
            Function<String, List<Ref>> list = key -> List.copyOf(links.getOrDefault(key, List.of()));
            List<Measure> measures = dao.measuresOf(programmeId).stream().map(m -> measure(m, list)).toList();
            List<Indicator> indicators = dao.indicatorsOf(programmeId).stream().map(i -> indicator(i, list)).toList();
            return new Tree(programme, dao.focusAreasOf(programmeId), dao.goalsOf(programmeId).stream().map(ProgrammeDao.GoalRow::goal).toList(),
                    measures, indicators);
        }

        FocusArea focusArea(long id) {
            return focusAreas.stream().filter(f -> f.id() == id).findFirst().orElseThrow(() -> new NotFoundException(FOCUS_AREA, id));
        }

        List<Goal> goalsOf(long focusAreaId) {
            return goals.stream().filter(g -> g.focusAreaId() == focusAreaId).toList();
        }

        Optional<Goal> goal(long id) {
            return goals.stream().filter(g -> g.id() == id).findFirst();
        }

        List<Measure> measuresOf(long goalId) {
            return measures.stream().filter(m -> m.goalId() == goalId).toList();
        }

        Optional<Measure> measure(long id) {
            return measures.stream().filter(m -> m.id() == id).findFirst();
        }

        Optional<Indicator> indicator(long id) {
            return indicators.stream().filter(i -> i.id() == id).findFirst();
        }

        List<Indicator> indicatorsOfGoal(long goalId) {
            return indicators.stream().filter(i -> i.goalId() != null && i.goalId() == goalId).toList();
        }

        List<Indicator> indicatorsOfMeasure(long measureId) {
            return indicators.stream().filter(i -> i.measureId() != null && i.measureId() == measureId).toList();
        }

        /** The goal's own indicators and those of its measures. */
        List<Indicator> indicatorsUnderGoal(long goalId) {
            Set<Long> measureIds = measuresOf(goalId).stream().map(Measure::id).collect(Collectors.toSet());
            return indicators.stream().filter(i -> (i.goalId() != null && i.goalId() == goalId)
                    || (i.measureId() != null && measureIds.contains(i.measureId()))).toList();
        }

        /** What a derived indicator counts: its own lists, where empty its measure's (see {@link DerivedQuery}). */
        DerivedQuery query(Indicator indicator) {
            Measure measure = indicator.measureId() == null ? null : measure(indicator.measureId()).orElse(null);
            return new DerivedQuery(indicator.source(),
                    ids(indicator.areas(), measure == null ? List.of() : measure.areas()),
                    ids(indicator.activityTypes(), measure == null ? List.of() : measure.activityTypes()),
                    ids(indicator.rollouts(), measure == null ? List.of() : measure.rollouts()));
        }

        private static List<Long> ids(List<Ref> own, List<Ref> measures) {
            return (own.isEmpty() ? measures : own).stream().map(Ref::id).toList();
        }

        private static Measure measure(ProgrammeDao.MeasureRow m, Function<String, List<Ref>> list) {
            return new Measure(m.id(), m.goalId(), m.name(), m.description(), m.responsibleOrganisationId(), m.responsibleOrganisationName(),
                    m.startDate(), m.endDate(), m.position(), list.apply("MEASURE_AREA:" + m.id()), list.apply("MEASURE_ROLLOUT:" + m.id()),
                    list.apply("MEASURE_ACTIVITY_TYPE:" + m.id()), m.override());
        }

        private static Indicator indicator(ProgrammeDao.IndicatorRow i, Function<String, List<Ref>> list) {
            return new Indicator(i.id(), i.goalId(), i.measureId(), i.name(), i.description(), i.unit(), i.direction(), i.baselineValue(),
                    i.baselineDate(), i.targetValue(), i.targetDate(), i.kind(), i.source(), i.periodLength(), i.position(),
                    list.apply("INDICATOR_AREA:" + i.id()), list.apply("INDICATOR_ACTIVITY_TYPE:" + i.id()),
                    list.apply("INDICATOR_ROLLOUT:" + i.id()), i.override());
        }
    }

    private static DataPoint point(Measurement m) {
        return new DataPoint(m.measuredOn(), m.measuredOn(), m.value(), false);
    }

    /** The last point that is not partial, on or before {@code asOf}; null when there is none. */
    private static DataPoint latestOf(List<DataPoint> series, LocalDate asOf) {
        DataPoint latest = null;
        for (DataPoint point : series) {
            if (!point.partial() && !point.to().isAfter(asOf)) {
                latest = point;
            }
        }
        return latest;
    }

    /** The breakdown of a MANUAL indicator: its areas (its own, else its measure's) and every area it has values of, by name. */
    private static List<AreaValue> manualByArea(Tree tree, Indicator indicator, List<Measurement> measurements) {
        Map<Long, AreaValue> byArea = new HashMap<>();
        DerivedQuery lists = tree.query(indicator);
        Map<Long, String> names = new HashMap<>();
        indicator.areas().forEach(a -> names.put(a.id(), a.name()));
        if (indicator.measureId() != null) {
            tree.measure(indicator.measureId()).ifPresent(m -> m.areas().forEach(a -> names.putIfAbsent(a.id(), a.name())));
        }
        for (long areaId : lists.areaIds()) {
            byArea.put(areaId, new AreaValue(areaId, names.get(areaId), null));
        }
        // Newest first: the first value met for an area is its latest.
        for (Measurement m : measurements) {
            if (m.areaId() != null) {
                AreaValue seen = byArea.get(m.areaId());
                if (seen == null || seen.latest() == null) {
                    byArea.put(m.areaId(), new AreaValue(m.areaId(), m.areaName(), point(m)));
                }
            }
        }
        return byArea.values().stream().sorted(Comparator.comparing(AreaValue::areaName, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AreaValue::areaId)).toList();
    }

    // Reading one thing

    private static Programme requireProgramme(ProgrammeDao dao, long id) {
        return dao.findProgramme(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    private static FocusArea requireFocusArea(ProgrammeDao dao, long id) {
        return dao.findFocusArea(id).orElseThrow(() -> new NotFoundException(FOCUS_AREA, id));
    }

    private static ProgrammeDao.GoalRow requireGoal(ProgrammeDao dao, long id) {
        return dao.findGoal(id).orElseThrow(() -> new NotFoundException(GOAL, id));
    }

    private static ProgrammeDao.MeasureRow requireMeasure(ProgrammeDao dao, long id) {
        return dao.findMeasure(id).orElseThrow(() -> new NotFoundException(MEASURE, id));
    }

    private static ProgrammeDao.IndicatorRow requireIndicator(ProgrammeDao dao, long id) {
        return dao.findIndicator(id).orElseThrow(() -> new NotFoundException(INDICATOR, id));
    }

    private static Measure loadMeasure(ProgrammeDao dao, long id) {
        return Tree.load(dao, requireMeasure(dao, id).programmeId()).measure(id).orElseThrow();
    }

    private static Indicator loadIndicator(ProgrammeDao dao, long id) {
        return Tree.load(dao, requireIndicator(dao, id).programmeId()).indicator(id).orElseThrow();
    }

    /** The programme the subject belongs to; 404 when there is no such subject. */
    private static long requireSubject(ProgrammeDao dao, ProgressSubject subject, long id) {
        return switch (subject) {
            case GOAL -> requireGoal(dao, id).programmeId();
            case MEASURE -> requireMeasure(dao, id).programmeId();
            case INDICATOR -> requireIndicator(dao, id).programmeId();
        };
    }

    private static boolean subjectExists(ProgrammeDao dao, ProgressSubject subject, long id) {
        return switch (subject) {
            case GOAL -> dao.findGoal(id).isPresent();
            case MEASURE -> dao.findMeasure(id).isPresent();
            case INDICATOR -> dao.findIndicator(id).isPresent();
        };
    }

    private static String table(ProgressSubject subject) {
        return switch (subject) {
            case GOAL -> "programme_goal";
            case MEASURE -> "measure";
            case INDICATOR -> "indicator";
        };
    }

    private static String subjectName(ProgressSubject subject) {
        return subject.name().toLowerCase(Locale.ROOT);
    }

    // Writing the lists

    private static void linkMeasure(ProgrammeDao dao, long id, MeasureInput valid) {
        dao.insertMeasureAreas(id, valid.areaIds());
        dao.insertMeasureRollouts(id, valid.rolloutIds());
        dao.insertMeasureActivityTypes(id, valid.activityTypeIds());
    }

    private static void linkIndicator(ProgrammeDao dao, long id, IndicatorInput valid) {
        dao.insertIndicatorAreas(id, valid.areaIds());
        dao.insertIndicatorRollouts(id, valid.rolloutIds());
        dao.insertIndicatorActivityTypes(id, valid.activityTypeIds());
    }

    private static String describe(IndicatorInput i) {
        return ": unit " + i.unit() + ", " + i.direction() + ", baseline " + plain(i.baselineValue()) + " on " + i.baselineDate() + ", target "
                + plain(i.targetValue()) + " by " + i.targetDate() + (i.kind() == IndicatorKind.DERIVED ? ", " + i.source() + " per "
                + i.period() + ", areas " + i.areaIds() + ", activity types " + i.activityTypeIds() + ", rollouts " + i.rolloutIds() : "");
    }

    private static String plain(BigDecimal value) {
        return value == null ? "none" : value.toPlainString();
    }

    // Positions among siblings: 1, 2, 3, ... with no gaps, kept so by every add, move and delete.

    private enum Positions {
        FOCUS_AREAS("focus_area", "programme_id"), GOALS("programme_goal", "focus_area_id"), MEASURES("measure", "goal_id"),
        GOAL_INDICATORS("indicator", "goal_id"), MEASURE_INDICATORS("indicator", "measure_id");

        private final String table;
        private final String parent;

        Positions(String table, String parent) {
            this.table = table;
            this.parent = parent;
        }

        /** Where a new one goes: last, or at the place asked for with those from there on moving down. */
        int placeNew(ProgrammeDao dao, long parentId, Integer wanted) {
            int count = dao.countChildren(table, parent, parentId);
            if (wanted == null || wanted > count) {
                return count + 1;
            }
            dao.shiftPositions(table, parent, parentId, wanted, Integer.MAX_VALUE, 1);
            return wanted;
        }

        /** Where a changed one goes: where it is, or at the place asked for with those between moving over. */
        int move(ProgrammeDao dao, long parentId, int current, Integer wanted) {
            if (wanted == null || wanted == current) {
                return current;
            }
            int target = Math.min(wanted, dao.countChildren(table, parent, parentId));
            if (target < current) {
                dao.shiftPositions(table, parent, parentId, target, current - 1, 1);
            } else if (target > current) {
                dao.shiftPositions(table, parent, parentId, current + 1, target, -1);
            }
            return target;
        }

        /** After one was deleted: those below it move up. */
        void close(ProgrammeDao dao, long parentId, int deleted) {
            dao.shiftPositions(table, parent, parentId, deleted + 1, Integer.MAX_VALUE, -1);
        }
    }

    // Validation

    private record Named(String name, String description, Integer position) {
    }

    private static Named validNamed(Named input) {
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        String name = Checks.clean(input.name());
        String description = Checks.clean(input.description());
        Checks checks = new Checks().required("name", name).freeText("name", name, NAME_MAX).freeText("description", description, DESCRIPTION_MAX);
        position(checks, input.position());
        checks.throwIfInvalid();
        return new Named(name, description, input.position());
    }

    private static void position(Checks checks, Integer position) {
        checks.check(position == null || (position >= 1 && position <= POSITION_MAX), "position", "error.between", 1, POSITION_MAX);
    }

    private static ProgrammeInput validProgramme(ProgrammeInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        String name = Checks.clean(input.name());
        String adoptedBy = Checks.clean(input.adoptedBy());
        String description = Checks.clean(input.description());
        new Checks().required("name", name).freeText("name", name, NAME_MAX)
                .freeText("adoptedBy", adoptedBy, NAME_MAX)
                .check(plausible(input.adoptedOn()), "adoptedOn", "error.dateYear")
                .required("periodStart", input.periodStart()).check(plausible(input.periodStart()), "periodStart", "error.dateYear")
                .required("periodEnd", input.periodEnd()).check(plausible(input.periodEnd()), "periodEnd", "error.dateYear")
                .check(input.periodStart() == null || input.periodEnd() == null || !input.periodEnd().isBefore(input.periodStart()),
                        "periodEnd", "error.programme.endBeforeStart")
                .freeText("description", description, DESCRIPTION_MAX)
                .throwIfInvalid();
        return new ProgrammeInput(name, adoptedBy, input.adoptedOn(), input.periodStart(), input.periodEnd(), description);
    }

    private MeasureInput validMeasure(ProgrammeDao dao, MeasureInput input, ProgrammeDao.MeasureRow current) {
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        List<FieldError> problems = new ArrayList<>();
        String name = Checks.clean(input.name());
        String description = Checks.clean(input.description());
        Checks checks = new Checks().required("name", name).freeText("name", name, NAME_MAX)
                .freeText("description", description, DESCRIPTION_MAX)
                .required("responsibleOrganisationId", input.responsibleOrganisationId())
                .required("startDate", input.startDate()).check(plausible(input.startDate()), "startDate", "error.dateYear")
                .check(plausible(input.endDate()), "endDate", "error.dateYear")
                .check(input.startDate() == null || input.endDate() == null || !input.endDate().isBefore(input.startDate()),
                        "endDate", "error.measure.endBeforeStart");
        position(checks, input.position());
        InvalidInputException.collect(problems, () -> {
            checks.throwIfInvalid();
            return null;
        });
        Long organisation = input.responsibleOrganisationId();
        // The organisation it has stays allowed even if deactivated since; a new one must be active.
        if (organisation != null && (current == null || organisation != current.responsibleOrganisationId())) {
            InvalidInputException.collect(problems, () -> organisations.requireActive(organisation, "responsibleOrganisationId"));
        }
        List<Long> areaIds = checkedIds(problems, "areaIds", input.areaIds(), dao::areas, "error.unknownArea");
        List<Long> rolloutIds = checkedIds(problems, "rolloutIds", input.rolloutIds(), dao::rollouts, "error.unknownRollout");
        List<Long> activityTypeIds = checkedIds(problems, "activityTypeIds", input.activityTypeIds(), dao::activityTypes,
                "error.unknownCategory");
        if (!rolloutIds.isEmpty() && !dao.rolloutsServingOthers(rolloutIds, current == null ? -1 : current.id()).isEmpty()) {
            problems.add(new FieldError("rolloutIds", "error.measure.rolloutTaken"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new MeasureInput(name, description, organisation, input.startDate(), input.endDate(), input.position(), areaIds, rolloutIds,
                activityTypeIds);
    }

    private IndicatorInput validIndicator(ProgrammeDao dao, IndicatorInput input, ProgrammeDao.IndicatorRow current) {
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        List<FieldError> problems = new ArrayList<>();
        Long goalId = input.goalId();
        Long measureId = input.measureId();
        IndicatorKind kind = input.kind();
        if (current != null) {
            // Where an indicator belongs and how it gets its values stay as they were: its measurements and comments
            // were given for that.
            if ((goalId != null && !goalId.equals(current.goalId())) || (measureId != null && !measureId.equals(current.measureId()))) {
                problems.add(new FieldError(goalId != null && !goalId.equals(current.goalId()) ? "goalId" : "measureId", "error.indicator.ownerFixed"));
            }
            if (kind != null && kind != current.kind()) {
                problems.add(new FieldError("kind", "error.indicator.kindFixed"));
            }
            goalId = current.goalId();
            measureId = current.measureId();
            kind = current.kind();
        } else if ((goalId == null) == (measureId == null)) {
            problems.add(new FieldError(goalId == null ? "goalId" : "measureId", "error.indicator.owner"));
        } else if (goalId != null && dao.findGoal(goalId).isEmpty()) {
            problems.add(new FieldError("goalId", "error.unknownValue"));
        } else if (measureId != null && dao.findMeasure(measureId).isEmpty()) {
            problems.add(new FieldError("measureId", "error.unknownValue"));
        }
        String name = Checks.clean(input.name());
        String description = Checks.clean(input.description());
        String unit = Checks.clean(input.unit());
        BigDecimal baseline = scaled(input.baselineValue());
        BigDecimal target = scaled(input.targetValue());
        Checks checks = new Checks().required("name", name).freeText("name", name, NAME_MAX)
                .freeText("description", description, DESCRIPTION_MAX)
                .required("unit", unit).freeText("unit", unit, UNIT_MAX)
                .required("direction", input.direction())
                .required("kind", kind)
                .check(inRange(baseline), "baselineValue", "error.indicator.valueRange")
                .check(inRange(target), "targetValue", "error.indicator.valueRange")
                .check(sensibleScale(baseline), "baselineValue", "error.indicator.valueDecimals")
                .check(sensibleScale(target), "targetValue", "error.indicator.valueDecimals")
                .check(baseline == null || input.baselineDate() != null, "baselineDate", "error.indicator.baselineDate")
                .check(baseline != null || input.baselineDate() == null, "baselineValue", "error.indicator.baselineValue")
                .check(target == null || input.targetDate() != null, "targetDate", "error.indicator.targetDate")
                .check(target != null || input.targetDate() == null, "targetValue", "error.indicator.targetValue")
                .check(plausible(input.baselineDate()), "baselineDate", "error.dateYear")
                .check(plausible(input.targetDate()), "targetDate", "error.dateYear")
                .check(input.baselineDate() == null || input.targetDate() == null || input.targetDate().isAfter(input.baselineDate()),
                        "targetDate", "error.indicator.targetBeforeBaseline")
                .check(baseline == null || target == null || input.direction() == null
                                || (input.direction() == Direction.HIGHER_IS_BETTER ? target.compareTo(baseline) >= 0 : target.compareTo(baseline) <= 0),
                        "targetValue", input.direction() == Direction.LOWER_IS_BETTER ? "error.indicator.targetAboveBaseline"
                                : "error.indicator.targetBelowBaseline");
        position(checks, input.position());
        List<Long> givenAreas = input.areaIds() == null ? List.of() : input.areaIds();
        List<Long> givenRollouts = input.rolloutIds() == null ? List.of() : input.rolloutIds();
        List<Long> givenTypes = input.activityTypeIds() == null ? List.of() : input.activityTypeIds();
        if (kind == IndicatorKind.DERIVED) {
            checks.required("source", input.source()).required("period", input.period());
        } else if (kind == IndicatorKind.MANUAL) {
            // A hand-entered indicator counts nothing: its area breakdown comes from the measurements.
            checks.check(input.source() == null, "source", "error.indicator.derivedOnly")
                    .check(input.period() == null, "period", "error.indicator.derivedOnly")
                    .check(givenAreas.isEmpty(), "areaIds", "error.indicator.derivedOnly")
                    .check(givenRollouts.isEmpty(), "rolloutIds", "error.indicator.derivedOnly")
                    .check(givenTypes.isEmpty(), "activityTypeIds", "error.indicator.derivedOnly");
        }
        InvalidInputException.collect(problems, () -> {
            checks.throwIfInvalid();
            return null;
        });
        List<Long> areaIds = checkedIds(problems, "areaIds", givenAreas, dao::areas, "error.unknownArea");
        List<Long> rolloutIds = checkedIds(problems, "rolloutIds", givenRollouts, dao::rollouts, "error.unknownRollout");
        List<Long> activityTypeIds = checkedIds(problems, "activityTypeIds", givenTypes, dao::activityTypes, "error.unknownCategory");
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new IndicatorInput(goalId, measureId, name, description, unit, input.direction(), baseline, input.baselineDate(), target,
                input.targetDate(), kind, input.source(), input.period(), input.position(), areaIds, activityTypeIds, rolloutIds);
    }

    private MeasurementInput validMeasurement(MeasurementInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        List<FieldError> problems = new ArrayList<>();
        String source = Checks.clean(input.source());
        String comment = Checks.clean(input.comment());
        BigDecimal value = scaled(input.value());
        InvalidInputException.collect(problems, () -> {
            new Checks().required("measuredOn", input.measuredOn()).check(plausible(input.measuredOn()), "measuredOn", "error.dateYear")
                    .check(input.measuredOn() == null || !input.measuredOn().isAfter(today()), "measuredOn", "error.measurement.future")
                    .required("value", value).check(inRange(value), "value", "error.indicator.valueRange")
                    .check(sensibleScale(value), "value", "error.indicator.valueDecimals")
                    .freeText("source", source, SOURCE_MAX).freeText("comment", comment, MEASUREMENT_COMMENT_MAX)
                    .throwIfInvalid();
            return null;
        });
        if (input.areaId() != null) {
            InvalidInputException.collect(problems, () -> areas.require(input.areaId(), "areaId"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new MeasurementInput(input.measuredOn(), value, input.areaId(), source, comment);
    }

    /** The ids of a list, each once; those that name nothing of the kind are one problem on the list's field. */
    private static List<Long> checkedIds(List<FieldError> problems, String field, List<Long> given, Function<Collection<Long>, List<Ref>> find,
                                         String unknownKey) {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        if (given.size() > LIST_MAX) {
            problems.add(new FieldError(field, "error.tooMany", LIST_MAX));
            return List.of();
        }
        if (given.stream().anyMatch(Objects::isNull)) {
            problems.add(new FieldError(field, unknownKey));
            return List.of();
        }
        List<Long> ids = List.copyOf(new LinkedHashSet<>(given));
        if (find.apply(ids).size() != ids.size()) {
            problems.add(new FieldError(field, unknownKey));
        }
        return ids;
    }

    private static void requireFreeName(List<Long> named, Long self) {
        if (named.stream().anyMatch(id -> !id.equals(self))) {
            throw new InvalidInputException("name", "error.programme.nameTaken");
        }
    }

    private static void requireEmpty(int children) {
        if (children > 0) {
            throw new InvalidInputException("id", "error.programme.notEmpty");
        }
    }

    /**
     * Values are stored with four decimals; more are rounded, not refused. A value out of range or with an absurd number
     * of decimals is left as it is for {@link #inRange} and {@link #sensibleScale} to refuse: setScale on {"value":
     * 1e999999999} computes a power of ten with a billion digits. compareTo and scale() are cheap whatever the exponent.
     */
    private static BigDecimal scaled(BigDecimal value) {
        return value == null || !inRange(value) || !sensibleScale(value) ? value : value.setScale(4, RoundingMode.HALF_UP);
    }

    private static boolean inRange(BigDecimal value) {
        return value == null || value.abs().compareTo(VALUE_LIMIT) < 0;
    }

    private static boolean sensibleScale(BigDecimal value) {
        return value == null || value.scale() <= SCALE_LIMIT;
    }

    /** A date in a year far off is a typing mistake, and date arithmetic near the extremes fails. */
    private static boolean plausible(LocalDate date) {
        return date == null || (date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR);
    }
}
