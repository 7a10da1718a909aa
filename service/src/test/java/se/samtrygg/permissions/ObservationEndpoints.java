package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ADMIN_OR_OWN_ORGANISATION;
import static se.samtrygg.permissions.Endpoint.ANY_SIGNED_IN;
import static se.samtrygg.permissions.Endpoint.api;
import static se.samtrygg.permissions.Endpoint.hidden;
import static se.samtrygg.permissions.Endpoint.page;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.common.Visibility;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.observation.ObservationInput;
import se.samtrygg.support.TestServer;

/**
 * Observations. The scenario's user logs two in the scenario's area: a NETWORK one, which the scenario's organisation (a member
 * of the area's group) and admins read, and an ORGANISATION one, which only the scenario's organisation reads. Only members of
 * the owning organisation change one, admins included in that rule; one the actor may not read is not found.
 */
final class ObservationEndpoints {
    /** Members of the scenario's organisation, and nobody else: not admins either. */
    private static final BiPredicate<Actor, Target> OWN_ONLY = (actor, target) -> actor != Actor.ANONYMOUS && target == Target.OWN;

    private ObservationEndpoints() {
    }

    static void prepare(Scenario scenario, TestServer server) {
        CurrentUser author = server.services().users().principalOf(scenario.user);
        long category = server.services().categories().active(CategoryKind.OBSERVATION_CATEGORY).get(0).id();
        scenario.ids.put("observationCategory", category);
        scenario.ids.put("observation", server.services().observations().create(author, new ObservationInput(null, null,
                scenario.ids.get("area"), scenario.ids.get("place"), LocalDateTime.of(2025, 10, 3, 21, 15), category,
                "Lampan vid torget är trasig", Visibility.NETWORK)).id());
        scenario.ids.put("orgObservation", server.services().observations().create(author, new ObservationInput(null, null,
                scenario.ids.get("area"), null, LocalDateTime.of(2025, 10, 3, 21, 30), category, "Internt", Visibility.ORGANISATION)).id());
    }

    static List<Endpoint> all() {
        return List.of(
                api("GET", "/api/v1/observations", ANY_SIGNED_IN),
                api("GET", "/api/v1/observations?areaId={area}&handedOver=false", ANY_SIGNED_IN),
                api("POST", "/api/v1/observations", s -> Map.of("organisationId", s.organisation, "areaId", s.ids.get("area"),
                        "placeId", s.ids.get("place"), "observedAt", "2025-10-04T22:00", "categoryId", s.ids.get("observationCategory"),
                        "description", "Klotter på muren"), OWN_ONLY),
                api("GET", "/api/v1/observations/{observation}", hidden(ADMIN_OR_OWN_ORGANISATION)),
                api("GET", "/api/v1/observations/{orgObservation}", hidden(OWN_ONLY)),
                api("PUT", "/api/v1/observations/{observation}", s -> Map.of("areaId", s.ids.get("area"), "observedAt", "2025-10-04T22:15",
                        "categoryId", s.ids.get("observationCategory"), "description", "Rättad"), hidden(OWN_ONLY)),
                api("DELETE", "/api/v1/observations/{observation}", hidden(OWN_ONLY)),
                api("POST", "/api/v1/observations/{observation}/handover", s -> Map.of("responsibleOrganisationId", s.spareOrganisation,
                        "dueDate", "2030-05-01"), hidden(OWN_ONLY)),
                page("GET", "/observations", ANY_SIGNED_IN),
                page("GET", "/observations/new", ANY_SIGNED_IN),
                page("POST", "/observations", s -> Map.of("organisationId", Long.toString(s.organisation),
                        "areaId", Long.toString(s.ids.get("area")), "date", "2025-10-04", "time", "22:00",
                        "categoryId", Long.toString(s.ids.get("observationCategory")), "visibility", "NETWORK"), OWN_ONLY),
                page("GET", "/observations/{observation}", hidden(ADMIN_OR_OWN_ORGANISATION)),
                page("GET", "/observations/{orgObservation}", hidden(OWN_ONLY)),
                page("GET", "/observations/{observation}/edit", hidden(OWN_ONLY)),
                page("POST", "/observations/{observation}/edit", s -> Map.of("areaId", Long.toString(s.ids.get("area")),
                        "date", "2025-10-04", "time", "22:15", "categoryId", Long.toString(s.ids.get("observationCategory")),
                        "description", "Rättad"), hidden(OWN_ONLY)),
                page("GET", "/observations/{observation}/delete", hidden(OWN_ONLY)),
                page("POST", "/observations/{observation}/delete", hidden(OWN_ONLY)),
                page("POST", "/observations/{observation}/handover", s -> Map.of("responsibleOrganisationId",
                        Long.toString(s.spareOrganisation), "title", "Byt lampan"), hidden(OWN_ONLY)));
    }
}
