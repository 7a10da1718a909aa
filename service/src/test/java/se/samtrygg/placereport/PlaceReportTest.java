package se.samtrygg.placereport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
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
import se.samtrygg.support.Sql;
import se.samtrygg.support.TestServer;

class PlaceReportTest {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
    private final long square = place(area, "Torget");
    private final Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
    private final Organisation police = fixtures.organisation(OrganisationType.POLICE);
    private final User housingPartner = fixtures.user(Set.of(Role.PARTNER), housing);
    private final User policePartner = fixtures.user(Set.of(Role.PARTNER), police);
    private final Http housingApi = new Http(server).bearer(fixtures.token(housingPartner));
    private final Http policeApi = new Http(server).bearer(fixtures.token(policePartner));

    PlaceReportTest() {
        network(area, housing, police);
    }

    @Test
    void reportingAgainForTheSameWeekUpdatesTheWeeksReportInsteadOfAddingASecond() {
        String week = currentWeek().previous().toString();
        Http.Response first = housingApi.postJson("/api/v1/place-reports", report(square, week, 1, 0, 3, 0, 0, "Lampan vid trappan är trasig"));
        assertThat(first.status()).isEqualTo(201);
        long id = first.json().get("id").asLong();
        assertThat(first.json().get("week").asText()).isEqualTo(week);
        assertThat(first.json().get("score").asInt()).isEqualTo(4);

        Http.Response again = housingApi.postJson("/api/v1/place-reports", report(square, week, 2, 0, 1, 0, 0, "Lampan är lagad"));
        assertThat(again.status()).as("the same organisation, place and week: replaced").isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(id);
        assertThat(again.json().get("lighting").asInt()).isEqualTo(1);
        assertThat(Sql.count(server.database(), "SELECT COUNT(*) FROM place_report WHERE place_id = ?", square)).isEqualTo(1);

        // On the page: the form says it is the week's report, shows it filled in, and sending it updates it.
        Http browser = new Http(server).withSession(fixtures.session(housingPartner));
        Http.Response weekPage = browser.get("/place-reports?areaId=" + area.id() + "&week=" + week);
        assertThat(weekPage.body()).contains(housing.name()).contains("Skadegörelse").contains("en del").contains("Lampan är lagad")
                .contains("Uppdatera er rapport för Torget");
        Http.Response form = browser.get("/place-reports/new?placeId=" + square + "&week=" + week);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("redan rapporterat").contains("id=\"vandalism-2\" name=\"vandalism\" value=\"2\" checked")
                .contains("Lampan är lagad");
        Http.Response sent = browser.postForm("/place-reports", Map.of("placeId", Long.toString(square), "week", week,
                "organisationId", Long.toString(housing.id()), "vandalism", "3", "littering", "1", "lighting", "0", "gatherings", "2",
                "incidentsAgainstStaff", "0", "comment", "Skadegörelse på busskuren", "visibility", "NETWORK"));
        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.location()).endsWith("/place-reports/" + id + "?saved=updated");
        assertThat(browser.get("/place-reports/" + id + "?saved=updated").body()).contains("uppdaterad").contains("Skadegörelse på busskuren").contains("mycket");
        assertThat(Sql.count(server.database(), "SELECT COUNT(*) FROM place_report WHERE place_id = ?", square)).isEqualTo(1);

