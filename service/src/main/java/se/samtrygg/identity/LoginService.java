package se.samtrygg.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samtrygg.common.web.LogSafe;

/**
 * Checks an e-mail and password, and slows down and then locks an account that fails too often
 * in a row: after {@code slowDownAfterFailures} each further attempt must wait twice as long as
 * the one before; after {@code lockAfterFailures} the account is locked for {@code lockDuration}.
 * While an attempt must wait, the password is not even checked, so guessing gains nothing.
 */
public final class LoginService {
    private static final Logger LOG = LoggerFactory.getLogger(LoginService.class);

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final SecurityConfiguration config;
    private final Clock clock;

    public LoginService(Jdbi jdbi, PasswordHasher hasher, SecurityConfiguration config, Clock clock) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.config = config;
        this.clock = clock;
    }

    public LoginOutcome attempt(String email, String password) {
        String given = password == null ? "" : password;
        Optional<UserRow> found = email == null || email.isBlank() || email.length() > 254
                ? Optional.empty()
                : jdbi.withExtension(UserDao.class, dao -> dao.findByEmail(email.strip()));
        if (found.isEmpty() || !found.get().active()) {
            hasher.spendTimeLikeAVerification(given);
            LOG.info("Failed login for unknown or inactive account {}", LogSafe.of(email));
            return new LoginOutcome.Invalid();
        }
        UserRow user = found.get();
        Instant now = clock.instant();
        if (user.lockedUntil() != null && now.isBefore(user.lockedUntil())) {
            return new LoginOutcome.Locked(user.lockedUntil());
        }
        long wait = secondsToWait(user, now);
        if (wait > 0) {
            return new LoginOutcome.SlowedDown(wait);
        }
        if (hasher.verify(given, user.passwordHash())) {
            jdbi.useExtension(UserDao.class, dao -> dao.clearFailedLogins(user.id()));
            return new LoginOutcome.Success(user.id());
        }
        return recordFailure(user, now);
    }

    private LoginOutcome recordFailure(UserRow user, Instant now) {
        // A lock that has run out starts the count afresh.
        int previous = user.lockedUntil() != null ? 0 : user.failedLogins();
        int failures = previous + 1;
        if (failures >= config.getLockAfterFailures()) {
            Instant until = now.plusMillis(config.getLockDuration().toMilliseconds());
            jdbi.useExtension(UserDao.class, dao -> dao.recordFailedLogin(user.id(), failures, now, until));
            LOG.warn("Account {} locked until {} after {} failed logins", user.id(), until, failures);
            return new LoginOutcome.Locked(until);
        }
        jdbi.useExtension(UserDao.class, dao -> dao.recordFailedLogin(user.id(), failures, now, null));
        LOG.info("Failed login {} in a row for account {}", failures, user.id());
        return new LoginOutcome.Invalid();
    }

    private long secondsToWait(UserRow user, Instant now) {
        int over = user.failedLogins() - config.getSlowDownAfterFailures();
        if (over < 0 || user.lastFailedLoginAt() == null || user.lockedUntil() != null) {
            return 0;
        }
        long delay = Math.min(1L << Math.min(over, 30), config.getMaxLoginDelay().toSeconds());
        Instant allowedAt = user.lastFailedLoginAt().plusSeconds(delay);
        return now.isBefore(allowedAt) ? Math.max(1, Duration.between(now, allowedAt).toSeconds()) : 0;
    }
}
