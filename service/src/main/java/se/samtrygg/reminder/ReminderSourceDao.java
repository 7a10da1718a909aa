package se.samtrygg.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import se.samtrygg.meeting.ActionItemDao;
import se.samtrygg.meeting.MeetingDao;

/**
 * Read-only SQL over the sources of the plan (meetings, action items, rollout steps) and the people they concern.
 * The one exception to "a feature uses another feature's service": the planner runs inside the source feature's own
 * transaction and reads many small things per change, as the situation picture does. It writes nothing, and the
 * visibility predicates are the source features' own constants, not restated here.
 */
@RegisterConstructorMapper(ReminderSourceDao.MeetingSource.class)
@RegisterConstructorMapper(ReminderSourceDao.ActionItemSource.class)
@RegisterConstructorMapper(ReminderSourceDao.PropertyStepSource.class)
@RegisterConstructorMapper(ReminderSourceDao.RolloutSource.class)
@RegisterConstructorMapper(ReminderSourceDao.Recipient.class)
public interface ReminderSourceDao {

    record MeetingSource(long id, long networkGroupId, String networkGroupName, String title, Instant startsAt, Instant endsAt,
                         String status, int icsSequence, Long seriesId, String placeName, String address, String videoLink,
                         boolean hasAgenda, boolean hasMinutes) {
        boolean cancelled() {
            return "CANCELLED".equals(status);
        }
    }

    record ActionItemSource(long id, String title, Long networkGroupId, long responsibleOrganisationId, Long responsibleUserId,
                            LocalDate dueDate, String state) {
        boolean open() {
            return "OPEN".equals(state) || "IN_PROGRESS".equals(state);
        }
    }

    /** An open property step with what its reminder says: the step, the property's address, the owner. */
    record PropertyStepSource(long id, long stepId, int position, String stepName, String address, long organisationId, Long personId,
                              LocalDate dueDate) {
    }

    record RolloutSource(long id, String name, long coordinatorId) {
    }

    /** A person a reminder may go to: active, with the language to word it in and what they may see. */
    record Recipient(long id, String name, String email, String language, boolean active, boolean admin) {
    }

    @SqlQuery("""
            SELECT mt.id, mt.network_group_id, g.name AS network_group_name, mt.title, mt.starts_at, mt.ends_at, mt.status,
                   mt.ics_sequence, mt.series_id, p.name AS place_name, mt.address, mt.video_link,
                   EXISTS (SELECT 1 FROM agenda_item a WHERE a.meeting_id = mt.id) AS has_agenda,
                   EXISTS (SELECT 1 FROM agenda_minutes mi WHERE mi.meeting_id = mt.id) AS has_minutes
            FROM meeting mt JOIN network_group g ON g.id = mt.network_group_id LEFT JOIN place p ON p.id = mt.place_id
            WHERE mt.id = :id""")
    Optional<MeetingSource> meeting(@Bind("id") long meetingId);

    @SqlQuery("SELECT id FROM meeting WHERE series_id = :seriesId ORDER BY starts_at, id")
    List<Long> meetingsOfSeries(@Bind("seriesId") long seriesId);

    /** The active coordinators of a network group. */
    @SqlQuery("""
            SELECT u.id FROM network_group_coordinator c JOIN app_user u ON u.id = c.user_id
            WHERE c.network_group_id = :groupId AND u.active ORDER BY u.id""")
    List<Long> coordinators(@Bind("groupId") long groupId);

    /** The invited: people invited on their own and the active members of every invited organisation. */
    @SqlQuery("""
            SELECT u.id FROM app_user u
            WHERE u.active
              AND (EXISTS (SELECT 1 FROM meeting_invited_user iu WHERE iu.meeting_id = :id AND iu.user_id = u.id)
                   OR EXISTS (SELECT 1 FROM meeting_invited_organisation io JOIN membership m ON m.organisation_id = io.organisation_id
                              JOIN organisation o ON o.id = io.organisation_id
                              WHERE io.meeting_id = :id AND m.user_id = u.id AND o.active))
            ORDER BY u.id""")
    List<Long> invited(@Bind("id") long meetingId);

