package se.samtrygg.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The programme tree, indicators, measurements and comments. A whole programme is read in a handful of queries (each
 * level of the tree by programme, and every link list in one), never one query per node: the overview is what officials
 * open, and it must stay quick with tens of indicators. {@code <table>} and {@code <parent>} are only ever filled with
 * the service's constants.
 */
@RegisterConstructorMapper(Programme.class)
@RegisterConstructorMapper(FocusArea.class)
@RegisterConstructorMapper(ProgrammeDao.GoalRow.class)
@RegisterConstructorMapper(ProgrammeDao.MeasureRow.class)
@RegisterConstructorMapper(ProgrammeDao.IndicatorRow.class)
@RegisterConstructorMapper(ProgrammeDao.Link.class)
@RegisterConstructorMapper(Measurement.class)
@RegisterConstructorMapper(ProgressComment.class)
@RegisterConstructorMapper(Ref.class)
public interface ProgrammeDao {

    /** A goal as stored; the override columns are null while the computed status holds. */
    record GoalRow(long id, long focusAreaId, long programmeId, String name, String description, int position,
                   ProgrammeStatus overrideStatus, String overrideReason, Long overrideBy, String overrideByName, Instant overrideAt) {
        Goal goal() {
            return new Goal(id, focusAreaId, programmeId, name, description, position,
                    override(overrideStatus, overrideReason, overrideBy, overrideByName, overrideAt));
        }
    }

    /** A measure without its lists, which are read for the whole programme at once ({@link #linksOfProgramme}). */
    record MeasureRow(long id, long goalId, long programmeId, String name, String description, long responsibleOrganisationId,
                      String responsibleOrganisationName, LocalDate startDate, LocalDate endDate, int position,
                      ProgrammeStatus overrideStatus, String overrideReason, Long overrideBy, String overrideByName, Instant overrideAt) {
        StatusOverride override() {
            return ProgrammeDao.override(overrideStatus, overrideReason, overrideBy, overrideByName, overrideAt);
        }
    }

    /** An indicator without its lists; {@code programmeId} through its goal or its measure's goal. */
    record IndicatorRow(long id, Long goalId, Long measureId, long programmeId, String name, String description, String unit,
                        Direction direction, BigDecimal baselineValue, LocalDate baselineDate, BigDecimal targetValue,
                        LocalDate targetDate, IndicatorKind kind, DerivedSource source, PeriodLength periodLength, int position,
                        ProgrammeStatus overrideStatus, String overrideReason, Long overrideBy, String overrideByName, Instant overrideAt) {
        StatusOverride override() {
            return ProgrammeDao.override(overrideStatus, overrideReason, overrideBy, overrideByName, overrideAt);
        }
    }

    /**
     * One entry of a measure's or an indicator's list: {@code kind} is MEASURE_AREA, MEASURE_ROLLOUT,
     * MEASURE_ACTIVITY_TYPE, INDICATOR_AREA, INDICATOR_ROLLOUT or INDICATOR_ACTIVITY_TYPE, {@code ownerId} the measure
     * or indicator.
     */
    record Link(String kind, long ownerId, long id, String name) {
        Ref ref() {
            return new Ref(id, name);
        }
    }

    private static StatusOverride override(ProgrammeStatus status, String reason, Long by, String byName, Instant at) {
        return status == null ? null : new StatusOverride(status, reason, by, byName, at);
    }

    String OVERRIDE_COLUMNS = """
            x.status_override AS override_status, x.status_override_reason AS override_reason, x.status_override_by AS override_by,
            ou.name AS override_by_name, x.status_override_at AS override_at""";

    String GOALS_OF_PROGRAMME = "SELECT g.id FROM programme_goal g JOIN focus_area f ON f.id = g.focus_area_id WHERE f.programme_id = :programmeId";
    String MEASURES_OF_PROGRAMME = """
            SELECT m.id FROM measure m JOIN programme_goal g ON g.id = m.goal_id JOIN focus_area f ON f.id = g.focus_area_id
            WHERE f.programme_id = :programmeId""";
    String INDICATORS_OF_PROGRAMME = "SELECT i.id FROM indicator i WHERE i.goal_id IN (" + GOALS_OF_PROGRAMME + ") OR i.measure_id IN ("
            + MEASURES_OF_PROGRAMME + ")";

