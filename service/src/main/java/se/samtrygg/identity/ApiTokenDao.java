package se.samtrygg.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ApiToken.class)
@RegisterConstructorMapper(ApiTokenDao.TokenOfUser.class)
public interface ApiTokenDao {
    String COLUMNS = "id, user_id, name, created_at, expires_at, last_used_at, revoked_at";

    /** A token with its user, one row per role and organisation of the user (see {@link PrincipalRow}). */
    record TokenOfUser(long id, Instant expiresAt, Instant lastUsedAt, Instant revokedAt, @Nested PrincipalRow user) {
        boolean usable(Instant now) {
            return ApiToken.usable(revokedAt, expiresAt, now);
        }
    }

    @SqlUpdate("""
            INSERT INTO api_token (user_id, name, token_hash, created_at, expires_at)
            VALUES (:userId, :name, :hash, :now, :expiresAt)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("userId") long userId, @Bind("name") String name, @Bind("hash") String hash,
                @Bind("now") Instant now, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("SELECT t.id, t.expires_at, t.last_used_at, t.revoked_at, " + UserDao.PRINCIPAL_COLUMNS
            + " FROM api_token t JOIN app_user u ON u.id = t.user_id " + UserDao.PRINCIPAL_JOINS + " WHERE t.token_hash = :hash")
    List<TokenOfUser> findByHash(@Bind("hash") String hash);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_token WHERE id = :id")
    Optional<ApiToken> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_token WHERE user_id = :userId AND id > :after ORDER BY id LIMIT :limit")
    List<ApiToken> listFor(@Bind("userId") long userId, @Bind("after") long after, @Bind("limit") int limit);

    @SqlUpdate("UPDATE api_token SET last_used_at = :now WHERE id = :id")
    void touch(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("UPDATE api_token SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
    int revoke(@Bind("id") long id, @Bind("now") Instant now);

    @SqlUpdate("UPDATE api_token SET revoked_at = :now WHERE user_id = :userId AND revoked_at IS NULL")
    int revokeAllOf(@Bind("userId") long userId, @Bind("now") Instant now);
}
