package se.samtrygg.rollout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.samtrygg.organisation.OrganisationType;

/**
 * Rollouts, their steps, properties and property steps. Progress and coverage are counted by the database
 * ({@link #PROPERTY_TOTALS}), so that a rollout of thousands of properties is summed, not loaded.
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

    /** A property without its steps. */
    record PropertyRow(long id, long rolloutId, String address, long ownerOrganisationId, String ownerOrganisationName, int stairwells,
                       int apartments, LocalDate addedOn) {
    }

    /** The figures of {@link Progress} for one rollout or one area ({@code id}). */
    record Totals(long id, int properties, int apartments, int propertiesCovered, int apartmentsCovered, int steps, int stepsDone,
                  int stepsNotApplicable, int stepsOverdue) {
        Progress progress() {
            return new Progress(properties, apartments, propertiesCovered, apartmentsCovered, steps, stepsDone, stepsNotApplicable,
                    stepsOverdue);
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
            COUNT(*) AS properties, CAST(SUM(t.apartments) AS INT) AS apartments,
            CAST(SUM(CASE WHEN t.covering_done > 0 AND t.covering_open = 0 THEN 1 ELSE 0 END) AS INT) AS properties_covered,
            CAST(SUM(CASE WHEN t.covering_done > 0 AND t.covering_open = 0 THEN t.apartments ELSE 0 END) AS INT) AS apartments_covered,
            CAST(SUM(t.steps) AS INT) AS steps, CAST(SUM(t.steps_done) AS INT) AS steps_done,
            CAST(SUM(t.steps_not_applicable) AS INT) AS steps_not_applicable, CAST(SUM(t.steps_overdue) AS INT) AS steps_overdue
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

    @SqlUpdate("""
            INSERT INTO rollout_step (rollout_id, position, name, description, responsible_type, offset_days, covering, counted, organisation_id)
            VALUES (:rolloutId, :position, :name, :description, :responsibleType, :offsetDays, :covering, :counted, :organisationId)""")
    @GetGeneratedKeys("id")
    long insertStep(@Bind("rolloutId") long rolloutId, @Bind("position") int position, @Bind("name") String name,
                    @Bind("description") String description, @Bind("responsibleType") OrganisationType responsibleType,
                    @Bind("offsetDays") int offsetDays, @Bind("covering") boolean covering, @Bind("counted") boolean counted,
                    @Bind("organisationId") Long organisationId);

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
            WHERE step_id = :stepId AND state IN""" + " " + OPEN)
    int reassignOpenSteps(@Bind("stepId") long stepId, @Bind("organisationId") Long organisationId, @Bind("now") Instant now,
                          @Bind("actor") Long actor);

    // Properties

    @SqlUpdate("""
            INSERT INTO rollout_property (rollout_id, address, owner_organisation_id, stairwells, apartments, added_on, created_at, updated_at)
            VALUES (:rolloutId, :address, :ownerId, :stairwells, :apartments, :addedOn, :now, :now)""")
    @GetGeneratedKeys("id")
    long insertProperty(@Bind("rolloutId") long rolloutId, @Bind("address") String address, @Bind("ownerId") long ownerId,
                        @Bind("stairwells") int stairwells, @Bind("apartments") int apartments, @Bind("addedOn") LocalDate addedOn,
                        @Bind("now") Instant now);

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

    @SqlQuery("SELECT id FROM rollout_property WHERE rollout_id = :rolloutId AND LOWER(address) = LOWER(:address)")
    List<Long> propertiesWithAddress(@Bind("rolloutId") long rolloutId, @Bind("address") String address);

    /** A page of the board's rows, by id. */
    @SqlQuery(SELECT_PROPERTY + "WHERE p.rollout_id = :rolloutId AND p.id > :after ORDER BY p.id LIMIT :limit")
    List<PropertyRow> listProperties(@Bind("rolloutId") long rolloutId, @Bind("after") long after, @Bind("limit") int limit);

    // Property steps

    @SqlQuery(SELECT_PROPERTY_STEP + "WHERE ps.id = :id")
    Optional<PropertyStep> findPropertyStep(@Bind("id") long id, @Bind("today") LocalDate today);

    /** The steps of a page of properties, by property and checklist order. */
    @SqlQuery(SELECT_PROPERTY_STEP + "WHERE ps.property_id IN (<propertyIds>) ORDER BY ps.property_id, rs.position")
    List<PropertyStep> stepsOfProperties(@BindList("propertyIds") Collection<Long> propertyIds, @Bind("today") LocalDate today);

    /** One rollout step's property steps of the given properties (those not in the rollout are simply missing). */
    @SqlQuery(SELECT_PROPERTY_STEP + "WHERE ps.rollout_id = :rolloutId AND ps.step_id = :stepId AND ps.property_id IN (<propertyIds>)")
    List<PropertyStep> stepOfProperties(@Bind("rolloutId") long rolloutId, @Bind("stepId") long stepId,
                                        @BindList("propertyIds") Collection<Long> propertyIds, @Bind("today") LocalDate today);

    /**
     * Open steps of the organisations, earliest due first; {@code after} is the last step of the previous page, whose due
     * date and id are where this page continues.
     */
    @SqlQuery(SELECT_PROPERTY_STEP + """
            WHERE ps.organisation_id IN (<organisationIds>) AND ps.state IN""" + " " + OPEN + """
              AND (CAST(:after AS BIGINT) IS NULL
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
     * The apartments of the rollout's properties covered on {@code asOf}: a covering step counts as done when it was
     * completed on or before that day, and not applicable ones are left out.
     */
    @SqlQuery("""
            SELECT CAST(COALESCE(SUM(t.apartments), 0) AS INT) FROM (
                SELECT p.id, p.apartments,
                       SUM(CASE WHEN ps.state = 'DONE' AND ps.completed_on <= :asOf THEN 1 ELSE 0 END) AS done,
                       SUM(CASE WHEN ps.state = 'NOT_APPLICABLE' OR (ps.state = 'DONE' AND ps.completed_on <= :asOf) THEN 0 ELSE 1 END)
                           AS not_done
                FROM rollout_property p
                JOIN property_step ps ON ps.property_id = p.id
                JOIN rollout_step rs ON rs.id = ps.step_id
                WHERE p.rollout_id = :rolloutId AND rs.covering
                GROUP BY p.id, p.apartments) t
            WHERE t.done > 0 AND t.not_done = 0""")
    int coveredApartments(@Bind("rolloutId") long rolloutId, @Bind("asOf") LocalDate asOf);
}
