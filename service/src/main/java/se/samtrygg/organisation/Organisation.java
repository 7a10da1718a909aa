package se.samtrygg.organisation;

import java.time.Instant;

public record Organisation(long id, String name, OrganisationType type, boolean active, Instant createdAt, Instant updatedAt) {
}
