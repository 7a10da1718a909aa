package se.samtrygg.identity;

import java.time.Instant;

/** An API token as listed: never the token itself, which is shown only once, at creation. */
public record ApiToken(long id, long userId, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean usable(Instant now) {
        return usable(revokedAt, expiresAt, now);
    }

    static boolean usable(Instant revokedAt, Instant expiresAt, Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }
}
