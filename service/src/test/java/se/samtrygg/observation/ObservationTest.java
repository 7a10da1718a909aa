package se.samtrygg.observation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.area.PlaceInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/**
 * Observations, through HTTP: a night walker logs what they saw, hands a broken lamp to the housing company, the housing
 * company closes it and the walker sees that it is done; who sees what follows the record's visibility.
 */
class ObservationTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
    private final long underpass = server.services().areas().addPlace(null, area.id(), new PlaceInput("Gångtunneln", null)).id();
    private final long square = server.services().areas().addPlace(null, area.id(), new PlaceInput("Torget", null)).id();
    private final Organisation walkers = fixtures.organisation(OrganisationType.ASSOCIATION);
    private final Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
    private final Organisation police = fixtures.organisation(OrganisationType.POLICE);
    private final Organisation outsider = fixtures.organisation(OrganisationType.BUSINESS);
    private final User coordinator = fixtures.user(Set.of(Role.COORDINATOR));
    private final long group = server.services().networkGroups().create(null, new NetworkGroupInput(area.id(), "Nätverket Sättra",
            List.of(walkers.id(), housing.id(), police.id()), List.of(coordinator.id()))).id();
    private final User walker = fixtures.user(Set.of(Role.PARTNER), walkers);
    private final User caretaker = fixtures.user(Set.of(Role.PARTNER), housing);
    private final Http walkerApi = api(walker);
    private final long lighting = category("Belysning");
    private final long vandalism = category("Skadegörelse");

    @Test
    void aWalkerLogsAnObservationOnItsOwnAndOneDuringANightWalkThatTakesAreaPlaceAndTimeFromIt() {
        Http.Response alone = walkerApi.postJson("/api/v1/observations", Map.of("areaId", area.id(), "placeId", square,
                "observedAt", "2025-10-03T21:15", "categoryId", vandalism, "description", "Klotter på busskuren"));
        assertThat(alone.status()).isEqualTo(201);
        assertThat(alone.json().get("organisationId").asLong()).as("the author's only organisation").isEqualTo(walkers.id());
        assertThat(alone.json().get("visibility").asText()).isEqualTo("NETWORK");
        assertThat(alone.json().get("placeName").asText()).isEqualTo("Torget");
        assertThat(alone.json().get("observedAt").asText()).isEqualTo("2025-10-03T19:15:00Z");

        long walk = TestActivities.nightWalk(server, walkers.id(), area.id(), underpass, LocalDateTime.of(2025, 10, 10, 22, 0), "NETWORK");
        Http browser = browser(walker);
        String form = browser.get("/observations/new?activityId=" + walk).body();
        assertThat(form).contains("name=\"activityId\" value=\"" + walk + "\"").contains("value=\"2025-10-10\"").contains("value=\"22:00\"")
                .contains("<option value=\"" + underpass + "\" selected>Gångtunneln</option>");
        Http.Response logged = browser.postForm("/observations", Map.of("activityId", Long.toString(walk),
                "categoryId", Long.toString(lighting), "description", "Lampan i gångtunneln är trasig", "visibility", "NETWORK"));
        assertThat(logged.status()).isEqualTo(303);
        long id = Long.parseLong(logged.location().replaceAll(".*/observations/(\\d+).*", "$1"));
        JsonNode during = walkerApi.getJson("/api/v1/observations/" + id).json();
        assertThat(during.get("activityId").asLong()).isEqualTo(walk);
        assertThat(during.get("areaId").asLong()).isEqualTo(area.id());
        assertThat(during.get("placeId").asLong()).isEqualTo(underpass);
        assertThat(during.get("observedAt").asText()).isEqualTo("2025-10-10T20:00:00Z");
        assertThat(browser.get("/observations/" + id).body()).contains("Lampan i gångtunneln är trasig").contains("Lämna över");
        assertThat(browser.get("/observations?activityId=" + walk).body()).contains("Lampan i gångtunneln är trasig")
                .contains("Inte överlämnad");
        assertThat(walkerApi.getJson("/api/v1/observations?activityId=" + walk).json().get("items")).hasSize(1);

        Http.Response foreign = api(fixtures.user(Set.of(Role.PARTNER), police)).postJson("/api/v1/observations", Map.of(
                "activityId", walk, "categoryId", lighting));
        assertThat(errors(foreign)).as("another organisation's activity").contains("activityId");
    }

    @Test
    void eachVisibilityReachesItsReadersAndAnOrganisationObservationNobodyElseNotEvenAdmins() {
        long open = log("PUBLIC", "Trasig bänk");
        long network = log("NETWORK", "Krossad ruta i porten");
        long internal = log("ORGANISATION", "Internt: oroliga grannar i trappa 3");
        Http colleague = api(fixtures.user(Set.of(Role.PARTNER), walkers));
        Http housingApi = api(caretaker);
        Http coordinatorApi = api(coordinator);
        Http admin = api(fixtures.user(Set.of(Role.ADMIN)));
        Http stranger = api(fixtures.user(Set.of(Role.PARTNER), outsider));

        for (long id : List.of(open, network, internal)) {
            assertThat(colleague.getJson("/api/v1/observations/" + id).status()).isEqualTo(200);
        }
        for (Http reader : List.of(housingApi, coordinatorApi, admin)) {
            assertThat(reader.getJson("/api/v1/observations/" + open).status()).isEqualTo(200);
            assertThat(reader.getJson("/api/v1/observations/" + network).status()).isEqualTo(200);
            assertThat(reader.getJson("/api/v1/observations/" + internal).status()).as("not found, not refused").isEqualTo(404);
            assertThat(reader.getJson("/api/v1/observations?areaId=" + area.id()).body()).contains("Krossad ruta")
                    .doesNotContain("trappa 3");
        }
        assertThat(stranger.getJson("/api/v1/observations/" + open).status()).isEqualTo(200);
        assertThat(stranger.getJson("/api/v1/observations/" + network).status()).isEqualTo(404);
        assertThat(stranger.getJson("/api/v1/observations/" + internal).status()).isEqualTo(404);
        assertThat(stranger.getJson("/api/v1/observations?areaId=" + area.id()).body()).contains("Trasig bänk")
                .doesNotContain("Krossad ruta").doesNotContain("trappa 3");

        Http adminBrowser = browser(fixtures.user(Set.of(Role.ADMIN)));
        assertThat(adminBrowser.get("/observations/" + internal).status()).isEqualTo(404);
        assertThat(adminBrowser.get("/observations?areaId=" + area.id()).body()).contains("Krossad ruta").doesNotContain("trappa 3");
        assertThat(browser(walker).get("/observations?areaId=" + area.id()).body()).contains("trappa 3");
    }

    @Test
    void theHousingCompanyGetsTheLampAsAnActionItemClosesItAndTheWalkerSeesItDone() {
        long id = log("NETWORK", "Lampan i gångtunneln är trasig");
        Http browser = browser(walker);
        String page = browser.get("/observations/" + id).body();
        assertThat(page).contains("Lämna över").contains("Belysning, Gångtunneln: Lampan i gångtunneln är trasig");
        Http.Response handed = browser.postForm("/observations/" + id + "/handover", Map.of("responsibleOrganisationId",
                Long.toString(housing.id()), "dueDate", "2025-11-01", "title", "Byt lampan i gångtunneln"));
        assertThat(handed.status()).isEqualTo(303);
        JsonNode observation = walkerApi.getJson("/api/v1/observations/" + id).json();
        long item = observation.get("actionItemId").asLong();
        assertThat(observation.get("handedToOrganisationName").asText()).isEqualTo(housing.name());
        assertThat(observation.get("actionItemState").asText()).isEqualTo("OPEN");

        Http housingApi = api(caretaker);
        JsonNode actionItem = housingApi.getJson("/api/v1/action-items/" + item).json();
        assertThat(actionItem.get("meetingId").isNull()).isTrue();
        assertThat(actionItem.get("networkGroupId").asLong()).as("the area's network group").isEqualTo(group);
        assertThat(actionItem.get("areaId").asLong()).isEqualTo(area.id());
        assertThat(actionItem.get("visibility").asText()).isEqualTo("NETWORK");
        assertThat(actionItem.get("fromObservation").asBoolean()).isTrue();

        Http housingBrowser = browser(caretaker);
        assertThat(housingBrowser.get("/action-items/mine").body()).contains("Byt lampan i gångtunneln").contains("2025-11-01");
        assertThat(housingBrowser.get("/action-items/" + item).body()).contains("href=\"/observations/" + id + "\"");
        assertThat(housingBrowser.postForm("/action-items/" + item + "/state", Map.of("state", "DONE")).status()).isEqualTo(303);
        assertThat(housingBrowser.get("/action-items/mine").body()).doesNotContain("Byt lampan i gångtunneln");

        assertThat(walkerApi.getJson("/api/v1/observations/" + id).json().get("actionItemState").asText()).isEqualTo("DONE");
        assertThat(walkerApi.getJson("/api/v1/observations/" + id).json().get("actionItemClosedAt").isNull()).isFalse();
        assertThat(browser.get("/observations/" + id).body()).contains("Överlämnad till").contains(housing.name()).contains("Klar")
                .contains("avslutad");
        assertThat(browser.get("/observations?handedOver=yes&areaId=" + area.id()).body()).contains("Klar");
        assertThat(browser.get("/observations?handedOver=no&areaId=" + area.id()).body()).doesNotContain("gångtunneln är trasig");

        Http.Response again = walkerApi.postJson("/api/v1/observations/" + id + "/handover", Map.of("responsibleOrganisationId", police.id()));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("already handed over");
        assertThat(housingApi.getJson("/api/v1/action-items?mine=true").body()).contains("Byt lampan i gångtunneln");
        assertThat(walkerApi.postJson("/api/v1/observations/" + id + "/handover", Map.of()).status())
                .as("nothing more was created").isEqualTo(422);
        assertThat(walkerApi.delete("/api/v1/observations/" + id).status()).as("a handed-over observation stays").isEqualTo(422);
    }

    @Test
    void aHandedOverOrganisationObservationStaysBetweenTheTwoOrganisations() {
        long id = log("ORGANISATION", "Internt: trasigt lås i källaren");
        Http.Response handed = walkerApi.postJson("/api/v1/observations/" + id + "/handover", Map.of("responsibleOrganisationId",
                housing.id()));
        assertThat(handed.status()).isEqualTo(201);
        long item = handed.json().get("actionItemId").asLong();
        assertThat(handed.location()).endsWith("/api/v1/action-items/" + item);

        Http housingApi = api(caretaker);
        JsonNode actionItem = housingApi.getJson("/api/v1/action-items/" + item).json();
        assertThat(actionItem.get("visibility").asText()).isEqualTo("ORGANISATION");
        assertThat(actionItem.get("title").asText()).as("made from category, place and description")
                .isEqualTo("Belysning, Gångtunneln: Internt: trasigt lås i källaren");
        String page = browser(caretaker).get("/action-items/" + item).body();
        assertThat(page).contains("kommer från en observation").doesNotContain("/observations/" + id);
        assertThat(housingApi.getJson("/api/v1/observations/" + id).status()).isEqualTo(404);

        for (Http third : List.of(api(fixtures.user(Set.of(Role.PARTNER), police)), api(coordinator),
                api(fixtures.user(Set.of(Role.ADMIN))))) {
            assertThat(third.getJson("/api/v1/action-items/" + item).status()).isEqualTo(403);
            assertThat(third.getJson("/api/v1/action-items?networkGroupId=" + group).body()).doesNotContain("källaren");
        }
        Http coordinatorBrowser = browser(coordinator);
        long meeting = api(coordinator).postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "Nätverksmöte",
                "start", "2030-01-15T18:00", "end", "2030-01-15T19:00")).json().get("id").asLong();
        assertThat(coordinatorBrowser.get("/meetings/" + meeting).body()).doesNotContain("källaren");
        assertThat(walkerApi.getJson("/api/v1/action-items/" + item).status()).as("the organisation that handed it over follows it")
                .isEqualTo(200);
    }

    @Test
    void aDateInAFarOffYearIsRefusedOnItsFieldRatherThanFailing() {
        Http.Response list = walkerApi.getJson("/api/v1/observations?to=%2B999999999-12-31");
        assertThat(list.status()).isEqualTo(422);
        assertThat(list.body()).contains("\"to\"").contains("2000");
        long id = log("NETWORK", "Klotter på elskåpet");
        Http.Response handed = walkerApi.postJson("/api/v1/observations/" + id + "/handover", Map.of("responsibleOrganisationId",
                housing.id(), "dueDate", "9999-12-31"));
        assertThat(handed.status()).isEqualTo(422);
        assertThat(handed.body()).contains("dueDate");
        assertThat(walkerApi.getJson("/api/v1/observations/" + id).json().get("actionItemId").isNull()).as("not handed over").isTrue();
    }

    @Test
    void aHandedOverObservationKeepsTheAreaAndVisibilityItsActionItemWasGivenButItsWordsCanBeCorrected() {
        long id = log("NETWORK", "Lampan vid cykelstället är trasig");
        assertThat(walkerApi.postJson("/api/v1/observations/" + id + "/handover", Map.of("responsibleOrganisationId", housing.id()))
                .status()).isEqualTo(201);
        String before = walkerApi.getJson("/api/v1/observations/" + id).body();

        Http.Response narrowed = walkerApi.putJson("/api/v1/observations/" + id, Map.of("areaId", area.id(), "placeId", underpass,
                "observedAt", "2025-10-03T21:15", "categoryId", lighting, "description", "Lampan vid cykelstället är trasig",
                "visibility", "ORGANISATION"));
        assertThat(narrowed.status()).isEqualTo(422);
        assertThat(narrowed.body()).contains("visibility").contains("handed over");
        assertThat(walkerApi.getJson("/api/v1/observations/" + id).body()).as("nothing changed").isEqualTo(before);

        Http.Response corrected = walkerApi.putJson("/api/v1/observations/" + id, Map.of("areaId", area.id(), "placeId", underpass,
                "observedAt", "2025-10-03T21:15", "categoryId", lighting, "description", "Två lampor vid cykelstället är trasiga",
                "visibility", "NETWORK"));
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    }

    @Test
    void anItemHandedOverWhereTheAreaHasNoGroupWorksOnEveryPageAndInTheCalendar() {
        Area lonely = server.services().areas().create(null, new AreaInput(Fixtures.unique("Brynäs"), "Gävle", null));
        long id = walkerApi.postJson("/api/v1/observations", Map.of("areaId", lonely.id(), "observedAt", "2025-09-01T20:00",
                "categoryId", lighting, "description", "Mörkt vid lekplatsen")).json().get("id").asLong();
        long item = walkerApi.postJson("/api/v1/observations/" + id + "/handover", Map.of("responsibleOrganisationId", housing.id(),
                "dueDate", java.time.LocalDate.now().plusDays(10).toString())).json().get("actionItemId").asLong();
        Http housingApi = api(caretaker);
        assertThat(housingApi.getJson("/api/v1/action-items/" + item).json().get("networkGroupId").isNull()).isTrue();
        Http housingBrowser = browser(caretaker);
        assertThat(housingBrowser.get("/action-items/" + item).status()).isEqualTo(200);
        assertThat(housingBrowser.get("/action-items/mine").body()).contains("Mörkt vid lekplatsen");
        assertThat(browser(walker).get("/action-items/" + item).body()).contains("href=\"/observations/" + id + "\"");
        String feedUrl = server.services().calendarFeeds().issue(server.services().users().principalOf(caretaker.id()), null,
                server.url("/")).url();
        Http.Response feed = new Http(server).get(feedUrl.substring(server.url("").length()));
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.body().replace("\r\n ", "")).contains("action-item-" + item + "@samtrygg").contains("Från en observation");
        assertThat(housingBrowser.postForm("/action-items/" + item + "/state", Map.of("state", "IN_PROGRESS")).status()).isEqualTo(303);
        assertThat(walkerApi.getJson("/api/v1/observations/" + id).json().get("actionItemState").asText()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void actionItemsFromMeetingsHaveTheAreaOfTheirGroup() {
        long meeting = api(coordinator).postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "Nätverksmöte",
                "start", "2030-02-12T18:00", "end", "2030-02-12T19:00")).json().get("id").asLong();
        JsonNode item = api(coordinator).postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", "Röj buskaget",
                "responsibleOrganisationId", housing.id())).json();
        assertThat(item.get("areaId").asLong()).isEqualTo(area.id());
        assertThat(item.get("fromObservation").asBoolean()).isFalse();
    }

    @Test
    void aRefusedFormKeepsEverythingTypedAndStoresNothing() {
        Http browser = browser(walker);
        browser.get("/observations/new");
        long before = count();
        Map<String, String> typed = new HashMap<>(Map.of("areaId", Long.toString(area.id()), "placeId", Long.toString(underpass),
                "date", "2025-10-03", "time", "kvart över nio", "categoryId", Long.toString(lighting),
                "description", "Mannen 19811218-9876 bråkade vid tunneln", "visibility", "ORGANISATION"));
        Http.Response refused = browser.postForm("/observations", typed);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Mannen 19811218-9876 bråkade vid tunneln").contains("value=\"kvart över nio\"")
                .contains("personnummer").contains("Ange en tid")
                .contains("<option value=\"" + underpass + "\" selected>Gångtunneln</option>")
                .contains("value=\"ORGANISATION\" checked");
        assertThat(count()).isEqualTo(before);

        List<String> fields = errors(walkerApi.postJson("/api/v1/observations", Map.of("placeId", 987654321L,
                "observedAt", "2099-01-01T10:00", "description", "x".repeat(4001))));
        assertThat(fields).contains("placeId", "areaId", "observedAt", "categoryId", "description");
        assertThat(errors(walkerApi.postJson("/api/v1/observations", Map.of("areaId", area.id(), "placeId", placeElsewhere(),
                "observedAt", "2025-10-03T21:00", "categoryId", lighting)))).containsExactly("placeId");
        assertThat(walkerApi.postJson("/api/v1/observations", Map.of("areaId", area.id(), "observedAt", "2025-10-03T21:00",
                "categoryId", lighting, "organisationId", housing.id())).status()).as("only for one's own organisation").isEqualTo(403);
        assertThat(count()).isEqualTo(before);

        long id = log("NETWORK", "Trasig lampa");
        browser.get("/observations/" + id);
        Http.Response noOrganisation = browser.postForm("/observations/" + id + "/handover", Map.of("responsibleOrganisationId", "",
                "dueDate", "snart", "title", "Byt lampan vid torget"));
        assertThat(noOrganisation.status()).isEqualTo(422);
        assertThat(noOrganisation.body()).contains("Byt lampan vid torget").contains("value=\"snart\"").contains("Fyll i fältet.");
        assertThat(walkerApi.getJson("/api/v1/observations/" + id).json().get("actionItemId").isNull()).isTrue();
        assertThat(errors(walkerApi.postJson("/api/v1/observations/" + id + "/handover", Map.of("responsibleOrganisationId", housing.id(),
                "title", "Ring 19811218-9876")))).containsExactly("title");
        assertThat(walkerApi.getJson("/api/v1/observations/" + id).json().get("actionItemId").isNull()).isTrue();

        browser.get("/observations/" + id + "/edit");
        Http.Response badEdit = browser.postForm("/observations/" + id + "/edit", Map.of("areaId", Long.toString(area.id()),
                "date", "2025-10-03", "time", "21:00", "categoryId", Long.toString(lighting), "description", "Ring 811218-9876 om det"));
        assertThat(badEdit.status()).isEqualTo(422);
        assertThat(badEdit.body()).contains("Ring 811218-9876 om det");
        assertThat(walkerApi.getJson("/api/v1/observations/" + id).json().get("description").asText()).isEqualTo("Trasig lampa");
    }

    @Test
    void onlyTheOwningOrganisationCorrectsAndDeletesAndEveryChangeIsAudited() {
        long id = log("NETWORK", "Skräp vid återvinningen");
        Map<String, Object> correction = Map.of("areaId", area.id(), "placeId", square, "observedAt", "2025-10-04T08:30",
                "categoryId", category("Nedskräpning"), "description", "Skräp vid återvinningen, mycket");
        assertThat(api(caretaker).putJson("/api/v1/observations/" + id, correction).status()).isEqualTo(403);
        assertThat(api(fixtures.user(Set.of(Role.ADMIN))).putJson("/api/v1/observations/" + id, correction).status()).isEqualTo(403);
        assertThat(api(fixtures.user(Set.of(Role.ADMIN))).delete("/api/v1/observations/" + id).status()).isEqualTo(403);
        Http colleague = api(fixtures.user(Set.of(Role.PARTNER), walkers));
        JsonNode corrected = colleague.putJson("/api/v1/observations/" + id, correction).json();
        assertThat(corrected.get("categoryName").asText()).isEqualTo("Nedskräpning");
        assertThat(corrected.get("visibility").asText()).as("left out, it stays").isEqualTo("NETWORK");

        Http browser = browser(walker);
        browser.get("/observations/" + id + "/edit");
        assertThat(browser.postForm("/observations/" + id + "/edit", Map.of("areaId", Long.toString(area.id()), "date", "2025-10-04",
                "time", "08:45", "categoryId", Long.toString(lighting), "description", "Rättad", "visibility", "PUBLIC")).status())
                .isEqualTo(303);
        assertThat(walkerApi.getJson("/api/v1/observations/" + id).json().get("visibility").asText()).isEqualTo("PUBLIC");
        assertThat(browser.get("/observations/" + id + "/delete").body()).contains("Ta bort den");
        assertThat(browser.postForm("/observations/" + id + "/delete", Map.of()).status()).isEqualTo(303);
        assertThat(walkerApi.getJson("/api/v1/observations/" + id).status()).isEqualTo(404);

        List<String> summaries = new ArrayList<>();
        server.services().audit().search(Fixtures.principal(fixtures.user(Set.of(Role.ADMIN))),
                        new se.samtrygg.audit.AuditFilter("observation", id, null, null, null, null), null, 20).items()
                .forEach(e -> summaries.add(e.action() + " " + e.summary()));
        assertThat(summaries).hasSize(4).anyMatch(s -> s.startsWith("CREATE")).anyMatch(s -> s.startsWith("DELETE"));
    }

    private long log(String visibility, String description) {
        Http.Response created = walkerApi.postJson("/api/v1/observations", Map.of("areaId", area.id(), "placeId", underpass,
                "observedAt", "2025-10-03T21:15", "categoryId", lighting, "description", description, "visibility", visibility));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asLong();
    }

    private long placeElsewhere() {
        Area other = server.services().areas().create(null, new AreaInput(Fixtures.unique("Andersberg"), "Gävle", null));
        return server.services().areas().addPlace(null, other.id(), new PlaceInput("Parken", null)).id();
    }

    private long count() {
        return se.samtrygg.support.Sql.count(server.database(), "SELECT COUNT(*) FROM observation WHERE area_id = ?", area.id());
    }

    private long category(String name) {
        return server.services().categories().active(CategoryKind.OBSERVATION_CATEGORY).stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow().id();
    }

    private Http api(User user) {
        return new Http(server).bearer(fixtures.token(user));
    }

    private Http browser(User user) {
        Http browser = new Http(server).withSession(fixtures.session(user));
        browser.get("/");
        return browser;
    }

    private static List<String> errors(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
