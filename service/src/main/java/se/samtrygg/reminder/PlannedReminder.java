package se.samtrygg.reminder;

import java.time.Instant;

/** One row of the reminder plan, as the admin page lists the next ones due. */
public record PlannedReminder(long id, String key, ReminderKind kind, String sourceType, long sourceId, long recipientUserId,
                              String recipientName, Instant dueAt, String state) {
}
