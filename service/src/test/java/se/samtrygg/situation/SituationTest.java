package se.samtrygg.situation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.area.PlaceInput;
import se.samtrygg.common.Visibility;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.meeting.ActionItemInput;
import se.samtrygg.meeting.MeetingInput;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/**
 * The situation picture of an area, as the people of two partner organisations in its network group,
 * a partner of an organisation outside it and an admin see it, through the API and the page.
 */
class SituationTest {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** ISO weeks 10 and 11 of 2026, Monday to Sunday, in winter time (UTC+1). */
    private static final String PERIOD = "from=2026-03-02&to=2026-03-15";

    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Records records = new Records(server);
    private final Area area = area("Sättra");
    private final Area otherArea = area("Brynäs");
    private final long square = place(area, "Torget");
    private final long underpass = place(area, "Gångtunneln");
    private final Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
    private final Organisation police = fixtures.organisation(OrganisationType.POLICE);
    private final Organisation outsideGroup = fixtures.organisation(OrganisationType.BUSINESS);
    private final User coordinator = fixtures.user(Set.of(Role.COORDINATOR));
    private final long group = server.services().networkGroups().create(null, new NetworkGroupInput(area.id(), Fixtures.unique("Nätverket"),
            List.of(housing.id(), police.id()), List.of(coordinator.id()))).id();
    private final User housingPartner = fixtures.user(Set.of(Role.PARTNER), housing);
    private final User policePartner = fixtures.user(Set.of(Role.PARTNER), police);
    private final User outsider = fixtures.user(Set.of(Role.PARTNER), outsideGroup);
    private final User admin = fixtures.user(Set.of(Role.ADMIN));
    private final long nightWalk = records.categoryNamed("ACTIVITY_TYPE", "Nattvandring");
    private final long youthCentre = records.categoryNamed("ACTIVITY_TYPE", "Fritidsgård (öppen verksamhet)");
    private final long lighting = records.categoryNamed("OBSERVATION_CATEGORY", "Belysning");
    private final long vandalism = records.categoryNamed("OBSERVATION_CATEGORY", "Skadegörelse");

    @Test
    void theActivitiesOfThePeriodAreCountedByTypeAndByStockholmWeekForThisAreaOnly() {
        records.activity(housing.id(), area.id(), square, nightWalk, Instant.parse("2026-03-01T23:00:00Z"), 4, 30, "Lugn kväll", "NETWORK");
        records.activity(housing.id(), area.id(), square, nightWalk, Instant.parse("2026-03-15T22:59:00Z"), 3, 20, null, "NETWORK");
        records.activity(police.id(), area.id(), null, youthCentre, Instant.parse("2026-03-10T16:00:00Z"), 2, 15, null, "PUBLIC");
        // Just outside: Sunday 23:59 before the period and Monday 00:00 after it, Stockholm time, and the same days in another area
        records.activity(housing.id(), area.id(), square, nightWalk, Instant.parse("2026-03-01T22:59:00Z"), 9, 99, null, "NETWORK");
        records.activity(housing.id(), area.id(), square, nightWalk, Instant.parse("2026-03-15T23:00:00Z"), 9, 99, null, "NETWORK");
        records.activity(housing.id(), otherArea.id(), null, nightWalk, Instant.parse("2026-03-05T19:00:00Z"), 5, 50, null, "NETWORK");

        JsonNode picture = api(policePartner).getJson("/api/v1/areas/" + area.id() + "/situation?" + PERIOD).json();
        JsonNode activities = picture.get("activities");
        assertThat(activities.get("total").asLong()).isEqualTo(3);
        assertThat(activities.get("staff").asLong()).isEqualTo(9);
        assertThat(activities.get("reached").asLong()).isEqualTo(65);
        assertThat(activities.get("byType")).hasSize(2);
        assertThat(activities.get("byType").get(0).get("type").asText()).isEqualTo("Nattvandring");
        assertThat(activities.get("byType").get(0).get("activities").asLong()).isEqualTo(2);
        assertThat(activities.get("byType").get(0).get("reached").asLong()).isEqualTo(50);
        assertThat(activities.get("byType").get(1).get("activities").asLong()).isEqualTo(1);
        assertThat(activities.get("byWeek")).hasSize(2);
        assertThat(activities.get("byWeek").get(0).get("week").asInt()).isEqualTo(10);
        assertThat(activities.get("byWeek").get(0).get("weekStart").asText()).isEqualTo("2026-03-02");
        assertThat(activities.get("byWeek").get(0).get("activities").asLong()).isEqualTo(1);
        assertThat(activities.get("byWeek").get(1).get("week").asInt()).isEqualTo(11);
        assertThat(activities.get("byWeek").get(1).get("activities").asLong()).isEqualTo(2);
        assertThat(picture.get("hidden").get("activities").asLong()).isZero();

        JsonNode other = api(housingPartner).getJson("/api/v1/areas/" + otherArea.id() + "/situation?" + PERIOD).json();
        assertThat(other.get("activities").get("total").asLong()).isEqualTo(1);
        assertThat(other.get("activities").get("reached").asLong()).isEqualTo(50);
        JsonNode otherAsPolice = api(policePartner).getJson("/api/v1/areas/" + otherArea.id() + "/situation?" + PERIOD).json();
        assertThat(otherAsPolice.get("activities").get("total").asLong()).as("that area has no group the police are in").isZero();
        assertThat(otherAsPolice.get("hidden").get("activities").asLong()).isEqualTo(1);

        JsonNode oneDay = api(policePartner).getJson("/api/v1/areas/" + area.id() + "/situation?from=2026-03-15&to=2026-03-15").json();
        assertThat(oneDay.get("activities").get("total").asLong()).as("Sunday 23:59 in Stockholm is still the 15th").isEqualTo(1);

        String page = browser(policePartner).get("/areas/" + area.id() + "/situation?" + PERIOD).body();
        assertThat(page).contains("<title>Lägesbild – " + area.name() + " – Samtrygg</title>")
                .contains("role=\"img\"").contains("<title id=\"week-chart-title\">Aktiviteter per vecka</title>")
                .contains("<desc id=\"week-chart-desc\">").contains(">v. 10</text>").contains(">v. 11</text>")
                .contains("<caption id=\"weeks-caption\">").contains("<th scope=\"row\">Vecka 11, 2026</th>")
                .contains("<th scope=\"row\">Nattvandring</th><td>2</td><td>7</td><td>50</td>")
                .contains("Perioden 2026-03-02 – 2026-03-15 (14 dagar)")
                .contains("href=\"/activities?areaId=" + area.id() + "\"");
    }

