package se.samtrygg.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.area.PlaceInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

class MeetingTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Brynäs"), "Gävle", null));
    private final Organisation housing = fixtures.organisation();
    private final Organisation police = fixtures.organisation();
    private final User coordinator = fixtures.user(Set.of(Role.COORDINATOR));
    private final Http api = new Http(server).bearer(fixtures.token(coordinator));
    private final long group = api.postJson("/api/v1/network-groups", Map.of("areaId", area.id(), "name", "Nätverket",
            "memberOrganisationIds", List.of(housing.id(), police.id()))).json().get("id").asLong();

    @Test
    void aMeetingIsEnteredInStockholmTimeAndKeepsItsLocalTimeAcrossDaylightSaving() {
        JsonNode winter = schedule("2027-01-12T18:00", "2027-01-12T19:30").json();
        JsonNode summer = schedule("2027-06-15T18:00", "2027-06-15T19:30").json();
        assertThat(winter.get("startsAt").asText()).isEqualTo("2027-01-12T17:00:00Z");
        assertThat(summer.get("startsAt").asText()).isEqualTo("2027-06-15T16:00:00Z");
        assertThat(winter.get("start").asText()).startsWith("2027-01-12T18:00");
        assertThat(summer.get("start").asText()).startsWith("2027-06-15T18:00");
        assertThat(winter.get("invitedOrganisations").findValuesAsText("name")).as("the members are invited by default")
                .containsExactlyInAnyOrder(housing.name(), police.name());
    }

    @Test
    void aMemberSeesTheMeetingAndItsAgendaButOnlyTheCoordinatorChangesThem() {
        long id = schedule("2027-02-02T18:00", "2027-02-02T19:00").json().get("id").asLong();
        JsonNode agenda = api.putJson("/api/v1/meetings/" + id + "/agenda", List.of(
                Map.of("title", "Läget i området", "presenterOrganisationId", police.id(), "durationMinutes", 20),
                Map.of("title", "Belysningen i gångtunneln"))).json().get("agenda");
        assertThat(agenda.findValuesAsText("title")).containsExactly("Läget i området", "Belysningen i gångtunneln");
        assertThat(agenda.get(0).get("presenterName").asText()).isEqualTo(police.name());

        Http member = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), housing)));
        assertThat(member.getJson("/api/v1/meetings/" + id).json().get("agenda")).hasSize(2);
        assertThat(member.putJson("/api/v1/meetings/" + id + "/agenda", List.of(Map.of("title", "Min punkt"))).status()).isEqualTo(403);
        Http outsider = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), fixtures.organisation())));
        assertThat(outsider.getJson("/api/v1/meetings/" + id).status()).isEqualTo(403);
        assertThat(outsider.getJson("/api/v1/meetings/" + id + "/minutes").status()).isEqualTo(403);
        assertThat(outsider.getJson("/api/v1/meetings?networkGroupId=" + group).json().get("items")).isEmpty();
        assertThat(outsider.getJson("/api/v1/meetings/987654321").status()).as("one that does not exist").isEqualTo(404);
        assertThat(member.getJson("/api/v1/meetings/987654321/minutes").status()).isEqualTo(404);
    }

    @Test
    void movingAndCancellingAreRecordedAndACancelledMeetingSaysWhy() {
        long id = schedule("2027-03-02T18:00", "2027-03-02T19:00").json().get("id").asLong();
        JsonNode moved = api.putJson("/api/v1/meetings/" + id, Map.of("networkGroupId", group, "title", "Nätverksmöte",
                "start", "2027-03-09T18:00", "end", "2027-03-09T19:00")).json();
        assertThat(moved.get("start").asText()).startsWith("2027-03-09T18:00");
        JsonNode cancelled = api.postJson("/api/v1/meetings/" + id + "/cancel", Map.of("reason", "Krockar med valet")).json();
        assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelReason").asText()).isEqualTo("Krockar med valet");
        assertThat(api.postJson("/api/v1/meetings/" + id + "/cancel", Map.of("reason", "igen")).status()).isEqualTo(422);
        Http admin = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.ADMIN))));
        assertThat(admin.getJson("/api/v1/audit?entityType=meeting&entityId=" + id).json().get("items").findValuesAsText("summary"))
                .anySatisfy(s -> assertThat(s).contains("moved from 2027-03-02T18:00 to 2027-03-09T18:00"))
                .anySatisfy(s -> assertThat(s).contains("Cancelled").contains("Krockar med valet"));
    }

    @Test
    void badInputGetsAClearErrorAndChangesNothing() {
        long id = schedule("2027-04-06T18:00", "2027-04-06T19:00").json().get("id").asLong();
        long otherArea = server.services().areas().create(null, new AreaInput(Fixtures.unique("Annanstans"), "Gävle", null)).id();
        long foreignPlace = server.services().areas().addPlace(null, otherArea, new PlaceInput("Långt bort", null)).id();

        assertThat(errors(schedule("2027-04-06T18:00", "2027-04-06T17:00"))).containsExactly("end");
        assertThat(errors(schedule("0903-02-03T18:00", "0903-02-03T19:00"))).as("a date typed in the wrong order").containsExactly("start");
        assertThat(errors(api.postJson("/api/v1/meetings", Map.of("networkGroupId", 987654321L, "title", "x",
                "start", "2027-04-06T18:00", "end", "2027-04-06T19:00")))).containsExactly("networkGroupId");
        assertThat(errors(api.postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "x", "placeId", foreignPlace,
                "start", "2027-04-06T18:00", "end", "2027-04-06T19:00")))).containsExactly("placeId");
        assertThat(errors(api.postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "x", "videoLink", "javascript:alert(1)",
                "start", "2027-04-06T18:00", "end", "2027-04-06T19:00")))).containsExactly("videoLink");
        assertThat(errors(api.postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "x",
                "invitedOrganisationIds", List.of(987654321L), "start", "2027-04-06T18:00", "end", "2027-04-06T19:00"))))
                .containsExactly("invitedOrganisationIds");
        assertThat(api.postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "x", "start", "i morgon",
                "end", "2027-04-06T19:00")).status()).isEqualTo(400);

        String megabyte = "Punkt ".repeat(175_000);
        assertThat(errors(api.putJson("/api/v1/meetings/" + id + "/agenda", List.of(Map.of("title", megabyte)))))
                .containsExactly("agenda[0].title");
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        browser.get("/meetings/" + id);
        Http.Response page = browser.postForm("/meetings/" + id + "/agenda", Map.of("title", megabyte));
        assertThat(page.status()).isBetween(400, 499);
        assertThat(page.body()).doesNotContain("Exception");
        assertThat(api.getJson("/api/v1/meetings/" + id).json().get("agenda")).isEmpty();
    }

    @Test
    void anInvitedGuestOrganisationSeesTheMeetingButNotTheRestOfTheGroup() {
        Organisation guest = fixtures.organisation();
        long id = api.postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "Möte med gäster", "start", "2027-06-01T18:00",
                "end", "2027-06-01T19:00", "invitedOrganisationIds", List.of(housing.id(), guest.id()))).json().get("id").asLong();
        long other = schedule("2027-06-08T18:00", "2027-06-08T19:00").json().get("id").asLong();
        Http guestApi = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), guest)));
        assertThat(guestApi.getJson("/api/v1/meetings/" + id).status()).isEqualTo(200);
        assertThat(guestApi.getJson("/api/v1/meetings/" + other).status()).isEqualTo(403);
        assertThat(guestApi.getJson("/api/v1/meetings").json().get("items").findValues("id").stream().map(JsonNode::asLong).toList())
                .contains(id).doesNotContain(other);
        assertThat(guestApi.getJson("/api/v1/network-groups/" + group).status()).isEqualTo(403);
    }

    @Test
    void aCancelledMeetingCannotBeChangedAndSomeoneWithoutRightsIsToldSoFirst() {
        long id = schedule("2027-06-15T18:00", "2027-06-15T19:00").json().get("id").asLong();
        Http member = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), housing)));
        assertThat(member.postJson("/api/v1/meetings/" + id + "/cancel", Map.of("reason", "")).status()).isEqualTo(403);
        assertThat(member.putJson("/api/v1/meetings/" + id + "/agenda", List.of(Map.of("title", ""))).status()).isEqualTo(403);
        api.postJson("/api/v1/meetings/" + id + "/cancel", Map.of("reason", "Sjukdom"));
        assertThat(errors(api.putJson("/api/v1/meetings/" + id + "/agenda", List.of(Map.of("title", "Sen punkt"))))).containsExactly("title");
        assertThat(errors(api.putJson("/api/v1/meetings/" + id, Map.of("networkGroupId", group, "title", "Ändrat",
                "start", "2027-06-16T18:00", "end", "2027-06-16T19:00")))).containsExactly("title");
        assertThat(api.getJson("/api/v1/meetings/" + id).json().get("start").asText()).startsWith("2027-06-15T18:00");
    }

    @Test
    void theAgendaFormKeepsEveryTypedLineWhenALineIsRefused() {
        long id = schedule("2027-05-04T18:00", "2027-05-04T19:00").json().get("id").asLong();
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        browser.get("/meetings/" + id);
        Http.Response refused = browser.postFormExactly("/meetings/" + id + "/agenda",
                Map.of("_csrf", browser.csrf(), "title", "Läget i området", "minutes", "tjugo"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"Läget i området\"").contains("value=\"tjugo\"").contains("Ange ett heltal");
        assertThat(api.getJson("/api/v1/meetings/" + id).json().get("agenda")).isEmpty();
    }

    @Test
    void theAgendaOffersTheGroupsMembersAndTheInvitedAsPresentersNotEveryOrganisation() {
        Organisation guest = fixtures.organisation();
        Organisation outsider = fixtures.organisation();
        long id = api.postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "Möte med gäster", "start", "2027-07-06T18:00",
                "end", "2027-07-06T19:00", "invitedOrganisationIds", List.of(housing.id(), guest.id()))).json().get("id").asLong();
        Http browser = new Http(server).withSession(fixtures.session(coordinator));

        List<List<String>> rows = presenterChoices(browser.get("/meetings/" + id).body());
        assertThat(rows).as("three blank rows").hasSize(3).allSatisfy(choices -> assertThat(choices)
                .as("the members (invited or not) and the invited guest, and nobody else")
                .containsExactlyInAnyOrder(housing.name(), police.name(), guest.name()));
        assertThat(rows.get(0)).doesNotContain(outsider.name());
    }

    @Test
    void aPresenterFromOutsideTheMeetingStaysChosenAndSavingAgainKeepsItEvenOnceDeactivated() {
        Organisation outsider = fixtures.organisation();
        long id = schedule("2027-07-13T18:00", "2027-07-13T19:00").json().get("id").asLong();
        // The API accepts any active organisation as presenter, as it always has.
        JsonNode point = api.putJson("/api/v1/meetings/" + id + "/agenda", List.of(Map.of("title", "Om gatubelysning",
                "presenterOrganisationId", outsider.id()))).json().get("agenda").get(0);
        Http browser = new Http(server).withSession(fixtures.session(coordinator));

        String page = browser.get("/meetings/" + id).body();
        assertThat(presenterChoices(page).get(0)).contains(outsider.name());
        assertThat(page).contains("<option value=\"" + outsider.id() + "\" selected>" + outsider.name() + "</option>");
        assertThat(presenterChoices(page).get(1)).as("a blank row").doesNotContain(outsider.name());

        server.services().organisations().setActive(Fixtures.principal(fixtures.user(Set.of(Role.ADMIN))), outsider.id(), false);
        assertThat(presenterChoices(browser.get("/meetings/" + id).body()).get(0)).contains(outsider.name());
        Http.Response saved = browser.postForm("/meetings/" + id + "/agenda", Map.of("id", point.get("id").asText(),
                "title", "Om gatubelysningen", "presenter", Long.toString(outsider.id())));
        assertThat(saved.status()).isEqualTo(303);
        JsonNode agenda = api.getJson("/api/v1/meetings/" + id).json().get("agenda");
        assertThat(agenda.get(0).get("title").asText()).isEqualTo("Om gatubelysningen");
        assertThat(agenda.get(0).get("presenterOrganisationId").asLong()).isEqualTo(outsider.id());
        assertThat(errors(api.putJson("/api/v1/meetings/" + id + "/agenda", List.of(Map.of("title", "Ny punkt",
                "presenterOrganisationId", outsider.id()))))).as("a new point cannot take a deactivated organisation")
                .containsExactly("agenda[0].presenterOrganisationId");
    }

    /** The organisations each agenda row's presenter select offers, row by row. */
    private static List<List<String>> presenterChoices(String page) {
        List<List<String>> rows = new java.util.ArrayList<>();
        java.util.regex.Matcher select = java.util.regex.Pattern.compile("<select id=\"agenda-presenter-\\d+\"[^>]*>(.*?)</select>",
                java.util.regex.Pattern.DOTALL).matcher(page);
        while (select.find()) {
            java.util.regex.Matcher option = java.util.regex.Pattern.compile("<option value=\"(\\d+)\"[^>]*>([^<]*)</option>")
                    .matcher(select.group(1));
            List<String> names = new java.util.ArrayList<>();
            while (option.find()) {
                names.add(option.group(2));
            }
            rows.add(names);
        }
        return rows;
    }

    private Http.Response schedule(String start, String end) {
        return api.postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "Nätverksmöte", "start", start, "end", end));
    }

    private static List<String> errors(Http.Response response) {
        assertThat(response.status()).as(response.body().length() > 500 ? response.body().substring(0, 500) : response.body()).isEqualTo(422);
        return response.json().get("errors").findValuesAsText("field");
    }
}
