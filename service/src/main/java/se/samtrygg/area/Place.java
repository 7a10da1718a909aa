package se.samtrygg.area;

import java.time.Instant;

/** A named spot inside an area: the square, the underpass, the library. */
public record Place(long id, long areaId, String name, String address, Instant createdAt, Instant updatedAt) {
}
