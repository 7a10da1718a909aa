package se.samtrygg.meeting;

import java.time.Instant;
import java.time.LocalDate;
import se.samtrygg.common.Visibility;

/** A task agreed at a meeting: what, which organisation (and optionally who) does it, by when, and how it stands. */
public record ActionItem(
        long id,
        long meetingId,
        String meetingTitle,
        Instant meetingStartsAt,
        long networkGroupId,
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
        Instant closedAt) {
}
