package se.samtrygg.notification;

import java.time.Instant;

/**
 * An outbox message as admins see it: where it goes and how delivery went, without its subject or body (a subject can
 * carry the title of an action item that admins may not see).
 */
public record OutboxMessage(long id, String messageKey, String messageId, long userId, String recipient, String kind,
                            String state, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt) {

    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
}
