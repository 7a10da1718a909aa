package se.samtrygg.organisation;

import java.time.Instant;

/** A member of a partner organisation's staff whom others can reach about the shared work. */
public record ContactPerson(long id, long organisationId, String name, String title, String phone, String email,
                            Instant createdAt, Instant updatedAt) {
}
