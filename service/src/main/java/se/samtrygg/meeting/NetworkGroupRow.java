package se.samtrygg.meeting;

import java.time.Instant;

/** A row of network_group with its area's name; members and coordinators are read separately. */
public record NetworkGroupRow(long id, long areaId, String areaName, String name, Instant createdAt, Instant updatedAt) {
}
