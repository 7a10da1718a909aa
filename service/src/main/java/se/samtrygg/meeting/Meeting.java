package se.samtrygg.meeting;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A meeting of a network group. {@code startsAt}/{@code endsAt} are the instants; {@code start}/
 * {@code end} the same in Europe/Stockholm, as people enter and read them.
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
        List<AgendaItem> agenda) {

    public record Invited(long organisationId, String name) {
    }

    public boolean cancelled() {
        return status == MeetingStatus.CANCELLED;
    }
}
