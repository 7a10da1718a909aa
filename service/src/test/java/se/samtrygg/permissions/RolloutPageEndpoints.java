package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ADMIN_ONLY;
import static se.samtrygg.permissions.Endpoint.ADMIN_OR_COORDINATOR;
import static se.samtrygg.permissions.Endpoint.ADMIN_OR_OWN_ORGANISATION;
import static se.samtrygg.permissions.Endpoint.ANY_SIGNED_IN;
import static se.samtrygg.permissions.Endpoint.page;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.samtrygg.support.Fixtures;

/**
 * The rollout pages, on the records RolloutEndpoints.prepare makes: "rollout" (coordinated by someone who is not an
 * actor, so managing it is for admins; its own coordinator is tested in RolloutTest), its property "rolloutProperty"
 * owned by the scenario's organisation, the posters step "rolloutStep", the property's posters step "ownStep" (its
 * owner answers for it) and its information meeting "otherStep" (given to an organisation nobody is in). Everyone
 * signed in reads; admins and coordinators start rollouts; the owner's people update the owner's step, alone or from the
 * board.
 */
final class RolloutPageEndpoints {
    private RolloutPageEndpoints() {
    }

    private static Map<String, String> newRollout(Scenario s) {
        Map<String, String> form = new HashMap<>(Map.of("templateId", Long.toString(s.ids.get("methodTemplate")),
                "areaId", Long.toString(s.ids.get("area")), "startDate", "2030-03-01", "targetDate", "2030-12-31"));
        form.putAll(property(s, "properties[0]."));
        form.putAll(Map.of("properties[1].address", "", "properties[1].ownerOrganisationId", "", "properties[1].stairwells", "",
                "properties[1].apartments", ""));
        return form;
    }

    private static Map<String, String> property(Scenario s, String prefix) {
        return Map.of(prefix + "address", Fixtures.unique("Sättragatan"), prefix + "ownerOrganisationId", Long.toString(s.organisation),
                prefix + "stairwells", "3", prefix + "apartments", "36");
    }

    private static Map<String, String> step(String state) {
        return Map.of("state", state, "completedOn", "", "note", "Affischerna sitter uppe i två av tre trapphus.", "personId", "");
    }

    static List<Endpoint> all() {
        return List.of(
                page("GET", "/rollouts", ANY_SIGNED_IN),
                page("GET", "/rollouts?areaId={area}", ANY_SIGNED_IN),
                page("GET", "/rollouts/mine", ANY_SIGNED_IN),
                page("GET", "/rollouts/new", ADMIN_OR_COORDINATOR),
                page("POST", "/rollouts", RolloutPageEndpoints::newRollout, ADMIN_OR_COORDINATOR),
                page("GET", "/rollouts/{rollout}", ANY_SIGNED_IN),
                page("GET", "/rollouts/{rollout}?after={rolloutProperty}", ANY_SIGNED_IN),
                page("GET", "/rollouts/{rollout}/edit", ADMIN_ONLY),
                page("POST", "/rollouts/{rollout}/edit", s -> Map.of("name", "Huskurage i området", "startDate", "2030-03-08",
                        "targetDate", "2031-01-31", "coordinatorId", Long.toString(s.ids.get("coordinator"))), ADMIN_ONLY),
                page("GET", "/rollouts/{rollout}/properties/new", ADMIN_ONLY),
                page("POST", "/rollouts/{rollout}/properties", s -> property(s, ""), ADMIN_ONLY),
                page("POST", "/rollouts/{rollout}/steps-done", s -> Map.of("stepId", Long.toString(s.ids.get("rolloutStep")),
                        "propertyIds", Long.toString(s.ids.get("rolloutProperty")), "completedOn", "", "count", "6"),
                        ADMIN_OR_OWN_ORGANISATION),
                page("GET", "/rollouts/{rollout}/steps/{rolloutStep}", ADMIN_ONLY),
                page("POST", "/rollouts/{rollout}/steps/{rolloutStep}", s -> Map.of("organisationId",
                        Long.toString(s.spareOrganisation)), ADMIN_ONLY),
                page("GET", "/rollout-properties/{rolloutProperty}/edit", ADMIN_ONLY),
                page("POST", "/rollout-properties/{rolloutProperty}/edit", s -> property(s, ""), ADMIN_ONLY),
                page("GET", "/rollout-properties/{rolloutProperty}/delete", ADMIN_ONLY),
                page("POST", "/rollout-properties/{rolloutProperty}/delete", ADMIN_ONLY),
                page("GET", "/property-steps/{ownStep}", ANY_SIGNED_IN),
                page("GET", "/property-steps/{otherStep}", ANY_SIGNED_IN),
                page("POST", "/property-steps/{ownStep}", s -> step("IN_PROGRESS"), ADMIN_OR_OWN_ORGANISATION),
                page("POST", "/property-steps/{otherStep}", s -> step("DONE"), ADMIN_ONLY));
    }
}
