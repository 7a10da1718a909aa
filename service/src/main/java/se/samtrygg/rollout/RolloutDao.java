package se.samtrygg.rollout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.samtrygg.organisation.OrganisationType;

/**
 * Rollouts, their steps, properties and property steps. Progress and coverage are counted by the database
 * ({@link #PROPERTY_TOTALS}), so that a rollout of thousands of properties is summed, not loaded. The {@code lock...}
 * queries lock rows until the transaction ends (SELECT ... FOR UPDATE, the same on H2 and PostgreSQL): a change locks
 * what it changes before it reads it, so that what it checks is what it writes over.
 */
@RegisterConstructorMapper(RolloutDao.RolloutRow.class)
@RegisterConstructorMapper(RolloutDao.StepRow.class)
@RegisterConstructorMapper(RolloutDao.PropertyRow.class)
@RegisterConstructorMapper(RolloutDao.Totals.class)
@RegisterConstructorMapper(RolloutDao.AreaRollouts.class)
@RegisterConstructorMapper(PropertyStep.class)
public interface RolloutDao {

    /** A rollout without its steps and progress, which are loaded for a whole page at once. */
    record RolloutRow(long id, long templateId, String templateName, int templateVersion, String name, long areaId, String areaName,
                      LocalDate startDate, LocalDate targetDate, long coordinatorId, String coordinatorName, Instant createdAt,
                      Instant updatedAt) {
    }

    /** A rollout step together with its rollout, for loading the steps of a page of rollouts in one query. */
    record StepRow(long rolloutId, long id, int position, String name, String description, OrganisationType responsibleType,
                   int offsetDays, boolean covering, boolean counted, Long organisationId, String organisationName) {
        RolloutStep step() {
            return new RolloutStep(id, position, name, description, responsibleType, offsetDays, covering, counted, organisationId,
                    organisationName);
        }
    }

    /** A property as given, checked, for inserting. */
    record NewProperty(String address, long ownerId, int stairwells, int apartments) {
    }

    /** A property without its steps. */
    record PropertyRow(long id, long rolloutId, String address, long ownerOrganisationId, String ownerOrganisationName, int stairwells,
                       int apartments, LocalDate addedOn) {
    }

    /**
     * The figures of {@link Progress} for one rollout or one area ({@code id}), summed as BIGINT: an area's rollouts
     * together may have more apartments than an INT holds (5,000 properties of up to 100,000 apartments each is 5e8 per
     * rollout), and PostgreSQL refuses a sum that does not fit rather than wrapping it. Apartments stay long in
     * {@link Progress}; the counts of properties and steps fit an int by far (a rollout has at most 5,000 properties
     * of at most 50 steps, 250,000 steps; an area would need thousands of rollouts) and are clamped, never wrapped.
     */
    record Totals(long id, long properties, long apartments, long propertiesCovered, long apartmentsCovered, long steps, long stepsDone,
                  long stepsNotApplicable, long stepsOverdue) {
        Progress progress() {
            return new Progress(clamp(properties), apartments, clamp(propertiesCovered), apartmentsCovered, clamp(steps),
                    clamp(stepsDone), clamp(stepsNotApplicable), clamp(stepsOverdue));
        }

        private static int clamp(long count) {
            return (int) Math.min(count, Integer.MAX_VALUE);
        }
    }

    record AreaRollouts(long areaId, String areaName, int rollouts) {
    }

    String OPEN = "('NOT_STARTED', 'IN_PROGRESS')";

    String SELECT_ROLLOUT = """
            SELECT r.id, r.template_id, t.name AS template_name, r.template_version, r.name, r.area_id, a.name AS area_name,
                   r.start_date, r.target_date, r.coordinator_id, u.name AS coordinator_name, r.created_at, r.updated_at
            FROM rollout r
            JOIN method_template t ON t.id = r.template_id
            JOIN area a ON a.id = r.area_id
            JOIN app_user u ON u.id = r.coordinator_id
            """;

