package se.samtrygg.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.Checks;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.Page;
import se.samtrygg.common.Secrets;

/**
 * Bearer tokens for the API. A token is shown once and stored as a hash; it has a name (what it
 * is for) and an expiry, and its owner or an admin can revoke it.
 */
public final class ApiTokenService {
    static final String ENTITY = "api_token";
    static final String PREFIX = "st_";
    private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final LoginService logins;
    private final AuditService audit;
    private final SecurityConfiguration config;
    private final Clock clock;

    public ApiTokenService(Jdbi jdbi, LoginService logins, AuditService audit, SecurityConfiguration config, Clock clock) {
        this.jdbi = jdbi;
        this.logins = logins;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Exchanges credentials for a token; throttled and locked like the login page. */
    public CreatedApiToken createWithCredentials(ApiTokenRequest request) {
        if (request == null) {
            throw new InvalidInputException("body", "error.required");
        }
        new Checks().required("email", request.email()).required("password", request.password()).throwIfInvalid();
        LoginOutcome outcome = logins.attempt(request.email(), request.password());
        if (outcome instanceof LoginOutcome.Success success) {
            CurrentUser owner = jdbi.withHandle(h -> UserService.principal(h, success.userId(), null)).orElseThrow();
            if (owner.passwordChangeRequired()) {
                // A one-time password (printed at first start, or set by an admin) must not become a long-lived token.
                throw new AccessDeniedException("token refused: one-time password",
                        "This is a one-time password: sign in on the web and choose your own password before you make an API token.");
            }
            return create(owner, request.name(), request.expiresInDays());
        }
        throw new LoginRefusedException(outcome);
    }

    /** A signed-in user makes a token for themselves (from the account page). */
    public CreatedApiToken create(CurrentUser owner, String name, Integer expiresInDays) {
        String cleanName = Checks.clean(name);
        long maxDays = config.getApiTokenMaxLifetime().toDays();
        new Checks().required("name", cleanName).freeText("name", cleanName, 100)
                .check(expiresInDays == null || (expiresInDays >= 1 && expiresInDays <= maxDays), "expiresInDays", "error.between", 1, maxDays)
                .throwIfInvalid();
        Instant now = clock.instant();
        Instant expiresAt = expiresInDays == null
                ? now.plusMillis(config.getApiTokenDefaultLifetime().toMilliseconds())
                : now.plus(Duration.ofDays(expiresInDays));
        String token = PREFIX + Secrets.newToken();
        long id = jdbi.inTransaction(h -> {
            long created = h.attach(ApiTokenDao.class).insert(owner.id(), cleanName, Secrets.sha256(token), now, expiresAt);
            audit.record(h, owner, AuditAction.CREATE, ENTITY, created, "Created API token \"" + cleanName + "\" expiring " + expiresAt);
            return created;
        });
        return new CreatedApiToken(id, cleanName, token, expiresAt);
    }

    public long maxLifetimeDays() {
        return config.getApiTokenMaxLifetime().toDays();
    }

    public long defaultLifetimeDays() {
        return config.getApiTokenDefaultLifetime().toDays();
    }

    public boolean isUsable(ApiToken token) {
        return token.usable(clock.instant());
    }

    public Optional<CurrentUser> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbi.withHandle(h -> {
            ApiTokenDao dao = h.attach(ApiTokenDao.class);
            List<ApiTokenDao.TokenOfUser> rows = dao.findByHash(Secrets.sha256(token));
            if (rows.isEmpty() || !rows.get(0).usable(now)) {
                return Optional.empty();
            }
            ApiTokenDao.TokenOfUser apiToken = rows.get(0);
            if (apiToken.lastUsedAt() == null || now.isAfter(apiToken.lastUsedAt().plus(TOUCH_INTERVAL))) {
                dao.touch(apiToken.id(), now);
            }
            return PrincipalRow.fold(rows.stream().map(ApiTokenDao.TokenOfUser::user).toList(), null);
        });
    }

    /** The tokens of {@code userId} (default: the actor's own). */
    public Page<ApiToken> list(CurrentUser actor, Long userId, Long after, Integer limit) {
        long owner = userId == null ? actor.id() : userId;
        Access.requireOwnerOrAdmin(actor, owner);
        int size = Page.clampLimit(limit);
        List<ApiToken> rows = jdbi.withExtension(ApiTokenDao.class, dao -> dao.listFor(owner, Page.afterOrStart(after), size + 1));
        return Page.of(rows, size, ApiToken::id);
    }

    public ApiToken revoke(CurrentUser actor, long id) {
        return jdbi.inTransaction(h -> {
            ApiTokenDao dao = h.attach(ApiTokenDao.class);
            ApiToken token = dao.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
            Access.requireOwnerOrAdmin(actor, token.userId());
            if (dao.revoke(id, clock.instant()) > 0) {
                audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Revoked API token \"" + token.name() + "\"");
            }
            return dao.find(id).orElseThrow();
        });
    }
}
