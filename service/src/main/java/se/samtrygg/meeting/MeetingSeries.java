package se.samtrygg.meeting;

import java.time.LocalDateTime;

/**
 * A recurring meeting: an RFC 5545 rule ({@code rrule}, the value without "RRULE:", always ending
 * by UNTIL or COUNT) counted from {@code firstStart} in Europe/Stockholm, and what each occurrence
 * looks like unless it was changed on its own. {@code description} says the rule in words.
 */
public record MeetingSeries(
        long id,
        long networkGroupId,
        String rrule,
        LocalDateTime firstStart,
        int durationMinutes,
        String title,
        Long placeId,
        String placeName,
        String address,
        String videoLink) {
}
