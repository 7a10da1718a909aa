package se.samtrygg.notification;

import java.time.Instant;

/** One entry of a user's inbox. {@code link} is a path inside the service, or null. */
public record Notification(long id, String kind, String subject, String body, String link, Instant createdAt, Instant readAt) {

    public boolean read() {
        return readAt != null;
    }
}
