package se.samtrygg.identity;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.security.Principal;
import java.util.Set;
import se.samtrygg.common.i18n.Language;

/**
 * The signed-in user of one request, resolved from a session cookie (pages) or a bearer token
 * (API). {@code csrfToken} is the session's, and null for API calls.
 */
public record CurrentUser(
        long id,
        String email,
        String name,
        Language language,
        Set<Role> roles,
        Set<Long> organisationIds,
        boolean passwordChangeRequired,
        @JsonIgnore String csrfToken) implements Principal {

    @Override
    public String getName() {
        return email;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }

    public boolean isMemberOf(long organisationId) {
        return organisationIds.contains(organisationId);
    }

    /** For the layout: the role names, for templates that show or hide by role. */
    public boolean isCoordinator() {
        return has(Role.COORDINATOR);
    }
}
