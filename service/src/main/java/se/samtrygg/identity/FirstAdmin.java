package se.samtrygg.identity;

import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.Secrets;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;

/**
 * On a fresh database nobody can sign in. When no active admin exists, one is created from
 * {@code firstAdmin} in config.yml (SAMTRYGG_ADMIN_EMAIL / SAMTRYGG_ADMIN_PASSWORD); without a
 * configured password a random one is printed once to the log, and must be changed at first login.
 */
public final class FirstAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final UserService users;
    private final FirstAdminConfiguration config;

    public FirstAdmin(UserService users, FirstAdminConfiguration config) {
        this.users = users;
        this.config = config;
    }

    /** @return the password that was printed, when one was generated (for tests); otherwise null */
    public String ensureExists() {
        if (users.anyActiveAdmin()) {
            return null;
        }
        String configured = config.getPassword();
        boolean generated = configured == null || configured.isBlank();
        String password = generated ? Secrets.newReadablePassword(20) : configured;
        String email = config.getEmail();
        if (users.findByEmail(email).isPresent()) {
            throw new IllegalStateException("no active admin exists, and the first admin e-mail " + email
                    + " belongs to a user who is not one: set SAMTRYGG_ADMIN_EMAIL to another address");
        }
        try {
            users.create(null, new UserInput(email, "Administratör", Language.sv, EnumSet.of(Role.ADMIN), password), generated);
        } catch (RuntimeException failure) {
            if (users.anyActiveAdmin()) {
                return null; // two nodes started at once on an empty database: the other one made the admin
            }
            if (failure instanceof InvalidInputException refused) {
                Messages messages = new Messages();
                throw new IllegalStateException("the first admin cannot be created: " + refused.errors().stream()
                        .map(e -> e.field() + ": " + messages.get(Language.en, e.messageKey(), e.args())).toList()
                        + " (SAMTRYGG_ADMIN_EMAIL, SAMTRYGG_ADMIN_PASSWORD)", refused);
            }
            throw failure;
        }
        if (generated) {
            LOG.warn("First admin created. Sign in as {} with the password {} (shown only this once; "
                    + "you must change it at first login).", email, password);
        } else {
            LOG.info("First admin {} created with the password from SAMTRYGG_ADMIN_PASSWORD", email);
        }
        return generated ? password : null;
    }
}