    @SqlQuery("""
            SELECT u.id FROM membership m JOIN app_user u ON u.id = m.user_id
            WHERE m.organisation_id = :organisationId AND u.active ORDER BY u.id""")
    List<Long> activeMembers(@Bind("organisationId") long organisationId);

    @SqlQuery("""
            SELECT id, title, network_group_id, responsible_organisation_id, responsible_user_id, due_date, state
            FROM action_item WHERE id = :id""")
    Optional<ActionItemSource> actionItem(@Bind("id") long actionItemId);

    @SqlQuery("SELECT id, name, coordinator_id FROM rollout WHERE id = :id")
    Optional<RolloutSource> rollout(@Bind("id") long rolloutId);

    @SqlQuery("SELECT rollout_id FROM rollout_step WHERE id = :id")
    Optional<Long> rolloutOfStep(@Bind("id") long rolloutStepId);

    /** The open property steps of one step of a rollout (or of all its steps when stepId is null). */
    @SqlQuery("""
            SELECT ps.id, ps.step_id, rs.position, rs.name AS step_name, p.address, ps.organisation_id, ps.person_id, ps.due_date
            FROM property_step ps JOIN rollout_step rs ON rs.id = ps.step_id JOIN rollout_property p ON p.id = ps.property_id
            WHERE ps.rollout_id = :rolloutId AND (CAST(:stepId AS BIGINT) IS NULL OR ps.step_id = :stepId)
              AND ps.state IN ('NOT_STARTED', 'IN_PROGRESS')
            ORDER BY rs.position, p.address, ps.id""")
    List<PropertyStepSource> openPropertySteps(@Bind("rolloutId") long rolloutId, @Bind("stepId") Long stepId);

    record Member(long organisationId, long userId) {
    }

    /** The active members of several organisations at once: a rollout's owners in one statement. */
    @SqlQuery("""
            SELECT m.organisation_id, u.id AS user_id FROM membership m JOIN app_user u ON u.id = m.user_id
            WHERE m.organisation_id IN (<ids>) AND u.active ORDER BY m.organisation_id, u.id""")
    @RegisterConstructorMapper(Member.class)
    List<Member> activeMembersOf(@BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<Long> organisationIds);

    @SqlQuery("""
            SELECT u.id, u.name, u.email, u.language, u.active,
                   EXISTS (SELECT 1 FROM user_role r WHERE r.user_id = u.id AND r.role = 'ADMIN') AS admin
            FROM app_user u WHERE u.id = :id""")
    Optional<Recipient> recipient(@Bind("id") long userId);

    @SqlQuery("""
            SELECT m.organisation_id FROM membership m JOIN organisation o ON o.id = m.organisation_id
            WHERE m.user_id = :id AND o.active""")
    List<Long> organisationsOf(@Bind("id") long userId);

    /** Whether a person may see an action item: ActionItemDao's own predicate, for that person. */
    @SqlQuery("SELECT COUNT(*) FROM action_item ai LEFT JOIN network_group g ON g.id = ai.network_group_id WHERE ai.id = :id AND "
            + ActionItemDao.VISIBLE_TO_VIEWER)
    int actionItemVisible(@Bind("id") long actionItemId, @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                          @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                          Collection<Long> viewerOrganisations);

    /** Whether a person may see a meeting: MeetingDao's own predicate, for that person. */
    @SqlQuery("SELECT COUNT(*) FROM meeting mt JOIN network_group g ON g.id = mt.network_group_id WHERE mt.id = :id AND "
            + MeetingDao.VISIBLE_TO_VIEWER)
    int meetingVisible(@Bind("id") long meetingId, @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                       @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                       Collection<Long> viewerOrganisations);
}
