package se.samtrygg.servicepoint;

import java.time.Instant;

/** A place in an area where residents meet public actors in person; public information. */
public record ServicePoint(long id, long areaId, String areaName, String municipality, String name, ServicePointKind kind,
                           String address, boolean stepFree, boolean hearingLoop, String accessibilityNote, String description,
                           boolean active, Instant createdAt, Instant updatedAt) {
}
