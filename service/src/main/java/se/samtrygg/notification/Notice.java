package se.samtrygg.notification;

import java.util.List;

/**
 * One notice to one user, already worded in that user's language. The key is the reminder
 * occurrence's unique key: writing the same notice twice is a no-op, and the e-mail's Message-ID is
 * derived from it.
 *
 * @param kind     a {@code ReminderKind} name (shown in the inbox, filtered by opt-outs before this point)
 * @param lines    the body, one paragraph per line, plain text (escaped when put into HTML)
 * @param link     a path inside the service (e.g. {@code /meetings/42}), or null
 * @param calendar an iCalendar attachment for meeting notices, or null
 */
public record Notice(String key, long userId, String kind, String subject, List<String> lines, String link,
                     CalendarAttachment calendar) {
}
