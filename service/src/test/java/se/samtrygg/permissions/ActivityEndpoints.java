package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ADMIN_ONLY;
import static se.samtrygg.permissions.Endpoint.ANY_SIGNED_IN;
import static se.samtrygg.permissions.Endpoint.api;
import static se.samtrygg.permissions.Endpoint.page;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import se.samtrygg.activity.ActivityCsv;
import se.samtrygg.activity.ActivityInput;
import se.samtrygg.activity.CategoryInput;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.common.Visibility;
import se.samtrygg.identity.Role;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * The activity log. Each scenario holds an activity of each visibility from the scenario's organisation and from another
 * member organisation of the area's network group (see {@link Owner}): who reads one is told by {@link Owner.Held#readBy},
 * and only its own organisation's people correct or delete it (not admins, who administer users rather than content);
 * one the actor may not read is not found. What the list, search and export show to whom: ConfidentialityMatrixTest.
 */
final class ActivityEndpoints {
    /** Logging is for one's own organisation; the scenario's organisation is the actor's own only when OWN. */
    static final BiPredicate<Actor, Target> OWN_ORGANISATION = (actor, target) -> actor != Actor.ANONYMOUS && target == Target.OWN;
    static final List<Owner.Held> RECORDS = Owner.each(Visibility.PUBLIC, Visibility.NETWORK, Visibility.ORGANISATION);

    private static Long category;

    private ActivityEndpoints() {
    }

    static void prepare(Scenario scenario, TestServer server, Fixtures fixtures) {
        scenario.ids.lazy("activityType", () -> nightWalk(server));
        for (Owner.Held held : RECORDS) {
            scenario.ids.lazy(held.key("activity"), () -> server.services().activities().create(held.owner().author(scenario, server),
                    new ActivityInput(null, scenario.ids.get("area"), scenario.ids.get("place"), scenario.ids.get("activityType"),
                            OffsetDateTime.parse("2030-03-01T21:00:00+01:00"), OffsetDateTime.parse("2030-03-02T01:00:00+01:00"),
                            4, 30, "Lugn kväll", held.visibility())).id());
        }
        scenario.ids.lazy("category", () -> {
            synchronized (ActivityEndpoints.class) {
                if (category == null) {
                    category = server.services().categories().create(Fixtures.principal(fixtures.user(Set.of(Role.ADMIN))),
                            new CategoryInput(CategoryKind.OBSERVATION_CATEGORY, Fixtures.unique("Matris"), null, null)).id();
                }
                return category;
            }
        });
        scenario.ids.lazy("activityImport", () -> server.services().activities().startImport(
                server.services().users().principalOf(scenario.user), scenario.organisation,
                ActivityCsv.rows((String) importCsv(scenario)), Runnable::run).id());
    }

    private static long nightWalk(TestServer server) {
        return server.services().categories().active(CategoryKind.ACTIVITY_TYPE).stream()
                .filter(c -> c.name().equals("Nattvandring")).findFirst().orElseThrow().id();
    }

    private static Map<String, Object> activity(Scenario s) {
        return Map.of("organisationId", s.organisation, "areaId", s.ids.get("area"), "typeId", s.ids.get("activityType"),
                "startsAt", "2030-03-08T21:00:00+01:00", "endsAt", "2030-03-09T01:00:00+01:00", "visibility", "NETWORK");
    }

    private static Map<String, String> form(Scenario s) {
        return Map.of("organisationId", Long.toString(s.organisation), "typeId", Long.toString(s.ids.get("activityType")),
                "areaId", Long.toString(s.ids.get("area")), "date", "2030-03-08", "startTime", "21:00", "endTime", "01:00",
                "visibility", "NETWORK");
    }

    private static Object importCsv(Scenario s) {
        s.ids.get("place"); // the file names it
        return "Datum;Start;Slut;Område;Plats;Typ\r\n2030-03-15;21:00;01:00;"
                + TestServer.shared().services().areas().require(s.ids.get("area"), "area").name() + ";Torget;Nattvandring\r\n";
    }

