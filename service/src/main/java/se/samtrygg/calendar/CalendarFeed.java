package se.samtrygg.calendar;

import java.time.Instant;

/**
 * A calendar feed as its owner sees it in lists: never the secret, which is shown once when the
 * feed is issued. Personal when {@code networkGroupId} is null, else one network group's.
 */
public record CalendarFeed(
        long id,
        long userId,
        Long networkGroupId,
        String networkGroupName,
        Instant createdAt,
        Instant lastUsedAt,
        Instant revokedAt) {

    public boolean personal() {
        return networkGroupId == null;
    }

    public boolean active() {
        return revokedAt == null;
    }
}
