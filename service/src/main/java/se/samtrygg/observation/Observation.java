package se.samtrygg.observation;

import java.time.Instant;
import java.time.LocalDate;
import se.samtrygg.common.Visibility;
import se.samtrygg.meeting.ActionItemState;

/**
 * Something a partner saw while out (a broken lamp in the underpass), on its own or during an activity.
 * {@code organisationId} is the author's organisation, which owns it. Once handed over, {@code actionItemId} names the action
 * item the organisation that can fix it works on, and the {@code handedTo…} and {@code actionItem…} fields say how it stands.
 */
public record Observation(
        long id,
        Long activityId,
        long organisationId,
        String organisationName,
        long areaId,
        String areaName,
        Long placeId,
        String placeName,
        long categoryId,
        String categoryName,
        Instant observedAt,
        String description,
        Visibility visibility,
        Long actionItemId,
        Long handedToOrganisationId,
        String handedToOrganisationName,
        ActionItemState actionItemState,
        LocalDate actionItemDueDate,
        Instant actionItemClosedAt,
        Long createdBy,
        String createdByName,
        Instant createdAt,
        Instant updatedAt) {

    public boolean handedOver() {
        return actionItemId != null;
    }
}