    String SELECT_GOAL = """
            SELECT x.id, x.focus_area_id, f.programme_id, x.name, x.description, x.position, """ + OVERRIDE_COLUMNS + """

            FROM programme_goal x
            JOIN focus_area f ON f.id = x.focus_area_id
            LEFT JOIN app_user ou ON ou.id = x.status_override_by
            """;

    String SELECT_MEASURE = """
            SELECT x.id, x.goal_id, f.programme_id, x.name, x.description, x.responsible_organisation_id,
                   o.name AS responsible_organisation_name, x.start_date, x.end_date, x.position, """ + OVERRIDE_COLUMNS + """

            FROM measure x
            JOIN programme_goal g ON g.id = x.goal_id
            JOIN focus_area f ON f.id = g.focus_area_id
            JOIN organisation o ON o.id = x.responsible_organisation_id
            LEFT JOIN app_user ou ON ou.id = x.status_override_by
            """;

    String SELECT_INDICATOR = """
            SELECT x.id, x.goal_id, x.measure_id, COALESCE(fg.programme_id, fm.programme_id) AS programme_id, x.name, x.description,
                   x.unit, x.direction, x.baseline_value, x.baseline_date, x.target_value, x.target_date, x.kind, x.source,
                   x.period_length, x.position, """ + OVERRIDE_COLUMNS + """

            FROM indicator x
            LEFT JOIN programme_goal g ON g.id = x.goal_id
            LEFT JOIN focus_area fg ON fg.id = g.focus_area_id
            LEFT JOIN measure m ON m.id = x.measure_id
            LEFT JOIN programme_goal mg ON mg.id = m.goal_id
            LEFT JOIN focus_area fm ON fm.id = mg.focus_area_id
            LEFT JOIN app_user ou ON ou.id = x.status_override_by
            """;

    String SELECT_MEASUREMENT = """
            SELECT m.id, m.indicator_id, m.measured_on, m.measured_value AS "value", m.area_id, a.name AS area_name, m.source,
                   m.comment, m.created_by, u.name AS created_by_name, m.created_at
            FROM measurement m
            LEFT JOIN area a ON a.id = m.area_id
            LEFT JOIN app_user u ON u.id = m.created_by
            """;

    String SELECT_COMMENT = """
            SELECT c.id, c.subject_type, c.subject_id, c.period_year AS "year", c.quarter, c.text, c.author_id, u.name AS author_name,
                   c.created_at
            FROM progress_comment c
            JOIN app_user u ON u.id = c.author_id
            """;

    /** Newest year and quarter first (the whole year after its quarters), then newest first. */
    String COMMENT_ORDER = " ORDER BY c.period_year DESC, COALESCE(c.quarter, 5) DESC, c.created_at DESC, c.id DESC";

    String SUBJECTS_OF_PROGRAMME = "((c.subject_type = 'GOAL' AND c.subject_id IN (" + GOALS_OF_PROGRAMME + "))"
            + " OR (c.subject_type = 'MEASURE' AND c.subject_id IN (" + MEASURES_OF_PROGRAMME + "))"
            + " OR (c.subject_type = 'INDICATOR' AND c.subject_id IN (" + INDICATORS_OF_PROGRAMME + ")))";

    // Programmes

    @SqlQuery("SELECT * FROM programme ORDER BY period_start DESC, id DESC")
    List<Programme> listProgrammes();

    @SqlQuery("SELECT * FROM programme WHERE id = :id")
    Optional<Programme> findProgramme(@Bind("id") long id);

    @SqlQuery("SELECT id FROM programme WHERE LOWER(name) = LOWER(:name)")
    List<Long> programmesNamed(@Bind("name") String name);

