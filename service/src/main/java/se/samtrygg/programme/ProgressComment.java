package se.samtrygg.programme;

import java.time.Instant;

/** A coordinator's or official's comment on progress of a goal, measure or indicator in a year (or one of its quarters). */
public record ProgressComment(long id, ProgressSubject subjectType, long subjectId, int year, Integer quarter, String text, long authorId,
                              String authorName, Instant createdAt) {
}
