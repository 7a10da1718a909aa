package se.samtrygg.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/**
 * Every endpoint × every role × own/other organisation, against a running service. Later features
 * add their endpoints in a class like {@link IdentityEndpoints} and list it in {@link #endpoints()};
 * {@link #theMatrixCoversEveryRouteOfTheService()} fails until they do.
 */
class PermissionMatrixTest {
    /** Routes that answer without sign-in, on purpose. */
    private static final Set<String> PUBLIC = Set.of(
            "GET /login", "POST /login", "POST /language", "GET /api/openapi.json", "POST /api/v1/auth/tokens",
            // a calendar feed: calendar programs cannot sign in, the secret in the path is the key (CalendarTest)
            "GET /calendar/feed.ics",
            // the public pages and the area feed: residents read them without an account; they show service points and PUBLIC
            // activities only (PublicSiteTest), and the accessibility statement, linked from every page's footer
            "GET /public", "GET /public/municipalities/{}", "GET /public/areas/{}", "GET /public/areas/{}/poster",
            "GET /public/areas/{}/calendar.ics", "GET /accessibility");

    /** The audit log as a shared resource: the matrix's cells write to it, the forged-form check counts it. */
    private static final String AUDIT_LOG = "audit log";

    private static TestServer server;
    private static Fixtures fixtures;
    private static final Map<Actor, User> ACTORS = new EnumMap<>(Actor.class);

    static List<Endpoint> endpoints() {
        List<Endpoint> all = new ArrayList<>(IdentityEndpoints.all());
        all.addAll(CommunityEndpoints.all());
        all.addAll(ActivityEndpoints.all());
        all.addAll(PlaceReportEndpoints.all());
        all.addAll(ObservationEndpoints.all());
        all.addAll(ProgrammeFormEndpoints.all());
        all.addAll(RolloutEndpoints.all());
        all.addAll(MethodTemplateEndpoints.all());
        all.addAll(ServicePointEndpoints.all());
        all.addAll(RolloutPageEndpoints.all());
        all.addAll(ProgrammeEndpoints.all());
        all.addAll(ProgrammePageEndpoints.all());
        all.addAll(OperationsEndpoints.all());
        all.addAll(NotificationEndpoints.all());
        all.addAll(ReminderSettingsEndpoints.all());
        all.addAll(ReminderEndpoints.all());
        return all;
    }

    @BeforeAll
    static void actors() {
        server = TestServer.shared();
        fixtures = new Fixtures(server);
        for (Actor actor : Actor.values()) {
            if (actor.role != null) {
                ACTORS.put(actor, fixtures.user(Set.of(actor.role)));
            }
        }
    }

    @TestFactory
    @Execution(ExecutionMode.CONCURRENT) // each cell makes its own organisations, users and records
    @ResourceLock(value = AUDIT_LOG, mode = ResourceAccessMode.READ)
    Stream<DynamicTest> everyEndpointAnswersEachActorAsThePolicySays() {
        return endpoints().stream().flatMap(endpoint -> Stream.of(Actor.values()).flatMap(actor ->
                Stream.of(Target.values())
                        .filter(target -> actor != Actor.ANONYMOUS || target == Target.OWN)
                        .map(target -> DynamicTest.dynamicTest(actor + " " + target + " " + endpoint,
                                () -> check(endpoint, actor, target)))));
    }

