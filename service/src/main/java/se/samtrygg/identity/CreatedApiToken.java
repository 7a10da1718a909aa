package se.samtrygg.identity;

import java.time.Instant;

/** The answer to creating a token: the only time {@code token} is ever shown. */
public record CreatedApiToken(long id, String name, String token, Instant expiresAt) {
}
