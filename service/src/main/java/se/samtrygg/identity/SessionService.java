package se.samtrygg.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.common.Secrets;

/**
 * Web sessions, stored in the database so that any node can serve any request. The cookie holds
 * a random id; the table holds only its hash. A session ends after {@code sessionIdleTimeout}
 * without a request, and in any case {@code sessionAbsoluteLifetime} after sign-in.
 */
public final class SessionService {
    /** last_seen_at is written at most this often, not on every request. */
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Duration idleTimeout;
    private final Duration absoluteLifetime;
    private final Clock clock;

    public SessionService(Jdbi jdbi, SecurityConfiguration config, Clock clock) {
        this.jdbi = jdbi;
        this.idleTimeout = Duration.ofMillis(config.getSessionIdleTimeout().toMilliseconds());
        this.absoluteLifetime = Duration.ofMillis(config.getSessionAbsoluteLifetime().toMilliseconds());
        this.clock = clock;
    }

    /**
     * Starts a new session and returns the cookie value. The previous session of this browser,
     * if any, is ended: a session id is never carried across a sign-in.
     */
    public String start(long userId, String previousSessionId) {
        String id = Secrets.newToken();
        jdbi.useTransaction(h -> {
            SessionDao dao = h.attach(SessionDao.class);
            if (previousSessionId != null) {
                dao.delete(Secrets.sha256(previousSessionId));
            }
            dao.insert(Secrets.sha256(id), userId, Secrets.newToken(), clock.instant());
        });
        return id;
    }

    public Optional<CurrentUser> authenticate(String sessionId) {
        if (sessionId == null || sessionId.length() < 32 || sessionId.length() > 64) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(sessionId);
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            SessionDao dao = h.attach(SessionDao.class);
            List<SessionRow> rows = dao.find(hash);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            SessionRow session = rows.get(0);
            if (now.isAfter(session.lastSeenAt().plus(idleTimeout)) || now.isAfter(session.createdAt().plus(absoluteLifetime))) {
                dao.delete(hash);
                return Optional.empty();
            }
            if (now.isAfter(session.lastSeenAt().plus(TOUCH_INTERVAL))) {
                dao.touch(hash, now);
            }
            return PrincipalRow.fold(rows.stream().map(SessionRow::user).toList(), session.csrfToken());
        });
    }

    public void end(String sessionId) {
        if (sessionId != null) {
            jdbi.useExtension(SessionDao.class, dao -> dao.delete(Secrets.sha256(sessionId)));
        }
    }

    /** Run by the scheduler: sessions nobody can use any more. */
    public int purgeExpired() {
        Instant now = clock.instant();
        return jdbi.withExtension(SessionDao.class, dao -> dao.deleteExpired(now.minus(idleTimeout), now.minus(absoluteLifetime)));
    }
}
