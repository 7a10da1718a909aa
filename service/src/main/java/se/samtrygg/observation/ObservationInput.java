package se.samtrygg.observation;

import java.time.LocalDateTime;
import se.samtrygg.common.Visibility;

/**
 * An observation as entered. {@code observedAt} is Europe/Stockholm local time ({@code 2027-01-15T22:40}). With an
 * {@code activityId} the area, place and time default to the activity's, and the organisation to the activity's. Without an
 * organisation, the author's own is taken if they have only one. The visibility defaults to NETWORK when logging, and stays
 * as it was when a correction leaves it out.
 */
public record ObservationInput(
        Long activityId,
        Long organisationId,
        Long areaId,
        Long placeId,
        LocalDateTime observedAt,
        Long categoryId,
        String description,
        Visibility visibility) {
}
