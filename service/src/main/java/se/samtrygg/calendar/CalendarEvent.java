package se.samtrygg.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One VEVENT, as {@link IcsWriter} writes it. Timed events have {@code start}/{@code end} in
 * Europe/Stockholm; all-day events (an action item's due date) have {@code date} instead. A series
 * is one event with an {@code rrule}; each occurrence that differs from the rule is an event of the
 * same {@code uid} with the {@code recurrenceId} (the start the rule gave it).
 */
public record CalendarEvent(
        String uid,
        LocalDateTime recurrenceId,
        LocalDateTime start,
        LocalDateTime end,
        LocalDate date,
        String rrule,
        String summary,
        String location,
        String description,
        String url,
        boolean cancelled,
        Instant lastModified,
        Organizer organizer) {

    /**
     * Who publishes the event. RFC 5546 requires an ORGANIZER in a published calendar; ours is the
     * network group, named, with its page as the address (there is no mailbox to write to).
     */
    public record Organizer(String name, String uri) {
    }

    public static CalendarEvent timed(String uid, LocalDateTime start, LocalDateTime end, String summary, String location,
                                      String description, String url, boolean cancelled, Instant lastModified) {
        return new CalendarEvent(uid, null, start, end, null, null, summary, location, description, url, cancelled, lastModified, null);
    }

    public static CalendarEvent allDay(String uid, LocalDate date, String summary, String description, String url,
                                       Instant lastModified) {
        return new CalendarEvent(uid, null, null, null, date, null, summary, null, description, url, false, lastModified, null);
    }

    public CalendarEvent repeating(String rule) {
        return new CalendarEvent(uid, recurrenceId, start, end, date, rule, summary, location, description, url, cancelled, lastModified,
                organizer);
    }

    /** This event as the override of one occurrence of a series. */
    public CalendarEvent overriding(LocalDateTime occurrenceStart) {
        return new CalendarEvent(uid, occurrenceStart, start, end, date, rrule, summary, location, description, url, cancelled,
                lastModified, organizer);
    }

    public CalendarEvent organizedBy(String name, String uri) {
        return new CalendarEvent(uid, recurrenceId, start, end, date, rrule, summary, location, description, url, cancelled,
                lastModified, new Organizer(name, uri));
    }

    public boolean allDay() {
        return date != null;
    }
}
