package se.samtrygg.activity;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.samtrygg.common.db.Confidentiality;
import se.samtrygg.common.db.PeriodBoundaries;
import se.samtrygg.common.db.PeriodCount;

@RegisterConstructorMapper(Activity.class)
public interface ActivityDao {
    /**
     * The names are scalar subqueries rather than joins: PostgreSQL plans a filtered list afresh for most calls, and a
     * six-table join cost more to plan (about 1 ms) than to run; a primary-key lookup per row shown costs less.
     */
    String SELECT = """
            SELECT rec.id, rec.organisation_id, (SELECT o.name FROM organisation o WHERE o.id = rec.organisation_id) AS organisation_name,
                   rec.area_id, (SELECT ar.name FROM area ar WHERE ar.id = rec.area_id) AS area_name,
                   rec.place_id, (SELECT p.name FROM place p WHERE p.id = rec.place_id) AS place_name,
                   rec.type_id, (SELECT t.name FROM category t WHERE t.id = rec.type_id) AS type_name,
                   rec.starts_at, rec.ends_at, rec.staff_count, rec.reached_count, rec.description, rec.visibility,
                   rec.created_by, (SELECT u.name FROM app_user u WHERE u.id = rec.created_by) AS created_by_name,
                   rec.created_at, rec.updated_at
            FROM activity rec
            """;

    String VISIBLE_TO_VIEWER = Confidentiality.RECORD_VISIBLE_TO_VIEWER;

    /**
     * The filters of {@link ActivityFilter}, written once for the list and the export: only those present go into the
     * statement. A filter written {@code (CAST(:x AS BIGINT) IS NULL OR ...)} cannot use an index once PostgreSQL caches a
     * generic plan for the prepared statement (after five runs), and that plan read the whole table: seconds at a million rows.
     * ("Mine" stays a bound condition in the statement: a defined text is not searched again for {@code <viewerOrganisations>}.)
     */
    static String filters(Long areaId, Long organisationId, Long typeId, Instant from, Instant to, String q) {
        StringBuilder sql = new StringBuilder();
        if (areaId != null) {
            sql.append(" AND rec.area_id = :areaId");
        }
        if (organisationId != null) {
            sql.append(" AND rec.organisation_id = :organisationId");
        }
        if (typeId != null) {
            sql.append(" AND rec.type_id = :typeId");
        }
        if (from != null) {
            sql.append(" AND rec.starts_at >= :from");
        }
        if (to != null) {
            sql.append(" AND rec.starts_at < :to");
        }
        if (q != null) {
            sql.append(" AND LOWER(rec.description) LIKE :q");
        }
        return sql.toString();
    }

    @SqlQuery(SELECT + "WHERE rec.id = :id AND " + VISIBLE_TO_VIEWER)
    Optional<Activity> findVisible(@Bind("id") long id, @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                   @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                   Collection<Long> viewerOrganisations);

    /** Newest first, keyset-paged by id: {@code before} is the last id of the previous page; a null filter is absent. */
    default List<Activity> listVisible(long before, int limit, Long areaId, Long organisationId, Long typeId, Instant from,
                                       Instant to, String q, boolean mine, boolean admin, long viewer,
                                       Collection<Long> viewerOrganisations) {
        return listVisible(filters(areaId, organisationId, typeId, from, to, q), before, limit, areaId, organisationId,
                typeId, from, to, q, mine, admin, viewer, viewerOrganisations);
    }

    @SqlQuery(SELECT + "WHERE rec.id < :before <filters> AND (NOT :mine OR rec.organisation_id IN (<viewerOrganisations>)) AND "
            + VISIBLE_TO_VIEWER + " ORDER BY rec.id DESC LIMIT :limit")
    @AllowUnusedBindings
    List<Activity> listVisible(@Define("filters") String filters, @Bind("before") long before, @Bind("limit") int limit,
                               @Bind("areaId") Long areaId, @Bind("organisationId") Long organisationId, @Bind("typeId") Long typeId,
                               @Bind("from") Instant from, @Bind("to") Instant to, @Bind("q") String q, @Bind("mine") boolean mine,
                               @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                               @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                               Collection<Long> viewerOrganisations);

    @SqlUpdate("""
            INSERT INTO activity (organisation_id, area_id, place_id, type_id, starts_at, ends_at, staff_count, reached_count,
                                  description, visibility, created_by, created_at, updated_at)
            VALUES (:organisationId, :areaId, :placeId, :typeId, :startsAt, :endsAt, :staffCount, :reachedCount,
                    :description, :visibility, :createdBy, :now, :now)""")
    @GetGeneratedKeys("id")
    long insert(@BindMethods ValidActivity activity, @Bind("createdBy") long createdBy, @Bind("now") Instant now);

