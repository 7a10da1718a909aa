package se.samtrygg.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMap;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.samtrygg.common.Visibility;
import se.samtrygg.common.db.Confidentiality;
import se.samtrygg.common.db.PeriodBoundaries;
import se.samtrygg.common.db.SqlSteps;

@RegisterConstructorMapper(ActionItem.class)
@RegisterConstructorMapper(ActionItemComment.class)
public interface ActionItemDao {
    /**
     * An item handed over from an observation has no meeting, and no group when its area has none: both are outer joins.
     * {@code from_observation} only says that one exists, nothing of it (its text, place and time stay behind the
     * confidentiality boundary, read by {@link #visibleObservationId}). A scalar subquery rather than EXISTS: PostgreSQL
     * may run an EXISTS as one hash of every observation (the whole index, 20 ms at 142,000), a scalar one per row.
     * The names of the organisation, person and area are scalar subqueries too, not joins: PostgreSQL plans these lists
     * afresh for each call (their best plan depends on the values), and a six-table join took 2–4 ms to plan, more than
     * to run; one primary-key lookup per row shown costs less. (The group stays joined: the visibility predicate reads it.)
     */
    String SELECT = """
            SELECT ai.id, ai.meeting_id, mt.title AS meeting_title, mt.starts_at AS meeting_starts_at, ai.network_group_id,
                   g.name AS network_group_name, ai.title, ai.responsible_organisation_id,
                   (SELECT o.name FROM organisation o WHERE o.id = ai.responsible_organisation_id) AS responsible_organisation_name,
                   ai.responsible_user_id, (SELECT u.name FROM app_user u WHERE u.id = ai.responsible_user_id) AS responsible_user_name,
                   ai.due_date, ai.state, ai.visibility, ai.created_at, ai.updated_at, ai.closed_at, ai.area_id,
                   (SELECT ar.name FROM area ar WHERE ar.id = ai.area_id) AS area_name,
                   COALESCE((SELECT TRUE FROM observation ob WHERE ob.action_item_id = ai.id FETCH FIRST 1 ROW ONLY), FALSE)
                       AS from_observation
            FROM action_item ai
            LEFT JOIN meeting mt ON mt.id = ai.meeting_id
            LEFT JOIN network_group g ON g.id = ai.network_group_id
            """;

    /**
     * Who may see an action item, written once: the responsible organisation and person always, and the organisation
     * whose observation it was handed over from; beyond them, a NETWORK item is seen by whoever sees its group (with no
     * group: admins), an ORGANISATION item by nobody.
     */
    String VISIBLE_TO_VIEWER = """
            (ai.responsible_organisation_id IN (<viewerOrganisations>)
             OR ai.responsible_user_id = :viewer
             OR EXISTS (SELECT 1 FROM observation ob WHERE ob.action_item_id = ai.id AND ob.organisation_id IN (<viewerOrganisations>))
             OR (ai.visibility = 'NETWORK' AND """ + " " + NetworkGroupDao.VISIBLE_TO_VIEWER + "))\n";

    @SqlUpdate("""
            INSERT INTO action_item (meeting_id, network_group_id, area_id, title, responsible_organisation_id, responsible_user_id,
                                     due_date, state, visibility, created_by, created_at, updated_at)
            VALUES (:meetingId, :groupId, :areaId, :title, :organisationId, :userId, :dueDate, 'OPEN', :visibility, :createdBy, :now, :now)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("meetingId") Long meetingId, @Bind("groupId") Long groupId, @Bind("areaId") Long areaId, @Bind("title") String title,
                @Bind("organisationId") long organisationId, @Bind("userId") Long userId, @Bind("dueDate") LocalDate dueDate,
                @Bind("visibility") Visibility visibility, @Bind("createdBy") long createdBy, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE action_item SET title = :title, responsible_organisation_id = :organisationId, responsible_user_id = :userId,
                   due_date = :dueDate, visibility = :visibility, updated_at = :now WHERE id = :id""")
    int update(@Bind("id") long id, @Bind("title") String title, @Bind("organisationId") long organisationId,
               @Bind("userId") Long userId, @Bind("dueDate") LocalDate dueDate, @Bind("visibility") Visibility visibility,
               @Bind("now") Instant now);

