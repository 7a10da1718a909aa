package se.samtrygg.permissions;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.samtrygg.support.Fixtures;

/**
 * The fresh records one cell of the matrix acts on. {@code organisation} is the actor's own (OWN)
 * or one the actor is not in (OTHER); {@code user} is a member of it, {@code membership} that
 * membership and {@code token} that user's token. {@code spareOrganisation} is one nobody is in.
 * Features add their own records in {@link #ids}, each made only when a cell first asks for it
 * (by naming it in a path or reading it in a body), so that a cell pays for the records it uses.
 */
public final class Scenario {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

    public final long organisation;
    public final long spareOrganisation;
    public final long user;
    public final String userEmail;
    public final long membership;
    public final long token;
    public final Ids ids = new Ids();

    Scenario(long organisation, long spareOrganisation, long user, String userEmail, long membership, long token) {
        this.organisation = organisation;
        this.spareOrganisation = spareOrganisation;
        this.user = user;
        this.userEmail = userEmail;
        this.membership = membership;
        this.token = token;
    }

    /** Fills {organisation}, {spareOrganisation}, {user}, {membership}, {token}, {unique} and feature ids into a path. */
    public String path(String template) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (placeholders.find()) {
            String name = placeholders.group(1);
            String value = switch (name) {
                case "organisation" -> Long.toString(organisation);
                case "spareOrganisation" -> Long.toString(spareOrganisation);
                case "user" -> Long.toString(user);
                case "membership" -> Long.toString(membership);
                case "token" -> Long.toString(token);
                case "unique" -> Fixtures.unique("x");
                default -> Long.toString(ids.get(name));
            };
            placeholders.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        placeholders.appendTail(path);
        return path.toString();
    }

    /** A scenario's records by name: made when first asked for, then kept. */
    public static final class Ids {
        private final Map<String, Long> made = new HashMap<>();
        private final Map<String, Supplier<Long>> recipes = new HashMap<>();

        /** How to make the record {@code name} should a cell ask for it. */
        public void lazy(String name, Supplier<Long> recipe) {
            recipes.put(name, recipe);
        }

        public void put(String name, long id) {
            made.put(name, id);
        }

        public Long get(String name) {
            Long id = made.get(name);
            if (id == null) {
                Supplier<Long> recipe = recipes.remove(name);
                if (recipe == null) {
                    throw new IllegalArgumentException("the scenario has no record named " + name);
                }
                id = recipe.get();
                made.put(name, id);
            }
            return id;
        }
    }
}
