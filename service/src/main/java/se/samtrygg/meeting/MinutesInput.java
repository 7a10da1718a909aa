package se.samtrygg.meeting;

import se.samtrygg.common.Visibility;

/**
 * The minutes of one agenda point as written. Without notes and decision the point has no minutes
 * (any it had are removed). {@code visibility} NETWORK or ORGANISATION; left out, it stays as it was
 * (NETWORK for new minutes). {@code organisationId}: which of the writer's organisations the minutes
 * belong to; needed for ORGANISATION when the writer is in several, otherwise their only one.
 */
public record MinutesInput(String notes, String decision, Visibility visibility, Long organisationId) {
}
