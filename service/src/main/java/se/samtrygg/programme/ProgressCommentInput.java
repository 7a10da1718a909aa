package se.samtrygg.programme;

/** A new comment: subject, year (2000–2100), quarter (1–4) or null for the whole year, text (required, free text). */
public record ProgressCommentInput(ProgressSubject subjectType, Long subjectId, Integer year, Integer quarter, String text) {
}