    @SqlUpdate("UPDATE action_item SET area_id = :areaId WHERE network_group_id = :groupId AND meeting_id IS NOT NULL")
    int moveMeetingItemsOfGroup(@Bind("groupId") long groupId, @Bind("areaId") long areaId);

    @SqlUpdate("UPDATE action_item SET state = :state, closed_at = :closedAt, updated_at = :now WHERE id = :id")
    int setState(@Bind("id") long id, @Bind("state") ActionItemState state, @Bind("closedAt") Instant closedAt, @Bind("now") Instant now);

    @SqlQuery(SELECT + "WHERE ai.id = :id")
    Optional<ActionItem> find(@Bind("id") long id);

    @SqlQuery(SELECT + "WHERE ai.id = :id AND " + VISIBLE_TO_VIEWER)
    Optional<ActionItem> findVisible(@Bind("id") long id, @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                     @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                     Collection<Long> viewerOrganisations);

    /**
     * Visible items, narrowed by meeting, by group, to open ones, or to the viewer's own (their person or organisations).
     * Only the meeting and group filters present go into the statement: {@code (CAST(:x AS BIGINT) IS NULL OR ...)} cannot
     * use an index in the generic plan PostgreSQL caches. The viewer's own items are a statement of their own: they need
     * no visibility predicate, since {@link #VISIBLE_TO_VIEWER} admits every item of the viewer's person and organisations.
     * Its limit is written into the statement: with a bound one, PostgreSQL's generic plan guessed that a few rows would
     * do and walked the whole table in id order (60 ms) instead of reading the person's and organisations' items (1 ms).
     */
    default List<ActionItem> listVisible(Long meetingId, Long groupId, boolean openOnly, boolean mine, long after, int limit,
                                         boolean admin, long viewer, Collection<Long> viewerOrganisations) {
        String filters = (meetingId == null ? "" : " AND ai.meeting_id = :meetingId")
                + (groupId == null ? "" : " AND ai.network_group_id = :groupId")
                + (openOnly ? " AND ai.state IN ('OPEN', 'IN_PROGRESS')" : "");
        return mine
                ? listOwn(filters, meetingId, groupId, after, limit, viewer, viewerOrganisations)
                : listVisible(filters, meetingId, groupId, after, limit, admin, viewer, viewerOrganisations);
    }

    @SqlQuery(SELECT + "WHERE ai.id > :after <filters> AND " + VISIBLE_TO_VIEWER + "ORDER BY ai.id LIMIT :limit")
    @AllowUnusedBindings
    List<ActionItem> listVisible(@Define("filters") String filters, @Bind("meetingId") Long meetingId, @Bind("groupId") Long groupId,
                                 @Bind("after") long after, @Bind("limit") int limit,
                                 @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                 @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                 Collection<Long> viewerOrganisations);

    @SqlQuery(SELECT + """
            WHERE ai.id > :after <filters>
              AND (ai.responsible_user_id = :viewer OR ai.responsible_organisation_id IN (<viewerOrganisations>))
            ORDER BY ai.id LIMIT <limit>""")
    @AllowUnusedBindings
    List<ActionItem> listOwn(@Define("filters") String filters, @Bind("meetingId") Long meetingId, @Bind("groupId") Long groupId,
                             @Bind("after") long after, @Define("limit") int limit, @Bind("viewer") long viewer,
                             @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                             Collection<Long> viewerOrganisations);

    /** Open items from the group's earlier meetings (and handed over in its area before it): the follow-up point of the next meeting. */
    @SqlQuery(SELECT + """
            WHERE ai.network_group_id = :groupId AND COALESCE(mt.starts_at, ai.created_at) < :before AND ai.state IN ('OPEN', 'IN_PROGRESS')
              AND """ + " " + VISIBLE_TO_VIEWER + """
            ORDER BY CASE WHEN ai.due_date IS NULL THEN 1 ELSE 0 END, ai.due_date, ai.id LIMIT <limit>""")
    List<ActionItem> openBefore(@Bind("groupId") long groupId, @Bind("before") Instant before, @Define("limit") int limit,
                                @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                Collection<Long> viewerOrganisations);

