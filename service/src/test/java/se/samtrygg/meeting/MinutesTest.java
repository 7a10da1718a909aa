package se.samtrygg.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/** Attendance, minutes per agenda point and decisions, and agenda points that keep their ids. */
class MinutesTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
    private final Organisation municipality = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
    private final Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
    private final Organisation police = fixtures.organisation(OrganisationType.POLICE);
    private final User coordinator = fixtures.user(Set.of(Role.COORDINATOR), municipality);
    private final Http api = new Http(server).bearer(fixtures.token(coordinator));
    private final long group = api.postJson("/api/v1/network-groups", Map.of("areaId", area.id(), "name", "Nätverket",
            "memberOrganisationIds", List.of(municipality.id(), housing.id(), police.id()))).json().get("id").asLong();
    private final long meeting = api.postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "Nätverksmöte",
            "start", "2027-03-02T18:00", "end", "2027-03-02T19:30")).json().get("id").asLong();
    private final List<Long> points = ids(api.putJson("/api/v1/meetings/" + meeting + "/agenda", List.of(
            Map.of("title", "Läget i området"), Map.of("title", "Belysningen i gångtunneln"))).json().get("agenda"));

    @Test
    void theCoordinatorWritesMinutesAndADecisionThatEveryMemberOrganisationReads() {
        JsonNode written = api.putJson(minutes(points.get(1)), Map.of("notes", "Tre lampor är trasiga.\nGavlegårdarna byter dem.",
                "decision", "Gångtunneln tas upp igen i april.")).json();
        assertThat(written.get("visibility").asText()).as("NETWORK unless chosen").isEqualTo("NETWORK");
        assertThat(written.get("agendaTitle").asText()).isEqualTo("Belysningen i gångtunneln");

        Http housingApi = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), housing)));
        JsonNode read = housingApi.getJson("/api/v1/meetings/" + meeting + "/minutes").json();
        assertThat(read).hasSize(1);
        assertThat(read.get(0).get("notes").asText()).contains("Gavlegårdarna byter dem.");
        assertThat(housingApi.getJson("/api/v1/meetings/" + meeting + "/decisions").json().findValuesAsText("decision"))
                .containsExactly("Gångtunneln tas upp igen i april.");
        assertThat(housingApi.putJson(minutes(points.get(0)), Map.of("notes", "Mitt eget")).status()).isEqualTo(403);

        Http page = new Http(server).withSession(fixtures.session(fixtures.user(Set.of(Role.PARTNER), police)));
        assertThat(page.get("/meetings/" + meeting).body()).contains("Gavlegårdarna byter dem.").contains("Gångtunneln tas upp igen i april.")
                .doesNotContain("/meetings/" + meeting + "/minutes\"");

        assertThat(api.putJson(minutes(points.get(1)), Map.of("notes", " ", "decision", "")).status()).as("emptied").isEqualTo(204);
        assertThat(housingApi.getJson("/api/v1/meetings/" + meeting + "/minutes").json()).isEmpty();
        Http admin = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.ADMIN))));
        assertThat(admin.getJson("/api/v1/audit?entityType=agenda_minutes&entityId=" + points.get(1)).json().get("items")
                .findValuesAsText("summary")).hasSize(2).noneSatisfy(s -> assertThat(s).contains("lampor"));
    }

    @Test
    void organisationMinutesAreReadOnlyByTheWritersOrganisationNotByOtherMembersNorByAnAdminOutsideIt() {
        api.putJson(minutes(points.get(0)), Map.of("notes", "Oro för en familj i trapphuset", "decision", "Socialtjänsten kontaktas",
                "visibility", "ORGANISATION"));
        api.putJson(minutes(points.get(1)), Map.of("notes", "Lamporna är bytta"));

        Http colleague = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), municipality)));
        JsonNode own = colleague.getJson("/api/v1/meetings/" + meeting + "/minutes").json();
        assertThat(own.findValuesAsText("notes")).containsExactly("Oro för en familj i trapphuset", "Lamporna är bytta");
        assertThat(own.get(0).get("organisationName").asText()).isEqualTo(municipality.name());

        User policeOfficer = fixtures.user(Set.of(Role.PARTNER), police);
        User admin = fixtures.user(Set.of(Role.ADMIN));
        for (User outsider : List.of(policeOfficer, admin)) {
            Http outsiderApi = new Http(server).bearer(fixtures.token(outsider));
            assertThat(outsiderApi.getJson("/api/v1/meetings/" + meeting + "/minutes").json().findValuesAsText("notes"))
                    .containsExactly("Lamporna är bytta");
            assertThat(outsiderApi.getJson("/api/v1/meetings/" + meeting + "/decisions").json()).isEmpty();
            Http browser = new Http(server).withSession(fixtures.session(outsider));
            assertThat(browser.get("/meetings/" + meeting).body()).contains("Lamporna är bytta")
                    .doesNotContain("Oro för en familj").doesNotContain("Socialtjänsten kontaktas");
        }
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        assertThat(browser.get("/meetings/" + meeting).body()).contains("Oro för en familj").contains("Bara inom " + municipality.name());

        // The admin manages the group's meetings but may not overwrite what they may not read.
        Http adminApi = new Http(server).bearer(fixtures.token(admin));
        assertThat(errors(adminApi.putJson(minutes(points.get(0)), Map.of("notes", "Skrivs över")))).containsExactly("notes");
        Http adminBrowser = new Http(server).withSession(fixtures.session(admin));
        assertThat(adminBrowser.get("/meetings/" + meeting + "/minutes").body()).contains("hålls inom en annan organisation")
                .doesNotContain("Oro för en familj").doesNotContain("name=\"notes-" + points.get(0) + "\"");
        assertThat(errors(adminApi.putJson(minutes(points.get(1)), Map.of("notes", "x", "visibility", "ORGANISATION"))))
                .as("an admin without an organisation cannot keep minutes within one").containsExactly("visibility");
        assertThat(colleague.getJson("/api/v1/meetings/" + meeting + "/minutes").json().findValuesAsText("notes"))
                .containsExactly("Oro för en familj i trapphuset", "Lamporna är bytta");
    }

    @Test
    void attendanceIsRecordedForInvitedOrganisationsAndPeopleAndReadByEveryoneWhoSeesTheMeeting() {
        User caretaker = fixtures.user(Set.of(Role.PARTNER), housing);
        User officer = fixtures.user(Set.of(Role.PARTNER), police);
        JsonNode recorded = api.putJson("/api/v1/meetings/" + meeting + "/attendance", Map.of(
                "organisationIds", List.of(housing.id(), police.id()), "userIds", List.of(caretaker.id(), officer.id()))).json();
        assertThat(recorded.get("organisations").findValuesAsText("name")).containsExactlyInAnyOrder(housing.name(), police.name());

        Http member = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), housing)));
        assertThat(member.getJson("/api/v1/meetings/" + meeting + "/attendance").json().get("people").findValuesAsText("name"))
                .containsExactlyInAnyOrder(caretaker.name(), officer.name());
        assertThat(member.putJson("/api/v1/meetings/" + meeting + "/attendance", Map.of("organisationIds", List.of())).status())
                .isEqualTo(403);

        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        String form = browser.get("/meetings/" + meeting + "/attendance").body();
        assertThat(form).contains(caretaker.name()).contains(officer.name()).contains("value=\"" + housing.id() + "\" checked");
        Http.Response saved = browser.postFormPairs("/meetings/" + meeting + "/attendance", List.of(
                Map.entry("organisationId", Long.toString(police.id())), Map.entry("userId", Long.toString(officer.id()))));
        assertThat(saved.status()).isEqualTo(303);
        JsonNode now = member.getJson("/api/v1/meetings/" + meeting + "/attendance").json();
        assertThat(now.get("organisations").findValuesAsText("name")).containsExactly(police.name());
        assertThat(now.get("people").findValuesAsText("name")).containsExactly(officer.name());
        assertThat(new Http(server).withSession(fixtures.session(officer)).get("/meetings/" + meeting).body())
                .contains("Närvaro").contains(officer.name());
    }

    @Test
    void badMinutesAndAttendanceGetAClearErrorAndChangeNothing() {
        api.putJson(minutes(points.get(0)), Map.of("notes", "Som det var"));
        api.putJson("/api/v1/meetings/" + meeting + "/attendance", Map.of("organisationIds", List.of(housing.id())));
        Organisation outside = fixtures.organisation();
        User stranger = fixtures.user(Set.of(Role.PARTNER), outside);
        long otherMeeting = api.postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "Annat möte",
                "start", "2027-04-06T18:00", "end", "2027-04-06T19:00")).json().get("id").asLong();
        long foreignPoint = ids(api.putJson("/api/v1/meetings/" + otherMeeting + "/agenda", List.of(Map.of("title", "Annan punkt")))
                .json().get("agenda")).get(0);

        assertThat(errors(api.putJson(minutes(points.get(0)), Map.of("notes", "x".repeat(20_001))))).containsExactly("notes");
        assertThat(errors(api.putJson(minutes(points.get(0)), Map.of("notes", "ok", "decision", "x".repeat(4_001)))))
                .containsExactly("decision");
        assertThat(errors(api.putJson(minutes(points.get(0)), Map.of("notes", "Till alla", "visibility", "PUBLIC"))))
                .containsExactly("visibility");
        assertThat(errors(api.putJson(minutes(points.get(0)), Map.of("notes", "Fel organisation", "organisationId", police.id()))))
                .containsExactly("organisationId");
        assertThat(api.putJson(minutes(foreignPoint), Map.of("notes", "Fel möte")).status()).isEqualTo(404);
        assertThat(api.putJson(minutes(987654321L), Map.of("notes", "Finns inte")).status()).isEqualTo(404);
        assertThat(errors(api.putJson("/api/v1/meetings/" + meeting + "/attendance", Map.of("organisationIds", List.of(outside.id())))))
                .containsExactly("organisationIds");
        assertThat(errors(api.putJson("/api/v1/meetings/" + meeting + "/attendance", Map.of("userIds", List.of(stranger.id())))))
                .containsExactly("userIds");
        assertThat(errors(api.putJson("/api/v1/meetings/" + meeting + "/attendance", Map.of("userIds", List.of(987654321L)))))
                .containsExactly("userIds");

        api.postJson("/api/v1/meetings/" + meeting + "/cancel", Map.of("reason", "Lokalen är stängd"));
        assertThat(errors(api.putJson(minutes(points.get(0)), Map.of("notes", "Efteråt")))).containsExactly("meetingId");
        assertThat(errors(api.putJson("/api/v1/meetings/" + meeting + "/attendance", Map.of("organisationIds", List.of()))))
                .containsExactly("meetingId");

        assertThat(api.getJson("/api/v1/meetings/" + meeting + "/minutes").json().findValuesAsText("notes")).containsExactly("Som det var");
        assertThat(api.getJson("/api/v1/meetings/" + meeting + "/attendance").json().get("organisations").findValuesAsText("name"))
                .containsExactly(housing.name());
        assertThat(api.getJson("/api/v1/meetings/" + meeting + "/attendance").json().get("people")).isEmpty();
    }

    @Test
    void theMinutesFormSavesEveryPointAndReturnsToThePointWhoseButtonWasPressed() {
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        assertThat(browser.get("/meetings/" + meeting).body()).contains("href=\"/meetings/" + meeting + "/minutes\"")
                .contains("href=\"/meetings/" + meeting + "/attendance\"");
        assertThat(browser.get("/meetings/" + meeting + "/minutes").status()).isEqualTo(200);
        Http.Response saved = browser.postForm("/meetings/" + meeting + "/minutes", Map.of(
                "notes-" + points.get(0), "Lugnt i centrum", "decision-" + points.get(0), "", "visibility-" + points.get(0), "NETWORK",
                "notes-" + points.get(1), "Lamporna beställda", "decision-" + points.get(1), "Följs upp i april",
                "visibility-" + points.get(1), "ORGANISATION", "save", Long.toString(points.get(1))));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.location()).endsWith("/meetings/" + meeting + "/minutes?saved=true#point-" + points.get(1));
        JsonNode stored = api.getJson("/api/v1/meetings/" + meeting + "/minutes").json();
        assertThat(stored.findValuesAsText("notes")).containsExactly("Lugnt i centrum", "Lamporna beställda");
        assertThat(stored.findValuesAsText("visibility")).containsExactly("NETWORK", "ORGANISATION");
        assertThat(browser.get("/meetings/" + meeting + "/minutes").body()).contains(">Lamporna beställda</textarea>")
                .contains(">Följs upp i april</textarea>");
    }

    @Test
    void aRefusedMinutesFormKeepsEveryTypedTextWithTheMessageBesideTheField() {
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        browser.get("/meetings/" + meeting + "/minutes");
        String longDecision = "Beslut ".repeat(700);
        Http.Response refused = browser.postForm("/meetings/" + meeting + "/minutes", Map.of(
                "notes-" + points.get(0), "Allt jag skrev under mötet", "visibility-" + points.get(0), "NETWORK",
                "notes-" + points.get(1), "Och det här", "decision-" + points.get(1), longDecision, "visibility-" + points.get(1), "ORGANISATION",
                "save", Long.toString(points.get(0))));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Allt jag skrev under mötet").contains("Och det här").contains(longDecision.strip())
                .contains("id=\"decision-" + points.get(1) + "-error\">Högst 4").contains("Något behöver rättas")
                .contains("aria-describedby=\"decision-" + points.get(1) + "-hint decision-" + points.get(1) + "-error\"")
                .contains("id=\"visibility-" + points.get(1) + "-organisation\" name=\"visibility-" + points.get(1)
                        + "\" value=\"ORGANISATION\" checked");
        assertThat(api.getJson("/api/v1/meetings/" + meeting + "/minutes").json()).as("nothing was saved").isEmpty();
    }

    @Test
    void editingTheAgendaKeepsItsPointsAndTheirMinutes() {
        api.putJson(minutes(points.get(1)), Map.of("notes", "Lamporna", "decision", "Byt dem"));
        JsonNode agenda = api.putJson("/api/v1/meetings/" + meeting + "/agenda", List.of(
                Map.of("id", points.get(1), "title", "Belysningen, uppföljning"), Map.of("title", "Ny punkt"),
                Map.of("id", points.get(0), "title", "Läget i området"))).json().get("agenda");
        assertThat(ids(agenda).get(0)).isEqualTo(points.get(1));
        assertThat(ids(agenda).get(2)).isEqualTo(points.get(0));
        JsonNode stored = api.getJson("/api/v1/meetings/" + meeting + "/minutes").json().get(0);
        assertThat(stored.get("agendaItemId").asLong()).isEqualTo(points.get(1));
        assertThat(stored.get("sortOrder").asInt()).isEqualTo(1);
        assertThat(stored.get("agendaTitle").asText()).isEqualTo("Belysningen, uppföljning");

        // The agenda form sends each row's id back, so saving it as it is keeps every point.
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        assertThat(browser.get("/meetings/" + meeting).body()).contains("name=\"id\" value=\"" + points.get(1) + "\"");
        List<Map.Entry<String, String>> rows = new ArrayList<>();
        for (JsonNode point : agenda) {
            rows.addAll(List.of(Map.entry("id", point.get("id").asText()), Map.entry("title", point.get("title").asText()),
                    Map.entry("presenter", ""), Map.entry("minutes", "")));
        }
        assertThat(browser.postFormPairs("/meetings/" + meeting + "/agenda", rows).status()).isEqualTo(303);
        assertThat(ids(api.getJson("/api/v1/meetings/" + meeting).json().get("agenda"))).isEqualTo(ids(agenda));
    }

    @Test
    void removingAnAgendaPointWithMinutesIsRefusedAndAnotherMeetingsPointIsNotAccepted() {
        api.putJson(minutes(points.get(1)), Map.of("notes", "Lamporna"));
        Http.Response refused = api.putJson("/api/v1/meetings/" + meeting + "/agenda", List.of(Map.of("id", points.get(0), "title", "Läget")));
        assertThat(errors(refused)).containsExactly("agenda");
        assertThat(refused.body()).contains("Belysningen i gångtunneln");
        long other = api.postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "Annat möte",
                "start", "2027-04-06T18:00", "end", "2027-04-06T19:00")).json().get("id").asLong();
        assertThat(errors(api.putJson("/api/v1/meetings/" + other + "/agenda", List.of(Map.of("id", points.get(0), "title", "Stulen")))))
                .containsExactly("agenda[0].id");
        assertThat(api.getJson("/api/v1/meetings/" + other).json().get("agenda")).isEmpty();

        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        browser.get("/meetings/" + meeting);
        Http.Response page = browser.postFormPairs("/meetings/" + meeting + "/agenda", List.of(
                Map.entry("id", Long.toString(points.get(0))), Map.entry("title", "Läget i området"),
                Map.entry("id", Long.toString(points.get(1))), Map.entry("title", "")));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("har anteckningar och kan inte tas bort").contains("value=\"Läget i området\"");
        assertThat(api.getJson("/api/v1/meetings/" + meeting).json().get("agenda").findValuesAsText("title"))
                .containsExactly("Läget i området", "Belysningen i gångtunneln");
    }

    private String minutes(long agendaItemId) {
        return "/api/v1/meetings/" + meeting + "/minutes/" + agendaItemId;
    }

    private static List<Long> ids(JsonNode agenda) {
        List<Long> ids = new ArrayList<>();
        agenda.forEach(point -> ids.add(point.get("id").asLong()));
        return ids;
    }

    private static List<String> errors(Http.Response response) {
        assertThat(response.status()).as(response.body().length() > 500 ? response.body().substring(0, 500) : response.body()).isEqualTo(422);
        return response.json().get("errors").findValuesAsText("field");
    }
}
