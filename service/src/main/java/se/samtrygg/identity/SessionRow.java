package se.samtrygg.identity;

import java.time.Instant;
import org.jdbi.v3.core.mapper.Nested;

/**
 * A row of web_session with its user, one per role and organisation of the user (see {@link PrincipalRow}). Only the
 * hash of the session id is ever stored, and it is not read back.
 */
public record SessionRow(String csrfToken, Instant createdAt, Instant lastSeenAt, @Nested PrincipalRow user) {
}
