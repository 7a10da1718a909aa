package se.samtrygg.meeting;

import java.time.Instant;

public record ActionItemComment(long id, long actionItemId, long authorUserId, String authorName, String text, Instant createdAt) {
}
