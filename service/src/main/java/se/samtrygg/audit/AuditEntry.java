package se.samtrygg.audit;

import java.time.Instant;

/** One line of the audit log: who did what to which record, and when. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        Long actorUserId,
        String actorName,
        AuditAction action,
        String entityType,
        Long entityId,
        String summary) {
}
