package se.samtrygg.calendar;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(CalendarFeed.class)
public interface CalendarFeedDao {
    String SELECT = """
            SELECT f.id, f.user_id, f.network_group_id, g.name AS network_group_name, f.created_at, f.last_used_at, f.revoked_at
            FROM calendar_feed f LEFT JOIN network_group g ON g.id = f.network_group_id
            """;

    /** One scope of one user at a time: the row lock serialises two issues of the same user. */
    @SqlQuery("SELECT id FROM app_user WHERE id = :userId FOR UPDATE")
    Optional<Long> lockUser(@Bind("userId") long userId);

    @SqlUpdate("""
            INSERT INTO calendar_feed (user_id, network_group_id, token_hash, created_at)
            VALUES (:userId, :groupId, :hash, :now)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("userId") long userId, @Bind("groupId") Long groupId, @Bind("hash") String hash, @Bind("now") Instant now);

    @SqlQuery(SELECT + "WHERE f.id = :id")
    Optional<CalendarFeed> find(@Bind("id") long id);

    @SqlQuery(SELECT + "WHERE f.token_hash = :hash AND f.revoked_at IS NULL")
    Optional<CalendarFeed> findActiveByHash(@Bind("hash") String hash);

    @SqlQuery(SELECT + "WHERE f.user_id = :userId AND f.id > :after ORDER BY f.id LIMIT :limit")
    List<CalendarFeed> listFor(@Bind("userId") long userId, @Bind("after") long after, @Bind("limit") int limit);

    @SqlQuery(SELECT + "WHERE f.user_id = :userId AND f.revoked_at IS NULL ORDER BY f.network_group_id NULLS FIRST, f.id")
    List<CalendarFeed> activeOf(@Bind("userId") long userId);

    /** Revokes the user's active feed of one scope: the personal one when groupId is null. */
    @SqlUpdate("""
            UPDATE calendar_feed SET revoked_at = :now
            WHERE user_id = :userId AND revoked_at IS NULL
              AND ((CAST(:groupId AS BIGINT) IS NULL AND network_group_id IS NULL) OR network_group_id = :groupId)""")
    int revokeScope(@Bind("userId") long userId, @Bind("groupId") Long groupId, @Bind("now") Instant now);

    @SqlUpdate("UPDATE calendar_feed SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
    int revoke(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("UPDATE calendar_feed SET last_used_at = :now WHERE id = :id")
    void touch(@Bind("id") long id, @Bind("now") Instant now);
}