    String SELECT_STEP = """
            SELECT rs.rollout_id, rs.id, rs.position, rs.name, rs.description, rs.responsible_type, rs.offset_days, rs.covering,
                   rs.counted, rs.organisation_id, o.name AS organisation_name
            FROM rollout_step rs
            LEFT JOIN organisation o ON o.id = rs.organisation_id
            """;

    String SELECT_PROPERTY = """
            SELECT p.id, p.rollout_id, p.address, p.owner_organisation_id, o.name AS owner_organisation_name, p.stairwells, p.apartments,
                   p.added_on
            FROM rollout_property p
            JOIN organisation o ON o.id = p.owner_organisation_id
            """;

    /** A property step as a cell of the board; {@code :today} decides what is overdue. */
    String SELECT_PROPERTY_STEP = """
            SELECT ps.id, ps.rollout_id, r.name AS rollout_name, ps.property_id, p.address AS property_address, ps.step_id, rs.position,
                   rs.name AS step_name, rs.covering, rs.counted, ps.organisation_id, o.name AS organisation_name, ps.person_id,
                   u.name AS person_name, ps.due_date, ps.state, ps.completed_on, ps.note, ps.item_count AS "count",
                   ps.not_applicable_reason, (ps.state IN """ + OPEN + """
                    AND ps.due_date < :today) AS overdue, ps.updated_at
            FROM property_step ps
            JOIN rollout r ON r.id = ps.rollout_id
            JOIN rollout_property p ON p.id = ps.property_id
            JOIN rollout_step rs ON rs.id = ps.step_id
            JOIN organisation o ON o.id = ps.organisation_id
            LEFT JOIN app_user u ON u.id = ps.person_id
            """;

    /**
     * One row per property with its step counts, for the progress figures; the caller writes the condition on {@code p}
     * or {@code r} and then {@link #PROPERTY_TOTALS_GROUP}. A property is covered when none of its covering steps is open
     * and at least one is done (the rest being not applicable): {@code covering_done > 0 AND covering_open = 0}.
     */
    String PROPERTY_TOTALS = """
            SELECT p.id AS property_id, p.rollout_id, r.area_id, p.apartments,
                   COUNT(ps.id) AS steps,
                   SUM(CASE WHEN ps.state = 'DONE' THEN 1 ELSE 0 END) AS steps_done,
                   SUM(CASE WHEN ps.state = 'NOT_APPLICABLE' THEN 1 ELSE 0 END) AS steps_not_applicable,
                   SUM(CASE WHEN ps.state IN """ + OPEN + """
                    AND ps.due_date < :today THEN 1 ELSE 0 END) AS steps_overdue,
                   SUM(CASE WHEN rs.covering AND ps.state = 'DONE' THEN 1 ELSE 0 END) AS covering_done,
                   SUM(CASE WHEN rs.covering AND ps.state IN """ + OPEN + """
                    THEN 1 ELSE 0 END) AS covering_open
            FROM rollout_property p
            JOIN rollout r ON r.id = p.rollout_id
            LEFT JOIN property_step ps ON ps.property_id = p.id
            LEFT JOIN rollout_step rs ON rs.id = ps.step_id
            WHERE
            """;

    String PROPERTY_TOTALS_GROUP = "\nGROUP BY p.id, p.rollout_id, r.area_id, p.apartments";

    /** The sums of {@link #PROPERTY_TOTALS} rows {@code t}, grouped by the caller's {@code id}. */
    String SUM_TOTALS = """
            COUNT(*) AS properties, CAST(SUM(CAST(t.apartments AS BIGINT)) AS BIGINT) AS apartments,
            CAST(SUM(CASE WHEN t.covering_done > 0 AND t.covering_open = 0 THEN 1 ELSE 0 END) AS BIGINT) AS properties_covered,
            CAST(SUM(CASE WHEN t.covering_done > 0 AND t.covering_open = 0 THEN CAST(t.apartments AS BIGINT) ELSE 0 END) AS BIGINT)
                AS apartments_covered,
            CAST(SUM(t.steps) AS BIGINT) AS steps, CAST(SUM(t.steps_done) AS BIGINT) AS steps_done,
            CAST(SUM(t.steps_not_applicable) AS BIGINT) AS steps_not_applicable, CAST(SUM(t.steps_overdue) AS BIGINT) AS steps_overdue
            """;

