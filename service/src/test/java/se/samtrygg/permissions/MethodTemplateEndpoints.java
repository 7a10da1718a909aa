package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ADMIN_ONLY;
import static se.samtrygg.permissions.Endpoint.ANY_SIGNED_IN;
import static se.samtrygg.permissions.Endpoint.api;
import static se.samtrygg.permissions.Endpoint.page;

import java.util.List;
import java.util.Map;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.rollout.MethodTemplateInput;
import se.samtrygg.rollout.TemplateStepInput;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * Method templates: everyone signed in reads them through the API (coordinators choose one for a rollout); only admins
 * create and change them, and only admins see their pages. Each scenario has a template of its own ("methodTemplate"),
 * made by the system, so that changing it disturbs no other cell.
 */
final class MethodTemplateEndpoints {
    private MethodTemplateEndpoints() {
    }

    static void prepare(Scenario scenario, TestServer server) {
        scenario.ids.lazy("methodTemplate", () -> server.services().methodTemplates().create(null, new MethodTemplateInput(
                Fixtures.unique("Trygga trapphus"), "Affischer och brev, trapphus för trapphus", true, List.of(
                        new TemplateStepInput("Informationsbrev", null, OrganisationType.HOUSING_COMPANY, 14, true, true),
                        new TemplateStepInput("Uppföljning", null, OrganisationType.MUNICIPAL_UNIT, 90, false, false)))).id());
    }

    private static Map<String, Object> json(Scenario s) {
        return Map.of("name", Fixtures.unique("Trygga trapphus"), "description", "Affischer i alla trapphus", "steps", List.of(
                Map.of("name", "Affischer i trapphusen", "responsibleType", "HOUSING_COMPANY", "offsetDays", 30, "covering", true,
                        "counted", true)));
    }

    private static Map<String, String> form(Scenario s) {
        return Map.of("name", Fixtures.unique("Trygga trapphus"), "description", "Affischer i alla trapphus", "active", "true",
                "position", "1", "stepName", "Affischer i trapphusen", "stepDescription", "", "responsibleType", "HOUSING_COMPANY",
                "offsetDays", "30", "covering", "1", "counted", "1");
    }

    static List<Endpoint> all() {
        return List.of(
                api("GET", "/api/v1/method-templates", ANY_SIGNED_IN),
                api("GET", "/api/v1/method-templates?includeRetired=true", ANY_SIGNED_IN),
                api("POST", "/api/v1/method-templates", MethodTemplateEndpoints::json, ADMIN_ONLY),
                api("GET", "/api/v1/method-templates/{methodTemplate}", ANY_SIGNED_IN),
                api("PUT", "/api/v1/method-templates/{methodTemplate}", MethodTemplateEndpoints::json, ADMIN_ONLY),
                page("GET", "/admin/method-templates", ADMIN_ONLY),
                page("GET", "/admin/method-templates/new", ADMIN_ONLY),
                page("POST", "/admin/method-templates", MethodTemplateEndpoints::form, ADMIN_ONLY),
                page("GET", "/admin/method-templates/{methodTemplate}", ADMIN_ONLY),
                page("POST", "/admin/method-templates/{methodTemplate}", MethodTemplateEndpoints::form, ADMIN_ONLY));
    }
}