    @Test
    void anotherOrganisationsOwnRecordsAreOnlyCountedNeverShownNotEvenToAdmins() {
        String secretType = Fixtures.unique("Hemlig insats");
        String secretCategory = Fixtures.unique("Hemlig kategori");
        String secretPlace = Fixtures.unique("Baksidan");
        String secretActivity = Fixtures.unique("Intern genomgång av trapphus");
        String secretObservation = Fixtures.unique("Intern iakttagelse vid porten");
        String secretEvent = Fixtures.unique("Intern planering inför helgen");
        long backyard = place(secretPlace);
        long type = records.category("ACTIVITY_TYPE", secretType);
        long category = records.category("OBSERVATION_CATEGORY", secretCategory);
        Instant secretTime = Instant.parse("2026-03-06T06:13:00Z");
        records.activity(housing.id(), area.id(), backyard, type, secretTime, 2, 0, secretActivity, "ORGANISATION");
        records.observation(housing.id(), area.id(), backyard, category, secretTime, secretObservation, "ORGANISATION", null);
        records.placeReport(housing.id(), area.id(), backyard, LocalDate.of(2026, 3, 9), new int[] {3, 3, 3, 3, 3}, secretEvent,
                "ORGANISATION");
        Instant inPeriod = Instant.parse("2026-03-05T18:00:00Z");
        records.activity(housing.id(), area.id(), square, nightWalk, inPeriod, 4, 30, "Nattvandring runt torget", "NETWORK");
        records.observation(housing.id(), area.id(), square, lighting, inPeriod, "Lampan vid torget är trasig", "NETWORK", null);
        records.placeReport(housing.id(), area.id(), square, LocalDate.of(2026, 3, 9), new int[] {1, 0, 2, 0, 0}, "Vårstädning", "NETWORK");
        records.activity(police.id(), area.id(), null, youthCentre, inPeriod, 2, 10, "Öppet hus", "PUBLIC");

        JsonNode own = api(housingPartner).getJson("/api/v1/areas/" + area.id() + "/situation?" + PERIOD).json();
        assertThat(own.get("activities").get("total").asLong()).as("the author's organisation reads its own records").isEqualTo(3);
        assertThat(own.get("hidden").get("activities").asLong()).isZero();
        assertThat(own.toString()).contains(secretType, secretCategory, secretPlace, secretObservation, secretEvent);

        record Viewer(User user, long activities, long hiddenActivities, long hiddenObservations, long hiddenReports) {
        }
        for (Viewer viewer : List.of(new Viewer(policePartner, 2, 1, 1, 1), new Viewer(admin, 2, 1, 1, 1),
                new Viewer(outsider, 1, 2, 2, 2))) {
            Http.Response json = api(viewer.user()).getJson("/api/v1/areas/" + area.id() + "/situation?" + PERIOD);
            JsonNode picture = json.json();
            assertThat(picture.get("activities").get("total").asLong()).isEqualTo(viewer.activities());
            assertThat(picture.get("hidden").get("activities").asLong()).isEqualTo(viewer.hiddenActivities());
            assertThat(picture.get("hidden").get("observations").asLong()).isEqualTo(viewer.hiddenObservations());
            assertThat(picture.get("hidden").get("placeReports").asLong()).isEqualTo(viewer.hiddenReports());
            String page = browser(viewer.user()).get("/areas/" + area.id() + "/situation?" + PERIOD).body();
            assertThat(page).contains(viewer.hiddenActivities() == 1 ? "1 aktivitet under perioden syns bara för den egna organisationen"
                    : viewer.hiddenActivities() + " aktiviteter under perioden syns bara för den egna organisationen");
            for (String body : List.of(json.body(), page)) {
                assertThat(body).doesNotContain(secretType).doesNotContain(secretCategory).doesNotContain(secretPlace)
                        .doesNotContain(secretActivity).doesNotContain(secretObservation).doesNotContain(secretEvent)
                        .doesNotContain("2026-03-06 07:13").doesNotContain("2026-03-06T06:13");
            }
        }
        assertThat(api(policePartner).getJson("/api/v1/areas/" + area.id() + "/situation?" + PERIOD).body())
                .contains("Lampan vid torget är trasig").contains("Vårstädning");
        assertThat(api(outsider).getJson("/api/v1/areas/" + area.id() + "/situation?" + PERIOD).body())
                .as("NETWORK records are for the group's organisations").doesNotContain("Lampan vid torget är trasig")
                .doesNotContain("Vårstädning").contains("Fritidsgård");
    }

