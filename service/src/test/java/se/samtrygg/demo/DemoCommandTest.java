package se.samtrygg.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samtrygg.SamtryggApplication;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestDatabase;
import se.samtrygg.support.TestServer;

/** {@code demo config.yml} loads Gävle's areas, organisations and people and a year of Sättra's safety work, once. */
class DemoCommandTest {
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    @Test
    void theDemoCommandLoadsGavleAndAYearOfSattraOnceAndItsPeopleCanSignIn() throws Exception {
        TestDatabase.Connection database = TestDatabase.fresh();
        String first = runDemo(database);
        assertThat(first).contains("Demo data loaded").contains("activities").contains("anna.lindqvist@demo.samtrygg.se");
        assertThat(runDemo(database)).contains("already loaded");

        try (TestServer server = TestServer.start(database)) {
            assertThat(server.services().areas().all()).extracting(a -> a.name()).contains("Sättra", "Andersberg", "Brynäs");
            Http coordinator = new Http(server).login("anna.lindqvist@demo.samtrygg.se", DemoData.PASSWORD);
            assertThat(coordinator.get("/network-groups").body()).contains("Nätverksgruppen Sättra");
            Http api = new Http(server).bearer(coordinatorToken(server));
            com.fasterxml.jackson.databind.JsonNode meetings = api.getJson("/api/v1/meetings?limit=200").json().get("items");
            assertThat(meetings.toString()).contains("Nätverksmöte").contains("Belysning och skadegörelse i gångtunneln");
            assertThat(meetings).as("one monthly series, at 18:00 all year").hasSizeGreaterThanOrEqualTo(15)
                    .allSatisfy(m -> assertThat(m.get("start").asText()).contains("T18:00"));
            long series = meetings.get(0).get("seriesId").asLong();
            assertThat(api.getJson("/api/v1/meetings/series/" + series).json().get("rrule").asText()).startsWith("FREQ=MONTHLY;BYDAY=1TU");
            long held = meetings.get(0).get("id").asLong();
            assertThat(api.getJson("/api/v1/meetings/" + held + "/decisions").body()).as("before the lamps were replaced")
                    .contains("Gavlegårdarna byter lamporna");
            assertThat(api.getJson("/api/v1/meetings/" + meetings.get(1).get("id").asLong() + "/attendance").body())
                    .contains("Gavlegårdarna");
            assertThat(api.getJson("/api/v1/action-items?limit=200&networkGroupId=" + meetings.get(0).get("networkGroupId").asLong())
                    .body()).contains("Byt armaturerna i gångtunneln").contains("IN_PROGRESS")
                    .as("handed over from observations").contains("Byt de trasiga lamporna i gångtunneln")
                    .contains("återvinningsstationen");

            long sattra = server.services().areas().findByName("Gävle", "Sättra").orElseThrow().id();
            aYearOfActivities(api, sattra);
            theLastThirtyDaysInTheSituationPicture(api, coordinator, sattra);
            observationsHandedToGavlegardarna(api, sattra);
            twelveWeeksOfPlaceReports(api, sattra);
            thePolicesOwnNotesStayWithThePolice(server, api, sattra);
            servicePointsInSattraAndHuddingeOnThePublicPages(server, sattra);
            huskurageInSattraIsPartlyDoneAndPartlyLate(api, coordinator, sattra);
            gavlesProgrammeFollowsUpHuskurageInSattra(api, sattra);

            String home = coordinator.get("/").body();
            assertThat(home).contains("Anna Lindqvist").contains("Gävle kommun, enheten för social hållbarhet");
            String token = new Http(server).postJson("/api/v1/auth/tokens", Map.of("email", "karin.wall@demo.samtrygg.se",
                    "password", DemoData.PASSWORD, "name", "demo")).json().get("token").asText();
            String organisations = new Http(server).bearer(token).getJson("/api/v1/organisations").body();
            assertThat(organisations).contains("Polisen, lokalpolisområde Gävle").contains("Gavlegårdarna")
                    .contains("Hyresgästföreningen Sättra").contains("Nattvandrarna i Gävle").contains("Sättra IF");
        }
    }