    @SqlUpdate("""
            INSERT INTO programme (name, adopted_by, adopted_on, period_start, period_end, description, created_at, updated_at)
            VALUES (:p.name, :p.adoptedBy, :p.adoptedOn, :p.periodStart, :p.periodEnd, :p.description, :now, :now)""")
    @GetGeneratedKeys("id")
    long insertProgramme(@BindMethods("p") ProgrammeInput input, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE programme SET name = :p.name, adopted_by = :p.adoptedBy, adopted_on = :p.adoptedOn, period_start = :p.periodStart,
                   period_end = :p.periodEnd, description = :p.description, updated_at = :now
            WHERE id = :id""")
    int updateProgramme(@Bind("id") long id, @BindMethods("p") ProgrammeInput input, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM programme WHERE id = :id")
    int deleteProgramme(@Bind("id") long id);

    // Focus areas

    @SqlQuery("SELECT id, programme_id, name, description, position FROM focus_area WHERE id = :id")
    Optional<FocusArea> findFocusArea(@Bind("id") long id);

    @SqlQuery("SELECT id, programme_id, name, description, position FROM focus_area WHERE programme_id = :programmeId ORDER BY position, id")
    List<FocusArea> focusAreasOf(@Bind("programmeId") long programmeId);

    @SqlQuery("SELECT id FROM focus_area WHERE programme_id = :programmeId AND LOWER(name) = LOWER(:name)")
    List<Long> focusAreasNamed(@Bind("programmeId") long programmeId, @Bind("name") String name);

    @SqlUpdate("""
            INSERT INTO focus_area (programme_id, name, description, position, created_at, updated_at)
            VALUES (:programmeId, :name, :description, :position, :now, :now)""")
    @GetGeneratedKeys("id")
    long insertFocusArea(@Bind("programmeId") long programmeId, @Bind("name") String name, @Bind("description") String description,
                         @Bind("position") int position, @Bind("now") Instant now);

    @SqlUpdate("UPDATE focus_area SET name = :name, description = :description, position = :position, updated_at = :now WHERE id = :id")
    int updateFocusArea(@Bind("id") long id, @Bind("name") String name, @Bind("description") String description,
                        @Bind("position") int position, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM focus_area WHERE id = :id")
    int deleteFocusArea(@Bind("id") long id);

    // Goals

    @SqlQuery(SELECT_GOAL + "WHERE x.id = :id")
    Optional<GoalRow> findGoal(@Bind("id") long id);

    @SqlQuery(SELECT_GOAL + "WHERE f.programme_id = :programmeId ORDER BY x.position, x.id")
    List<GoalRow> goalsOf(@Bind("programmeId") long programmeId);

    @SqlQuery("SELECT id FROM programme_goal WHERE focus_area_id = :focusAreaId AND LOWER(name) = LOWER(:name)")
    List<Long> goalsNamed(@Bind("focusAreaId") long focusAreaId, @Bind("name") String name);

    @SqlUpdate("""
            INSERT INTO programme_goal (focus_area_id, name, description, position, created_at, updated_at)
            VALUES (:focusAreaId, :name, :description, :position, :now, :now)""")
    @GetGeneratedKeys("id")
    long insertGoal(@Bind("focusAreaId") long focusAreaId, @Bind("name") String name, @Bind("description") String description,
                    @Bind("position") int position, @Bind("now") Instant now);

    @SqlUpdate("UPDATE programme_goal SET name = :name, description = :description, position = :position, updated_at = :now WHERE id = :id")
    int updateGoal(@Bind("id") long id, @Bind("name") String name, @Bind("description") String description,
                   @Bind("position") int position, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM programme_goal WHERE id = :id")
    int deleteGoal(@Bind("id") long id);

    // Measures

    @SqlQuery(SELECT_MEASURE + "WHERE x.id = :id")
    Optional<MeasureRow> findMeasure(@Bind("id") long id);

    @SqlQuery(SELECT_MEASURE + "WHERE f.programme_id = :programmeId ORDER BY x.position, x.id")
    List<MeasureRow> measuresOf(@Bind("programmeId") long programmeId);

    @SqlQuery("SELECT id FROM measure WHERE goal_id = :goalId AND LOWER(name) = LOWER(:name)")
    List<Long> measuresNamed(@Bind("goalId") long goalId, @Bind("name") String name);

    @SqlUpdate("""
            INSERT INTO measure (goal_id, name, description, responsible_organisation_id, start_date, end_date, position, created_at, updated_at)
            VALUES (:goalId, :m.name, :m.description, :m.responsibleOrganisationId, :m.startDate, :m.endDate, :position, :now, :now)""")
    @GetGeneratedKeys("id")
    long insertMeasure(@Bind("goalId") long goalId, @BindMethods("m") MeasureInput input, @Bind("position") int position,
                       @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE measure SET name = :m.name, description = :m.description, responsible_organisation_id = :m.responsibleOrganisationId,
                   start_date = :m.startDate, end_date = :m.endDate, position = :position, updated_at = :now
            WHERE id = :id""")
    int updateMeasure(@Bind("id") long id, @BindMethods("m") MeasureInput input, @Bind("position") int position, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM measure WHERE id = :id")
    int deleteMeasure(@Bind("id") long id);

    @SqlUpdate("DELETE FROM measure_area WHERE measure_id = :id")
    void clearMeasureAreas(@Bind("id") long measureId);

    @SqlUpdate("DELETE FROM measure_rollout WHERE measure_id = :id")
    void clearMeasureRollouts(@Bind("id") long measureId);

    @SqlUpdate("DELETE FROM measure_activity_type WHERE measure_id = :id")
    void clearMeasureActivityTypes(@Bind("id") long measureId);

    @SqlBatch("INSERT INTO measure_area (measure_id, area_id) VALUES (:id, :areaId)")
    void insertMeasureAreas(@Bind("id") long measureId, @Bind("areaId") List<Long> areaIds);

    @SqlBatch("INSERT INTO measure_rollout (measure_id, rollout_id) VALUES (:id, :rolloutId)")
    void insertMeasureRollouts(@Bind("id") long measureId, @Bind("rolloutId") List<Long> rolloutIds);

    @SqlBatch("INSERT INTO measure_activity_type (measure_id, category_id) VALUES (:id, :categoryId)")
    void insertMeasureActivityTypes(@Bind("id") long measureId, @Bind("categoryId") List<Long> categoryIds);

    /** The measures other than {@code self} that the rollouts already serve. */
    @SqlQuery("SELECT rollout_id FROM measure_rollout WHERE rollout_id IN (<rolloutIds>) AND measure_id <> :self")
    List<Long> rolloutsServingOthers(@BindList("rolloutIds") Collection<Long> rolloutIds, @Bind("self") long self);

    @SqlQuery("SELECT m.id, m.name FROM measure_rollout mr JOIN measure m ON m.id = mr.measure_id WHERE mr.rollout_id = :rolloutId")
    Optional<Ref> measureOfRollout(@Bind("rolloutId") long rolloutId);

    // The lists of measures and indicators

    String OF_MEASURES = " IN (" + MEASURES_OF_PROGRAMME + ")";
    String OF_INDICATORS = " IN (" + INDICATORS_OF_PROGRAMME + ")";

    /** Every list of every measure and indicator of the programme, by name. */
    @SqlQuery("SELECT 'MEASURE_AREA' AS kind, l.measure_id AS owner_id, a.id, a.name FROM measure_area l JOIN area a ON a.id = l.area_id"
            + " WHERE l.measure_id" + OF_MEASURES
            + " UNION ALL SELECT 'MEASURE_ROLLOUT', l.measure_id, r.id, r.name FROM measure_rollout l JOIN rollout r ON r.id = l.rollout_id"
            + " WHERE l.measure_id" + OF_MEASURES
            + " UNION ALL SELECT 'MEASURE_ACTIVITY_TYPE', l.measure_id, c.id, c.name FROM measure_activity_type l"
            + " JOIN category c ON c.id = l.category_id WHERE l.measure_id" + OF_MEASURES
            + " UNION ALL SELECT 'INDICATOR_AREA', l.indicator_id, a.id, a.name FROM indicator_area l JOIN area a ON a.id = l.area_id"
            + " WHERE l.indicator_id" + OF_INDICATORS
            + " UNION ALL SELECT 'INDICATOR_ROLLOUT', l.indicator_id, r.id, r.name FROM indicator_rollout l JOIN rollout r ON r.id = l.rollout_id"
            + " WHERE l.indicator_id" + OF_INDICATORS
            + " UNION ALL SELECT 'INDICATOR_ACTIVITY_TYPE', l.indicator_id, c.id, c.name FROM indicator_activity_type l"
            + " JOIN category c ON c.id = l.category_id WHERE l.indicator_id" + OF_INDICATORS
            + " ORDER BY 4, 3")
    List<Link> linksOfProgramme(@Bind("programmeId") long programmeId);

    @SqlQuery("SELECT id, name FROM area WHERE id IN (<ids>)")
    List<Ref> areas(@BindList("ids") Collection<Long> ids);

    @SqlQuery("SELECT id, name FROM rollout WHERE id IN (<ids>)")
    List<Ref> rollouts(@BindList("ids") Collection<Long> ids);

    @SqlQuery("SELECT id, name FROM category WHERE kind = 'ACTIVITY_TYPE' AND id IN (<ids>)")
    List<Ref> activityTypes(@BindList("ids") Collection<Long> ids);

    // Indicators

    @SqlQuery(SELECT_INDICATOR + "WHERE x.id = :id")
    Optional<IndicatorRow> findIndicator(@Bind("id") long id);

    @SqlQuery(SELECT_INDICATOR + "WHERE x.id IN (" + INDICATORS_OF_PROGRAMME + ") ORDER BY x.position, x.id")
    List<IndicatorRow> indicatorsOf(@Bind("programmeId") long programmeId);

    @SqlUpdate("""
            INSERT INTO indicator (goal_id, measure_id, name, description, unit, direction, baseline_value, baseline_date, target_value,
                                   target_date, kind, source, period_length, position, created_at, updated_at)
            VALUES (:i.goalId, :i.measureId, :i.name, :i.description, :i.unit, :i.direction, :i.baselineValue, :i.baselineDate,
                    :i.targetValue, :i.targetDate, :i.kind, :i.source, :i.period, :position, :now, :now)""")
    @GetGeneratedKeys("id")
    long insertIndicator(@BindMethods("i") IndicatorInput input, @Bind("position") int position, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE indicator SET name = :i.name, description = :i.description, unit = :i.unit, direction = :i.direction,
                   baseline_value = :i.baselineValue, baseline_date = :i.baselineDate, target_value = :i.targetValue,
                   target_date = :i.targetDate, source = :i.source, period_length = :i.period, position = :position, updated_at = :now
            WHERE id = :id""")
    int updateIndicator(@Bind("id") long id, @BindMethods("i") IndicatorInput input, @Bind("position") int position,
                        @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM indicator WHERE id = :id")
    int deleteIndicator(@Bind("id") long id);

    @SqlUpdate("DELETE FROM indicator_area WHERE indicator_id = :id")
    void clearIndicatorAreas(@Bind("id") long indicatorId);

    @SqlUpdate("DELETE FROM indicator_rollout WHERE indicator_id = :id")
    void clearIndicatorRollouts(@Bind("id") long indicatorId);

    @SqlUpdate("DELETE FROM indicator_activity_type WHERE indicator_id = :id")
    void clearIndicatorActivityTypes(@Bind("id") long indicatorId);

    @SqlBatch("INSERT INTO indicator_area (indicator_id, area_id) VALUES (:id, :areaId)")
    void insertIndicatorAreas(@Bind("id") long indicatorId, @Bind("areaId") List<Long> areaIds);

    @SqlBatch("INSERT INTO indicator_rollout (indicator_id, rollout_id) VALUES (:id, :rolloutId)")
    void insertIndicatorRollouts(@Bind("id") long indicatorId, @Bind("rolloutId") List<Long> rolloutIds);

    @SqlBatch("INSERT INTO indicator_activity_type (indicator_id, category_id) VALUES (:id, :categoryId)")
    void insertIndicatorActivityTypes(@Bind("id") long indicatorId, @Bind("categoryId") List<Long> categoryIds);

    // Positions among siblings: <table> is focus_area, programme_goal, measure or indicator; <parent> its parent's column.

    @SqlQuery("SELECT COUNT(*) FROM <table> WHERE <parent> = :parentId")
    int countChildren(@Define("table") String table, @Define("parent") String parent, @Bind("parentId") long parentId);

    /** Moves the siblings from {@code from} to {@code to} (both included) by {@code by} places. */
    @SqlUpdate("UPDATE <table> SET position = position + :by WHERE <parent> = :parentId AND position BETWEEN :from AND :to")
    int shiftPositions(@Define("table") String table, @Define("parent") String parent, @Bind("parentId") long parentId,
                       @Bind("from") int from, @Bind("to") int to, @Bind("by") int by);

    // Status overrides (<table>: programme_goal, measure or indicator)

    @SqlUpdate("""
            UPDATE <table> SET status_override = :status, status_override_reason = :reason, status_override_by = :by,
                   status_override_at = :at
            WHERE id = :id""")
    int setOverride(@Define("table") String table, @Bind("id") long id, @Bind("status") ProgrammeStatus status,
                    @Bind("reason") String reason, @Bind("by") Long by, @Bind("at") Instant at);

    // Measurements

    @SqlQuery(SELECT_MEASUREMENT + "WHERE m.id = :id")
    Optional<Measurement> findMeasurement(@Bind("id") long id);

    /** Newest first, for the indicator page's list. */
    @SqlQuery(SELECT_MEASUREMENT + "WHERE m.indicator_id = :indicatorId ORDER BY m.measured_on DESC, m.id DESC")
    List<Measurement> measurementsOf(@Bind("indicatorId") long indicatorId);

    /** The values of the indicators without an area, in a span of days, oldest first. */
    @SqlQuery(SELECT_MEASUREMENT + """
            WHERE m.area_id IS NULL AND m.measured_on BETWEEN :from AND :to AND m.indicator_id IN (""" + INDICATORS_OF_PROGRAMME + """
            ) ORDER BY m.measured_on, m.id""")
    List<Measurement> measurementsOfProgramme(@Bind("programmeId") long programmeId, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** Each indicator's latest value without an area on or before {@code asOf} (the later one of a day when two share it). */
    @SqlQuery(SELECT_MEASUREMENT + """
            WHERE m.area_id IS NULL AND m.measured_on <= :asOf AND m.indicator_id IN (""" + INDICATORS_OF_PROGRAMME + """
            ) AND NOT EXISTS (SELECT 1 FROM measurement n WHERE n.indicator_id = m.indicator_id AND n.area_id IS NULL
                              AND n.measured_on <= :asOf AND (n.measured_on > m.measured_on OR (n.measured_on = m.measured_on AND n.id > m.id)))""")
    List<Measurement> latestMeasurementsOfProgramme(@Bind("programmeId") long programmeId, @Bind("asOf") LocalDate asOf);

    @SqlUpdate("""
            INSERT INTO measurement (indicator_id, measured_on, measured_value, area_id, source, comment, created_by, created_at)
            VALUES (:indicatorId, :m.measuredOn, :m.value, :m.areaId, :m.source, :m.comment, :createdBy, :now)""")
    @GetGeneratedKeys("id")
    long insertMeasurement(@Bind("indicatorId") long indicatorId, @BindMethods("m") MeasurementInput input, @Bind("createdBy") Long createdBy,
                           @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM measurement WHERE id = :id")
    int deleteMeasurement(@Bind("id") long id);

    // Comments

    @SqlQuery(SELECT_COMMENT + "WHERE c.id = :id")
    Optional<ProgressComment> findComment(@Bind("id") long id);

    @SqlQuery(SELECT_COMMENT + "WHERE c.subject_type = :type AND c.subject_id = :id" + COMMENT_ORDER)
    List<ProgressComment> commentsOf(@Bind("type") ProgressSubject type, @Bind("id") long subjectId);

    /** The comments on a year of everything in the programme. */
    @SqlQuery(SELECT_COMMENT + "WHERE c.period_year = :year AND " + SUBJECTS_OF_PROGRAMME + COMMENT_ORDER)
    List<ProgressComment> commentsOfProgramme(@Bind("programmeId") long programmeId, @Bind("year") int year);

    @SqlUpdate("""
            INSERT INTO progress_comment (subject_type, subject_id, period_year, quarter, text, author_id, created_at)
            VALUES (:c.subjectType, :c.subjectId, :c.year, :c.quarter, :c.text, :authorId, :now)""")
    @GetGeneratedKeys("id")
    long insertComment(@BindMethods("c") ProgressCommentInput input, @Bind("authorId") long authorId, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM progress_comment WHERE id = :id")
    int deleteComment(@Bind("id") long id);

    @SqlUpdate("DELETE FROM progress_comment WHERE subject_type = :type AND subject_id = :id")
    int deleteCommentsOf(@Bind("type") ProgressSubject type, @Bind("id") long subjectId);
}