    @Test
    void theMatrixCoversEveryRouteOfTheService() {
        Set<String> routes = new TreeSet<>();
        // Dropwizard registers resource instances by their class (and binds the instance to it).
        for (Class<?> type : server.support().getEnvironment().jersey().getResourceConfig().getClasses()) {
            if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                collect(Resource.from(type), "", routes);
            }
        }
        Set<String> covered = new TreeSet<>(PUBLIC);
        endpoints().forEach(e -> covered.add(e.route()));
        assertThat(covered).as("routes the permission matrix knows").containsAll(routes);
        assertThat(routes).as("the matrix names no route that does not exist").containsAll(covered);
    }

    @Test
    void thePublicRoutesAnswerWithoutSignIn() {
        Http anonymous = new Http(server);
        assertThat(anonymous.get("/login").status()).isEqualTo(200);
        assertThat(anonymous.getJson("/api/openapi.json").status()).isEqualTo(200);
        Http.Response unknownFeed = anonymous.get("/calendar/feed.ics?token=" + Fixtures.unique("no-such-feed-token"));
        assertThat(unknownFeed.status()).as("an unknown feed is not found, not sent to the login page").isEqualTo(404);
    }

    /** A forged form (no token, a made-up one, or another session's) is refused and changes nothing. */
    @TestFactory
    @ResourceLock(AUDIT_LOG) // counts the whole log's lines: no cell may write to it meanwhile
    Stream<DynamicTest> everyFormRefusesAForgedOrMissingCsrfToken() {
        return endpoints().stream().filter(e -> e.page() && e.method().equals("POST")).flatMap(endpoint -> Stream.of(
                DynamicTest.dynamicTest("missing token " + endpoint, () -> forged(endpoint, null)),
                DynamicTest.dynamicTest("made-up token " + endpoint, () -> forged(endpoint, "made-up-token-made-up-token-made-up")),
                DynamicTest.dynamicTest("another session's token " + endpoint, () -> forged(endpoint, otherSessionsToken()))));
    }

    private static void forged(Endpoint endpoint, String token) {
        User admin = ACTORS.get(Actor.ADMIN);
        Scenario scenario = scenario(Actor.ADMIN, Target.OWN);
        Http browser = new Http(server).withSession(fixtures.session(admin));
        browser.get("/");
        @SuppressWarnings("unchecked")
        Map<String, String> fields = new java.util.HashMap<>((Map<String, String>) endpoint.body().apply(scenario));
        if (token != null) {
            fields.put("_csrf", token);
        }
        String path = scenario.path(endpoint.template()); // makes the records the form is about, before counting changes
        long auditBefore = auditCount();
        Http.Response response = browser.postFormExactly(path, fields);
        assertThat(response.status()).as(endpoint + " with a forged form").isEqualTo(403);
        assertThat(response.body()).contains("Åtkomst nekad");
        assertThat(auditCount()).as("nothing was changed").isEqualTo(auditBefore);
    }

    private static String otherSessionsToken() {
        Http other = new Http(server).withSession(fixtures.session(ACTORS.get(Actor.PARTNER)));
        other.get("/");
        return other.csrf();
    }

    private static long auditCount() {
        return server.services().audit().search(Fixtures.principal(ACTORS.get(Actor.ADMIN)),
                se.samtrygg.audit.AuditFilter.none(), null, 1).items().get(0).id();
    }

    private static void check(Endpoint endpoint, Actor actor, Target target) {
        Scenario scenario = scenario(actor, target);
        String path = scenario.path(endpoint.template());
        Http.Response response = endpoint.page() ? asBrowser(endpoint, actor, scenario, path) : asApiClient(endpoint, actor, scenario, path);
        int status = response.status();
        String description = actor + " " + target + " " + endpoint.method() + " " + path + " → " + status + " " + abbreviate(response.body());
        boolean sentToLogin = status == 303 && response.location() != null && response.location().contains("/login?next=");
        if (actor == Actor.ANONYMOUS) {
            if (endpoint.page()) {
                assertThat(sentToLogin).as(description).isTrue();
            } else {
                assertThat(status).as(description).isEqualTo(401);
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
        } else if (!endpoint.allowed().test(actor, target)) {
            assertThat(status).as(description).isEqualTo(RecordAccess.refusal(endpoint.allowed(), actor, target));
        } else if (endpoint.page() && endpoint.method().equals("GET")) {
            assertThat(status).as(description).isEqualTo(200);
        } else if (endpoint.page()) {
            assertThat(status).as(description).isIn(200, 303, 422);
            assertThat(sentToLogin).as(description).isFalse();
        } else {
            assertThat(status).as(description).isBetween(200, 299);
        }
    }

    private static Http.Response asApiClient(Endpoint endpoint, Actor actor, Scenario scenario, String path) {
        Http api = new Http(server);
        if (actor != Actor.ANONYMOUS) {
            api.bearer(fixtures.token(ACTORS.get(actor)));
        }
        Object body = endpoint.body().apply(scenario);
        return switch (endpoint.method()) {
            case "GET" -> api.getJson(path);
            case "DELETE" -> api.delete(path);
            default -> api.sendJson(endpoint.method(), path, body == null ? "{}" : body);
        };
    }

    @SuppressWarnings("unchecked")
    private static Http.Response asBrowser(Endpoint endpoint, Actor actor, Scenario scenario, String path) {
        Http browser = new Http(server);
        if (actor != Actor.ANONYMOUS) {
            // The session's CSRF token as its pages carry it, without rendering one (a fifth of the matrix's server time).
            String session = fixtures.session(ACTORS.get(actor));
            browser.withSession(session, server.services().sessions().authenticate(session).orElseThrow().csrfToken());
        }
        if (endpoint.method().equals("GET")) {
            return browser.get(path);
        }
        return browser.postForm(path, (Map<String, String>) endpoint.body().apply(scenario));
    }

    private static Scenario scenario(Actor actor, Target target) {
        Organisation organisation = fixtures.organisation();
        Organisation spare = fixtures.organisation();
        if (target == Target.OWN && actor != Actor.ANONYMOUS) {
            server.services().users().addMembership(null, ACTORS.get(actor).id(), organisation.id());
        }
        User user = fixtures.user(Set.of(Role.PARTNER), organisation);
        long membership = server.services().users().memberships(Fixtures.principal(user), user.id(), null, null, 10).items().get(0).id();
        long token = server.services().tokens().create(Fixtures.principal(user), "matris", 1).id();
        Scenario scenario = new Scenario(organisation.id(), spare.id(), user.id(), user.email(), membership, token);
        CommunityEndpoints.prepare(scenario, server, fixtures);
        ActivityEndpoints.prepare(scenario, server, fixtures);
        PlaceReportEndpoints.prepare(scenario, server);
        ObservationEndpoints.prepare(scenario, server);
        RolloutEndpoints.prepare(scenario, server, fixtures);
        MethodTemplateEndpoints.prepare(scenario, server);
        ServicePointEndpoints.prepare(scenario, server, fixtures);
        ProgrammeEndpoints.prepare(scenario, server);
        OperationsEndpoints.prepare(scenario, server);
        NotificationEndpoints.prepare(scenario, server,
                target == Target.OWN && actor != Actor.ANONYMOUS ? ACTORS.get(actor).id() : scenario.user);
        return scenario;
    }

    private static void collect(Resource resource, String prefix, Set<String> routes) {
        String path = (prefix + "/" + resource.getPath()).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        for (ResourceMethod method : resource.getResourceMethods()) {
            routes.add(method.getHttpMethod() + " " + path.replaceAll("\\{[^}]+}", "{}"));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes);
        }
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
