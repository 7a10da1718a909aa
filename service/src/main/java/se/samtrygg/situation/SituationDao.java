package se.samtrygg.situation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import se.samtrygg.common.Visibility;
import se.samtrygg.common.db.Confidentiality;
import se.samtrygg.meeting.ActionItemDao;
import se.samtrygg.meeting.ActionItemState;
import se.samtrygg.meeting.MeetingDao;
import se.samtrygg.meeting.MeetingStatus;

/**
 * The read model of the situation picture: counts and short listings over the activity log, action
 * items and meetings of one area. Every query that reads activity, observation or place_report rows
 * names the table {@code rec} and carries {@link Confidentiality#RECORD_VISIBLE_TO_VIEWER}; the
 * only queries that look past it count rows and return nothing else. Action items and meetings go
 * through their own features' visibility constants.
 *
 * <p>Periods are half-open: {@code :from} inclusive, {@code :to} exclusive (instants), except the
 * weekly place reports, which are selected by their week's Monday.
 */
public interface SituationDao {
    String VISIBLE = " " + Confidentiality.RECORD_VISIBLE_TO_VIEWER + " ";
    String HIDDEN = " " + Confidentiality.RECORD_HIDDEN_FROM_VIEWER + " ";
    String ACTIVITY_IN_PERIOD = " rec.area_id = :areaId AND rec.starts_at >= :from AND rec.starts_at < :to ";
    String OBSERVATION_IN_PERIOD = " rec.area_id = :areaId AND rec.observed_at >= :from AND rec.observed_at < :to ";
    String REPORT_IN_PERIOD = " rec.area_id = :areaId AND rec.week_start >= :fromWeek AND rec.week_start <= :to ";

    /**
     * Each visible activity of the period, with its type and figures: the service counts them by type and by Stockholm
     * week in Java, from this one read (a grouped count by type read the same rows a second time).
     */
    record ActivityMoment(long typeId, Instant startsAt, Integer staffCount, Integer reachedCount) {
    }

    @SqlQuery("SELECT rec.type_id, rec.starts_at, rec.staff_count, rec.reached_count FROM activity rec"
            + " WHERE" + ACTIVITY_IN_PERIOD + "AND" + VISIBLE + " LIMIT :limit")
    @RegisterConstructorMapper(ActivityMoment.class)
    List<ActivityMoment> activityMoments(@Bind("areaId") long areaId, @Bind("from") Instant from, @Bind("to") Instant to,
                                         @Bind("limit") int limit,
                                         @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                         @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                         Collection<Long> viewerOrganisations);

    @SqlQuery("SELECT COUNT(*) FROM activity rec WHERE" + ACTIVITY_IN_PERIOD + "AND" + HIDDEN)
    long hiddenActivities(@Bind("areaId") long areaId, @Bind("from") Instant from, @Bind("to") Instant to,
                          @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                          @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                          Collection<Long> viewerOrganisations);

    @SqlQuery("SELECT COUNT(*) FROM observation rec WHERE" + OBSERVATION_IN_PERIOD + "AND" + HIDDEN)
    long hiddenObservations(@Bind("areaId") long areaId, @Bind("from") Instant from, @Bind("to") Instant to,
                            @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                            @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                            Collection<Long> viewerOrganisations);

    @SqlQuery("SELECT COUNT(*) FROM place_report rec WHERE" + REPORT_IN_PERIOD + "AND" + HIDDEN)
    long hiddenPlaceReports(@Bind("areaId") long areaId, @Bind("fromWeek") LocalDate fromWeek, @Bind("to") LocalDate to,
                            @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                            @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                            Collection<Long> viewerOrganisations);

    /** Observations per category and how they were handled: kept, handed over and open, handed over and closed. */
    record CategoryRow(long categoryId, String categoryName, long observations, long notHandedOver, long handedOverOpen,
                       long handedOverClosed) {
    }

