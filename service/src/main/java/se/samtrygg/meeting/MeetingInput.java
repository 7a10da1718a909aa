package se.samtrygg.meeting;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A meeting as entered: start and end in Europe/Stockholm local time (for example
 * {@code 2026-12-01T18:00}); by default the group's member organisations are invited. With a
 * {@code recurrence} (an RFC 5545 RRULE value that ends, such as
 * {@code FREQ=MONTHLY;BYDAY=1TU;COUNT=12}) it schedules a series whose first meeting is this one.
 */
public record MeetingInput(
        Long networkGroupId,
        String title,
        LocalDateTime start,
        LocalDateTime end,
        Long placeId,
        String address,
        String videoLink,
        List<Long> invitedOrganisationIds,
        List<Long> invitedUserIds,
        String recurrence) {

    /** A single meeting that invites organisations only. */
    public MeetingInput(Long networkGroupId, String title, LocalDateTime start, LocalDateTime end, Long placeId, String address,
                        String videoLink, List<Long> invitedOrganisationIds) {
        this(networkGroupId, title, start, end, placeId, address, videoLink, invitedOrganisationIds, null, null);
    }
}
