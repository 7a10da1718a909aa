package se.samtrygg.meeting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A meeting of a network group. {@code startsAt}/{@code endsAt} are the instants; {@code start}/
 * {@code end} the same in Europe/Stockholm, as people enter and read them. An occurrence of a series
 * has {@code seriesId}, the start its rule gave it ({@code occurrenceStart}, its RECURRENCE-ID), and
 * is {@code detached} once it was changed on its own.
 */
public record Meeting(
        long id,
        long networkGroupId,
        String networkGroupName,
        String title,
        Instant startsAt,
        Instant endsAt,
        LocalDateTime start,
        LocalDateTime end,
        Long placeId,
        String placeName,
        String address,
        String videoLink,
        MeetingStatus status,
        String cancelReason,
        List<Invited> invitedOrganisations,
        List<InvitedPerson> invitedPeople,
        List<AgendaItem> agenda,
        Long seriesId,
        LocalDateTime occurrenceStart,
        boolean detached,
        Instant updatedAt) {

    public record Invited(long organisationId, String name) {
    }

    /** A person invited on their own, beside the invited organisations. */
    public record InvitedPerson(long userId, String name) {
    }

    /** Whether this meeting is one occurrence of a recurring series. */
    public boolean recurring() {
        return seriesId != null;
    }

    public boolean cancelled() {
        return status == MeetingStatus.CANCELLED;
    }
}
