package se.samtrygg.calendar;

/** A feed just issued: the only time its URL, which holds the secret, is shown. */
public record IssuedCalendarFeed(CalendarFeed feed, String url) {
}
