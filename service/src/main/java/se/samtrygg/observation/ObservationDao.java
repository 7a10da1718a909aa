package se.samtrygg.observation;

import java.time.Instant;
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

/**
 * Observations, read only through the confidentiality boundary (the table is aliased {@code rec}). The action item an
 * observation was handed over as is joined for its state: whoever reads the observation sees how its handling stands.
 */
@RegisterConstructorMapper(Observation.class)
public interface ObservationDao {
    String SELECT = """
            SELECT rec.id, rec.activity_id, rec.organisation_id, o.name AS organisation_name, rec.area_id, ar.name AS area_name,
                   rec.place_id, p.name AS place_name, rec.category_id, c.name AS category_name, rec.observed_at, rec.description,
                   rec.visibility, rec.action_item_id, ai.responsible_organisation_id AS handed_to_organisation_id,
                   ho.name AS handed_to_organisation_name, ai.state AS action_item_state, ai.due_date AS action_item_due_date,
                   ai.closed_at AS action_item_closed_at, rec.created_by, u.name AS created_by_name, rec.created_at, rec.updated_at
            FROM observation rec
            JOIN organisation o ON o.id = rec.organisation_id
            JOIN area ar ON ar.id = rec.area_id
            LEFT JOIN place p ON p.id = rec.place_id
            JOIN category c ON c.id = rec.category_id
            LEFT JOIN action_item ai ON ai.id = rec.action_item_id
            LEFT JOIN organisation ho ON ho.id = ai.responsible_organisation_id
            LEFT JOIN app_user u ON u.id = rec.created_by
            """;

    String VISIBLE_TO_VIEWER = Confidentiality.RECORD_VISIBLE_TO_VIEWER;

    @SqlUpdate("""
            INSERT INTO observation (activity_id, organisation_id, area_id, place_id, category_id, observed_at, description, visibility,
                                     created_by, created_at, updated_at)
            VALUES (:activityId, :organisationId, :areaId, :placeId, :categoryId, :observedAt, :description, :visibility, :createdBy,
                    :now, :now)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("activityId") Long activityId, @Bind("organisationId") long organisationId, @Bind("areaId") long areaId,
                @Bind("placeId") Long placeId, @Bind("categoryId") long categoryId, @Bind("observedAt") Instant observedAt,
                @Bind("description") String description, @Bind("visibility") Visibility visibility, @Bind("createdBy") long createdBy,
                @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE observation SET activity_id = :activityId, area_id = :areaId, place_id = :placeId, category_id = :categoryId,
                   observed_at = :observedAt, description = :description, visibility = :visibility, updated_at = :now
            WHERE id = :id""")
    int update(@Bind("id") long id, @Bind("activityId") Long activityId, @Bind("areaId") long areaId, @Bind("placeId") Long placeId,
               @Bind("categoryId") long categoryId, @Bind("observedAt") Instant observedAt, @Bind("description") String description,
               @Bind("visibility") Visibility visibility, @Bind("now") Instant now);

    /** Links the action item unless one is linked already: 0 tells that someone else handed it over first. */
    @SqlUpdate("UPDATE observation SET action_item_id = :actionItemId, updated_at = :now WHERE id = :id AND action_item_id IS NULL")
    int linkActionItem(@Bind("id") long id, @Bind("actionItemId") long actionItemId, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM observation WHERE id = :id AND action_item_id IS NULL")
    int deleteNotHandedOver(@Bind("id") long id);

    @SqlQuery(SELECT + "WHERE rec.id = :id AND " + VISIBLE_TO_VIEWER)
    Optional<Observation> findVisible(@Bind("id") long id, @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                      @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                      Collection<Long> viewerOrganisations);

    /** Newest first: keyset by id downwards, {@code after} being the last id of the previous page. */
    @SqlQuery(SELECT + """
            WHERE (CAST(:after AS BIGINT) IS NULL OR rec.id < :after)
              AND (CAST(:areaId AS BIGINT) IS NULL OR rec.area_id = :areaId)
              AND (CAST(:activityId AS BIGINT) IS NULL OR rec.activity_id = :activityId)
              AND (CAST(:categoryId AS BIGINT) IS NULL OR rec.category_id = :categoryId)
              AND (CAST(:handedOver AS BOOLEAN) IS NULL OR (rec.action_item_id IS NOT NULL) = :handedOver)
              AND (CAST(:from AS TIMESTAMP WITH TIME ZONE) IS NULL OR rec.observed_at >= :from)
              AND (CAST(:to AS TIMESTAMP WITH TIME ZONE) IS NULL OR rec.observed_at < :to)
              AND """ + " " + VISIBLE_TO_VIEWER + """
            ORDER BY rec.id DESC LIMIT :limit""")
    List<Observation> listVisible(@Bind("areaId") Long areaId, @Bind("activityId") Long activityId, @Bind("categoryId") Long categoryId,
                                  @Bind("handedOver") Boolean handedOver, @Bind("from") Instant from, @Bind("to") Instant to,
                                  @Bind("after") Long after, @Bind("limit") int limit,
                                  @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                  @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                  Collection<Long> viewerOrganisations);
}
