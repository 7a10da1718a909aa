package se.samtrygg.placereport;

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
import se.samtrygg.common.Visibility;
import se.samtrygg.common.db.Confidentiality;

/** Every read names the table {@code rec} and goes through {@link Confidentiality}; counts of the rest say only how many. */
@RegisterConstructorMapper(PlaceReport.class)
@RegisterConstructorMapper(PlaceTotals.class)
public interface PlaceReportDao {
    String SELECT = """
            SELECT rec.id, rec.organisation_id, o.name AS organisation_name, rec.area_id, ar.name AS area_name, rec.place_id,
                   p.name AS place_name, rec.week_start, rec.vandalism, rec.littering, rec.lighting, rec.gatherings,
                   rec.incidents_against_staff, rec.upcoming_events, rec.comment, rec.visibility, rec.created_by,
                   u.name AS created_by_name, rec.created_at, rec.updated_at
            FROM place_report rec
            JOIN organisation o ON o.id = rec.organisation_id
            JOIN area ar ON ar.id = rec.area_id
            JOIN place p ON p.id = rec.place_id
            LEFT JOIN app_user u ON u.id = rec.created_by
            """;

    String VISIBLE_TO_VIEWER = Confidentiality.RECORD_VISIBLE_TO_VIEWER;
    String HIDDEN_FROM_VIEWER = Confidentiality.RECORD_HIDDEN_FROM_VIEWER;

    @SqlQuery(SELECT + "WHERE rec.id = :id AND " + VISIBLE_TO_VIEWER)
    Optional<PlaceReport> findVisible(@Bind("id") long id, @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                      @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                      Collection<Long> viewerOrganisations);

    /** The organisation's report of the place for the week (its own, so always readable by its members). */
    @SqlQuery(SELECT + "WHERE rec.organisation_id = :organisationId AND rec.place_id = :placeId AND rec.week_start = :weekStart AND "
            + VISIBLE_TO_VIEWER)
    Optional<PlaceReport> findOfWeek(@Bind("organisationId") long organisationId, @Bind("placeId") long placeId,
                                     @Bind("weekStart") LocalDate weekStart, @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                     @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                     Collection<Long> viewerOrganisations);

    /** Readable reports of an area whose week starts between the two Mondays, keyset-paged by id. */
    @SqlQuery(SELECT + """
            WHERE rec.area_id = :areaId AND rec.week_start >= :from AND rec.week_start <= :to AND rec.id > :after
              AND """ + " " + VISIBLE_TO_VIEWER + """
            ORDER BY rec.id LIMIT :limit""")
    List<PlaceReport> listVisible(@Bind("areaId") long areaId, @Bind("from") LocalDate from, @Bind("to") LocalDate to,
                                  @Bind("after") long after, @Bind("limit") int limit, @Bind("admin") boolean admin,
                                  @Bind("viewer") long viewer,
                                  @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                  Collection<Long> viewerOrganisations);

    /** A week of an area as the viewer may read it, by place and organisation (bounded: places times organisations). */
    @SqlQuery(SELECT + """
            WHERE rec.area_id = :areaId AND rec.week_start = :weekStart AND """ + " " + VISIBLE_TO_VIEWER + """
            ORDER BY p.name, rec.place_id, o.name, rec.id LIMIT 2000""")
    List<PlaceReport> weekVisible(@Bind("areaId") long areaId, @Bind("weekStart") LocalDate weekStart, @Bind("admin") boolean admin,
                                  @Bind("viewer") long viewer,
                                  @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                  Collection<Long> viewerOrganisations);

    /** How many reports between the two Mondays (of one area, or of all) the viewer may not read: a count, nothing more. */
    @SqlQuery("""
            SELECT COUNT(*) FROM place_report rec
            WHERE (CAST(:areaId AS BIGINT) IS NULL OR rec.area_id = :areaId) AND rec.week_start >= :from AND rec.week_start <= :to
              AND """ + " " + HIDDEN_FROM_VIEWER)
    long countHidden(@Bind("areaId") Long areaId, @Bind("from") LocalDate from, @Bind("to") LocalDate to, @Bind("admin") boolean admin,
                     @Bind("viewer") long viewer,
                     @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                     Collection<Long> viewerOrganisations);

    /**
     * Per place, the count and sign sums of the readable reports of two periods: weeks from {@code from} up to (not
     * including) {@code split}, and from {@code split} to {@code to} ({@code inQuarter}).
     */
    @SqlQuery("""
            SELECT t.area_id, t.place_id, t.in_quarter, COUNT(*) AS reports, SUM(t.vandalism) AS vandalism,
                   SUM(t.littering) AS littering, SUM(t.lighting) AS lighting, SUM(t.gatherings) AS gatherings,
                   SUM(t.incidents_against_staff) AS incidents_against_staff
            FROM (SELECT rec.area_id, rec.place_id, rec.week_start >= :split AS in_quarter, rec.vandalism, rec.littering, rec.lighting,
                         rec.gatherings, rec.incidents_against_staff
                  FROM place_report rec
                  WHERE (CAST(:areaId AS BIGINT) IS NULL OR rec.area_id = :areaId) AND rec.week_start >= :from AND rec.week_start <= :to
                    AND """ + " " + VISIBLE_TO_VIEWER + """
                 ) t
            GROUP BY t.area_id, t.place_id, t.in_quarter""")
    List<PlaceTotals> totals(@Bind("areaId") Long areaId, @Bind("from") LocalDate from, @Bind("split") LocalDate split,
                             @Bind("to") LocalDate to, @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                             @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                             Collection<Long> viewerOrganisations);

    @SqlUpdate("""
            INSERT INTO place_report (organisation_id, area_id, place_id, week_start, vandalism, littering, lighting, gatherings,
                                      incidents_against_staff, upcoming_events, comment, visibility, created_by, created_at, updated_at)
            VALUES (:organisationId, :areaId, :placeId, :weekStart, :vandalism, :littering, :lighting, :gatherings,
                    :incidentsAgainstStaff, :upcomingEvents, :comment, :visibility, :createdBy, :now, :now)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("organisationId") long organisationId, @Bind("areaId") long areaId, @Bind("placeId") long placeId,
                @Bind("weekStart") LocalDate weekStart, @Bind("vandalism") int vandalism, @Bind("littering") int littering,
                @Bind("lighting") int lighting, @Bind("gatherings") int gatherings,
                @Bind("incidentsAgainstStaff") int incidentsAgainstStaff, @Bind("upcomingEvents") String upcomingEvents,
                @Bind("comment") String comment, @Bind("visibility") Visibility visibility, @Bind("createdBy") long createdBy,
                @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE place_report SET vandalism = :vandalism, littering = :littering, lighting = :lighting, gatherings = :gatherings,
                   incidents_against_staff = :incidentsAgainstStaff, upcoming_events = :upcomingEvents, comment = :comment,
                   visibility = :visibility, updated_at = :now
            WHERE id = :id""")
    int update(@Bind("id") long id, @Bind("vandalism") int vandalism, @Bind("littering") int littering, @Bind("lighting") int lighting,
               @Bind("gatherings") int gatherings, @Bind("incidentsAgainstStaff") int incidentsAgainstStaff,
               @Bind("upcomingEvents") String upcomingEvents, @Bind("comment") String comment,
               @Bind("visibility") Visibility visibility, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM place_report WHERE id = :id")
    int delete(@Bind("id") long id);
}
