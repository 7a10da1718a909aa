package se.samtrygg.notification;

/** An iCalendar attachment: {@code method} is REQUEST or CANCEL, and the same as the METHOD inside {@code ics}. */
public record CalendarAttachment(String method, String ics) {
}
