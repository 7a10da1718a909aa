package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ADMIN_OR_OWN_ORGANISATION;
import static se.samtrygg.permissions.Endpoint.ANY_SIGNED_IN;
import static se.samtrygg.permissions.Endpoint.api;
import static se.samtrygg.permissions.Endpoint.page;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import se.samtrygg.common.Visibility;
import se.samtrygg.placereport.PlaceReportInput;
import se.samtrygg.support.TestServer;

/**
 * Weekly place reports. The scenario's report is a NETWORK report of the scenario's organisation about the place of
 * the scenario's area, whose network group has that organisation as member: its members and admins read it, others
 * are told it is not found. Members of an organisation report for it; only its members correct or delete its reports
 * (an admin who is not one may read but not change them).
 */
final class PlaceReportEndpoints {
    private static final BiPredicate<Actor, Target> OWN_ORGANISATION = (actor, target) -> actor != Actor.ANONYMOUS && target == Target.OWN;
    private static final RecordAccess READ = new RecordAccess(ADMIN_OR_OWN_ORGANISATION, ADMIN_OR_OWN_ORGANISATION);
    private static final RecordAccess CHANGE = new RecordAccess(OWN_ORGANISATION, ADMIN_OR_OWN_ORGANISATION);

    private PlaceReportEndpoints() {
    }

    static void prepare(Scenario scenario, TestServer server) {
        scenario.ids.put("placeReport", server.services().placeReports().report(server.services().users().principalOf(scenario.user),
                new PlaceReportInput(scenario.organisation, scenario.ids.get("place"), null, 1, 2, 0, 1, 0, "Marknad på lördag",
                        null, Visibility.NETWORK)).report().id());
    }

    private static Map<String, Object> json(Scenario s) {
        Map<String, Object> body = new HashMap<>(Map.of("organisationId", s.organisation, "placeId", s.ids.get("place"),
                "vandalism", 2, "littering", 1, "lighting", 3, "gatherings", 0, "incidentsAgainstStaff", 0));
        body.put("comment", "Lampan vid entrén är trasig");
        return body;
    }

    private static Map<String, String> form(Scenario s) {
        return Map.of("organisationId", Long.toString(s.organisation), "placeId", Long.toString(s.ids.get("place")),
                "vandalism", "2", "littering", "1", "lighting", "3", "gatherings", "0", "incidentsAgainstStaff", "0",
                "visibility", "NETWORK");
    }

    static List<Endpoint> all() {
        return List.of(
                api("GET", "/api/v1/place-reports?areaId={area}", ANY_SIGNED_IN),
                api("POST", "/api/v1/place-reports", s -> json(s), OWN_ORGANISATION),
                api("GET", "/api/v1/place-reports/quarterly", ANY_SIGNED_IN),
                api("GET", "/api/v1/place-reports/quarterly?areaId={area}&quarter=2030-Q1", ANY_SIGNED_IN),
                api("GET", "/api/v1/place-reports/{placeReport}", READ),
                api("PUT", "/api/v1/place-reports/{placeReport}", s -> Map.of("vandalism", 0, "littering", 0, "lighting", 1,
                        "gatherings", 0, "incidentsAgainstStaff", 0, "visibility", "NETWORK"), CHANGE),
                api("DELETE", "/api/v1/place-reports/{placeReport}", CHANGE),
                page("GET", "/place-reports", ANY_SIGNED_IN),
                page("GET", "/place-reports?areaId={area}", ANY_SIGNED_IN),
                page("GET", "/place-reports/quarterly", ANY_SIGNED_IN),
                page("GET", "/place-reports/quarterly?areaId={area}&quarter=2030-Q1", ANY_SIGNED_IN),
                page("GET", "/place-reports/new?placeId={place}&organisationId={organisation}", OWN_ORGANISATION),
                page("POST", "/place-reports", s -> form(s), OWN_ORGANISATION),
                page("GET", "/place-reports/{placeReport}", READ),
                page("GET", "/place-reports/{placeReport}/edit", CHANGE),
                page("POST", "/place-reports/{placeReport}/edit", s -> Map.of("vandalism", "0", "littering", "0", "lighting", "1",
                        "gatherings", "0", "incidentsAgainstStaff", "0", "visibility", "ORGANISATION"), CHANGE),
                page("GET", "/place-reports/{placeReport}/delete", CHANGE),
                page("POST", "/place-reports/{placeReport}/delete", CHANGE));
    }
}
