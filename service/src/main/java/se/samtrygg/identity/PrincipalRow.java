package se.samtrygg.identity;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import se.samtrygg.common.i18n.Language;

/**
 * One row of a principal read ({@link UserDao#PRINCIPAL_COLUMNS}): the user with one of their roles and one of their
 * organisations, either null when they have none. Every request reads its user this way, in one statement with the
 * session or token, rather than in four (credential, user, roles, organisations).
 */
public record PrincipalRow(long userId, String email, String name, Language language, boolean active,
                           boolean passwordChangeRequired, Role role, Long organisationId) {

    /** The rows of one user folded into their principal; empty when there are none or the user is inactive. */
    static Optional<CurrentUser> fold(List<PrincipalRow> rows, String csrfToken) {
        if (rows.isEmpty() || !rows.get(0).active()) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<Long> organisationIds = new TreeSet<>();
        for (PrincipalRow row : rows) {
            if (row.role() != null) {
                roles.add(row.role());
            }
            if (row.organisationId() != null) {
                organisationIds.add(row.organisationId());
            }
        }
        PrincipalRow user = rows.get(0);
        return Optional.of(new CurrentUser(user.userId(), user.email(), user.name(), user.language(), roles, organisationIds,
                user.passwordChangeRequired(), csrfToken));
    }
}
