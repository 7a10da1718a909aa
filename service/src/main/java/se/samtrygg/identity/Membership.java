package se.samtrygg.identity;

import java.time.Instant;

/** A user belongs to an organisation; a user may belong to several. */
public record Membership(long id, long userId, String userName, long organisationId, String organisationName, Instant createdAt) {
}
