package se.samtrygg.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

class ActionItemTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
    private final Organisation municipality = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
    private final Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
    private final Organisation police = fixtures.organisation(OrganisationType.POLICE);
    private final User coordinator = fixtures.user(Set.of(Role.COORDINATOR), municipality);
    private final Http coordinatorApi = new Http(server).bearer(fixtures.token(coordinator));
    private final long group = coordinatorApi.postJson("/api/v1/network-groups", Map.of("areaId", area.id(), "name", "Nätverket",
            "memberOrganisationIds", List.of(municipality.id(), housing.id(), police.id()))).json().get("id").asLong();

    @Test
    void theHousingCompanySeesItsActionItemUnderMyActionItemsAndMarksItDone() {
        long meeting = meeting("2027-01-12T18:00");
        long item = coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "Byt lampan i gångtunneln",
                "responsibleOrganisationId", housing.id(), "dueDate", "2027-01-31")).json().get("id").asLong();

        User partner = fixtures.user(Set.of(Role.PARTNER), housing);
        Http browser = new Http(server).withSession(fixtures.session(partner));
        assertThat(browser.get("/action-items/mine").body()).contains("Byt lampan i gångtunneln").contains("2027-01-31");
        browser.get("/action-items/" + item);
        assertThat(browser.postForm("/action-items/" + item + "/state", Map.of("state", "DONE")).status()).isEqualTo(303);
        assertThat(browser.get("/action-items/" + item).body()).contains("Klar");
        assertThat(browser.get("/action-items/mine").body()).doesNotContain("Byt lampan i gångtunneln");

        Http policeApi = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), police)));
        assertThat(policeApi.getJson("/api/v1/action-items/" + item).json().get("state").asText()).isEqualTo("DONE");
        assertThat(policeApi.postJson("/api/v1/action-items/" + item + "/state", Map.of("state", "OPEN")).status())
                .as("another member organisation sees it but does not own it").isEqualTo(403);
    }

    @Test
    void whenAGroupMovesToAnotherAreaItsMeetingsActionItemsShowInThatAreasSituationPicture() {
        long meeting = meeting("2027-01-12T18:00");
        coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "Röj buskarna vid gångvägen",
                "responsibleOrganisationId", housing.id()));
        Area other = server.services().areas().create(null, new AreaInput(Fixtures.unique("Andersberg"), "Gävle", null));
        assertThat(coordinatorApi.putJson("/api/v1/network-groups/" + group, Map.of("areaId", other.id(), "name", "Nätverket",
                "memberOrganisationIds", List.of(municipality.id(), housing.id(), police.id()),
                "coordinatorUserIds", List.of(coordinator.id()))).status()).isEqualTo(200);

        String window = "?from=2026-11-01&to=2027-02-01";
        assertThat(coordinatorApi.getJson("/api/v1/areas/" + other.id() + "/situation" + window).body()).contains("Röj buskarna");
        assertThat(coordinatorApi.getJson("/api/v1/areas/" + area.id() + "/situation" + window).body()).doesNotContain("Röj buskarna");
    }

    @Test
    void openItemsOfEarlierMeetingsComeUpUnderTheFollowUpOfTheNextUntilTheyAreClosed() {
        long january = meeting("2027-01-12T18:00");
        long february = meeting("2027-02-09T18:00");
        long item = coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", january, "title", "Kartlägg mörka stråk",
                "responsibleOrganisationId", police.id())).json().get("id").asLong();
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        assertThat(browser.get("/meetings/" + february).body()).contains("Uppföljning av tidigare möten").contains("Kartlägg mörka stråk");
        assertThat(browser.get("/meetings/" + january).body()).doesNotContain("Uppföljning av tidigare möten");
        coordinatorApi.postJson("/api/v1/action-items/" + item + "/state", Map.of("state", "CANCELLED"));
        assertThat(browser.get("/meetings/" + february).body()).doesNotContain("Kartlägg mörka stråk");
    }

    @Test
    void aLongFollowUpShowsTheItemsDueFirstAndTheRestOneLinkAway() {
        long january = meeting("2027-01-12T18:00");
        long february = meeting("2027-02-09T18:00");
        for (int day = 1; day <= MeetingPages.FOLLOW_UP_SHOWN + 1; day++) {
            coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", january, "title", "Punkt " + day + " att följa upp",
                    "responsibleOrganisationId", housing.id(), "dueDate", String.format("2027-03-%02d", day)));
        }
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        String page = browser.get("/meetings/" + february).body();
        assertThat(page).contains("Punkt 1 att följa upp").contains("Punkt " + MeetingPages.FOLLOW_UP_SHOWN + " att följa upp")
                .as("the one due last waits behind the link").doesNotContain("Punkt " + (MeetingPages.FOLLOW_UP_SHOWN + 1) + " att följa upp")
                .contains("Här visas de " + MeetingPages.FOLLOW_UP_SHOWN + " som ska vara klara först.")
                .contains("href=\"/meetings/" + february + "?followUp=all#follow-up-heading\"");
        String all = browser.get("/meetings/" + february + "?followUp=all").body();
        assertThat(all).contains("Punkt " + (MeetingPages.FOLLOW_UP_SHOWN + 1) + " att följa upp").doesNotContain("Visa alla");
    }

    @Test
    void myActionItemsComeAPageAtATimeWithALinkToTheNext() {
        long meeting = meeting("2027-01-12T18:00");
        for (int n = 1; n <= ActionItemPages.MINE_PAGE + 1; n++) {
            item(meeting, "Uppdrag nummer " + n + ".", housing);
        }
        Http browser = new Http(server).withSession(fixtures.session(fixtures.user(Set.of(Role.PARTNER), housing)));
        String first = browser.get("/action-items/mine").body();
        assertThat(first).contains("Uppdrag nummer 1.").contains("Uppdrag nummer " + ActionItemPages.MINE_PAGE + ".")
                .doesNotContain("Uppdrag nummer " + (ActionItemPages.MINE_PAGE + 1) + ".").contains("Nästa sida");
        String next = first.replaceAll("(?s).*href=\"(/action-items/mine\\?after=\\d+)\".*", "$1");
        assertThat(browser.get(next).body()).contains("Uppdrag nummer " + (ActionItemPages.MINE_PAGE + 1) + ".")
                .doesNotContain("Uppdrag nummer 1.").doesNotContain("Nästa sida");
    }

    @Test
    void anOrganisationInternalItemIsSeenByThatOrganisationAloneNotEvenByAdmins() {
        long meeting = meeting("2027-03-09T18:00");
        User housingCoordinator = fixtures.user(Set.of(Role.COORDINATOR), housing);
        coordinatorApi.putJson("/api/v1/network-groups/" + group, Map.of("areaId", area.id(), "name", "Nätverket",
                "memberOrganisationIds", List.of(municipality.id(), housing.id(), police.id()),
                "coordinatorUserIds", List.of(coordinator.id(), housingCoordinator.id())));
        Http housingApi = new Http(server).bearer(fixtures.token(housingCoordinator));
        assertThat(housingApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "Polisens internt",
                "responsibleOrganisationId", police.id(), "visibility", "ORGANISATION")).status())
                .as("an internal item must be the author's own organisation's").isEqualTo(422);
        long internal = housingApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "Hyresgäst i trappa 3 (internt)",
                "responsibleOrganisationId", housing.id(), "visibility", "ORGANISATION")).json().get("id").asLong();

        assertThat(housingApi.putJson("/api/v1/action-items/" + internal, Map.of("meetingId", meeting, "title", "Hyresgäst i trappa 3 (internt)",
                "responsibleOrganisationId", housing.id(), "dueDate", "2027-04-01")).json().get("visibility").asText())
                .as("a change that leaves out the visibility keeps it internal").isEqualTo("ORGANISATION");
        Http colleague = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), housing)));
        assertThat(colleague.getJson("/api/v1/action-items/" + internal).status()).isEqualTo(200);
        for (Http outsider : List.of(coordinatorApi, new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.PARTNER), police))),
                new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.ADMIN)))))) {
            assertThat(outsider.getJson("/api/v1/action-items/" + internal).status()).isEqualTo(403);
            assertThat(outsider.getJson("/api/v1/action-items?meetingId=" + meeting).body()).doesNotContain("trappa 3");
            assertThat(outsider.getJson("/api/v1/action-items/" + internal + "/comments").status()).isEqualTo(403);
        }
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        assertThat(browser.get("/meetings/" + meeting).body()).doesNotContain("trappa 3");
        assertThat(browser.get("/meetings/" + meeting(("2027-04-13T18:00"))).body()).doesNotContain("trappa 3");
    }

    @Test
    void badInputGetsAClearErrorAndNothingIsStored() {
        long meeting = meeting("2027-05-11T18:00");
        assertThat(errors(coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "")))).contains("title",
                "responsibleOrganisationId");
        assertThat(errors(coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", 987654321L, "title", "x",
                "responsibleOrganisationId", housing.id())))).containsExactly("meetingId");
        assertThat(errors(coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "x".repeat(1_000_000),
                "responsibleOrganisationId", housing.id())))).containsExactly("title");
        assertThat(errors(coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "x",
                "responsibleOrganisationId", housing.id(), "responsibleUserId", coordinator.id())))).containsExactly("responsibleUserId");
        assertThat(coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "x",
                "responsibleOrganisationId", housing.id(), "visibility", "SECRET")).status()).isEqualTo(400);
        assertThat(coordinatorApi.getJson("/api/v1/action-items?meetingId=" + meeting).json().get("items")).isEmpty();

        long item = coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "Städdag",
                "responsibleOrganisationId", housing.id())).json().get("id").asLong();
        assertThat(coordinatorApi.postJson("/api/v1/action-items/" + item + "/state", Map.of("state", "FINISHED")).status()).isEqualTo(400);
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        browser.get("/action-items/" + item);
        Http.Response empty = browser.postForm("/action-items/" + item + "/comments", Map.of("text", "  "));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("Fyll i fältet.");
        browser.get("/meetings/" + meeting);
        Http.Response refused = browser.postForm("/meetings/" + meeting + "/action-items", Map.of("title", "Måla om tunneln",
                "responsibleOrganisationId", "", "dueDate", "snart"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"Måla om tunneln\"").contains("value=\"snart\"").contains("Ange ett datum");
    }

    @Test
    void noActionItemIsRecordedAtACancelledMeeting() {
        long meeting = meeting("2027-06-08T18:00");
        coordinatorApi.postJson("/api/v1/meetings/" + meeting + "/cancel", Map.of("reason", "Midsommar"));
        assertThat(errors(coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "x",
                "responsibleOrganisationId", housing.id())))).containsExactly("meetingId");
        assertThat(new Http(server).withSession(fixtures.session(coordinator)).get("/meetings/" + meeting).body())
                .doesNotContain("Lägg till åtgärdspunkt").doesNotContain("Spara dagordningen");
    }

    @Test
    void aCoordinatorEditsAnItemOnItsPageNamesAPersonAndTheChangeIsAudited() {
        long meeting = meeting("2027-08-10T18:00");
        long item = coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "Byt lampan",
                "responsibleOrganisationId", housing.id())).json().get("id").asLong();
        User caretaker = fixtures.user(Set.of(Role.PARTNER), housing);
        Http browser = new Http(server).withSession(fixtures.session(coordinator));

        assertThat(browser.get("/action-items/" + item).body()).contains("href=\"/action-items/" + item + "/edit\"");
        Http.Response form = browser.get("/action-items/" + item + "/edit");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("name=\"_csrf\"").contains("<optgroup label=\"" + housing.name() + "\">")
                .contains("<option value=\"" + caretaker.id() + "\">" + caretaker.name() + "</option>");
        Http.Response saved = browser.postForm("/action-items/" + item + "/edit", Map.of("title", "Byt lampan i gångtunneln",
                "responsibleOrganisationId", Long.toString(housing.id()), "responsibleUserId", Long.toString(caretaker.id()),
                "dueDate", "2027-09-01", "visibility", "NETWORK"));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.location()).endsWith("/action-items/" + item + "?saved=true");

        JsonNode changed = coordinatorApi.getJson("/api/v1/action-items/" + item).json();
        assertThat(changed.get("title").asText()).isEqualTo("Byt lampan i gångtunneln");
        assertThat(changed.get("responsibleUserId").asLong()).isEqualTo(caretaker.id());
        assertThat(changed.get("dueDate").asText()).isEqualTo("2027-09-01");
        assertThat(browser.get("/action-items/" + item + "?saved=true").body()).contains("Ändringarna är sparade")
                .contains(caretaker.name());
        Http admin = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.ADMIN))));
        assertThat(admin.getJson("/api/v1/audit?entityType=action_item&entityId=" + item).json().get("items").findValuesAsText("summary"))
                .anySatisfy(summary -> assertThat(summary).contains("Changed action item #" + item).contains("person #" + caretaker.id()));
    }

    @Test
    void thePersonNamedSeesTheItemWithTheirNameUnderMyActionItems() {
        long meeting = meeting("2027-08-17T18:00");
        User caretaker = fixtures.user(Set.of(Role.PARTNER), housing);
        long item = item(meeting, "Röj buskaget vid torget", housing);
        nameResponsiblePerson(item, "Röj buskaget vid torget", housing, caretaker);

        Http own = new Http(server).withSession(fixtures.session(caretaker));
        assertThat(own.get("/action-items/mine").body()).contains("Röj buskaget vid torget").contains(caretaker.name());
        assertThat(own.get("/action-items/" + item).body()).contains("Ansvarig person").contains(caretaker.name())
                .as("a partner moves it along but does not edit it").doesNotContain("/action-items/" + item + "/edit");
    }

    @Test
    void myActionItemsAreThoseOfMyPersonAndOrganisationNotEveryItemTheNetworkShowsMePagedInOrder() {
        long meeting = meeting("2027-08-31T18:00");
        User officer = fixtures.user(Set.of(Role.PARTNER), police);
        long shared = item(meeting, "Laga staketet", housing);
        long ofPolice = item(meeting, "Kvällspatrull", police);
        long ofOfficer = item(meeting, "Prata med skolan", housing);
        nameResponsiblePerson(ofOfficer, "Prata med skolan", police, officer);

        Http officerApi = new Http(server).bearer(fixtures.token(officer));
        assertThat(officerApi.getJson("/api/v1/action-items?meetingId=" + meeting).json().get("items").findValuesAsText("id"))
                .as("the network's items are all visible to a member").contains(Long.toString(shared));
        JsonNode first = officerApi.getJson("/api/v1/action-items?mine=true&meetingId=" + meeting + "&limit=1").json();
        assertThat(first.get("items").findValuesAsText("id")).containsExactly(Long.toString(ofPolice));
        JsonNode second = officerApi.getJson("/api/v1/action-items?mine=true&meetingId=" + meeting + "&limit=1&after="
                + first.get("nextAfter").asLong()).json();
        assertThat(second.get("items").findValuesAsText("id")).containsExactly(Long.toString(ofOfficer));
        assertThat(second.get("nextAfter").isNull()).isTrue();
        assertThat(new Http(server).withSession(fixtures.session(officer)).get("/action-items/mine").body())
                .contains("Kvällspatrull").contains("Prata med skolan").doesNotContain("Laga staketet");
    }

    @Test
    void aPersonOutsideTheResponsibleOrganisationIsRefusedOnThePageAndNothingChanges() {
        long meeting = meeting("2027-08-24T18:00");
        long item = coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "Kartlägg mörka stråk",
                "responsibleOrganisationId", housing.id(), "dueDate", "2027-09-30")).json().get("id").asLong();
        User officer = fixtures.user(Set.of(Role.PARTNER), police);
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        browser.get("/action-items/" + item + "/edit");

        Http.Response refused = browser.postForm("/action-items/" + item + "/edit", Map.of("title", "Kartlägg alla mörka stråk",
                "responsibleOrganisationId", Long.toString(housing.id()), "responsibleUserId", Long.toString(officer.id()),
                "dueDate", "2027-10-15", "visibility", "NETWORK"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Personen är inte aktiv medlem i den ansvariga organisationen")
                .contains("href=\"#responsibleUserId\"").contains("aria-describedby=\"responsibleUserId-hint responsibleUserId-error\"")
                .contains("<option value=\"" + officer.id() + "\" selected>").contains("value=\"Kartlägg alla mörka stråk\"")
                .contains("value=\"2027-10-15\"");
        JsonNode unchanged = coordinatorApi.getJson("/api/v1/action-items/" + item).json();
        assertThat(unchanged.get("title").asText()).isEqualTo("Kartlägg mörka stråk");
        assertThat(unchanged.get("responsibleUserId").isNull()).isTrue();
        assertThat(unchanged.get("dueDate").asText()).isEqualTo("2027-09-30");
    }

    @Test
    void aRefusedEditFormKeepsEveryTypedValueAndSaysWhatIsWrongBesideEachField() {
        long meeting = meeting("2027-08-31T18:00");
        long item = coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "Städdag",
                "responsibleOrganisationId", municipality.id())).json().get("id").asLong();
        User colleague = fixtures.user(Set.of(Role.PARTNER), municipality);
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        browser.get("/action-items/" + item + "/edit");

        Http.Response refused = browser.postForm("/action-items/" + item + "/edit", Map.of("title", "Städdag i Sättra",
                "responsibleOrganisationId", Long.toString(municipality.id()), "responsibleUserId", Long.toString(colleague.id()),
                "dueDate", "i vår", "visibility", "ORGANISATION"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Något behöver rättas").contains("Ange ett datum").contains("href=\"#dueDate\"")
                .contains("aria-describedby=\"dueDate-hint dueDate-error\"")
                .contains("value=\"Städdag i Sättra\"").contains("value=\"i vår\"")
                .contains("<option value=\"" + municipality.id() + "\" selected>")
                .contains("<option value=\"" + colleague.id() + "\" selected>")
                .contains("value=\"ORGANISATION\" checked");
        assertThat(coordinatorApi.getJson("/api/v1/action-items/" + item).json().get("title").asText()).isEqualTo("Städdag");
    }

    @Test
    void aPartnerWhoDoesNotCoordinateTheGroupMayNotOpenTheEditPage() {
        long meeting = meeting("2027-09-07T18:00");
        long item = coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "Ny belysning",
                "responsibleOrganisationId", housing.id())).json().get("id").asLong();
        Http partner = new Http(server).withSession(fixtures.session(fixtures.user(Set.of(Role.PARTNER), housing)));
        assertThat(partner.get("/action-items/" + item).body()).doesNotContain("/action-items/" + item + "/edit");
        assertThat(partner.get("/action-items/" + item + "/edit").status()).isEqualTo(403);
        assertThat(partner.postForm("/action-items/" + item + "/edit", Map.of("title", "Kapad", "responsibleOrganisationId",
                Long.toString(housing.id()))).status()).isEqualTo(403);
        assertThat(coordinatorApi.getJson("/api/v1/action-items/" + item).json().get("title").asText()).isEqualTo("Ny belysning");
    }

    @Test
    void theApiRefusesAResponsiblePersonWhoIsNotAnActiveMemberOfTheResponsibleOrganisation() {
        long meeting = meeting("2027-09-14T18:00");
        long item = coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "Trygghetsvandring",
                "responsibleOrganisationId", housing.id())).json().get("id").asLong();
        User officer = fixtures.user(Set.of(Role.PARTNER), police);
        User leaver = fixtures.user(Set.of(Role.PARTNER), housing);
        server.services().users().setActive(Fixtures.principal(fixtures.user(Set.of(Role.ADMIN))), leaver.id(), false);

        for (User person : List.of(officer, leaver)) {
            assertThat(errors(coordinatorApi.putJson("/api/v1/action-items/" + item, Map.of("meetingId", meeting,
                    "title", "Trygghetsvandring", "responsibleOrganisationId", housing.id(), "responsibleUserId", person.id()))))
                    .containsExactly("responsibleUserId");
            assertThat(errors(coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting,
                    "title", "Trygghetsvandring", "responsibleOrganisationId", housing.id(), "responsibleUserId", person.id()))))
                    .containsExactly("responsibleUserId");
        }
        assertThat(coordinatorApi.getJson("/api/v1/action-items/" + item).json().get("responsibleUserId").isNull()).isTrue();
        assertThat(coordinatorApi.getJson("/api/v1/action-items?meetingId=" + meeting).json().get("items")).hasSize(1);
    }

    @Test
    void theMeetingPageFormNamesAPersonOfTheResponsibleOrganisationOnly() {
        long meeting = meeting("2027-10-05T18:00");
        User caretaker = fixtures.user(Set.of(Role.PARTNER), housing);
        User officer = fixtures.user(Set.of(Role.PARTNER), police);
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        assertThat(browser.get("/meetings/" + meeting).body()).contains("<optgroup label=\"" + housing.name() + "\">")
                .contains("id=\"action-responsibleUserId\"");
        Http.Response refused = browser.postForm("/meetings/" + meeting + "/action-items", Map.of("title", "Röj",
                "responsibleOrganisationId", Long.toString(housing.id()), "responsibleUserId", Long.toString(officer.id()), "visibility", "NETWORK"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("href=\"#action-responsibleUserId\"").contains("<option value=\"" + officer.id() + "\" selected>")
                .contains("aria-describedby=\"action-responsibleUserId-hint action-responsibleUserId-error\"");
        assertThat(browser.postForm("/meetings/" + meeting + "/action-items", Map.of("title", "Röj",
                "responsibleOrganisationId", Long.toString(housing.id()), "responsibleUserId", Long.toString(caretaker.id()), "visibility", "NETWORK")).status()).isEqualTo(303);
        assertThat(coordinatorApi.getJson("/api/v1/action-items?meetingId=" + meeting).json().get("items").get(0).get("responsibleUserId").asLong()).isEqualTo(caretaker.id());
        Http partner = new Http(server).withSession(fixtures.session(caretaker));
        assertThat(partner.get("/meetings/" + meeting).body()).doesNotContain("action-responsibleUserId");
    }

    private long item(long meeting, String title, Organisation responsible) {
        return coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", title,
                "responsibleOrganisationId", responsible.id())).json().get("id").asLong();
    }

    /** The coordinator names a responsible person on the item's edit page. */
    private void nameResponsiblePerson(long item, String title, Organisation organisation, User person) {
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        browser.get("/action-items/" + item + "/edit");
        assertThat(browser.postForm("/action-items/" + item + "/edit", Map.of("title", title,
                "responsibleOrganisationId", Long.toString(organisation.id()), "responsibleUserId", Long.toString(person.id()),
                "visibility", "NETWORK")).status()).isEqualTo(303);
    }

    private long meeting(String start) {
        return coordinatorApi.postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "Nätverksmöte", "start", start,
                "end", start.substring(0, 11) + "19:30")).json().get("id").asLong();
    }

    private static List<String> errors(Http.Response response) {
        assertThat(response.status()).as(response.body().length() > 300 ? response.body().substring(0, 300) : response.body()).isEqualTo(422);
        return response.json().get("errors").findValuesAsText("field");
    }
}