    @Test
    void observationsAreCountedByCategoryWithHowTheyWereHandedOverAndTheLatestLinkToThemselves() {
        Instant inPeriod = Instant.parse("2026-03-12T20:00:00Z");
        long open = records.actionItem(area.id(), "Byt lampan i gångtunneln", housing.id(), LocalDate.of(2026, 4, 1), "OPEN", "NETWORK");
        long done = records.actionItem(area.id(), "Sanera klotter", housing.id(), LocalDate.of(2026, 3, 20), "DONE", "NETWORK");
        records.observation(police.id(), area.id(), underpass, lighting, inPeriod, "Mörkt i gångtunneln", "NETWORK", open);
        records.observation(police.id(), area.id(), underpass, vandalism, inPeriod.minusSeconds(3600), "Klotter", "NETWORK", done);
        long kept = records.observation(police.id(), area.id(), square, vandalism, inPeriod.minusSeconds(7200), "Krossad ruta", "PUBLIC",
                null);
        records.observation(police.id(), area.id(), square, vandalism, Instant.parse("2026-03-15T23:00:00Z"), "Efter perioden", "PUBLIC",
                null);

        JsonNode observations = api(housingPartner).getJson("/api/v1/areas/" + area.id() + "/situation?" + PERIOD).json()
                .get("observations");
        assertThat(observations.get("total").asLong()).isEqualTo(3);
        JsonNode first = observations.get("byCategory").get(0);
        assertThat(first.get("category").asText()).isEqualTo("Belysning");
        assertThat(first.get("handedOverOpen").asLong()).isEqualTo(1);
        JsonNode second = observations.get("byCategory").get(1);
        assertThat(second.get("category").asText()).isEqualTo("Skadegörelse");
        assertThat(second.get("observations").asLong()).isEqualTo(2);
        assertThat(second.get("notHandedOver").asLong()).isEqualTo(1);
        assertThat(second.get("handedOverClosed").asLong()).isEqualTo(1);
        assertThat(observations.get("latest")).hasSize(3);
        assertThat(observations.get("latest").get(0).get("description").asText()).isEqualTo("Mörkt i gångtunneln");
        assertThat(observations.get("latest").get(0).get("handling").asText()).isEqualTo("HANDED_OVER_OPEN");
        assertThat(observations.get("latest").get(2).get("link").asText()).isEqualTo("/observations/" + kept);

        String page = browser(housingPartner).get("/areas/" + area.id() + "/situation?" + PERIOD).body();
        assertThat(page).contains("<th scope=\"row\">Skadegörelse</th><td>2</td><td>1</td><td>0</td><td>1</td>")
                .contains("href=\"/observations/" + kept + "\"").contains("överlämnad, åtgärden är avslutad")
                .doesNotContain("Efter perioden");
    }

