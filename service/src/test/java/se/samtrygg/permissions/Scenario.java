package se.samtrygg.permissions;

import java.util.HashMap;
import java.util.Map;
import se.samtrygg.support.Fixtures;

/**
 * The fresh records one cell of the matrix acts on. {@code organisation} is the actor's own (OWN)
 * or one the actor is not in (OTHER); {@code user} is a member of it, {@code membership} that
 * membership and {@code token} that user's token. {@code spareOrganisation} is one nobody is in.
 * Features add their own records in {@link #ids}.
 */
public final class Scenario {
    public final long organisation;
    public final long spareOrganisation;
    public final long user;
    public final String userEmail;
    public final long membership;
    public final long token;
    public final Map<String, Long> ids = new HashMap<>();

    Scenario(long organisation, long spareOrganisation, long user, String userEmail, long membership, long token) {
        this.organisation = organisation;
        this.spareOrganisation = spareOrganisation;
        this.user = user;
        this.userEmail = userEmail;
        this.membership = membership;
        this.token = token;
    }

    /** Fills {organisation}, {spareOrganisation}, {user}, {membership}, {token} and feature ids into a path. */
    public String path(String template) {
        String path = template.replace("{organisation}", Long.toString(organisation))
                .replace("{spareOrganisation}", Long.toString(spareOrganisation))
                .replace("{user}", Long.toString(user))
                .replace("{membership}", Long.toString(membership))
                .replace("{token}", Long.toString(token))
                .replace("{unique}", Fixtures.unique("x"));
        for (Map.Entry<String, Long> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", Long.toString(id.getValue()));
        }
        return path;
    }
}