    /** Every week of the past year has activities, of every kind the partners run, a few hundred in all. */
    private static void aYearOfActivities(Http api, long sattra) {
        LocalDate today = LocalDate.now(SWEDEN);
        JsonNode year = api.getJson("/api/v1/areas/" + sattra + "/situation?from=" + today.minusYears(1).plusDays(1) + "&to=" + today)
                .json();
        assertThat(year.get("activities").get("total").asLong()).as("a few hundred activities").isBetween(200L, 600L);
        JsonNode weeks = year.get("activities").get("byWeek");
        long weeksWithActivities = java.util.stream.StreamSupport.stream(weeks.spliterator(), false)
                .filter(w -> w.get("activities").asLong() > 0).count();
        assertThat(weeksWithActivities).as("a year, week by week").isGreaterThanOrEqualTo(50);
        assertThat(year.get("activities").get("byType").toString()).contains("Nattvandring", "Fritidsgård (öppen verksamhet)",
                "Idrottsaktivitet för unga", "Trygghetsvandring", "Polisens närvaro/dialog", "Huskurage-information",
                "Städ-/skräpplockardag");
        assertThat(api.getJson("/api/v1/activities?areaId=" + sattra + "&from=" + today.minusYears(1).plusDays(1) + "&to="
                + today.minusYears(1).plusDays(7)).json().get("items")).as("the first week of the year").isNotEmpty();
    }

