package se.samtrygg.identity;

import java.time.Instant;
import se.samtrygg.common.i18n.Language;

/** A row of app_user, with what only the identity feature itself may see (hash, login counters). */
public record UserRow(
        long id,
        String email,
        String name,
        Language language,
        boolean active,
        String passwordHash,
        boolean passwordChangeRequired,
        int failedLogins,
        Instant lastFailedLoginAt,
        Instant lockedUntil,
        Instant createdAt,
        Instant updatedAt) {
}
