package se.samtrygg.identity;

import java.time.Instant;

/** A row of web_session: only the hash of the session id is ever stored. */
public record SessionRow(String idHash, long userId, String csrfToken, Instant createdAt, Instant lastSeenAt) {
}
