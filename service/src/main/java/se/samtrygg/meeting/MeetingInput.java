package se.samtrygg.meeting;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A meeting as entered: start and end in Europe/Stockholm local time (for example
 * {@code 2026-12-01T18:00}); by default the group's member organisations are invited.
 */
public record MeetingInput(
        Long networkGroupId,
        String title,
        LocalDateTime start,
        LocalDateTime end,
        Long placeId,
        String address,
        String videoLink,
        List<Long> invitedOrganisationIds) {
}
