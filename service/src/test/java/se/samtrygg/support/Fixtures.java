package se.samtrygg.support;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import se.samtrygg.Services;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.identity.UserInput;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationInput;
import se.samtrygg.organisation.OrganisationType;

/**
 * Test data made through the services, as the system actor: unique names, so tests sharing a
 * server never see each other's records.
 */
public final class Fixtures {
    public static final String PASSWORD = "Nattvandring i Sättra varje fredag";

    private final Services services;

    public Fixtures(TestServer server) {
        this.services = server.services();
    }

    /**
     * 48 random bits (the suite makes tens of thousands of names per database, and 32 bits collided in
     * a full run), written as letters: a run of ten random digits is now and then a valid personal
     * number, which every free-text field refuses.
     */
    public static String unique(String prefix) {
        String hex = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        StringBuilder letters = new StringBuilder(hex.length());
        for (char c : hex.toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return prefix + "-" + letters;
    }

    public Organisation organisation() {
        return organisation(OrganisationType.ASSOCIATION);
    }

    public Organisation organisation(OrganisationType type) {
        return services.organisations().create(null, new OrganisationInput(unique("Förening"), type));
    }

    /** A user without a password (cheap: no Argon2 work), member of the given organisations. */
    public User user(Set<Role> roles, Organisation... memberOf) {
        return user(null, roles, memberOf);
    }

    /** A user who can sign in with {@link #PASSWORD}. */
    public User userWithPassword(Set<Role> roles, Organisation... memberOf) {
        return user(PASSWORD, roles, memberOf);
    }

    private User user(String password, Set<Role> roles, Organisation... memberOf) {
        String email = unique("person").toLowerCase() + "@test.samtrygg.se";
        User user = services.users().create(null, new UserInput(email, "Test " + email.substring(7, 15), Language.sv,
                roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles), password));
        for (Organisation organisation : memberOf) {
            services.users().addMembership(null, user.id(), organisation.id());
        }
        return services.users().get(principal(user), user.id());
    }

    /** The principal of a user, as the authentication filter would build it (without a session). */
    public static CurrentUser principal(User user) {
        return new CurrentUser(user.id(), user.email(), user.name(), user.language(), user.roles(), user.organisationIds(), false, null);
    }

    /** An API token for the user, made without a password round trip. */
    public String token(User user) {
        return services.tokens().create(principal(user), "test", 1).token();
    }

    /** A session id for the user, as after a sign-in. */
    public String session(User user) {
        return services.sessions().start(user.id(), null);
    }
}
