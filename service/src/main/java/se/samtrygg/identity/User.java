package se.samtrygg.identity;

import java.time.Instant;
import java.util.Set;
import se.samtrygg.common.i18n.Language;

/** A person who signs in. Users are deactivated, never deleted: records keep pointing at their authors. */
public record User(
        long id,
        String email,
        String name,
        Language language,
        boolean active,
        Set<Role> roles,
        Set<Long> organisationIds,
        Instant createdAt,
        Instant updatedAt) {
}