        // Another organisation's report of the same place and week is its own.
        assertThat(policeApi.postJson("/api/v1/place-reports", report(square, week, 0, 0, 0, 1, 0, null)).status()).isEqualTo(201);
        JsonNode listed = housingApi.getJson("/api/v1/place-reports?areaId=" + area.id() + "&week=" + week).json().get("items");
        assertThat(listed).hasSize(2);
    }

    @Test
    void aReportMadeLateOnSundayEveningInStockholmBelongsToThatWeekAndOneJustAfterMidnightToTheNext() {
        LocalDate sunday = LocalDate.now(STOCKHOLM).with(TemporalAdjusters.previous(DayOfWeek.SUNDAY));
        long underpass = place(area, "Gångtunneln");
        try {
            moveClockTo(sunday.atTime(LocalTime.of(23, 40)).atZone(STOCKHOLM).toInstant());
            JsonNode late = housingApi.postJson("/api/v1/place-reports", report(underpass, null, 1, 1, 1, 1, 1, null)).json();
            assertThat(late.get("weekStart").asText()).isEqualTo(sunday.minusDays(6).toString());

            // 00:20 on Monday in Stockholm is still Sunday in UTC; the week is Stockholm's.
            moveClockTo(sunday.plusDays(1).atTime(LocalTime.of(0, 20)).atZone(STOCKHOLM).toInstant());
            JsonNode early = housingApi.postJson("/api/v1/place-reports", report(underpass, null, 2, 2, 2, 2, 2, null)).json();
            assertThat(early.get("weekStart").asText()).isEqualTo(sunday.plusDays(1).toString());
            assertThat(early.get("id").asLong()).isNotEqualTo(late.get("id").asLong());
            assertThat(early.get("week").asText()).isEqualTo(IsoWeek.of(sunday.plusDays(1)).toString());
        } finally {
            server.clock().reset();
        }
    }

    @Test
    void theQuarterlyRankingIsTheRuleAppliedToTheReportsTheViewerMayRead() {
        Quarter quarter = Quarter.of(currentWeek().monday().plusDays(3)).previous();
        Quarter before = quarter.previous();
        Area other = server.services().areas().create(null, new AreaInput(Fixtures.unique("Vårby"), "Huddinge", null));
        network(other, housing, police);
        long underpass = place(area, "Gångtunneln");
        long library = place(area, "Biblioteket");
        long parking = place(area, "Parkeringen");
        long centre = place(other, "Centrum");
        List<Inserted> reports = new ArrayList<>();
        // The square gets worse, the underpass better; the library is reported this quarter only; the parking never.
        reports.add(insert(housingApi, housing, square, before.firstWeek(), "NETWORK", 1, 0, 1, 0, 0));
        reports.add(insert(policeApi, police, square, before.firstWeek().next(), "NETWORK", 0, 1, 0, 0, 0));
        reports.add(insert(housingApi, housing, square, quarter.firstWeek(), "NETWORK", 2, 2, 1, 1, 0));
        reports.add(insert(policeApi, police, square, quarter.firstWeek().next(), "NETWORK", 3, 1, 1, 2, 1));
        reports.add(insert(housingApi, housing, underpass, before.firstWeek(), "NETWORK", 3, 3, 3, 2, 1));
        reports.add(insert(housingApi, housing, underpass, quarter.lastWeek(), "NETWORK", 1, 1, 2, 0, 0));
        reports.add(insert(policeApi, police, library, quarter.firstWeek(), "NETWORK", 1, 2, 0, 0, 0));
        reports.add(insert(housingApi, housing, centre, before.lastWeek(), "NETWORK", 0, 0, 1, 0, 0));
        reports.add(insert(policeApi, police, centre, quarter.firstWeek(), "NETWORK", 1, 1, 1, 1, 0));
        // The police's own notes: worst of all, but the housing company may not read them.
        reports.add(insert(policeApi, police, underpass, quarter.firstWeek().next(), "ORGANISATION", 3, 3, 3, 3, 3));
        reports.add(insert(policeApi, police, parking, before.lastWeek(), "ORGANISATION", 3, 3, 3, 3, 3));
        // Outside the two quarters: does not count.
        reports.add(insert(housingApi, housing, parking, quarter.lastWeek().next(), "NETWORK", 3, 3, 3, 3, 3));

        JsonNode ranking = housingApi.getJson("/api/v1/place-reports/quarterly?quarter=" + quarter + "&areaId=" + area.id()).json();
        List<Expected> expected = expectedRanking(reports, housing.id(), quarter, List.of(square, underpass, library, parking));
        assertThat(ids(ranking.get("places"), "placeId")).isEqualTo(expected.stream().map(Expected::id).toList());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode row = ranking.get("places").get(i);
            Expected want = expected.get(i);
            if (want.development() == null) {
                assertThat(row.get("development").isNull()).isTrue();
            } else {
                assertThat(row.get("development").asDouble()).isCloseTo(want.development(), org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        JsonNode parkingRow = ranking.get("places").get(3);
        assertThat(parkingRow.get("placeId").asLong()).isEqualTo(parking);
        assertThat(parkingRow.get("rank").isNull()).as("no reports is not a zero").isTrue();
        assertThat(parkingRow.get("trend").asText()).isEqualTo("NO_REPORTS");
        assertThat(ranking.get("places").get(0).get("trend").asText()).isEqualTo("WORSENING");
        assertThat(ranking.get("hiddenReports").asLong()).as("the police's two own reports, counted only").isEqualTo(2);

        // Areas, over all areas: the same rule over all reports of each area's places.
        JsonNode all = housingApi.getJson("/api/v1/place-reports/quarterly?quarter=" + quarter).json();
        List<Long> areaOrder = ids(all.get("areas"), "areaId").stream().filter(id -> id == area.id() || id == other.id()).toList();
        Map<Long, Long> placeToArea = Map.of(square, area.id(), underpass, area.id(), library, area.id(), parking, area.id(),
                centre, other.id());
        List<Inserted> byArea = reports.stream().map(r -> new Inserted(r.organisationId(), placeToArea.get(r.placeId()), r.week(),
                r.visibility(), r.score())).toList();
        assertThat(areaOrder).isEqualTo(expectedRanking(byArea, housing.id(), quarter, List.of(area.id(), other.id())).stream()
                .map(Expected::id).toList());

        // The page: the rule, the same order, "inga rapporter" rather than zero, and the hidden ones as a count only.
        Http browser = new Http(server).withSession(fixtures.session(housingPartner));
        String page = browser.get("/place-reports/quarterly?quarter=" + quarter + "&areaId=" + area.id()).body();
        assertThat(page).contains("summan av dess fem tecken").contains("inga rapporter").contains("↑ försämring")
                .contains("2 rapporter under perioden räknas inte");
        String table = page.substring(page.indexOf("id=\"place-ranking\""));
        int last = -1;
        for (Expected want : expected) {
            String name = want.id() == square ? "Torget" : want.id() == underpass ? "Gångtunneln" : want.id() == library ? "Biblioteket"
                    : "Parkeringen";
            int at = table.indexOf("<th scope=\"row\">" + name + "</th>");
            assertThat(at).as(name + " after the one before").isGreaterThan(last);
            last = at;
        }

        // The police read their own reports: for them those count, and nothing is hidden.
        JsonNode policeView = policeApi.getJson("/api/v1/place-reports/quarterly?quarter=" + quarter + "&areaId=" + area.id()).json();
        assertThat(policeView.get("hiddenReports").asLong()).isZero();
        assertThat(ids(policeView.get("places"), "placeId")).isEqualTo(expectedRanking(reports, police.id(), quarter,
                List.of(square, underpass, library, parking)).stream().map(Expected::id).toList());
    }

    @Test
    void aReportTheViewerMayNotReadIsNotFoundEvenForAnAdminAndOnlyItsOrganisationChangesIt() {
        String week = currentWeek().toString();
        long internal = policeApi.postJson("/api/v1/place-reports", report(square, week, 3, 3, 3, 3, 3, "Spaning vid torget",
                "ORGANISATION")).json().get("id").asLong();
        long shared = policeApi.postJson("/api/v1/place-reports", report(place(area, "Gångtunneln"), week, 1, 0, 0, 0, 0, "Lugnt"))
                .json().get("id").asLong();
        User admin = fixtures.user(Set.of(Role.ADMIN));
        Http adminApi = new Http(server).bearer(fixtures.token(admin));
        for (Http outsider : List.of(housingApi, adminApi)) {
            assertThat(outsider.getJson("/api/v1/place-reports/" + internal).status()).isEqualTo(404);
            assertThat(outsider.putJson("/api/v1/place-reports/" + internal, report(null, null, 0, 0, 0, 0, 0, null)).status()).isEqualTo(404);
            assertThat(outsider.delete("/api/v1/place-reports/" + internal).status()).isEqualTo(404);
            assertThat(outsider.getJson("/api/v1/place-reports?areaId=" + area.id() + "&week=" + week).body()).doesNotContain("Spaning");
            assertThat(outsider.getJson("/api/v1/place-reports/" + shared).status()).isEqualTo(200);
            assertThat(outsider.putJson("/api/v1/place-reports/" + shared, report(null, null, 0, 0, 0, 0, 0, null)).status())
                    .as("read, but not theirs to change").isEqualTo(403);
        }
        Http adminBrowser = new Http(server).withSession(fixtures.session(admin));
        assertThat(adminBrowser.get("/place-reports/" + internal).status()).isEqualTo(404);
        Http housingBrowser = new Http(server).withSession(fixtures.session(housingPartner));
        String weekPage = housingBrowser.get("/place-reports?areaId=" + area.id() + "&week=" + week).body();
        assertThat(weekPage).doesNotContain("Spaning").contains("Ytterligare 1 rapporter");

        Http policeBrowser = new Http(server).withSession(fixtures.session(policePartner));
        assertThat(policeBrowser.get("/place-reports/" + internal).body()).contains("Spaning vid torget").contains("Bara vår organisation");
        policeBrowser.get("/place-reports/" + internal + "/delete");
        assertThat(policeBrowser.postForm("/place-reports/" + internal + "/delete", Map.of()).status()).isEqualTo(303);
        assertThat(policeApi.getJson("/api/v1/place-reports/" + internal).status()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndNothingIsStored() {
        String week = currentWeek().toString();
        assertThat(errors(housingApi.postJson("/api/v1/place-reports", report(square, week, 1, 0, 0, 0, 0, null, "PUBLIC"))))
                .containsExactly("visibility");
        assertThat(housingApi.postJson("/api/v1/place-reports", report(square, week, 1, 0, 0, 0, 0, null, "PUBLIC")).body())
                .contains("for the network");
        assertThat(errors(housingApi.postJson("/api/v1/place-reports", report(square, currentWeek().next().toString(), 1, 0, 0, 0, 0,
                null)))).containsExactly("week");
        assertThat(errors(housingApi.postJson("/api/v1/place-reports", report(square, IsoWeek.of(currentWeek().monday().minusYears(1)
                .minusWeeks(1)).toString(), 1, 0, 0, 0, 0, null)))).containsExactly("week");
        assertThat(errors(housingApi.postJson("/api/v1/place-reports", report(square, "2026-W54", 1, 0, 0, 0, 0, null))))
                .containsExactly("week");
        Map<String, Object> wrong = report(square, week, 4, 0, 0, 0, 0, "Ring 19121212-1212 om nyckeln");
        wrong.remove("gatherings");
        assertThat(errors(housingApi.postJson("/api/v1/place-reports", wrong))).containsExactlyInAnyOrder("vandalism", "gatherings",
                "comment");
        assertThat(errors(housingApi.postJson("/api/v1/place-reports", report(987654321L, week, 0, 0, 0, 0, 0, null))))
                .containsExactly("placeId");
        assertThat(Sql.count(server.database(), "SELECT COUNT(*) FROM place_report WHERE place_id = ?", square)).isZero();

        // The form keeps what was typed and says what is wrong beside it.
        Http browser = new Http(server).withSession(fixtures.session(housingPartner));
        browser.get("/place-reports/new?placeId=" + square);
        Http.Response refused = browser.postForm("/place-reports", Map.of("placeId", Long.toString(square), "week", week,
                "vandalism", "1", "comment", "Ring 19121212-1212", "upcomingEvents", "Loppis på lördag", "visibility", "NETWORK"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Loppis på lördag").contains("personnummer").contains("Välj inget, lite, en del eller mycket.")
                .contains("id=\"vandalism-1\" name=\"vandalism\" value=\"1\" checked");
        assertThat(Sql.count(server.database(), "SELECT COUNT(*) FROM place_report WHERE place_id = ?", square)).isZero();
        assertThat(browser.get("/place-reports?areaId=" + area.id() + "&week=2026-W99").body()).contains("Ange veckan som");
        assertThat(browser.get("/place-reports/quarterly?quarter=2026-Q5").body()).contains("Ange kvartalet som");
    }

    // The ranking rule, written out again from the reports as inserted

    private record Inserted(long organisationId, long placeId, IsoWeek week, String visibility, int score) {
    }

    private record Expected(long id, Double development) {
    }

    private static List<Expected> expectedRanking(List<Inserted> reports, long viewerOrganisation, Quarter quarter, List<Long> ids) {
        record Row(long id, Double now, Double before, Double development, String name) {
        }
        List<Row> rows = new ArrayList<>();
        for (long id : ids) {
            List<Inserted> readable = reports.stream().filter(r -> r.placeId() == id)
                    .filter(r -> r.visibility().equals("NETWORK") || r.organisationId() == viewerOrganisation).toList();
            Double now = mean(readable.stream().filter(r -> quarter.contains(r.week())).toList());
            Double before = mean(readable.stream().filter(r -> quarter.previous().contains(r.week())).toList());
            rows.add(new Row(id, now, before, now != null && before != null ? now - before : null, Long.toString(id)));
        }
        rows.sort((a, b) -> {
            int groupA = a.development() != null ? 0 : a.now() != null || a.before() != null ? 1 : 2;
            int groupB = b.development() != null ? 0 : b.now() != null || b.before() != null ? 1 : 2;
            if (groupA != groupB) {
                return Integer.compare(groupA, groupB);
            }
            if (groupA == 0 && !a.development().equals(b.development())) {
                return Double.compare(b.development(), a.development());
            }
            if (a.now() != null && b.now() != null && !a.now().equals(b.now())) {
                return Double.compare(b.now(), a.now());
            }
            return (a.now() == null) == (b.now() == null) ? 0 : a.now() == null ? 1 : -1;
        });
        return rows.stream().map(r -> new Expected(r.id(), r.development())).toList();
    }

    private static Double mean(List<Inserted> reports) {
        return reports.isEmpty() ? null : reports.stream().mapToInt(Inserted::score).average().orElseThrow();
    }

    // Helpers

    private Inserted insert(Http api, Organisation organisation, long placeId, IsoWeek week, String visibility, int... signs) {
        Http.Response response = api.postJson("/api/v1/place-reports", report(placeId, week.toString(), signs[0], signs[1], signs[2],
                signs[3], signs[4], null, visibility));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return new Inserted(organisation.id(), placeId, week, visibility, java.util.Arrays.stream(signs).sum());
    }

    private static Map<String, Object> report(Long placeId, String week, int vandalism, int littering, int lighting, int gatherings,
                                              int incidents, String comment) {
        return report(placeId, week, vandalism, littering, lighting, gatherings, incidents, comment, "NETWORK");
    }

    private static Map<String, Object> report(Long placeId, String week, int vandalism, int littering, int lighting, int gatherings,
                                              int incidents, String comment, String visibility) {
        Map<String, Object> body = new HashMap<>();
        if (placeId != null) {
            body.put("placeId", placeId);
        }
        if (week != null) {
            body.put("week", week);
        }
        body.put("vandalism", vandalism);
        body.put("littering", littering);
        body.put("lighting", lighting);
        body.put("gatherings", gatherings);
        body.put("incidentsAgainstStaff", incidents);
        body.put("visibility", visibility);
        if (comment != null) {
            body.put("comment", comment);
        }
        return body;
    }

    private long place(Area in, String name) {
        return server.services().areas().addPlace(null, in.id(), new PlaceInput(name, null)).id();
    }

    private void network(Area in, Organisation... members) {
        User coordinator = fixtures.user(Set.of(Role.COORDINATOR));
        server.services().networkGroups().create(null, new NetworkGroupInput(in.id(), Fixtures.unique("Nätverket"),
                java.util.Arrays.stream(members).map(Organisation::id).toList(), List.of(coordinator.id())));
    }

    private IsoWeek currentWeek() {
        return IsoWeek.of(server.clock().instant());
    }

    private void moveClockTo(Instant target) {
        server.clock().reset();
        server.clock().advance(Duration.between(server.clock().instant(), target));
    }

    private static List<Long> ids(JsonNode rows, String field) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.get(field).asLong()));
        return ids;
    }

    private static List<String> errors(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
