package se.samtrygg.meeting;

import java.time.Instant;

/** A row of meeting with the names it refers to. */
public record MeetingRow(long id, long networkGroupId, String networkGroupName, String title, Instant startsAt, Instant endsAt,
                         Long placeId, String placeName, String address, String videoLink, MeetingStatus status,
                         String cancelReason, Long seriesId, Instant occurrenceStartsAt, boolean detached,
                         Instant updatedAt) {
}