    @SqlQuery("SELECT c.id AS category_id, c.name AS category_name, COUNT(*) AS observations,"
            + " SUM(CASE WHEN rec.action_item_id IS NULL THEN 1 ELSE 0 END) AS not_handed_over,"
            + " SUM(CASE WHEN ai.state IN ('OPEN', 'IN_PROGRESS') THEN 1 ELSE 0 END) AS handed_over_open,"
            + " SUM(CASE WHEN ai.state IN ('DONE', 'CANCELLED') THEN 1 ELSE 0 END) AS handed_over_closed"
            + " FROM observation rec JOIN category c ON c.id = rec.category_id LEFT JOIN action_item ai ON ai.id = rec.action_item_id"
            + " WHERE" + OBSERVATION_IN_PERIOD + "AND" + VISIBLE
            + " GROUP BY c.id, c.name, c.sort_order ORDER BY c.sort_order, c.name, c.id")
    @RegisterConstructorMapper(CategoryRow.class)
    List<CategoryRow> observationsByCategory(@Bind("areaId") long areaId, @Bind("from") Instant from, @Bind("to") Instant to,
                                             @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                             @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                             Collection<Long> viewerOrganisations);

    record ObservationRow(long id, Instant observedAt, String categoryName, String placeName, String organisationName,
                          String description, Visibility visibility, Long actionItemId, ActionItemState actionItemState) {
    }

    @SqlQuery("SELECT rec.id, rec.observed_at, c.name AS category_name, p.name AS place_name, o.name AS organisation_name,"
            + " rec.description, rec.visibility, rec.action_item_id, ai.state AS action_item_state"
            + " FROM observation rec JOIN category c ON c.id = rec.category_id JOIN organisation o ON o.id = rec.organisation_id"
            + " LEFT JOIN place p ON p.id = rec.place_id LEFT JOIN action_item ai ON ai.id = rec.action_item_id"
            + " WHERE" + OBSERVATION_IN_PERIOD + "AND" + VISIBLE
            + " ORDER BY rec.observed_at DESC, rec.id DESC LIMIT :limit")
    @RegisterConstructorMapper(ObservationRow.class)
    List<ObservationRow> latestObservations(@Bind("areaId") long areaId, @Bind("from") Instant from, @Bind("to") Instant to,
                                            @Bind("limit") int limit,
                                            @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                            @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                            Collection<Long> viewerOrganisations);

    /**
     * The area's open action items: those handed over from its observations and those agreed in its network groups'
     * meetings. Every item carries its area (an observation's, or its group's: migration 012, ActionItemService, and
     * NetworkGroupService when a group moves), so one condition finds them through action_item(area_id, state).
     */
    String ACTION_ITEMS_OF_AREA = " FROM action_item ai LEFT JOIN network_group g ON g.id = ai.network_group_id"
            + " WHERE ai.area_id = :areaId AND ai.state IN ('OPEN', 'IN_PROGRESS')"
            + " AND " + ActionItemDao.VISIBLE_TO_VIEWER + " ";

    record ActionItemCounts(long openCount, long overdueCount) {
    }

    @SqlQuery("SELECT COUNT(*) AS open_count, COALESCE(SUM(CASE WHEN ai.due_date < :today THEN 1 ELSE 0 END), 0) AS overdue_count"
            + ACTION_ITEMS_OF_AREA)
    @RegisterConstructorMapper(ActionItemCounts.class)
    ActionItemCounts openActionItemCounts(@Bind("areaId") long areaId, @Bind("today") LocalDate today,
                                          @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                          @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                          Collection<Long> viewerOrganisations);

    record ActionItemRow(long id, String title, String responsibleOrganisationName, String responsibleUserName, LocalDate dueDate,
                         ActionItemState state, String networkGroupName) {
    }

    /**
     * Overdue first (the earliest due date), then the rest by due date; those without one last. The names are scalar
     * subqueries, as in {@link ActionItemDao#SELECT}: cheaper to plan than joins.
     */
    @SqlQuery("SELECT ai.id, ai.title, (SELECT o.name FROM organisation o WHERE o.id = ai.responsible_organisation_id)"
            + " AS responsible_organisation_name, (SELECT u.name FROM app_user u WHERE u.id = ai.responsible_user_id)"
            + " AS responsible_user_name, ai.due_date, ai.state, g.name AS network_group_name" + ACTION_ITEMS_OF_AREA
            + " ORDER BY CASE WHEN ai.due_date IS NULL THEN 1 ELSE 0 END, ai.due_date, ai.id LIMIT :limit")
    @RegisterConstructorMapper(ActionItemRow.class)
    List<ActionItemRow> openActionItems(@Bind("areaId") long areaId, @Bind("limit") int limit,
                                        @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                        @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                        Collection<Long> viewerOrganisations);

