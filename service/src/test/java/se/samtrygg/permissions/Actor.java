package se.samtrygg.permissions;

import se.samtrygg.identity.Role;

/** Who asks: nobody signed in, or a user holding exactly one role. */
public enum Actor {
    ANONYMOUS(null), ADMIN(Role.ADMIN), COORDINATOR(Role.COORDINATOR), PARTNER(Role.PARTNER), OFFICIAL(Role.OFFICIAL);

    final Role role;

    Actor(Role role) {
        this.role = role;
    }
}
