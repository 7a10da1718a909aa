package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ADMIN_ONLY;
import static se.samtrygg.permissions.Endpoint.ADMIN_OR_COORDINATOR;
import static se.samtrygg.permissions.Endpoint.ADMIN_OR_OWN_ORGANISATION;
import static se.samtrygg.permissions.Endpoint.ANY_SIGNED_IN;
import static se.samtrygg.permissions.Endpoint.api;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.samtrygg.rollout.PropertyInput;
import se.samtrygg.rollout.PropertyStep;
import se.samtrygg.rollout.Rollout;
import se.samtrygg.rollout.RolloutInput;
import se.samtrygg.rollout.RolloutProperty;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * Rollouts. Each scenario holds a Huskurage rollout ("rollout") in the scenario's area, coordinated by a coordinator who
 * is not an actor (so managing it is for admins; a coordinator managing their own rollout is tested in RolloutTest), with
 * its police step (position 5) given to the spare organisation and one property ("rolloutProperty") owned by the
 * scenario's organisation. "rolloutStep" is its posters step (position 4), which falls to the owner; "ownStep" is that
 * step of the property, "otherStep" the property's police step. Everyone signed in reads rollouts (no visibility
 * levels), so refusals are 403.
 */
final class RolloutEndpoints {
    private RolloutEndpoints() {
    }

    static void prepare(Scenario scenario, TestServer server, Fixtures fixtures) {
        Scenario.Ids ids = scenario.ids;
        ids.lazy("huskurage", () -> server.services().methodTemplates().list(null, false).stream()
                .filter(t -> t.name().equals("Huskurage")).findFirst().orElseThrow().id());
        ids.lazy("rollout", () -> {
            Rollout rollout = server.services().rollouts().create(null, new RolloutInput(ids.get("huskurage"), ids.get("area"), null,
                    LocalDate.of(2030, 3, 1), LocalDate.of(2030, 12, 31), ids.get("coordinator"),
                    List.of(new RolloutInput.StepOrganisation(5, scenario.spareOrganisation)),
                    List.of(new PropertyInput("Sätragatan 1", scenario.organisation, 2, 16))));
            ids.put("rolloutStep", rollout.steps().stream().filter(s -> s.position() == 4).findFirst().orElseThrow().id());
            RolloutProperty property = server.services().rollouts().properties(null, rollout.id(), null, 1).items().get(0);
            ids.put("rolloutProperty", property.id());
            ids.put("ownStep", stepAt(property, 4));
            ids.put("otherStep", stepAt(property, 5));
            return rollout.id();
        });
        for (String made : List.of("rolloutStep", "rolloutProperty", "ownStep", "otherStep")) {
            ids.lazy(made, () -> {
                ids.get("rollout");
                return ids.get(made);
            });
        }
    }

    private static long stepAt(RolloutProperty property, int position) {
        return property.steps().stream().filter(s -> s.position() == position).findFirst().map(PropertyStep::id).orElseThrow();
    }

    private static Map<String, Object> property(Scenario s) {
        return Map.of("address", Fixtures.unique("Sätragatan"), "ownerOrganisationId", s.organisation, "stairwells", 3, "apartments", 24);
    }

    static List<Endpoint> all() {
        return List.of(
                api("GET", "/api/v1/rollouts", ANY_SIGNED_IN),
                api("GET", "/api/v1/rollouts?areaId={area}", ANY_SIGNED_IN),
                api("POST", "/api/v1/rollouts", s -> Map.of("templateId", s.ids.get("huskurage"), "areaId", s.ids.get("area"),
                        "startDate", "2030-03-01", "targetDate", "2030-12-31"), ADMIN_OR_COORDINATOR),
                api("GET", "/api/v1/rollouts/progress", ANY_SIGNED_IN),
                api("GET", "/api/v1/rollouts/progress?areaId={area}", ANY_SIGNED_IN),
                api("GET", "/api/v1/rollouts/{rollout}", ANY_SIGNED_IN),
                api("PUT", "/api/v1/rollouts/{rollout}", s -> Map.of("name", Fixtures.unique("Huskurage"), "startDate", "2030-03-15"),
                        ADMIN_ONLY),
                api("PUT", "/api/v1/rollouts/{rollout}/steps/{rolloutStep}", s -> Map.of("organisationId", s.spareOrganisation), ADMIN_ONLY),
                api("GET", "/api/v1/rollouts/{rollout}/properties", ANY_SIGNED_IN),
                api("POST", "/api/v1/rollouts/{rollout}/properties", RolloutEndpoints::property, ADMIN_ONLY),
                // The posters step of a property the actor's organisation owns (OWN): its members mark it done
                api("POST", "/api/v1/rollouts/{rollout}/steps-done", s -> Map.of("stepId", s.ids.get("rolloutStep"),
                        "propertyIds", List.of(s.ids.get("rolloutProperty")), "count", 8), ADMIN_OR_OWN_ORGANISATION),
                api("GET", "/api/v1/rollout-properties/{rolloutProperty}", ANY_SIGNED_IN),
                api("PUT", "/api/v1/rollout-properties/{rolloutProperty}", RolloutEndpoints::property, ADMIN_ONLY),
                api("DELETE", "/api/v1/rollout-properties/{rolloutProperty}", ADMIN_ONLY),
                api("GET", "/api/v1/property-steps/mine", ANY_SIGNED_IN),
                api("GET", "/api/v1/property-steps/{ownStep}", ANY_SIGNED_IN),
                api("PUT", "/api/v1/property-steps/{ownStep}", s -> stepChange("DONE"), ADMIN_OR_OWN_ORGANISATION),
                api("GET", "/api/v1/property-steps/{otherStep}", ANY_SIGNED_IN),
                api("PUT", "/api/v1/property-steps/{otherStep}", s -> stepChange("IN_PROGRESS"), ADMIN_ONLY));
    }

    private static Map<String, Object> stepChange(String state) {
        Map<String, Object> body = new HashMap<>(Map.of("state", state, "note", "Affischer uppsatta i båda trapphusen"));
        if (state.equals("DONE")) {
            body.put("count", 8);
        }
        return body;
    }
}
