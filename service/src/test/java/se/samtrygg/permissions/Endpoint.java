package se.samtrygg.permissions;

import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * One endpoint of the matrix: how to call it for a scenario, and which actor may, for which
 * target. {@code page} endpoints are called as a browser (session cookie, CSRF token in forms);
 * the others as an API client (bearer token, JSON).
 */
public record Endpoint(
        String method,
        String template,
        boolean page,
        Function<Scenario, Object> body,
        BiPredicate<Actor, Target> allowed) {

    public static final BiPredicate<Actor, Target> ANY_SIGNED_IN = (actor, target) -> actor != Actor.ANONYMOUS;
    public static final BiPredicate<Actor, Target> ADMIN_ONLY = (actor, target) -> actor == Actor.ADMIN;
    public static final BiPredicate<Actor, Target> ADMIN_OR_COORDINATOR =
            (actor, target) -> actor == Actor.ADMIN || actor == Actor.COORDINATOR;
    public static final BiPredicate<Actor, Target> ADMIN_OR_OWN_ORGANISATION =
            (actor, target) -> actor == Actor.ADMIN || (actor != Actor.ANONYMOUS && target == Target.OWN);

    /** Programme follow-up is kept by officials and admins. */
    public static final BiPredicate<Actor, Target> ADMIN_OR_OFFICIAL = (actor, target) -> actor == Actor.ADMIN || actor == Actor.OFFICIAL;
    /** Progress comments come from officials, admins and coordinators. */
    public static final BiPredicate<Actor, Target> PROGRESS_COMMENTERS =
            (actor, target) -> actor == Actor.ADMIN || actor == Actor.OFFICIAL || actor == Actor.COORDINATOR;

    public static Endpoint api(String method, String template, BiPredicate<Actor, Target> allowed) {
        return new Endpoint(method, template, false, s -> null, allowed);
    }

    public static Endpoint api(String method, String template, Function<Scenario, Object> body, BiPredicate<Actor, Target> allowed) {
        return new Endpoint(method, template, false, body, allowed);
    }

    public static Endpoint page(String method, String template, BiPredicate<Actor, Target> allowed) {
        return new Endpoint(method, template, true, s -> Map.of(), allowed);
    }

    public static Endpoint page(String method, String template, Function<Scenario, Object> form, BiPredicate<Actor, Target> allowed) {
        return new Endpoint(method, template, true, form, allowed);
    }

    /** "GET /api/v1/users/{}" — the route, for checking that the matrix covers every one. */
    public String route() {
        String path = template.contains("?") ? template.substring(0, template.indexOf('?')) : template;
        return method + " " + path.replaceAll("\\{[^}]+}", "{}");
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