    /** The first network group of an area, which an item handed over in the area belongs to; none when the area has no group. */
    @SqlQuery("SELECT MIN(id) FROM network_group WHERE area_id = :areaId")
    Long firstGroupOfArea(@Bind("areaId") long areaId);

    @SqlQuery("SELECT area_id FROM network_group WHERE id = :id")
    Long areaOfGroup(@Bind("id") long groupId);

    /** The observation an item was handed over from, if the viewer may read it: through the one confidentiality boundary. */
    @SqlQuery("SELECT rec.id FROM observation rec WHERE rec.action_item_id = :id AND " + Confidentiality.RECORD_VISIBLE_TO_VIEWER)
    Optional<Long> visibleObservationId(@Bind("id") long actionItemId, @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                        @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                        Collection<Long> viewerOrganisations);

    @SqlUpdate("INSERT INTO action_item_comment (action_item_id, author_user_id, text, created_at) VALUES (:id, :author, :text, :now)")
    @GetGeneratedKeys("id")
    long insertComment(@Bind("id") long actionItemId, @Bind("author") long authorUserId, @Bind("text") String text,
                       @Bind("now") Instant now);

    @SqlQuery("""
            SELECT c.id, c.action_item_id, c.author_user_id, u.name AS author_name, c.text, c.created_at
            FROM action_item_comment c JOIN app_user u ON u.id = c.author_user_id
            WHERE c.action_item_id = :id ORDER BY c.id LIMIT 500""")
    List<ActionItemComment> comments(@Bind("id") long actionItemId);

    // Programme follow-up: counts for derived indicators (numbers only, so no visibility predicate)

    /**
     * Per area and period of the due date, the items due and those DONE by the end of their due day in Stockholm; a
     * cancelled item was dropped, so it is neither due nor late. The
     * epoch of a DATE is its midnight in UTC on both databases, of a timestamp its instant: so an item is on time when
     * {@code epoch(closed_at) < epoch(due_date) + 1 day - Stockholm's UTC offset at that midnight} ({@code offsetOf}, a
     * CASE over the days the offset changes). Filtered through the index action_item(area_id, due_date).
     */
    @SqlQuery("""
            SELECT t.area_id, t.period, COUNT(*) AS due, CAST(SUM(t.done_on_time) AS BIGINT) AS done_on_time FROM (
                SELECT ai.area_id, <periodOf> AS period,
                       CASE WHEN ai.state = 'DONE'
                             AND EXTRACT(EPOCH FROM ai.closed_at) < EXTRACT(EPOCH FROM ai.due_date) + 86400 - <offsetOf>
                            THEN 1 ELSE 0 END AS done_on_time
                FROM action_item ai
                WHERE ai.due_date >= :from AND ai.due_date < :until AND ai.area_id IS NOT NULL
                  AND ai.state <> 'CANCELLED'
                  AND (:allAreas OR ai.area_id IN (<areaIds>))) t
            GROUP BY t.area_id, t.period""")
    @RegisterConstructorMapper(ActionItemsDue.class)
    List<ActionItemsDue> countDueByAreaAndPeriod(@Bind("allAreas") boolean allAreas,
                                                 @BindList(value = "areaIds", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                                 Collection<Long> areaIds,
                                                 @Bind("from") LocalDate from, @Bind("until") LocalDate until,
                                                 @Define("periodOf") String periodOf, @BindMap Map<String, Object> periodEnds,
                                                 @Define("offsetOf") String offsetOf, @BindMap Map<String, Object> offsetChanges);

    default List<ActionItemsDue> countDueByAreaAndPeriod(Collection<Long> areaIds, PeriodBoundaries<LocalDate> periods,
                                                         SqlSteps endOfDayOffsets) {
        return countDueByAreaAndPeriod(areaIds.isEmpty(), areaIds, periods.from(), periods.until(),
                periods.steps().sql("ai.due_date"), periods.steps().parameters(),
                endOfDayOffsets.sql("ai.due_date"), endOfDayOffsets.parameters());
    }
}