    // Rollouts

    @SqlUpdate("""
            INSERT INTO rollout (template_id, template_version, name, area_id, start_date, target_date, coordinator_id, created_at, updated_at)
            VALUES (:templateId, :templateVersion, :name, :areaId, :startDate, :targetDate, :coordinatorId, :now, :now)""")
    @GetGeneratedKeys("id")
    long insertRollout(@Bind("templateId") long templateId, @Bind("templateVersion") int templateVersion, @Bind("name") String name,
                       @Bind("areaId") long areaId, @Bind("startDate") LocalDate startDate, @Bind("targetDate") LocalDate targetDate,
                       @Bind("coordinatorId") long coordinatorId, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE rollout SET name = :name, start_date = :startDate, target_date = :targetDate, coordinator_id = :coordinatorId,
                   updated_at = :now
            WHERE id = :id""")
    int updateRollout(@Bind("id") long id, @Bind("name") String name, @Bind("startDate") LocalDate startDate,
                      @Bind("targetDate") LocalDate targetDate, @Bind("coordinatorId") long coordinatorId, @Bind("now") Instant now);

    @SqlQuery(SELECT_ROLLOUT + "WHERE r.id = :id")
    Optional<RolloutRow> findRollout(@Bind("id") long id);

    @SqlQuery("SELECT id FROM rollout WHERE id = :id FOR UPDATE")
    Optional<Long> lockRollout(@Bind("id") long id);

    /** Newest first: {@code after} is the last id of the previous page. */
    @SqlQuery(SELECT_ROLLOUT + """
            WHERE (CAST(:areaId AS BIGINT) IS NULL OR r.area_id = :areaId) AND (CAST(:after AS BIGINT) IS NULL OR r.id < :after)
            ORDER BY r.id DESC LIMIT :limit""")
    List<RolloutRow> listRollouts(@Bind("areaId") Long areaId, @Bind("after") Long after, @Bind("limit") int limit);

    @SqlQuery("SELECT coordinator_id FROM rollout WHERE id = :id")
    Optional<Long> coordinatorOf(@Bind("id") long rolloutId);

    @SqlQuery("""
            SELECT r.area_id, a.name AS area_name, COUNT(*) AS rollouts
            FROM rollout r JOIN area a ON a.id = r.area_id
            WHERE CAST(:areaId AS BIGINT) IS NULL OR r.area_id = :areaId
            GROUP BY r.area_id, a.name
            ORDER BY a.name, r.area_id""")
    List<AreaRollouts> areasWithRollouts(@Bind("areaId") Long areaId);

    // Steps

    /** A new rollout's own copy of its template's steps, in one batch; {@code organisationIds} by the steps' order. */
    @SqlBatch("""
            INSERT INTO rollout_step (rollout_id, position, name, description, responsible_type, offset_days, covering, counted, organisation_id)
            VALUES (:rolloutId, :s.position, :s.name, :s.description, :s.responsibleType, :s.offsetDays, :s.covering, :s.counted,
                    :organisationId)""")
    void insertSteps(@Bind("rolloutId") long rolloutId, @BindMethods("s") List<TemplateStep> steps,
                     @Bind("organisationId") List<Long> organisationIds);

    @SqlQuery(SELECT_STEP + "WHERE rs.rollout_id IN (<rolloutIds>) ORDER BY rs.rollout_id, rs.position")
    List<StepRow> stepsOf(@BindList("rolloutIds") Collection<Long> rolloutIds);

    @SqlUpdate("UPDATE rollout_step SET organisation_id = :organisationId WHERE id = :id")
    int assignStep(@Bind("id") long stepId, @Bind("organisationId") Long organisationId);

    /**
     * The open property steps of a rollout step follow it to its organisation (null: each property's owner); a person named
     * for one stays only where the organisation stays the same.
     */
    @SqlUpdate("""
            UPDATE property_step
            SET organisation_id = COALESCE(CAST(:organisationId AS BIGINT),
                                           (SELECT p.owner_organisation_id FROM rollout_property p WHERE p.id = property_step.property_id)),
                person_id = CASE WHEN organisation_id = COALESCE(CAST(:organisationId AS BIGINT),
                                     (SELECT p.owner_organisation_id FROM rollout_property p WHERE p.id = property_step.property_id))
                                 THEN person_id END,
                updated_at = :now, updated_by = :actor
            WHERE rollout_id = :rolloutId AND step_id = :stepId AND state IN""" + " " + OPEN)
    int reassignOpenSteps(@Bind("rolloutId") long rolloutId, @Bind("stepId") long stepId, @Bind("organisationId") Long organisationId, @Bind("now") Instant now,
                          @Bind("actor") Long actor);

    // Properties

    @SqlUpdate("""
            INSERT INTO rollout_property (rollout_id, address, owner_organisation_id, stairwells, apartments, added_on, created_at, updated_at)
            VALUES (:rolloutId, :address, :ownerId, :stairwells, :apartments, :addedOn, :now, :now)""")
    @GetGeneratedKeys("id")
    long insertProperty(@Bind("rolloutId") long rolloutId, @Bind("address") String address, @Bind("ownerId") long ownerId,
                        @Bind("stairwells") int stairwells, @Bind("apartments") int apartments, @Bind("addedOn") LocalDate addedOn,
                        @Bind("now") Instant now);

    /** A new rollout's properties, in one batch. */
    @SqlBatch("""
            INSERT INTO rollout_property (rollout_id, address, owner_organisation_id, stairwells, apartments, added_on, created_at, updated_at)
            VALUES (:rolloutId, :p.address, :p.ownerId, :p.stairwells, :p.apartments, :addedOn, :now, :now)""")
    void insertProperties(@Bind("rolloutId") long rolloutId, @BindMethods("p") List<NewProperty> properties,
                          @Bind("addedOn") LocalDate addedOn, @Bind("now") Instant now);

    /**
     * The steps of every property of a new rollout in one statement, as {@link #insertPropertySteps} makes them for one
     * (in board order, so that their ids are too).
     */
    @SqlUpdate("""
            INSERT INTO property_step (rollout_id, property_id, step_id, organisation_id, due_date, state, updated_at, updated_by)
            SELECT rs.rollout_id, p.id, rs.id, COALESCE(rs.organisation_id, p.owner_organisation_id), CAST(:base AS DATE) + rs.offset_days,
                   'NOT_STARTED', :now, :actor
            FROM rollout_property p JOIN rollout_step rs ON rs.rollout_id = p.rollout_id
            WHERE p.rollout_id = :rolloutId
            ORDER BY p.id, rs.position""")
    int insertStepsOfEveryProperty(@Bind("rolloutId") long rolloutId, @Bind("base") LocalDate base, @Bind("now") Instant now,
                                   @Bind("actor") Long actor);

    /**
     * A new property's steps, one per step of its rollout (the rollout's copy, never the template's): each due
     * {@code base} + the step's offset, answered for by the step's organisation or else by the property's owner.
     */
    @SqlUpdate("""
            INSERT INTO property_step (rollout_id, property_id, step_id, organisation_id, due_date, state, updated_at, updated_by)
            SELECT rs.rollout_id, :propertyId, rs.id, COALESCE(rs.organisation_id, :ownerId), CAST(:base AS DATE) + rs.offset_days,
                   'NOT_STARTED', :now, :actor
            FROM rollout_step rs WHERE rs.rollout_id = :rolloutId""")
    int insertPropertySteps(@Bind("rolloutId") long rolloutId, @Bind("propertyId") long propertyId, @Bind("ownerId") long ownerId,
                            @Bind("base") LocalDate base, @Bind("now") Instant now, @Bind("actor") Long actor);

    @SqlUpdate("""
            UPDATE rollout_property SET address = :address, owner_organisation_id = :ownerId, stairwells = :stairwells,
                   apartments = :apartments, updated_at = :now
            WHERE id = :id""")
    int updateProperty(@Bind("id") long id, @Bind("address") String address, @Bind("ownerId") long ownerId,
                       @Bind("stairwells") int stairwells, @Bind("apartments") int apartments, @Bind("now") Instant now);

    /** When a property changes owner, the open steps its owner answered for (steps of no organisation of their own) follow. */
    @SqlUpdate("""
            UPDATE property_step SET organisation_id = :newOwner, person_id = NULL, updated_at = :now, updated_by = :actor
            WHERE property_id = :propertyId AND organisation_id = :oldOwner AND state IN""" + " " + OPEN + """
              AND step_id IN (SELECT rs.id FROM rollout_step rs WHERE rs.rollout_id = property_step.rollout_id AND rs.organisation_id IS NULL)""")
    int moveOwnersOpenSteps(@Bind("propertyId") long propertyId, @Bind("oldOwner") long oldOwner, @Bind("newOwner") long newOwner,
                            @Bind("now") Instant now, @Bind("actor") Long actor);

    @SqlUpdate("DELETE FROM property_step WHERE property_id = :id")
    int deletePropertySteps(@Bind("id") long propertyId);

    @SqlUpdate("DELETE FROM rollout_property WHERE id = :id")
    int deleteProperty(@Bind("id") long propertyId);

    @SqlQuery(SELECT_PROPERTY + "WHERE p.id = :id")
    Optional<PropertyRow> findProperty(@Bind("id") long id);

    @SqlQuery("SELECT id FROM rollout_property WHERE id = :id FOR UPDATE")
    Optional<Long> lockProperty(@Bind("id") long id);

    @SqlQuery("SELECT COUNT(*) FROM rollout_property WHERE rollout_id = :rolloutId")
    int countProperties(@Bind("rolloutId") long rolloutId);

    /**
     * The earliest day a step of all of these properties can have been done: the rollout's start or the day the
     * property was added, whichever came first (work may begin when either is there); the latest such day of them all.
     */
    @SqlQuery("""
            SELECT MAX(CASE WHEN r.start_date < p.added_on THEN r.start_date ELSE p.added_on END)
            FROM rollout_property p JOIN rollout r ON r.id = p.rollout_id
            WHERE p.id IN (<propertyIds>)""")
    LocalDate earliestCompletion(@BindList("propertyIds") Collection<Long> propertyIds);

    @SqlQuery("SELECT id FROM rollout_property WHERE rollout_id = :rolloutId AND LOWER(address) = LOWER(:address)")
    List<Long> propertiesWithAddress(@Bind("rolloutId") long rolloutId, @Bind("address") String address);

    /** A page of the board's rows, by id. */
    @SqlQuery(SELECT_PROPERTY + "WHERE p.rollout_id = :rolloutId AND p.id > :after ORDER BY p.id LIMIT :limit")
    List<PropertyRow> listProperties(@Bind("rolloutId") long rolloutId, @Bind("after") long after, @Bind("limit") int limit);

    // Property steps

    @SqlQuery(SELECT_PROPERTY_STEP + "WHERE ps.id = :id")
    Optional<PropertyStep> findPropertyStep(@Bind("id") long id, @Bind("today") LocalDate today);

    @SqlQuery("SELECT id FROM property_step WHERE id = :id FOR UPDATE")
    Optional<Long> lockPropertyStep(@Bind("id") long id);

    /** Locks one rollout step's property steps of the given properties, in id order so that two such locks never wait on each other. */
    @SqlQuery("""
            SELECT id FROM property_step WHERE rollout_id = :rolloutId AND step_id = :stepId AND property_id IN (<propertyIds>)
            ORDER BY id FOR UPDATE""")
    List<Long> lockStepOfProperties(@Bind("rolloutId") long rolloutId, @Bind("stepId") long stepId,
                                    @BindList("propertyIds") Collection<Long> propertyIds);

    /** The steps of a page of properties, by property and checklist order. */
    @SqlQuery(SELECT_PROPERTY_STEP + "WHERE ps.property_id IN (<propertyIds>) ORDER BY ps.property_id, rs.position")
    List<PropertyStep> stepsOfProperties(@BindList("propertyIds") Collection<Long> propertyIds, @Bind("today") LocalDate today);

    /** One rollout step's property steps of the given properties (those not in the rollout are simply missing). */
    @SqlQuery(SELECT_PROPERTY_STEP + "WHERE ps.rollout_id = :rolloutId AND ps.step_id = :stepId AND ps.property_id IN (<propertyIds>)")
    List<PropertyStep> stepOfProperties(@Bind("rolloutId") long rolloutId, @Bind("stepId") long stepId,
                                        @BindList("propertyIds") Collection<Long> propertyIds, @Bind("today") LocalDate today);

    /**
     * Open steps of the organisations by due date, then id; {@code after} is the last step of the previous page, whose
     * due date (as it is now) and id are where this page continues. A step that is no longer there starts the list over.
     */
    @SqlQuery(SELECT_PROPERTY_STEP + """
            WHERE ps.organisation_id IN (<organisationIds>) AND ps.state IN""" + " " + OPEN + """
              AND (CAST(:after AS BIGINT) IS NULL
                   OR NOT EXISTS (SELECT 1 FROM property_step a WHERE a.id = :after)
                   OR ps.due_date > (SELECT a.due_date FROM property_step a WHERE a.id = :after)
                   OR (ps.due_date = (SELECT a.due_date FROM property_step a WHERE a.id = :after) AND ps.id > :after))
            ORDER BY ps.due_date, ps.id LIMIT :limit""")
    List<PropertyStep> openStepsOf(@BindList("organisationIds") Collection<Long> organisationIds, @Bind("after") Long after,
                                   @Bind("limit") int limit, @Bind("today") LocalDate today);

    @SqlUpdate("""
            UPDATE property_step SET organisation_id = :organisationId, person_id = :personId, due_date = :dueDate, state = :state,
                   completed_on = :completedOn, note = :note, item_count = :count, not_applicable_reason = :notApplicableReason,
                   updated_at = :now, updated_by = :actor
            WHERE id = :id""")
    int updatePropertyStep(@Bind("id") long id, @Bind("organisationId") long organisationId, @Bind("personId") Long personId,
                           @Bind("dueDate") LocalDate dueDate, @Bind("state") StepState state, @Bind("completedOn") LocalDate completedOn,
                           @Bind("note") String note, @Bind("count") Integer count,
                           @Bind("notApplicableReason") String notApplicableReason, @Bind("now") Instant now, @Bind("actor") Long actor);

    /** What a member of the responsible organisation changes: neither who answers for the step nor by when. */
    @SqlUpdate("""
            UPDATE property_step SET person_id = :personId, state = :state, completed_on = :completedOn, note = :note,
                   item_count = :count, not_applicable_reason = NULL, updated_at = :now, updated_by = :actor
            WHERE id = :id""")
    int updatePropertyStepAsMember(@Bind("id") long id, @Bind("personId") Long personId, @Bind("state") StepState state,
                                   @Bind("completedOn") LocalDate completedOn, @Bind("note") String note, @Bind("count") Integer count,
                                   @Bind("now") Instant now, @Bind("actor") Long actor);

    /** Marks open steps done; a count given replaces the step's count, none leaves it. */
    @SqlUpdate("""
            UPDATE property_step SET state = 'DONE', completed_on = :completedOn, item_count = COALESCE(CAST(:count AS INT), item_count),
                   updated_at = :now, updated_by = :actor
            WHERE id IN (<ids>) AND state IN""" + " " + OPEN)
    int markDone(@BindList("ids") Collection<Long> ids, @Bind("completedOn") LocalDate completedOn, @Bind("count") Integer count,
                 @Bind("now") Instant now, @Bind("actor") Long actor);

    /** Moving the start moves every open step's due date by as many days. */
    @SqlUpdate("UPDATE property_step SET due_date = due_date + CAST(:days AS INT) WHERE rollout_id = :rolloutId AND state IN " + OPEN)
    int shiftOpenDueDates(@Bind("rolloutId") long rolloutId, @Bind("days") int days);

    // Progress

    @SqlQuery("SELECT t.rollout_id AS id, " + SUM_TOTALS + "FROM (" + PROPERTY_TOTALS + "p.rollout_id IN (<rolloutIds>)"
            + PROPERTY_TOTALS_GROUP + ") t GROUP BY t.rollout_id")
    List<Totals> progressOfRollouts(@BindList("rolloutIds") Collection<Long> rolloutIds, @Bind("today") LocalDate today);

    @SqlQuery("SELECT t.area_id AS id, " + SUM_TOTALS + "FROM (" + PROPERTY_TOTALS + "r.area_id IN (<areaIds>)"
            + PROPERTY_TOTALS_GROUP + ") t GROUP BY t.area_id")
    List<Totals> progressOfAreas(@BindList("areaIds") Collection<Long> areaIds, @Bind("today") LocalDate today);

    /**
     * The apartments of the rollout's properties covered on {@code asOf} ({@link #COVERED_SINCE}: a covering step counts
     * as done when it was completed on or before that day, and not applicable ones are left out). One rollout's sum fits
     * an INT: at most 5,000 properties of at most 100,000 apartments.
     */
    @SqlQuery("SELECT CAST(COALESCE(SUM(t.apartments), 0) AS INT) FROM (" + COVERED_SINCE + ") t WHERE t.covered_on <= :asOf")
    int coveredApartments(@BindList("rolloutIds") Collection<Long> rolloutIds, @Bind("asOf") LocalDate asOf);

    // Programme follow-up: coverage for derived indicators (counts only)

    /**
     * The coverage rule, written once: the properties of the rollouts that are covered as their steps stand, each with the
     * day it became covered. A property is covered on a day when its covering steps are all done by then or not
     * applicable, and at least one is done: that is, from the day its last covering step was done, provided none is
     * still open.
     */
    String COVERED_SINCE = """
            SELECT p.id AS property_id, p.rollout_id, p.apartments,
                   MAX(CASE WHEN ps.state = 'DONE' THEN ps.completed_on END) AS covered_on
            FROM rollout_property p
            JOIN property_step ps ON ps.property_id = p.id
            JOIN rollout_step rs ON rs.id = ps.step_id
            WHERE p.rollout_id IN (<rolloutIds>) AND rs.covering
            GROUP BY p.id, p.rollout_id, p.apartments
            HAVING SUM(CASE WHEN ps.state = 'DONE' AND ps.completed_on IS NOT NULL THEN 1 ELSE 0 END) > 0
               AND SUM(CASE WHEN ps.state = 'NOT_APPLICABLE' OR (ps.state = 'DONE' AND ps.completed_on IS NOT NULL) THEN 0 ELSE 1 END) = 0""";

    record CoveredOn(long rolloutId, LocalDate coveredOn, long apartments) {
    }

    /** The apartments of the rollouts that became covered on each day (as their steps stand now), by rollout. */
    @SqlQuery("SELECT t.rollout_id, t.covered_on, CAST(SUM(t.apartments) AS BIGINT) AS apartments FROM (" + COVERED_SINCE
            + ") t GROUP BY t.rollout_id, t.covered_on")
    @RegisterConstructorMapper(CoveredOn.class)
    List<CoveredOn> coveredOn(@BindList("rolloutIds") Collection<Long> rolloutIds);

    record RolloutArea(long id, long areaId) {
    }

    @SqlQuery("SELECT r.id, r.area_id FROM rollout r WHERE r.id IN (<rolloutIds>) ORDER BY r.id")
    @RegisterConstructorMapper(RolloutArea.class)
    List<RolloutArea> areasOf(@BindList("rolloutIds") Collection<Long> rolloutIds);
}
