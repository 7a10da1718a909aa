package se.samtrygg.meeting;

import java.time.LocalDateTime;

/** A meeting as a line in a group's list: no agenda, no invitations (start in Europe/Stockholm). */
public record MeetingSummary(long id, String title, LocalDateTime start, boolean cancelled) {
}