    @Test
    void openAndOverdueActionItemsOfTheAreaAreListedWithTheOverdueOnesSaidInWords() {
        LocalDate today = LocalDate.ofInstant(server.clock().instant(), STOCKHOLM);
        String late = Fixtures.unique("Laga belysningen");
        long overdue = records.actionItem(area.id(), late, housing.id(), today.minusDays(1), "OPEN", "NETWORK");
        records.actionItem(area.id(), Fixtures.unique("Rensa buskar"), housing.id(), today.plusDays(10), "IN_PROGRESS", "NETWORK");
        records.actionItem(area.id(), "Klar sedan länge", housing.id(), today.minusDays(30), "DONE", "NETWORK");
        records.actionItem(otherArea.id(), "I ett annat område", housing.id(), today.minusDays(3), "OPEN", "NETWORK");
        LocalDateTime nextWeek = LocalDateTime.now(server.clock().withZone(STOCKHOLM)).plusDays(7).withHour(18).withMinute(0)
                .withSecond(0).withNano(0);
        String meetingTitle = Fixtures.unique("Nätverksmöte");
        long meeting = server.services().meetings().schedule(Fixtures.principal(admin), new MeetingInput(group, meetingTitle, nextWeek,
                nextWeek.plusHours(1), null, "Sättra centrum", null, null)).id();
        String agreed = Fixtures.unique("Kartlägg mörka stråk");
        server.services().actionItems().create(Fixtures.principal(admin), new ActionItemInput(meeting, agreed, police.id(), null,
                today.plusDays(3), Visibility.NETWORK));
        long walk = records.activity(police.id(), area.id(), square, nightWalk, server.clock().instant().plus(Duration.ofDays(2)), 3, null,
                null, "NETWORK");

        JsonNode picture = api(housingPartner).getJson("/api/v1/areas/" + area.id() + "/situation").json();
        assertThat(picture.get("to").asText()).isEqualTo(today.toString());
        assertThat(picture.get("from").asText()).isEqualTo(today.minusDays(29).toString());
        JsonNode items = picture.get("actionItems");
        assertThat(items.get("open").asLong()).isEqualTo(3);
        assertThat(items.get("overdue").asLong()).isEqualTo(1);
        assertThat(items.get("items").get(0).get("link").asText()).isEqualTo("/action-items/" + overdue);
        assertThat(items.get("items").get(0).get("overdue").asBoolean()).isTrue();
        List<String> titles = new ArrayList<>();
        items.get("items").forEach(i -> titles.add(i.get("title").asText()));
        assertThat(titles).contains(agreed).doesNotContain("Klar sedan länge", "I ett annat område");
        assertThat(picture.get("upcomingMeetings").get(0).get("link").asText()).isEqualTo("/meetings/" + meeting);
        assertThat(picture.get("upcomingActivities").get(0).get("link").asText()).isEqualTo("/activities/" + walk);

        String page = browser(housingPartner).get("/areas/" + area.id() + "/situation").body();
        assertThat(page).contains("Öppna åtgärdspunkter i området som du ser: 3. Försenade: 1.")
                .containsPattern(late + "</a>\\s*<span class=\"muted\">[^<]*</span> <strong class=\"overdue\">Försenad</strong>")
                .contains("href=\"/meetings/" + meeting + "\"").contains(meetingTitle)
                .contains("href=\"/activities/" + walk + "\"");
        assertThat(api(outsider).getJson("/api/v1/areas/" + area.id() + "/situation").body())
                .as("the group's items, meetings and activities are not for organisations outside it")
                .doesNotContain(late).doesNotContain(meetingTitle).doesNotContain("/activities/" + walk);
    }

