package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ANY_SIGNED_IN;
import static se.samtrygg.permissions.Endpoint.api;
import static se.samtrygg.permissions.Endpoint.page;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.common.Visibility;
import se.samtrygg.observation.ObservationInput;
import se.samtrygg.support.TestServer;

/**
 * Observations. Each scenario holds an observation of each visibility from the scenario's organisation and from another
 * member organisation of the area's network group (see {@link Owner}). Only members of the owning organisation correct,
 * delete or hand one over, admins included in that rule; one the actor may not read is not found (404), one they read
 * but may not change is refused (403).
 */
final class ObservationEndpoints {
    /** Members of the scenario's organisation, and nobody else: not admins either. */
    private static final BiPredicate<Actor, Target> OWN_ONLY = (actor, target) -> actor != Actor.ANONYMOUS && target == Target.OWN;
    static final List<Owner.Held> RECORDS = Owner.each(Visibility.PUBLIC, Visibility.NETWORK, Visibility.ORGANISATION);

    private ObservationEndpoints() {
    }

    static void prepare(Scenario scenario, TestServer server) {
        scenario.ids.lazy("observationCategory",
                () -> server.services().categories().active(CategoryKind.OBSERVATION_CATEGORY).get(0).id());
        for (Owner.Held held : RECORDS) {
            scenario.ids.lazy(held.key("observation"), () -> server.services().observations().create(held.owner().author(scenario, server),
                    new ObservationInput(null, null, scenario.ids.get("area"), scenario.ids.get("place"), LocalDateTime.of(2025, 10, 3, 21, 15),
                            scenario.ids.get("observationCategory"), "Lampan vid torget är trasig", held.visibility())).id());
        }
    }

    static List<Endpoint> all() {
        List<Endpoint> all = new ArrayList<>(List.of(
                api("GET", "/api/v1/observations", ANY_SIGNED_IN),
                api("GET", "/api/v1/observations?areaId={area}&handedOver=false", ANY_SIGNED_IN),
                api("POST", "/api/v1/observations", s -> Map.of("organisationId", s.organisation, "areaId", s.ids.get("area"),
                        "placeId", s.ids.get("place"), "observedAt", "2025-10-04T22:00", "categoryId", s.ids.get("observationCategory"),
                        "description", "Klotter på muren"), OWN_ONLY),
                page("GET", "/observations", ANY_SIGNED_IN),
                page("GET", "/observations/new", ANY_SIGNED_IN),
                page("POST", "/observations", s -> Map.of("organisationId", Long.toString(s.organisation),
                        "areaId", Long.toString(s.ids.get("area")), "date", "2025-10-04", "time", "22:00",
                        "categoryId", Long.toString(s.ids.get("observationCategory")), "visibility", "NETWORK"), OWN_ONLY)));
        for (Owner.Held held : RECORDS) {
            String observation = held.placeholder("observation");
            all.addAll(List.of(
                    api("GET", "/api/v1/observations/" + observation, held.read()),
                    api("PUT", "/api/v1/observations/" + observation, s -> Map.of("areaId", s.ids.get("area"),
                            "observedAt", "2025-10-04T22:15", "categoryId", s.ids.get("observationCategory"), "description", "Rättad"),
                            held.change()),
                    api("DELETE", "/api/v1/observations/" + observation, held.change()),
                    api("POST", "/api/v1/observations/" + observation + "/handover", s -> Map.of("responsibleOrganisationId",
                            s.spareOrganisation, "dueDate", "2030-05-01"), held.change()),
                    page("GET", "/observations/" + observation, held.read()),
                    page("GET", "/observations/" + observation + "/edit", held.change()),
                    page("POST", "/observations/" + observation + "/edit", s -> Map.of("areaId", Long.toString(s.ids.get("area")),
                            "date", "2025-10-04", "time", "22:15", "categoryId", Long.toString(s.ids.get("observationCategory")),
                            "description", "Rättad"), held.change()),
                    page("GET", "/observations/" + observation + "/delete", held.change()),
                    page("POST", "/observations/" + observation + "/delete", held.change()),
                    page("POST", "/observations/" + observation + "/handover", s -> Map.of("responsibleOrganisationId",
                            Long.toString(s.spareOrganisation), "title", "Byt lampan"), held.change())));
        }
        return all;
    }
}
