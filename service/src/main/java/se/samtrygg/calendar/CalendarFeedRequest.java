package se.samtrygg.calendar;

/** The body of {@code POST /api/v1/calendar-feeds}: no group for the personal feed. */
public record CalendarFeedRequest(Long networkGroupId) {
}
