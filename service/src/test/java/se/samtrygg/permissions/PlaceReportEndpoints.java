package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ANY_SIGNED_IN;
import static se.samtrygg.permissions.Endpoint.api;
import static se.samtrygg.permissions.Endpoint.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import se.samtrygg.area.PlaceInput;
import se.samtrygg.common.Visibility;
import se.samtrygg.placereport.PlaceReportInput;
import se.samtrygg.support.TestServer;

/**
 * Weekly place reports. Each scenario holds a NETWORK and an ORGANISATION report (a report is never PUBLIC) from the
 * scenario's organisation and from another member organisation of the area's network group (see {@link Owner}), each
 * about a place of its own in the scenario's area. Members of an organisation report for it; only its members correct or
 * delete its reports (an admin who is not one may read a NETWORK report but not change it); one the actor may not read
 * is not found.
 */
final class PlaceReportEndpoints {
    private static final BiPredicate<Actor, Target> OWN_ORGANISATION = (actor, target) -> actor != Actor.ANONYMOUS && target == Target.OWN;
    static final List<Owner.Held> RECORDS = Owner.each(Visibility.NETWORK, Visibility.ORGANISATION);

    private PlaceReportEndpoints() {
    }

    static void prepare(Scenario scenario, TestServer server) {
        for (Owner.Held held : RECORDS) {
            // one report per organisation, place and week: each record has its own place
            scenario.ids.lazy(held.key("placeReport"), () -> server.services().placeReports().report(held.owner().author(scenario, server),
                    new PlaceReportInput(null, server.services().areas().addPlace(null, scenario.ids.get("area"),
                            new PlaceInput(held.key("Plats"), null)).id(), null, 1, 2, 0, 1, 0, "Marknad på lördag", null,
                            held.visibility())).report().id());
        }
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
        List<Endpoint> all = new ArrayList<>(List.of(
                api("GET", "/api/v1/place-reports?areaId={area}", ANY_SIGNED_IN),
                api("POST", "/api/v1/place-reports", s -> json(s), OWN_ORGANISATION),
                api("GET", "/api/v1/place-reports/quarterly", ANY_SIGNED_IN),
                api("GET", "/api/v1/place-reports/quarterly?areaId={area}&quarter=2030-Q1", ANY_SIGNED_IN),
                page("GET", "/place-reports", ANY_SIGNED_IN),
                page("GET", "/place-reports?areaId={area}", ANY_SIGNED_IN),
                page("GET", "/place-reports/quarterly", ANY_SIGNED_IN),
                page("GET", "/place-reports/quarterly?areaId={area}&quarter=2030-Q1", ANY_SIGNED_IN),
                page("GET", "/place-reports/new?placeId={place}&organisationId={organisation}", OWN_ORGANISATION),
                page("POST", "/place-reports", s -> form(s), OWN_ORGANISATION)));
        for (Owner.Held held : RECORDS) {
            String report = held.placeholder("placeReport");
            all.addAll(List.of(
                    api("GET", "/api/v1/place-reports/" + report, held.read()),
                    api("PUT", "/api/v1/place-reports/" + report, s -> Map.of("vandalism", 0, "littering", 0, "lighting", 1,
                            "gatherings", 0, "incidentsAgainstStaff", 0, "visibility", "NETWORK"), held.change()),
                    api("DELETE", "/api/v1/place-reports/" + report, held.change()),
                    page("GET", "/place-reports/" + report, held.read()),
                    page("GET", "/place-reports/" + report + "/edit", held.change()),
                    page("POST", "/place-reports/" + report + "/edit", s -> Map.of("vandalism", "0", "littering", "0",
                            "lighting", "1", "gatherings", "0", "incidentsAgainstStaff", "0", "visibility", "ORGANISATION"),
                            held.change()),
                    page("GET", "/place-reports/" + report + "/delete", held.change()),
                    page("POST", "/place-reports/" + report + "/delete", held.change())));
        }
        return all;
    }
}