    record MeetingRow(long id, String title, String networkGroupName, Instant startsAt, Instant endsAt, String placeName,
                      String address, MeetingStatus status) {
    }

    @SqlQuery("SELECT mt.id, mt.title, g.name AS network_group_name, mt.starts_at, mt.ends_at, p.name AS place_name, mt.address,"
            + " mt.status FROM meeting mt JOIN network_group g ON g.id = mt.network_group_id LEFT JOIN place p ON p.id = mt.place_id"
            + " WHERE g.area_id = :areaId AND mt.starts_at >= :from AND mt.starts_at < :to AND " + MeetingDao.VISIBLE_TO_VIEWER
            + " ORDER BY mt.starts_at, mt.id LIMIT :limit")
    @RegisterConstructorMapper(MeetingRow.class)
    List<MeetingRow> meetings(@Bind("areaId") long areaId, @Bind("from") Instant from, @Bind("to") Instant to, @Bind("limit") int limit,
                              @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                              @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                              Collection<Long> viewerOrganisations);

    record UpcomingActivityRow(long id, String typeName, Instant startsAt, Instant endsAt, String placeName, String organisationName) {
    }

    /** The names are scalar subqueries, as in {@link se.samtrygg.activity.ActivityDao#SELECT}: cheaper to plan than joins. */
    @SqlQuery("SELECT rec.id, (SELECT t.name FROM category t WHERE t.id = rec.type_id) AS type_name, rec.starts_at, rec.ends_at,"
            + " (SELECT p.name FROM place p WHERE p.id = rec.place_id) AS place_name,"
            + " (SELECT o.name FROM organisation o WHERE o.id = rec.organisation_id) AS organisation_name"
            + " FROM activity rec"
            + " WHERE rec.area_id = :areaId AND rec.starts_at > :now AND" + VISIBLE
            + " ORDER BY rec.starts_at, rec.id LIMIT :limit")
    @RegisterConstructorMapper(UpcomingActivityRow.class)
    List<UpcomingActivityRow> upcomingActivities(@Bind("areaId") long areaId, @Bind("now") Instant now, @Bind("limit") int limit,
                                                 @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                                 @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                                 Collection<Long> viewerOrganisations);

    /** Per week and place: how many reports, and the highest level each sign was given in them. */
    record PlaceWeekRow(LocalDate weekStart, long placeId, String placeName, long reports, int vandalism, int littering, int lighting,
                        int gatherings, int incidentsAgainstStaff) {
    }

    @SqlQuery("SELECT rec.week_start, rec.place_id, p.name AS place_name, COUNT(*) AS reports, MAX(rec.vandalism) AS vandalism,"
            + " MAX(rec.littering) AS littering, MAX(rec.lighting) AS lighting, MAX(rec.gatherings) AS gatherings,"
            + " MAX(rec.incidents_against_staff) AS incidents_against_staff"
            + " FROM place_report rec JOIN place p ON p.id = rec.place_id"
            + " WHERE" + REPORT_IN_PERIOD + "AND" + VISIBLE
            + " GROUP BY rec.week_start, rec.place_id, p.name ORDER BY rec.week_start, p.name, rec.place_id LIMIT :limit")
    @RegisterConstructorMapper(PlaceWeekRow.class)
    List<PlaceWeekRow> placeWeeks(@Bind("areaId") long areaId, @Bind("fromWeek") LocalDate fromWeek, @Bind("to") LocalDate to,
                                  @Bind("limit") int limit,
                                  @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                  @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                  Collection<Long> viewerOrganisations);

    record UpcomingEventRow(String placeName, String organisationName, String upcomingEvents) {
    }

    @SqlQuery("SELECT p.name AS place_name, o.name AS organisation_name, rec.upcoming_events"
            + " FROM place_report rec JOIN place p ON p.id = rec.place_id JOIN organisation o ON o.id = rec.organisation_id"
            + " WHERE rec.area_id = :areaId AND rec.week_start = :week AND rec.upcoming_events IS NOT NULL AND" + VISIBLE
            + " ORDER BY p.name, o.name, rec.id LIMIT :limit")
    @RegisterConstructorMapper(UpcomingEventRow.class)
    List<UpcomingEventRow> upcomingEvents(@Bind("areaId") long areaId, @Bind("week") LocalDate week, @Bind("limit") int limit,
                                          @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                          @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                          Collection<Long> viewerOrganisations);
}
