package se.samtrygg.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/** Method templates as admins keep them and everyone signed in reads them, through the API and the admin pages. */
class MethodTemplateTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final User admin = fixtures.user(Set.of(Role.ADMIN));
    private final Http adminApi = new Http(server).bearer(fixtures.token(admin));
    private final Http coordinatorApi = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.COORDINATOR))));
    private final Http partnerApi = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), fixtures.organisation())));

    @Test
    void huskurageShipsWithItsSixStepsInOrderAndTheLetterAndThePostersDecideCoverage() {
        JsonNode huskurage = null;
        for (JsonNode template : partnerApi.getJson("/api/v1/method-templates").json().get("items")) {
            if (template.get("name").asText().equals("Huskurage")) {
                huskurage = template;
            }
        }
        assertThat(huskurage).as("Huskurage is offered to everyone signed in").isNotNull();
        assertThat(huskurage.get("active").asBoolean()).isTrue();
        JsonNode steps = huskurage.get("steps");
        assertThat(steps.findValuesAsText("name")).containsExactly("Fastighetsägaren beslutar att införa Huskurage",
                "Fastighetspersonalen utbildas", "Informationsbrev till alla hushåll", "Affischer eller dekaler i alla trapphus",
                "Informationsmöte för hyresgäster", "Uppföljning efter sex månader");
        assertThat(steps.findValuesAsText("position")).containsExactly("1", "2", "3", "4", "5", "6");
        List<Integer> covering = new ArrayList<>();
        List<Integer> counted = new ArrayList<>();
        steps.forEach(step -> {
            if (step.get("covering").asBoolean()) {
                covering.add(step.get("position").asInt());
            }
            if (step.get("counted").asBoolean()) {
                counted.add(step.get("position").asInt());
            }
        });
        assertThat(covering).containsExactly(3, 4);
        assertThat(counted).containsExactly(3, 4);
        assertThat(steps.findValuesAsText("responsibleType")).containsExactly("HOUSING_COMPANY", "HOUSING_COMPANY", "HOUSING_COMPANY",
                "HOUSING_COMPANY", "POLICE", "MUNICIPAL_UNIT");
        assertThat(steps.findValuesAsText("offsetDays")).containsExactly("0", "30", "45", "45", "60", "180");
        assertThat(partnerApi.getJson("/api/v1/method-templates/" + huskurage.get("id").asLong()).json().get("steps")).hasSize(6);
    }

    @Test
    void anAdminsChangeReplacesTheStepsRaisesTheVersionAndIsAudited() {
        JsonNode created = created(template(Fixtures.unique("Trygga trapphus"), step("Brev", true), step("Affischer", true)));
        long id = created.get("id").asLong();
        assertThat(created.get("version").asInt()).isEqualTo(1);

        JsonNode changed = adminApi.putJson("/api/v1/method-templates/" + id, template(created.get("name").asText(),
                step("Affischer", true), step("Uppföljning", false), step("Informationsmöte", false))).json();

        assertThat(changed.get("version").asInt()).isEqualTo(2);
        assertThat(changed.get("steps").findValuesAsText("name")).containsExactly("Affischer", "Uppföljning", "Informationsmöte");
        assertThat(changed.get("steps").findValuesAsText("position")).containsExactly("1", "2", "3");
        assertThat(coordinatorApi.getJson("/api/v1/method-templates/" + id).json().get("steps").findValuesAsText("name"))
                .containsExactly("Affischer", "Uppföljning", "Informationsmöte");
        assertThat(adminApi.getJson("/api/v1/audit?entityType=method_template&entityId=" + id).json().get("items")
                .findValuesAsText("summary")).anySatisfy(s -> assertThat(s).contains("version 2"))
                .anySatisfy(s -> assertThat(s).contains("Added method template"));
    }

    @Test
    void onlyAdminsCreateAndChangeTemplatesAndSeeTheirPages() {
        JsonNode created = created(template(Fixtures.unique("Trygga trapphus"), step("Brev", true)));
        long id = created.get("id").asLong();
        Map<String, Object> change = template(Fixtures.unique("Kapad mall"), step("Annat", true));
        for (Http refused : List.of(coordinatorApi, partnerApi)) {
            assertThat(refused.postJson("/api/v1/method-templates", template(Fixtures.unique("Egen mall"), step("Brev", true))).status())
                    .isEqualTo(403);
            assertThat(refused.putJson("/api/v1/method-templates/" + id, change).status()).isEqualTo(403);
            assertThat(refused.getJson("/api/v1/method-templates/" + id).status()).as("reading is open").isEqualTo(200);
        }
        Http coordinatorBrowser = new Http(server).withSession(fixtures.session(fixtures.user(Set.of(Role.COORDINATOR))));
        assertThat(coordinatorBrowser.get("/admin/method-templates").status()).isEqualTo(403);
        assertThat(coordinatorBrowser.get("/admin/method-templates/" + id).status()).isEqualTo(403);
        assertThat(adminApi.getJson("/api/v1/method-templates/" + id).json().get("version").asInt()).as("nothing changed").isEqualTo(1);
    }

    @Test
    void badInputIsRefusedOnTheFieldsItConcerns() {
        String taken = created(template(Fixtures.unique("Trygga trapphus"), step("Brev", true))).get("name").asText();
        Map<String, Object> nameless = new HashMap<>(step("", true));
        Map<String, Object> untyped = new HashMap<>(step("Affischer", false));
        untyped.remove("responsibleType");
        untyped.put("offsetDays", 3651);
        untyped.put("description", "Ring 19121212-1212 om det saknas affischer");
        assertThat(errors(adminApi.postJson("/api/v1/method-templates", template(taken.toUpperCase(), nameless, untyped))))
                .containsExactlyInAnyOrder("steps[0].name", "steps[1].responsibleType", "steps[1].offsetDays", "steps[1].description");
        assertThat(errors(adminApi.postJson("/api/v1/method-templates", template(taken.toUpperCase(), step("Brev", true)))))
                .as("names are unique whatever the case").containsExactly("name");
        assertThat(errors(adminApi.postJson("/api/v1/method-templates", template(Fixtures.unique("Mall"), step("Brev", false)))))
                .as("something must make a property covered").containsExactly("steps");
        assertThat(errors(adminApi.postJson("/api/v1/method-templates", template(Fixtures.unique("Mall")))))
                .containsExactly("steps");
        assertThat(errors(adminApi.postJson("/api/v1/method-templates", template("", step("Brev", true))))).containsExactly("name");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tooMany.add(step("Steg " + i, true));
        }
        Map<String, Object> long_ = new HashMap<>(Map.of("name", Fixtures.unique("Mall"), "steps", tooMany));
        assertThat(errors(adminApi.postJson("/api/v1/method-templates", long_))).containsExactly("steps");
    }

    @Test
    void aRetiredTemplateIsListedOnlyWhenAskedForAndNotOfferedForNewRollouts() {
        Map<String, Object> body = template(Fixtures.unique("Gammal metod"), step("Brev", true));
        long id = created(body).get("id").asLong();
        body.put("active", false);
        assertThat(adminApi.putJson("/api/v1/method-templates/" + id, body).json().get("active").asBoolean()).isFalse();

        assertThat(ids(coordinatorApi.getJson("/api/v1/method-templates").json())).doesNotContain(id);
        JsonNode all = coordinatorApi.getJson("/api/v1/method-templates?includeRetired=true").json();
        assertThat(ids(all)).contains(id);
        assertThat(all.get("nextAfter").isNull()).isTrue();
        assertThatThrownBy(() -> server.services().methodTemplates().requireActive(id, "templateId"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("templateId"));

        Http browser = new Http(server).withSession(fixtures.session(admin));
        assertThat(browser.get("/admin/method-templates").body()).contains(">" + body.get("name") + "</a>").contains("Avvecklad");
    }

    @Test
    void theFormOrdersStepsByTheirNumberAndDropsRemovedAndBlankRows() {
        Http browser = new Http(server).withSession(fixtures.session(admin));
        String form = browser.get("/admin/method-templates/new").body();
        assertThat(form).contains("ändringen gäller bara nya införanden").contains("Bostadsbolag / fastighetsägare")
                .contains("id=\"step-3-name\"");
        String name = Fixtures.unique("Trygga trapphus");
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("name", name), Map.entry("description", "Brev och affischer"),
                Map.entry("active", "true")));
        fields.addAll(row(1, "3", "Uppföljning", "MUNICIPAL_UNIT", "90"));
        fields.addAll(row(2, "1", "Brev till hushållen", "HOUSING_COMPANY", "14"));
        fields.addAll(row(3, "2", "Tas bort", "POLICE", "0"));
        fields.addAll(row(4, "4", "", "", ""));
        fields.addAll(row(5, "", "Affischer", "HOUSING_COMPANY", "30"));
        fields.addAll(List.of(Map.entry("covering", "2"), Map.entry("counted", "2"), Map.entry("counted", "5"), Map.entry("remove", "3")));

        Http.Response saved = browser.postFormPairs("/admin/method-templates", fields);
        assertThat(saved.status()).as(saved.body()).isEqualTo(303);
        java.net.URI location = java.net.URI.create(saved.location());
        long id = Long.parseLong(location.getPath().replaceAll(".*/", ""));

        JsonNode steps = adminApi.getJson("/api/v1/method-templates/" + id).json().get("steps");
        assertThat(steps.findValuesAsText("name")).containsExactly("Brev till hushållen", "Uppföljning", "Affischer");
        assertThat(steps.findValuesAsText("offsetDays")).containsExactly("14", "90", "30");
        assertThat(steps.findValuesAsText("covering")).containsExactly("true", "false", "false");
        assertThat(steps.findValuesAsText("counted")).containsExactly("true", "false", "true");
        assertThat(steps.findValuesAsText("responsibleType")).containsExactly("HOUSING_COMPANY", "MUNICIPAL_UNIT", "HOUSING_COMPANY");

        String page = browser.get(location.getPath() + "?" + location.getQuery()).body();
        assertThat(page).contains("Metodmallen är skapad.").contains("value=\"Brev till hushållen\"").contains("id=\"step-6-name\"")
                .as("three blank rows after the three steps").doesNotContain("id=\"step-7-name\"");
    }

    @Test
    void aRefusedFormShowsTheMessageBesideTheRowAndKeepsWhatWasTyped() {
        long id = created(template(Fixtures.unique("Trygga trapphus"), step("Brev", true))).get("id").asLong();
        Http browser = new Http(server).withSession(fixtures.session(admin));
        browser.get("/admin/method-templates/" + id);
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("name", "Trygga trapphus, ny version"),
                Map.entry("description", ""), Map.entry("active", "true")));
        fields.addAll(row(1, "2", "Brev", "HOUSING_COMPANY", "14"));
        fields.addAll(row(2, "1", "", "POLICE", "4000"));
        fields.add(Map.entry("covering", "1"));

        Http.Response refused = browser.postFormPairs("/admin/method-templates/" + id, fields);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#step-2-name\"").contains("id=\"step-2-name-error\"")
                .contains("id=\"step-2-offsetDays-error\"").contains("Ange ett tal mellan 0 och")
                .contains("value=\"Trygga trapphus, ny version\"").contains("value=\"4000\"")
                .doesNotContain("id=\"step-1-name-error\"");
        JsonNode unchanged = adminApi.getJson("/api/v1/method-templates/" + id).json();
        assertThat(unchanged.get("version").asInt()).isEqualTo(1);
        assertThat(unchanged.get("active").asBoolean()).isTrue();
    }

    private JsonNode created(Map<String, Object> body) {
        Http.Response response = adminApi.postJson("/api/v1/method-templates", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    @SafeVarargs
    private static Map<String, Object> template(String name, Map<String, Object>... steps) {
        return new HashMap<>(Map.of("name", name, "steps", List.of(steps)));
    }

    private static Map<String, Object> step(String name, boolean covering) {
        return Map.of("name", name, "responsibleType", "HOUSING_COMPANY", "offsetDays", 30, "covering", covering);
    }

    /** One row of the form; its checkboxes are sent separately with the row's number. */
    private static List<Map.Entry<String, String>> row(int number, String position, String name, String type, String offsetDays) {
        return List.of(Map.entry("position", position), Map.entry("stepName", name), Map.entry("stepDescription", ""),
                Map.entry("responsibleType", type), Map.entry("offsetDays", offsetDays));
    }

    private static List<String> errors(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        return response.json().get("errors").findValuesAsText("field");
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(t -> ids.add(t.get("id").asLong()));
        return ids;
    }
}
