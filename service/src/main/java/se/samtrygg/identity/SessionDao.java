package se.samtrygg.identity;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(SessionRow.class)
public interface SessionDao {

    @SqlUpdate("""
            INSERT INTO web_session (id_hash, user_id, csrf_token, created_at, last_seen_at)
            VALUES (:idHash, :userId, :csrf, :now, :now)""")
    void insert(@Bind("idHash") String idHash, @Bind("userId") long userId, @Bind("csrf") String csrfToken, @Bind("now") Instant now);

    @SqlQuery("SELECT s.csrf_token, s.created_at, s.last_seen_at, " + UserDao.PRINCIPAL_COLUMNS
            + " FROM web_session s JOIN app_user u ON u.id = s.user_id " + UserDao.PRINCIPAL_JOINS + " WHERE s.id_hash = :idHash")
    List<SessionRow> find(@Bind("idHash") String idHash);

    @SqlUpdate("UPDATE web_session SET last_seen_at = :now WHERE id_hash = :idHash")
    void touch(@Bind("idHash") String idHash, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM web_session WHERE id_hash = :idHash")
    int delete(@Bind("idHash") String idHash);

    @SqlUpdate("DELETE FROM web_session WHERE user_id = :userId")
    int deleteForUser(@Bind("userId") long userId);

    @SqlUpdate("DELETE FROM web_session WHERE last_seen_at < :idleBefore OR created_at < :createdBefore")
    int deleteExpired(@Bind("idleBefore") Instant idleBefore, @Bind("createdBefore") Instant createdBefore);
}
