package se.samtrygg.audit;

import java.time.Instant;

/** What an admin narrows the audit log by; every part may be null. */
public record AuditFilter(String entityType, Long entityId, Long actorUserId, AuditAction action, Instant from, Instant to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null);
    }
}
