package se.samtrygg.reminder;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The reminder plan (table reminder). */
@RegisterConstructorMapper(ReminderDao.Row.class)
public interface ReminderDao {

    record Row(long id, String reminderKey, String kind, String sourceType, long sourceId, long recipientUserId, Instant dueAt,
               String state) {
    }

    /**
     * A second insert of the same key is a no-op: the key names one occurrence, whoever plans it first. ON CONFLICT, not
     * NOT EXISTS: two transactions planning the same source at once must not fail the user's change on the unique key.
     */
    @SqlBatch("""
            INSERT INTO reminder (reminder_key, kind, source_type, source_id, recipient_user_id, due_at, state, created_at)
            VALUES (:key, :kind, :sourceType, :sourceId, :recipient, :dueAt, 'PLANNED', :now)
            ON CONFLICT DO NOTHING""")
    void insertIfAbsent(@Bind("key") List<String> keys, @Bind("kind") List<String> kinds, @Bind("sourceType") List<String> sourceTypes,
                        @Bind("sourceId") List<Long> sourceIds, @Bind("recipient") List<Long> recipientUserIds,
                        @Bind("dueAt") List<Instant> dueAts, @Bind("now") Instant now);

    @SqlQuery("""
            SELECT id, reminder_key, kind, source_type, source_id, recipient_user_id, due_at, state FROM reminder
            WHERE source_type = :sourceType AND source_id = :sourceId AND state = 'PLANNED'""")
    List<Row> plannedOf(@Bind("sourceType") String sourceType, @Bind("sourceId") long sourceId);

    /** The PLANNED rows of a rollout's steps (of one step when stepId is given): a whole rollout in one statement. */
    @SqlQuery("""
            SELECT id, reminder_key, kind, source_type, source_id, recipient_user_id, due_at, state FROM reminder
            WHERE source_type = 'ROLLOUT_STEP' AND state = 'PLANNED'
              AND source_id IN (SELECT rs.id FROM rollout_step rs WHERE rs.rollout_id = :rolloutId
                                AND (CAST(:stepId AS BIGINT) IS NULL OR rs.id = :stepId))""")
    List<Row> plannedOfRollout(@Bind("rolloutId") long rolloutId, @Bind("stepId") Long stepId);

    @SqlBatch("DELETE FROM reminder WHERE id = :id AND state = 'PLANNED'")
    void deletePlanned(@Bind("id") List<Long> ids);

    /** The next due ids, oldest first; claimed one by one, so two nodes reading the same ids is harmless. */
    @SqlQuery("""
            SELECT id FROM reminder WHERE state = 'PLANNED' AND due_at <= :now AND id > :after
            ORDER BY id LIMIT :limit""")
    List<Long> dueIds(@Bind("now") Instant now, @Bind("after") long after, @Bind("limit") int limit);

    /** The atomic claim: the one transaction that turns PLANNED into something else owns the reminder. */
    @SqlUpdate("UPDATE reminder SET state = :state, dispatched_at = :now WHERE id = :id AND state = 'PLANNED'")
    int claim(@Bind("id") long id, @Bind("state") String state, @Bind("now") Instant now);

    @SqlUpdate("UPDATE reminder SET state = 'SKIPPED' WHERE id = :id")
    void markSkipped(@Bind("id") long id);

    @SqlQuery("""
            SELECT id, reminder_key, kind, source_type, source_id, recipient_user_id, due_at, state FROM reminder WHERE id = :id""")
    Optional<Row> find(@Bind("id") long id);

    /** The plan's next rows with their recipient's name; mapped by hand, as KEY is a reserved word to H2. */
    @SqlQuery("""
            SELECT r.id, r.reminder_key, r.kind, r.source_type, r.source_id, r.recipient_user_id, u.name AS recipient_name,
                   r.due_at, r.state
            FROM reminder r JOIN app_user u ON u.id = r.recipient_user_id
            WHERE r.state = 'PLANNED' ORDER BY r.due_at, r.id LIMIT :limit""")
    @UseRowMapper(NextDueMapper.class)
    List<PlannedReminder> nextDue(@Bind("limit") int limit);

    final class NextDueMapper implements RowMapper<PlannedReminder> {
        @Override
        public PlannedReminder map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new PlannedReminder(rs.getLong("id"), rs.getString("reminder_key"), ReminderKind.valueOf(rs.getString("kind")),
                    rs.getString("source_type"), rs.getLong("source_id"), rs.getLong("recipient_user_id"), rs.getString("recipient_name"),
                    rs.getObject("due_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("state"));
        }
    }
}
