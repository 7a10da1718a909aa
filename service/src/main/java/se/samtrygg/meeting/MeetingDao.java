package se.samtrygg.meeting;

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
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.samtrygg.common.db.PeriodBoundaries;
import se.samtrygg.common.db.PeriodCount;

@RegisterConstructorMapper(MeetingRow.class)
@RegisterConstructorMapper(Meeting.Invited.class)
@RegisterConstructorMapper(AgendaItem.class)
public interface MeetingDao {
    String SELECT = """
            SELECT mt.id, mt.network_group_id, g.name AS network_group_name, mt.title, mt.starts_at, mt.ends_at,
                   mt.place_id, p.name AS place_name, mt.address, mt.video_link, mt.status, mt.cancel_reason,
                   mt.series_id, mt.occurrence_starts_at, mt.detached, mt.updated_at
            FROM meeting mt JOIN network_group g ON g.id = mt.network_group_id LEFT JOIN place p ON p.id = mt.place_id
            """;

    @SqlUpdate("""
            INSERT INTO meeting (network_group_id, title, starts_at, ends_at, place_id, address, video_link, status, created_by,
                                 created_at, updated_at)
            VALUES (:groupId, :title, :startsAt, :endsAt, :placeId, :address, :videoLink, 'SCHEDULED', :createdBy, :now, :now)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("groupId") long groupId, @Bind("title") String title, @Bind("startsAt") Instant startsAt,
                @Bind("endsAt") Instant endsAt, @Bind("placeId") Long placeId, @Bind("address") String address,
                @Bind("videoLink") String videoLink, @Bind("createdBy") Long createdBy, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE meeting SET title = :title, starts_at = :startsAt, ends_at = :endsAt, place_id = :placeId, address = :address,
                   video_link = :videoLink, updated_at = :now WHERE id = :id""")
    int update(@Bind("id") long id, @Bind("title") String title, @Bind("startsAt") Instant startsAt, @Bind("endsAt") Instant endsAt,
               @Bind("placeId") Long placeId, @Bind("address") String address, @Bind("videoLink") String videoLink,
               @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO meeting (network_group_id, title, starts_at, ends_at, place_id, address, video_link, status, created_by,
                                 created_at, updated_at, series_id, occurrence_starts_at, detached)
            VALUES (:groupId, :title, :startsAt, :endsAt, :placeId, :address, :videoLink, 'SCHEDULED', :createdBy, :now, :now,
                    :seriesId, :startsAt, FALSE)""")
    @GetGeneratedKeys("id")
    long insertOccurrence(@Bind("seriesId") long seriesId, @Bind("groupId") long groupId, @Bind("title") String title,
                          @Bind("startsAt") Instant startsAt, @Bind("endsAt") Instant endsAt, @Bind("placeId") Long placeId,
                          @Bind("address") String address, @Bind("videoLink") String videoLink, @Bind("createdBy") Long createdBy,
                          @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO meeting_series (network_group_id, rrule, first_starts_at, duration_minutes, title, place_id, address, video_link,
                                        created_by, created_at, updated_at)
            VALUES (:groupId, :rrule, :firstStartsAt, :durationMinutes, :title, :placeId, :address, :videoLink, :createdBy, :now, :now)""")
    @GetGeneratedKeys("id")
    long insertSeries(@Bind("groupId") long groupId, @Bind("rrule") String rrule, @Bind("firstStartsAt") Instant firstStartsAt,
                      @Bind("durationMinutes") int durationMinutes, @Bind("title") String title, @Bind("placeId") Long placeId,
                      @Bind("address") String address, @Bind("videoLink") String videoLink, @Bind("createdBy") Long createdBy,
                      @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE meeting_series SET rrule = :rrule, first_starts_at = :firstStartsAt, duration_minutes = :durationMinutes, title = :title,
                   place_id = :placeId, address = :address, video_link = :videoLink, updated_at = :now WHERE id = :id""")
    void updateSeries(@Bind("id") long id, @Bind("rrule") String rrule, @Bind("firstStartsAt") Instant firstStartsAt,
                      @Bind("durationMinutes") int durationMinutes, @Bind("title") String title, @Bind("placeId") Long placeId,
                      @Bind("address") String address, @Bind("videoLink") String videoLink, @Bind("now") Instant now);

    @SqlUpdate("UPDATE meeting_series SET rrule = :rrule, updated_at = :now WHERE id = :id")
    void setSeriesRule(@Bind("id") long id, @Bind("rrule") String rrule, @Bind("now") Instant now);

    /** The occurrences of a series from one on (by the start the rule gave them), in order. */
    @SqlQuery(SELECT + "WHERE mt.series_id = :seriesId AND mt.occurrence_starts_at >= :from ORDER BY mt.occurrence_starts_at, mt.id")
    List<MeetingRow> occurrencesFrom(@Bind("seriesId") long seriesId, @Bind("from") Instant from);

    @SqlQuery("SELECT COUNT(*) FROM meeting WHERE series_id = :seriesId AND occurrence_starts_at < :before")
    int countOccurrencesBefore(@Bind("seriesId") long seriesId, @Bind("before") Instant before);

    @SqlUpdate("UPDATE meeting SET detached = TRUE WHERE id = :id")
    void markDetached(@Bind("id") long id);

    /** Makes a meeting an occurrence of a series as the rule gives it, keeping its agenda, minutes and action items. */
    @SqlUpdate("""
            UPDATE meeting SET series_id = :seriesId, occurrence_starts_at = :startsAt, detached = FALSE, title = :title,
                   starts_at = :startsAt, ends_at = :endsAt, place_id = :placeId, address = :address, video_link = :videoLink,
                   updated_at = :now
            WHERE id = :id""")
    void rebind(@Bind("id") long id, @Bind("seriesId") long seriesId, @Bind("title") String title, @Bind("startsAt") Instant startsAt,
                @Bind("endsAt") Instant endsAt, @Bind("placeId") Long placeId, @Bind("address") String address,
                @Bind("videoLink") String videoLink, @Bind("now") Instant now);

    /** Leaves a series, as a meeting of its own: for an occurrence with records that a changed rule no longer gives. */
    @SqlUpdate("UPDATE meeting SET series_id = NULL, occurrence_starts_at = NULL, detached = FALSE, updated_at = :now WHERE id = :id")
    void unbind(@Bind("id") long id, @Bind("now") Instant now);

    /** Whether anything was recorded on a meeting, so that it may not simply disappear. */
    @SqlQuery("""
            SELECT (SELECT COUNT(*) FROM agenda_item WHERE meeting_id = :id) + (SELECT COUNT(*) FROM action_item WHERE meeting_id = :id)
                 + (SELECT COUNT(*) FROM meeting_attendance_organisation WHERE meeting_id = :id)
                 + (SELECT COUNT(*) FROM meeting_attendance_user WHERE meeting_id = :id)""")
    int recordsOn(@Bind("id") long id);

    @SqlUpdate("DELETE FROM meeting WHERE id = :id")
    void delete(@Bind("id") long id);

    @SqlQuery(SELECT_SERIES + "WHERE s.id = :id")
    @RegisterConstructorMapper(SeriesRow.class)
    Optional<SeriesRow> findSeries(@Bind("id") long id);

    /** The iCalendar SEQUENCE of the meeting's invitations: raised on every move and on cancelling. */
    @SqlUpdate("UPDATE meeting SET ics_sequence = ics_sequence + 1 WHERE id = :id")
    void raiseIcsSequence(@Bind("id") long id);

    @SqlUpdate("UPDATE meeting SET status = 'CANCELLED', cancel_reason = :reason, updated_at = :now WHERE id = :id")
    int cancel(@Bind("id") long id, @Bind("reason") String reason, @Bind("now") Instant now);

    /**
     * Who may see a meeting, written once: whoever sees its group, the people of every
     * organisation invited to it (a guest organisation need not be a member of the group), and
     * every person invited on their own.
     */
    String VISIBLE_TO_VIEWER = "(" + NetworkGroupDao.VISIBLE_TO_VIEWER + """
             OR EXISTS (SELECT 1 FROM meeting_invited_organisation i
                        WHERE i.meeting_id = mt.id AND i.organisation_id IN (<viewerOrganisations>))
             OR EXISTS (SELECT 1 FROM meeting_invited_user iu WHERE iu.meeting_id = mt.id AND iu.user_id = :viewer))
            """;

    @SqlQuery(SELECT + "WHERE mt.id = :id")
    Optional<MeetingRow> find(@Bind("id") long id);

    @SqlQuery(SELECT + "WHERE mt.id = :id AND " + VISIBLE_TO_VIEWER)
    Optional<MeetingRow> findVisible(@Bind("id") long id, @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                     @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                     Collection<Long> viewerOrganisations);

    /** A group's meetings from a moment on (upcoming) or before it (past, newest first); for those who see the group. */
    @SqlQuery(SELECT + "WHERE mt.network_group_id = :groupId AND mt.starts_at >= :from ORDER BY mt.starts_at, mt.id LIMIT :limit")
    List<MeetingRow> upcoming(@Bind("groupId") long groupId, @Bind("from") Instant from, @Bind("limit") int limit);

    @SqlQuery(SELECT + "WHERE mt.network_group_id = :groupId AND mt.starts_at < :before ORDER BY mt.starts_at DESC, mt.id DESC LIMIT :limit")
    List<MeetingRow> past(@Bind("groupId") long groupId, @Bind("before") Instant before, @Bind("limit") int limit);

    /**
     * Visible meetings by id, narrowed by group and series when given. Only the filters present go into the statement: a
     * {@code (CAST(:x AS BIGINT) IS NULL OR ...)} filter cannot use an index in the generic plan PostgreSQL caches.
     */
    default List<MeetingRow> listVisible(Long groupId, Long seriesId, long after, int limit, boolean admin, long viewer,
                                         Collection<Long> viewerOrganisations) {
        String filters = (groupId == null ? "" : " AND mt.network_group_id = :groupId")
                + (seriesId == null ? "" : " AND mt.series_id = :seriesId");
        return listVisible(filters, groupId, seriesId, after, limit, admin, viewer, viewerOrganisations);
    }

    @SqlQuery(SELECT + "WHERE mt.id > :after <filters> AND " + VISIBLE_TO_VIEWER + " ORDER BY mt.id LIMIT :limit")
    @AllowUnusedBindings
    List<MeetingRow> listVisible(@Define("filters") String filters, @Bind("groupId") Long groupId, @Bind("seriesId") Long seriesId,
                                 @Bind("after") long after,
                                 @Bind("limit") int limit,
                                 @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                 @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                 Collection<Long> viewerOrganisations);

    /** The visible meetings that overlap [from, to), in time order: for calendars and feeds. */
    @SqlQuery(SELECT + "WHERE mt.starts_at < :to AND mt.ends_at > :from AND (CAST(:groupId AS BIGINT) IS NULL OR mt.network_group_id = :groupId) AND "
            + VISIBLE_TO_VIEWER + " ORDER BY mt.starts_at, mt.id LIMIT :limit")
    List<MeetingRow> inRange(@Bind("groupId") Long groupId, @Bind("from") Instant from, @Bind("to") Instant to, @Bind("limit") int limit,
                             @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                             @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                             Collection<Long> viewerOrganisations);

    /** The occurrences of these series that no longer look like their rule: changed on their own, or cancelled. */
    @SqlQuery(SELECT + "WHERE mt.series_id IN (<ids>) AND (mt.detached OR mt.status = 'CANCELLED') ORDER BY mt.occurrence_starts_at, mt.id")
    List<MeetingRow> exceptionsOf(@BindList("ids") Collection<Long> seriesIds);

    record SeriesRow(long id, long networkGroupId, String rrule, Instant firstStartsAt, int durationMinutes, String title, Long placeId,
                     String placeName, String address, String videoLink) {
    }

    String SELECT_SERIES = """
            SELECT s.id, s.network_group_id, s.rrule, s.first_starts_at, s.duration_minutes, s.title, s.place_id, p.name AS place_name,
                   s.address, s.video_link
            FROM meeting_series s LEFT JOIN place p ON p.id = s.place_id
            """;

    @SqlQuery(SELECT_SERIES + "WHERE s.id IN (<ids>) ORDER BY s.id")
    @RegisterConstructorMapper(SeriesRow.class)
    List<SeriesRow> series(@BindList("ids") Collection<Long> seriesIds);

    @SqlQuery("""
            SELECT o.id AS organisation_id, o.name FROM meeting_invited_organisation i JOIN organisation o ON o.id = i.organisation_id
            WHERE i.meeting_id = :id ORDER BY o.name""")
    List<Meeting.Invited> invited(@Bind("id") long meetingId);

    /** The active organisations that are members of the meeting's group or invited to it, by name: who may present a point. */
    @SqlQuery("""
            SELECT o.id AS organisation_id, o.name FROM organisation o
            WHERE o.active
              AND (o.id IN (SELECT m.organisation_id FROM network_group_member m JOIN meeting mt ON mt.network_group_id = m.network_group_id
                            WHERE mt.id = :id)
                   OR o.id IN (SELECT i.organisation_id FROM meeting_invited_organisation i WHERE i.meeting_id = :id))
            ORDER BY o.name, o.id""")
    List<Meeting.Invited> presenterCandidates(@Bind("id") long meetingId);

    /** Invitations and agenda points with the meeting they belong to, for loading a whole page of meetings at once. */
    record InvitedOf(long meetingId, long organisationId, String name) {
    }

    record AgendaItemOf(long meetingId, long id, int sortOrder, String title, Long presenterOrganisationId, String presenterName,
                        Integer durationMinutes) {
    }

    record InvitedPersonOf(long meetingId, long userId, String name) {
    }

    @SqlQuery("""
            SELECT i.meeting_id, u.id AS user_id, u.name FROM meeting_invited_user i JOIN app_user u ON u.id = i.user_id
            WHERE i.meeting_id IN (<ids>) ORDER BY u.name, u.id""")
    @RegisterConstructorMapper(InvitedPersonOf.class)
    List<InvitedPersonOf> invitedPeopleOf(@BindList("ids") Collection<Long> meetingIds);

    @SqlUpdate("DELETE FROM meeting_invited_user WHERE meeting_id = :id")
    void clearInvitedPeople(@Bind("id") long meetingId);

    @SqlUpdate("INSERT INTO meeting_invited_user (meeting_id, user_id) VALUES (:id, :userId)")
    void invitePerson(@Bind("id") long meetingId, @Bind("userId") long userId);

    @SqlQuery("""
            SELECT i.meeting_id, o.id AS organisation_id, o.name FROM meeting_invited_organisation i
            JOIN organisation o ON o.id = i.organisation_id WHERE i.meeting_id IN (<ids>) ORDER BY o.name""")
    @RegisterConstructorMapper(InvitedOf.class)
    List<InvitedOf> invitedOf(@BindList("ids") Collection<Long> meetingIds);

    @SqlQuery("""
            SELECT a.meeting_id, a.id, a.sort_order, a.title, a.presenter_organisation_id, o.name AS presenter_name, a.duration_minutes
            FROM agenda_item a LEFT JOIN organisation o ON o.id = a.presenter_organisation_id
            WHERE a.meeting_id IN (<ids>) ORDER BY a.sort_order""")
    @RegisterConstructorMapper(AgendaItemOf.class)
    List<AgendaItemOf> agendaOf(@BindList("ids") Collection<Long> meetingIds);

    @SqlUpdate("DELETE FROM meeting_invited_organisation WHERE meeting_id = :id")
    void clearInvited(@Bind("id") long meetingId);

    @SqlUpdate("INSERT INTO meeting_invited_organisation (meeting_id, organisation_id) VALUES (:id, :organisationId)")
    void invite(@Bind("id") long meetingId, @Bind("organisationId") long organisationId);

    @SqlQuery("""
            SELECT a.id, a.sort_order, a.title, a.presenter_organisation_id, o.name AS presenter_name, a.duration_minutes
            FROM agenda_item a LEFT JOIN organisation o ON o.id = a.presenter_organisation_id
            WHERE a.meeting_id = :id ORDER BY a.sort_order""")
    List<AgendaItem> agenda(@Bind("id") long meetingId);

    @SqlUpdate("DELETE FROM agenda_item WHERE meeting_id = :id AND id = :itemId")
    void deleteAgendaItem(@Bind("id") long meetingId, @Bind("itemId") long agendaItemId);

    @SqlUpdate("""
            UPDATE agenda_item SET sort_order = :order, title = :title, presenter_organisation_id = :presenter,
                   duration_minutes = :minutes WHERE meeting_id = :id AND id = :itemId""")
    void updateAgendaItem(@Bind("id") long meetingId, @Bind("itemId") long agendaItemId, @Bind("order") int order,
                          @Bind("title") String title, @Bind("presenter") Long presenterOrganisationId,
                          @Bind("minutes") Integer durationMinutes);

    /** The meeting's agenda points that minutes were written to, whoever may read them: those cannot be removed. */
    @SqlQuery("SELECT mi.agenda_item_id FROM agenda_minutes mi WHERE mi.meeting_id = :id")
    List<Long> agendaItemsWithMinutes(@Bind("id") long meetingId);

    @SqlUpdate("""
            INSERT INTO agenda_item (meeting_id, sort_order, title, presenter_organisation_id, duration_minutes)
            VALUES (:id, :order, :title, :presenter, :minutes)""")
    void addAgendaItem(@Bind("id") long meetingId, @Bind("order") int order, @Bind("title") String title,
                       @Bind("presenter") Long presenterOrganisationId, @Bind("minutes") Integer durationMinutes);

    // Programme follow-up: counts for derived indicators (numbers only, so no viewer predicate)

    /**
     * Meetings held per area (their group's) and period: not cancelled, started in [from, until); a plain join of
     * the meetings to their group's area.
     */
    @SqlQuery("""
            SELECT t.area_id, t.period, COUNT(*) AS records FROM (
                SELECT g.area_id, <periodOf> AS period
                FROM meeting mt JOIN network_group g ON g.id = mt.network_group_id
                WHERE mt.starts_at >= :from AND mt.starts_at < :until AND mt.status <> 'CANCELLED'
                  AND (:allAreas OR g.area_id IN (<areaIds>))) t
            GROUP BY t.area_id, t.period""")
    @RegisterConstructorMapper(PeriodCount.class)
    List<PeriodCount> countHeldByAreaAndPeriod(@Bind("allAreas") boolean allAreas,
                                               @BindList(value = "areaIds", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                               Collection<Long> areaIds,
                                               @Bind("from") Instant from, @Bind("until") Instant until,
                                               @Define("periodOf") String periodOf, @BindMap Map<String, Object> periodEnds);

    default List<PeriodCount> countHeldByAreaAndPeriod(Collection<Long> areaIds, PeriodBoundaries<Instant> periods, Instant until) {
        return countHeldByAreaAndPeriod(areaIds.isEmpty(), areaIds, periods.from(), until, periods.steps().sql("mt.starts_at"),
                periods.steps().parameters());
    }
}