    /** An import: every row in one statement batch, inside the caller's transaction. */
    @SqlBatch("""
            INSERT INTO activity (organisation_id, area_id, place_id, type_id, starts_at, ends_at, staff_count, reached_count,
                                  description, visibility, created_by, created_at, updated_at)
            VALUES (:organisationId, :areaId, :placeId, :typeId, :startsAt, :endsAt, :staffCount, :reachedCount,
                    :description, :visibility, :createdBy, :now, :now)""")
    int[] insertAll(@BindMethods List<ValidActivity> activities, @Bind("createdBy") long createdBy, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE activity SET area_id = :areaId, place_id = :placeId, type_id = :typeId, starts_at = :startsAt, ends_at = :endsAt,
                   staff_count = :staffCount, reached_count = :reachedCount, description = :description, visibility = :visibility,
                   updated_at = :now
            WHERE id = :id""")
    int update(@Bind("id") long id, @BindMethods ValidActivity activity, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM activity WHERE id = :id")
    int delete(@Bind("id") long id);

    /**
     * How many observations hang on an activity, whoever may read them: an activity with any cannot be
     * deleted (the rows would lose their activity). A count only, which the boundary allows.
     */
    @SqlQuery("SELECT COUNT(*) FROM observation rec WHERE rec.activity_id = :id")
    int observationCount(@Bind("id") long id);

    // The public pages. These read PUBLIC rows only, named explicitly rather than through the viewer predicate: there is
    // no viewer, and nothing NETWORK or ORGANISATION may reach a page without sign-in, not even as a count.

    /** PUBLIC activities of an area starting at or after {@code from}, by start. */
    @SqlQuery("""
            SELECT rec.id, t.name AS type_name, p.name AS place_name, o.name AS organisation_name, rec.starts_at, rec.ends_at,
                   rec.description, rec.updated_at
            FROM activity rec
            JOIN category t ON t.id = rec.type_id
            JOIN organisation o ON o.id = rec.organisation_id
            LEFT JOIN place p ON p.id = rec.place_id
            WHERE rec.area_id = :areaId AND rec.visibility = 'PUBLIC' AND rec.starts_at >= :from
            ORDER BY rec.starts_at, rec.id
            LIMIT :limit""")
    @RegisterConstructorMapper(PublicActivity.class)
    List<PublicActivity> publicUpcoming(@Bind("areaId") long areaId, @Bind("from") Instant from, @Bind("limit") int limit);

    /** How many PUBLIC activities of each type an area had that started in [since, until). */
    @SqlQuery("""
            SELECT t.name AS type_name, COUNT(*) AS activities
            FROM activity rec
            JOIN category t ON t.id = rec.type_id
            WHERE rec.area_id = :areaId AND rec.visibility = 'PUBLIC' AND rec.starts_at >= :since AND rec.starts_at < :until
            GROUP BY t.id, t.name, t.sort_order
            ORDER BY t.sort_order, t.name, t.id""")
    @RegisterConstructorMapper(PublicTypeCount.class)
    List<PublicTypeCount> publicCountsByType(@Bind("areaId") long areaId, @Bind("since") Instant since, @Bind("until") Instant until);

    // Programme follow-up: counts for derived indicators. Every visibility is counted and only the numbers leave: no
    // viewer predicate, since nothing of a record is read but its area and when it started.

    /**
     * Activities per area and period that started in the periods, of the areas and types given (all when {@code allAreas},
     * {@code allTypes}). The filter columns are those of the index activity(type_id, area_id, starts_at).
     */
    @SqlQuery("""
            SELECT t.area_id, t.period, COUNT(*) AS records FROM (
                SELECT rec.area_id, <periodOf> AS period
                FROM activity rec
                WHERE rec.starts_at >= :from AND rec.starts_at < :until
                  AND (:allTypes OR rec.type_id IN (<typeIds>))
                  AND (:allAreas OR rec.area_id IN (<areaIds>))) t
            GROUP BY t.area_id, t.period""")
    @RegisterConstructorMapper(PeriodCount.class)
    List<PeriodCount> countByAreaAndPeriod(@Bind("allAreas") boolean allAreas,
                                           @BindList(value = "areaIds", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<Long> areaIds,
                                           @Bind("allTypes") boolean allTypes,
                                           @BindList(value = "typeIds", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<Long> typeIds,
                                           @Bind("from") Instant from, @Bind("until") Instant until,
                                           @Define("periodOf") String periodOf, @BindMap Map<String, Object> periodEnds);

    default List<PeriodCount> countByAreaAndPeriod(Collection<Long> areaIds, Collection<Long> typeIds, PeriodBoundaries<Instant> periods) {
        return countByAreaAndPeriod(areaIds.isEmpty(), areaIds, typeIds.isEmpty(), typeIds, periods.from(), periods.until(),
                periods.steps().sql("rec.starts_at"), periods.steps().parameters());
    }
}