    /** The default period of the situation picture, the last 30 days, as the coordinator sees it in the API and on the page. */
    private static void theLastThirtyDaysInTheSituationPicture(Http api, Http coordinator, long sattra) {
        JsonNode picture = api.getJson("/api/v1/areas/" + sattra + "/situation").json();
        assertThat(picture.get("activities").get("total").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(picture.get("activities").get("byType").toString()).contains("Nattvandring", "Fritidsgård (öppen verksamhet)");
        assertThat(picture.get("actionItems").get("overdue").asLong()).as("the recycling station").isGreaterThanOrEqualTo(1);
        assertThat(picture.get("upcomingActivities")).as("the next two weeks are planned").isNotEmpty();
        assertThat(picture.get("placeReports").get("weeks")).isNotEmpty();
        String page = coordinator.get("/areas/" + sattra + "/situation").body();
        assertThat(page).contains("Nattvandring").contains("Gångtunneln under Sättravägen");
    }

    /** The broken lamps went to Gavlegårdarna and were fixed; the overflowing recycling station went too and is overdue. */
    private static void observationsHandedToGavlegardarna(Http api, long sattra) {
        JsonNode all = api.getJson("/api/v1/observations?areaId=" + sattra + "&limit=200").json().get("items");
        assertThat(all).hasSizeGreaterThanOrEqualTo(12);
        assertThat(all.toString()).contains("Belysning", "Skadegörelse", "Nedskräpning", "Otrygg plats");
        JsonNode handed = api.getJson("/api/v1/observations?areaId=" + sattra + "&handedOver=true&limit=200").json().get("items");
        assertThat(handed).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(o -> assertThat(o.get("handedToOrganisationName").asText()).isEqualTo("Gavlegårdarna"));
        JsonNode lamps = find(handed, o -> o.get("description").asText().contains("lamporna i gångtunneln"));
        assertThat(lamps.get("actionItemState").asText()).isEqualTo("DONE");
        assertThat(lamps.get("activityId").isNull()).as("seen on a night walk").isFalse();
        JsonNode litter = find(handed, o -> o.get("description").asText().contains("återvinningsstationen"));
        assertThat(litter.get("actionItemState").asText()).isEqualTo("OPEN");
        assertThat(LocalDate.parse(litter.get("actionItemDueDate").asText())).isBefore(LocalDate.now(SWEDEN));
    }

    /** Three organisations report Sättra's places weekly; the underpass is dark until its lamps are replaced, then light. */
    private static void twelveWeeksOfPlaceReports(Http api, long sattra) {
        LocalDate today = LocalDate.now(SWEDEN);
        String from = week(today.minusWeeks(11));
        JsonNode reports = api.getJson("/api/v1/place-reports?areaId=" + sattra + "&from=" + from + "&to=" + week(today) + "&limit=200")
                .json().get("items");
        assertThat(reports).hasSizeGreaterThanOrEqualTo(50);
        assertThat(reports.toString()).contains("Nattvandrarna i Gävle", "Gavlegårdarna", "Polisen, lokalpolisområde Gävle");
        List<JsonNode> underpass = java.util.stream.StreamSupport.stream(reports.spliterator(), false)
                .filter(r -> r.get("placeName").asText().equals("Gångtunneln under Sättravägen"))
                .sorted(java.util.Comparator.comparing(r -> r.get("weekStart").asText())).toList();
        assertThat(underpass.get(0).get("week").asText()).isEqualTo(from);
        assertThat(underpass.get(0).get("lighting").asInt()).as("dark at first").isGreaterThanOrEqualTo(2);
        assertThat(underpass.get(underpass.size() - 1).get("lighting").asInt()).as("light in the end").isZero();
    }

    /** The police's own notes are counted for the coordinator, never shown; the police read them. */
    private static void thePolicesOwnNotesStayWithThePolice(TestServer server, Http coordinatorApi, long sattra) {
        LocalDate today = LocalDate.now(SWEDEN);
        String year = "?from=" + today.minusYears(1).plusDays(1) + "&to=" + today;
        JsonNode asCoordinator = coordinatorApi.getJson("/api/v1/areas/" + sattra + "/situation" + year).json();
        assertThat(asCoordinator.get("hidden").get("activities").asLong()).isPositive();
        assertThat(coordinatorApi.getJson("/api/v1/activities?areaId=" + sattra + "&q=Egen%20notering").json().get("items")).isEmpty();
        String token = new Http(server).postJson("/api/v1/auth/tokens", Map.of("email", "maria.holm@demo.samtrygg.se",
                "password", DemoData.PASSWORD, "name", "demo")).json().get("token").asText();
        JsonNode own = new Http(server).bearer(token).getJson("/api/v1/activities?areaId=" + sattra + "&q=Egen%20notering&limit=200")
                .json().get("items");
        assertThat(own).isNotEmpty().allSatisfy(a -> assertThat(a.get("visibility").asText()).isEqualTo("ORGANISATION"));
    }

    /**
     * The police (Arabic spoken) and the field assistants at Sättra's library, two open activities coming up; Huddinge's
     * service centre at its local offices in Skogås and Vårby; every service point closed over Christmas and New Year.
     */
    private static void servicePointsInSattraAndHuddingeOnThePublicPages(TestServer server, long sattra) {
        Http resident = new Http(server);
        String sattraPage = resident.get("/public/areas/" + sattra).body();
        assertThat(sattraPage).contains("Sättra bibliotek").contains("Polisen, lokalpolisområde Gävle").contains("16:00–18:00")
                .contains("Socialtjänsten, fältassistenterna").contains("Föräldravandring").contains("Öppet hus på fritidsgården");
        assertThat(resident.get("/public/areas/" + sattra + "?language=ar&help=POLICE").body())
                .contains("Polisen, lokalpolisområde Gävle").doesNotContain("Stöd och samtal för unga");
        String huddinge = resident.get("/public/municipalities/Huddinge").body();
        assertThat(huddinge).contains("Skogås").contains("Vårby").contains("Lokalkontoret i Skogås").contains("Lokalkontoret i Vårby")
                .contains("Huddinge kommun, servicecenter").contains("somaliska").contains("turkiska");
        var servicePoints = server.services().servicePoints();
        for (String area : List.of("Skogås", "Vårby")) {
            long areaId = server.services().areas().findByName("Huddinge", area).orElseThrow().id();
            var office = servicePoints.list(areaId, false, null, 10).items();
            assertThat(office).hasSize(1);
            assertThat(servicePoints.slots(office.get(0).id())).extracting(s -> s.organisationName()).contains("Huddinge kommun, servicecenter");
            assertThat(servicePoints.exceptions(office.get(0).id(), LocalDate.now(SWEDEN))).extracting(e -> e.reason())
                    .contains("Juldagen", "Nyårsdagen");
        }
    }

    /** Gavlegårdarna's houses in Sättra, five months into Huskurage: some covered, some not, some steps late. */
    private static void huskurageInSattraIsPartlyDoneAndPartlyLate(Http api, Http coordinator, long sattra) {
        JsonNode rollouts = api.getJson("/api/v1/rollouts?areaId=" + sattra).json().get("items");
        JsonNode huskurage = find(rollouts, r -> r.get("name").asText().equals("Huskurage i Sättra"));
        JsonNode progress = huskurage.get("progress");
        assertThat(progress.get("properties").asInt()).isEqualTo(8);
        assertThat(progress.get("apartmentsCovered").asInt()).as("partial coverage").isPositive()
                .isLessThan(progress.get("apartments").asInt());
        assertThat(progress.get("stepsOverdue").asInt()).as("some steps are late").isPositive();
        assertThat(progress.get("stepsNotApplicable").asInt()).as("letters do not apply to the seniors' house").isEqualTo(1);
        assertThat(LocalDate.parse(huskurage.get("startDate").asText())).isBefore(LocalDate.now(SWEDEN).minusMonths(4));
        assertThat(huskurage.get("steps").toString()).contains("Polisen, lokalpolisområde Gävle")
                .contains("Gävle kommun, enheten för social hållbarhet");
        String board = coordinator.get("/rollouts/" + huskurage.get("id").asLong()).body();
        assertThat(board).contains("Sättragatan 12").contains("Gavlegårdarna").contains("Försenad").contains("Ej aktuell");
        assertThat(coordinator.get("/rollouts").body()).contains("Huskurage i Sättra");
    }

    /**
     * The social sustainability programme adopted in December 2018: Trygghet, "En kommun fri från våld" with the police's
     * figures, and the measure "Huskurage i Sättra" that serves it, linked to the rollout, with the survey and indicators
     * counted from the rest of the demo; one status set by hand, comments last year and this year.
     */
    private static void gavlesProgrammeFollowsUpHuskurageInSattra(Http api, long sattra) {
        JsonNode programme = find(api.getJson("/api/v1/programmes").json().get("items"),
                p -> p.get("name").asText().equals("Program för social hållbarhet"));
        assertThat(programme.get("adoptedBy").asText()).isEqualTo("Kommunfullmäktige");
        assertThat(programme.get("adoptedOn").asText()).startsWith("2018-12-");
        assertThat(programme.get("periodStart").asText()).isEqualTo("2019-01-01");
        assertThat(programme.get("periodEnd").asText()).isEqualTo("2026-12-31");

        JsonNode overview = api.getJson("/api/v1/programmes/" + programme.get("id").asLong()).json();
        JsonNode safety = find(overview.get("focusAreas"), f -> f.get("focusArea").get("name").asText().equals("Trygghet"));
        JsonNode goal = find(safety.get("goals"), g -> g.get("goal").get("name").asText().equals("En kommun fri från våld"));
        JsonNode police = find(goal.get("indicators"), i -> i.get("indicator").get("name").asText().startsWith("Anmälda misshandelsbrott"));
        assertThat(police.get("indicator").get("direction").asText()).isEqualTo("LOWER_IS_BETTER");
        assertThat(police.get("latest").get("value").decimalValue()).isPositive();

        JsonNode measure = find(goal.get("measures"), m -> m.get("measure").get("name").asText().equals("Huskurage i Sättra"));
        JsonNode huskurage = find(api.getJson("/api/v1/rollouts?areaId=" + sattra).json().get("items"),
                r -> r.get("name").asText().equals("Huskurage i Sättra"));
        assertThat(measure.get("measure").get("rollouts")).extracting(r -> r.get("id").asLong())
                .containsExactly(huskurage.get("id").asLong());
        assertThat(measure.get("measure").get("areas")).extracting(a -> a.get("id").asLong()).containsExactly(sattra);
        assertThat(LocalDate.parse(measure.get("measure").get("startDate").asText())).hasYear(2019);
        assertThat(measure.get("measure").get("responsibleOrganisationName").asText())
                .isEqualTo("Gävle kommun, enheten för social hållbarhet");
        assertThat(measure.get("assessment").get("override").get("justification").asText()).as("set by hand, with its reason")
                .contains("informationsmöten");

        JsonNode covered = find(measure.get("indicators"), i -> i.get("indicator").get("source").asText().equals("APARTMENTS_COVERED"));
        assertThat(covered.get("latest").get("value").decimalValue().intValue()).as("counted live from the rollout, as its board counts")
                .isPositive().isEqualTo(huskurage.get("progress").get("apartmentsCovered").asInt());
        assertThat(measure.get("indicators")).extracting(i -> i.get("indicator").get("source").asText())
                .contains("ACTIVITIES", "MEETINGS_HELD", "ACTION_ITEMS_CLOSED_ON_TIME");
        List<String> statuses = java.util.stream.Stream.concat(java.util.stream.StreamSupport.stream(goal.get("indicators").spliterator(), false),
                java.util.stream.StreamSupport.stream(measure.get("indicators").spliterator(), false))
                .map(i -> i.get("assessment").get("status").asText()).distinct().toList();
        assertThat(statuses).as("a mix of statuses").hasSizeGreaterThanOrEqualTo(3);
        JsonNode survey = find(measure.get("indicators"), i -> i.get("indicator").get("kind").asText().equals("MANUAL"));
        assertThat(survey.get("indicator").get("name").asText()).isEqualTo("Andel boende i Sättra som känner sig trygga utomhus på kvällen");
        JsonNode detail = api.getJson("/api/v1/indicators/" + survey.get("indicator").get("id").asLong()).json();
        assertThat(detail.get("measurements")).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(m -> assertThat(m.get("source").asText()).isEqualTo("Trygghetsundersökning Gävle kommun"));
        assertThat(detail.get("byArea")).extracting(a -> a.get("areaName").asText()).as("an indicator about Sättra")
                .contains("Sättra").doesNotContain("Brynäs");

        int year = LocalDate.now(SWEDEN).getYear();
        JsonNode comments = api.getJson("/api/v1/progress-comments?subjectType=MEASURE&subjectId="
                + measure.get("measure").get("id").asLong()).json().get("items");
        assertThat(comments).extracting(c -> c.get("year").asInt()).contains(year, year - 1);
        assertThat(comments).extracting(c -> c.get("authorName").asText()).contains("Anna Lindqvist");
    }

    private static JsonNode find(JsonNode items, java.util.function.Predicate<JsonNode> which) {
        return java.util.stream.StreamSupport.stream(items.spliterator(), false).filter(which).findFirst().orElseThrow();
    }

    private static String week(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    private static String coordinatorToken(TestServer server) {
        return new Http(server).postJson("/api/v1/auth/tokens", Map.of("email", "anna.lindqvist@demo.samtrygg.se",
                "password", DemoData.PASSWORD, "name", "demo")).json().get("token").asText();
    }

    private static String runDemo(TestDatabase.Connection database) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        SamtryggApplication application = new SamtryggApplication();
        io.dropwizard.core.setup.Bootstrap<se.samtrygg.SamtryggConfiguration> bootstrap = new io.dropwizard.core.setup.Bootstrap<>(application);
        application.initialize(bootstrap);
        Cli cli = new Cli(new JarLocation(SamtryggApplication.class), bootstrap,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            withEnvironmentOverrides(database);
            var result = cli.run("demo", TestServer.configFile());
            assertThat(result).as(err.toString(StandardCharsets.UTF_8)).isEmpty();
        } finally {
            System.setOut(originalOut);
            clearOverrides();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void withEnvironmentOverrides(TestDatabase.Connection database) {
        System.setProperty("dw.database.url", database.url());
        System.setProperty("dw.database.user", database.user());
        System.setProperty("dw.database.password", database.password());
        System.setProperty("dw.logging.level", "WARN");
    }

    private static void clearOverrides() {
        for (String key : new String[] {"dw.database.url", "dw.database.user", "dw.database.password", "dw.logging.level"}) {
            System.clearProperty(key);
        }
    }
}