    @Test
    void theWeeksPlaceReportsRollUpPerWeekAndPlaceToTheHighestLevelOfEachSign() {
        records.placeReport(housing.id(), area.id(), square, LocalDate.of(2026, 3, 2), new int[] {1, 2, 0, 3, 0}, null, "NETWORK");
        records.placeReport(police.id(), area.id(), square, LocalDate.of(2026, 3, 2), new int[] {3, 0, 1, 1, 0}, null, "NETWORK");
        records.placeReport(police.id(), area.id(), underpass, LocalDate.of(2026, 3, 9), new int[] {0, 0, 3, 0, 2},
                "Fotbollsturnering på lördag", "NETWORK");
        records.placeReport(police.id(), area.id(), square, LocalDate.of(2026, 2, 23), new int[] {3, 3, 3, 3, 3}, "Veckan före", "NETWORK");

        JsonNode reports = api(housingPartner).getJson("/api/v1/areas/" + area.id() + "/situation?" + PERIOD).json().get("placeReports");
        assertThat(reports.get("weeks")).hasSize(2);
        JsonNode square10 = reports.get("weeks").get(0);
        assertThat(square10.get("week").asInt()).isEqualTo(10);
        assertThat(square10.get("reports").asLong()).isEqualTo(2);
        assertThat(List.of(square10.get("vandalism").asInt(), square10.get("littering").asInt(), square10.get("lighting").asInt(),
                square10.get("gatherings").asInt(), square10.get("incidentsAgainstStaff").asInt())).containsExactly(3, 2, 1, 3, 0);
        assertThat(reports.get("latestWeekStart").asText()).isEqualTo("2026-03-09");
        assertThat(reports.get("upcomingEvents")).hasSize(1);
        assertThat(reports.get("upcomingEvents").get(0).get("text").asText()).isEqualTo("Fotbollsturnering på lördag");

        String page = browser(housingPartner).get("/areas/" + area.id() + "/situation?" + PERIOD).body();
        assertThat(page).contains("<td>Vecka 10, 2026</td><th scope=\"row\">" + placeName(square)
                        + "</th><td>2</td><td>Mycket</td><td>En del</td><td>Lite</td><td>Mycket</td><td>Inget</td>")
                .contains("Fotbollsturnering på lördag").doesNotContain("Veckan före");
    }

    @Test
    void aPeriodThatEndsBeforeItStartsOrIsLongerThanAYearIsRefusedClearly() {
        Http api = api(policePartner);
        String base = "/api/v1/areas/" + area.id() + "/situation";
        Http.Response reversed = api.getJson(base + "?from=2026-03-15&to=2026-03-02");
        assertThat(reversed.status()).isEqualTo(422);
        assertThat(reversed.contentType()).startsWith("application/problem+json");
        assertThat(reversed.body()).contains("\"from\"");
        Http.Response tooLong = api.getJson(base + "?from=2025-01-01&to=2026-01-02");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("\"to\"");
        assertThat(api.getJson(base + "?from=2025-01-01&to=2026-01-01").status()).as("a year exactly is allowed").isEqualTo(200);
        assertThat(api.getJson(base + "?from=snart").status()).isEqualTo(422);
        assertThat(api.getJson("/api/v1/areas/987654321/situation").status()).isEqualTo(404);

        Http browser = browser(policePartner);
        Http.Response page = browser.get("/areas/" + area.id() + "/situation?from=2026-03-15&to=2026-03-02");
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("Från-datumet ligger efter till-datumet").contains("value=\"2026-03-15\"")
                .contains("aria-invalid=\"true\"");
        assertThat(browser.get("/areas/" + area.id() + "/situation?from=2026-01-01&to=2027-06-01").body())
                .contains("Perioden får vara högst ett år");
        assertThat(browser.get("/areas/987654321/situation").status()).isEqualTo(404);
    }

    @Test
    void theAreaPageAndTheNetworkGroupPageLinkToTheSituationPicture() {
        assertThat(browser(policePartner).get("/areas/" + area.id()).body()).contains("href=\"/areas/" + area.id() + "/situation\"");
        assertThat(browser(policePartner).get("/network-groups/" + group).body()).contains("href=\"/areas/" + area.id() + "/situation\"");
    }

    private Area area(String name) {
        return server.services().areas().create(null, new AreaInput(Fixtures.unique(name), "Gävle", null));
    }

    private long place(Area in, String name) {
        return server.services().areas().addPlace(null, in.id(), new PlaceInput(Fixtures.unique(name), null)).id();
    }

    private long place(String uniqueName) {
        return server.services().areas().addPlace(null, area.id(), new PlaceInput(uniqueName, null)).id();
    }

    private String placeName(long place) {
        return server.services().areas().getPlace(null, place).name();
    }

    private Http api(User user) {
        return new Http(server).bearer(fixtures.token(user));
    }

    private Http browser(User user) {
        return new Http(server).withSession(fixtures.session(user));
    }
}