    static List<Endpoint> all() {
        List<Endpoint> all = new ArrayList<>(List.of(
                api("GET", "/api/v1/activities", ANY_SIGNED_IN),
                api("GET", "/api/v1/activities?mine=true&q=kv%C3%A4ll&from=2030-01-01&to=2030-12-31&areaId={area}", ANY_SIGNED_IN),
                api("POST", "/api/v1/activities", ActivityEndpoints::activity, OWN_ORGANISATION),
                api("GET", "/api/v1/activities/export.csv?areaId={area}", ANY_SIGNED_IN),
                api("POST", "/api/v1/activities/import?organisationId={organisation}", ActivityEndpoints::importCsv, OWN_ORGANISATION),
                api("GET", "/api/v1/categories?kind=ACTIVITY_TYPE", ANY_SIGNED_IN),
                api("GET", "/api/v1/categories?kind=OBSERVATION_CATEGORY", ANY_SIGNED_IN),
                api("POST", "/api/v1/categories", s -> Map.of("kind", "ACTIVITY_TYPE", "name", Fixtures.unique("Typ")), ADMIN_ONLY),
                api("PUT", "/api/v1/categories/{category}", s -> Map.of("sortOrder", 500, "active", true), ADMIN_ONLY),

                page("GET", "/activities", ANY_SIGNED_IN),
                page("GET", "/activities?areaId={area}&q=kv%C3%A4ll&mine=true&from=2030-01-01", ANY_SIGNED_IN),
                page("GET", "/activities/export.csv?areaId={area}", ANY_SIGNED_IN),
                page("GET", "/activities/new?organisationId={organisation}", OWN_ORGANISATION),
                page("POST", "/activities", ActivityEndpoints::form, OWN_ORGANISATION),
                page("GET", "/activities/import?organisationId={organisation}", OWN_ORGANISATION),
                page("POST", "/activities/import", s -> Map.of("organisationId", Long.toString(s.organisation), "csv",
                        (String) importCsv(s)), OWN_ORGANISATION),
                page("GET", "/admin/activity-types", ADMIN_ONLY),
                page("GET", "/admin/observation-categories", ADMIN_ONLY),
                page("POST", "/admin/activity-types", s -> Map.of("name", Fixtures.unique("Typ")), ADMIN_ONLY),
                page("POST", "/admin/observation-categories", s -> Map.of("name", Fixtures.unique("Kategori")), ADMIN_ONLY),
                page("POST", "/admin/activity-types/{activityType}", s -> Map.of("name", "Nattvandring", "sortOrder", "10"), ADMIN_ONLY),
                page("POST", "/admin/observation-categories/{category}", s -> Map.of("name",
                        TestServer.shared().services().categories().get(s.ids.get("category")).name(), "active", "true"), ADMIN_ONLY),
                // an import's status page: its organisation's people only; to everyone else it does not exist
                page("GET", "/activities/import/{activityImport}", new RecordAccess(OWN_ORGANISATION, OWN_ORGANISATION))));
        for (Owner.Held held : RECORDS) {
            String activity = held.placeholder("activity");
            all.addAll(List.of(
                    api("GET", "/api/v1/activities/" + activity, held.read()),
                    api("PUT", "/api/v1/activities/" + activity, ActivityEndpoints::activity, held.change()),
                    api("DELETE", "/api/v1/activities/" + activity, held.change()),
                    page("GET", "/activities/" + activity, held.read()),
                    page("GET", "/activities/" + activity + "/edit", held.change()),
                    page("POST", "/activities/" + activity, ActivityEndpoints::form, held.change()),
                    page("GET", "/activities/" + activity + "/delete", held.change()),
                    page("POST", "/activities/" + activity + "/delete", held.change())));
        }
        return all;
    }
}
