package se.samtrygg.meeting;

import java.time.Instant;
import java.time.LocalDate;
import se.samtrygg.common.Visibility;

/**
 * A task agreed at a meeting, or handed over from an observation (then without a meeting, and without a group when the
 * area has none): what, which organisation (and optionally who) does it, by when, and how it stands.
 * {@code fromObservation} says only that it came from one; whether the viewer may read that observation is asked apart.
 */
public record ActionItem(
        long id,
        Long meetingId,
        String meetingTitle,
        Instant meetingStartsAt,
        Long networkGroupId,
        String networkGroupName,
        String title,
        long responsibleOrganisationId,
        String responsibleOrganisationName,
        Long responsibleUserId,
        String responsibleUserName,
        LocalDate dueDate,
        ActionItemState state,
        Visibility visibility,
        Instant createdAt,
        Instant updatedAt,
        Instant closedAt,
        Long areaId,
        String areaName,
        boolean fromObservation) {
}
