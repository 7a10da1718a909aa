package se.samtrygg.programme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.common.web.Dates;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/**
 * Programme follow-up over the API: officials build the tree and enter values, everyone signed in reads it,
 * coordinators comment, statuses follow the documented rule and may be set by hand with a justification, and the
 * annual report holds one year.
 */
class ProgrammeTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Organisation municipality = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
    private final Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
    private final User official = fixtures.user(Set.of(Role.OFFICIAL), municipality);
    private final User coordinator = fixtures.user(Set.of(Role.COORDINATOR), municipality);
    private final User partner = fixtures.user(Set.of(Role.PARTNER), housing);
    private final User admin = fixtures.user(Set.of(Role.ADMIN));
    private final Http officialApi = new Http(server).bearer(fixtures.token(official));
    private final Http coordinatorApi = new Http(server).bearer(fixtures.token(coordinator));
    private final Http partnerApi = new Http(server).bearer(fixtures.token(partner));
    private final Http adminApi = new Http(server).bearer(fixtures.token(admin));
    private final LocalDate today = LocalDate.now(server.clock().withZone(Dates.ZONE));

    @Test
    void anOfficialBuildsTheTreeAndEveryoneSignedInReadsTheOverview() {
        long activityType = server.services().categories().active(CategoryKind.ACTIVITY_TYPE).get(0).id();
        Http.Response created = officialApi.postJson("/api/v1/programmes", programme(Fixtures.unique("Social hållbarhet")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long programme = created.json().get("id").asLong();
        assertThat(created.location()).endsWith("/api/v1/programmes/" + programme);
        long trygghet = post("/api/v1/programmes/" + programme + "/focus-areas", Map.of("name", "Trygghet"));
        long delaktighet = post("/api/v1/programmes/" + programme + "/focus-areas", Map.of("name", "Delaktighet", "position", 1));
        long goal = post("/api/v1/focus-areas/" + trygghet + "/goals", Map.of("name", "En kommun fri från våld"));
        Http.Response measure = officialApi.postJson("/api/v1/goals/" + goal + "/measures", measure("Huskurage i Sättra",
                List.of(area.id()), List.of(activityType)));
        assertThat(measure.status()).as(measure.body()).isEqualTo(201);
        assertThat(measure.json().at("/areas/0/name").asText()).isEqualTo(area.name());
        assertThat(measure.json().get("responsibleOrganisationName").asText()).isEqualTo(municipality.name());
        long indicator = post("/api/v1/indicators", manualIndicator(goal, "Andel som känner sig trygga"));
        Http.Response value = officialApi.postJson("/api/v1/indicators/" + indicator + "/measurements",
                Map.of("measuredOn", today.toString(), "value", 64.5, "source", "Trygghetsmätningen", "comment", "Enkät i Sättra"));
        assertThat(value.status()).as(value.body()).isEqualTo(201);

        for (Http reader : List.of(partnerApi, coordinatorApi, officialApi)) {
            Http.Response overview = reader.getJson("/api/v1/programmes/" + programme);
            assertThat(overview.status()).as(overview.body()).isEqualTo(200);
            JsonNode tree = overview.json();
            assertThat(tree.at("/focusAreas/0/focusArea/name").asText()).as("placed first").isEqualTo("Delaktighet");
            assertThat(tree.at("/focusAreas/1/focusArea/id").asLong()).isEqualTo(trygghet);
            JsonNode goalNode = tree.at("/focusAreas/1/goals/0");
            assertThat(goalNode.at("/goal/name").asText()).isEqualTo("En kommun fri från våld");
            assertThat(goalNode.at("/indicators/0/indicator/id").asLong()).isEqualTo(indicator);
            assertThat(goalNode.at("/indicators/0/latest/value").decimalValue()).isEqualByComparingTo("64.5");
            assertThat(goalNode.at("/measures/0/measure/name").asText()).isEqualTo("Huskurage i Sättra");
            assertThat(goalNode.at("/measures/0/assessment/status").asText()).as("no indicators yet").isEqualTo("NO_DATA");
        }
        assertThat(partnerApi.getJson("/api/v1/programmes").json().get("items").findValuesAsText("name"))
                .contains(created.json().get("name").asText());
        assertThat(partnerApi.getJson("/api/v1/focus-areas/" + delaktighet).json().get("position").asInt()).isEqualTo(1);
        JsonNode goalDetail = partnerApi.getJson("/api/v1/goals/" + goal).json();
        assertThat(goalDetail.at("/programme/id").asLong()).isEqualTo(programme);
        assertThat(goalDetail.at("/focusArea/name").asText()).isEqualTo("Trygghet");
        JsonNode detail = partnerApi.getJson("/api/v1/indicators/" + indicator).json();
        assertThat(detail.at("/series/0/value").decimalValue()).isEqualByComparingTo("64.5");
        assertThat(detail.at("/measurements/0/source").asText()).isEqualTo("Trygghetsmätningen");
        assertThat(detail.at("/measurements/0/createdByName").asText()).isEqualTo(official.name());
    }

    @Test
    void aRefusedInputNamesEveryFieldAtOnceAndStoresNothing() {
        String name = Fixtures.unique("Program");
        Map<String, Object> programme = new HashMap<>(programme(name));
        programme.put("periodEnd", "2018-01-01");
        programme.put("description", "Kontakt 19121212-1212");
        programme.put("adoptedOn", "1899-12-01");
        Http.Response refused = officialApi.postJson("/api/v1/programmes", programme);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(fields(refused)).containsExactlyInAnyOrder("periodEnd", "description", "adoptedOn");
        assertThat(officialApi.getJson("/api/v1/programmes").json().get("items").findValuesAsText("name")).doesNotContain(name);

        long goal = goalOfNewProgramme();
        Map<String, Object> indicator = new HashMap<>();
        indicator.put("goalId", goal);
        indicator.put("name", "");
        indicator.put("unit", "procent");
        indicator.put("direction", "HIGHER_IS_BETTER");
        indicator.put("kind", "MANUAL");
        indicator.put("baselineValue", 60);
        indicator.put("targetValue", 50);
        indicator.put("targetDate", "2030-12-31");
        indicator.put("source", "ACTIVITIES");
        Http.Response badIndicator = officialApi.postJson("/api/v1/indicators", indicator);
        assertThat(badIndicator.status()).as(badIndicator.body()).isEqualTo(422);
        assertThat(fields(badIndicator)).containsExactlyInAnyOrder("name", "baselineDate", "targetValue", "source");
        assertThat(officialApi.getJson("/api/v1/goals/" + goal).json().at("/node/indicators")).isEmpty();

        // The unit is free text too, too short for the shared corpus (PersonalNumberEverywhereTest): checked here.
        Map<String, Object> withNumber = new HashMap<>(manualIndicator(goal, "Andel trygga"));
        withNumber.put("unit", "st 19121212-1212");
        assertThat(fields(officialApi.postJson("/api/v1/indicators", withNumber))).containsExactly("unit");

        Http.Response bothOwners = officialApi.postJson("/api/v1/indicators", Map.of("goalId", goal, "measureId", goal, "name", "x",
                "unit", "st", "direction", "LOWER_IS_BETTER", "kind", "DERIVED"));
        assertThat(fields(bothOwners)).containsExactlyInAnyOrder("measureId", "source", "period");
        Http.Response badMeasure = officialApi.postJson("/api/v1/goals/" + goal + "/measures", Map.of("name", "Huskurage",
                "startDate", "2019-03-01", "endDate", "2019-01-01", "areaIds", List.of(-1), "activityTypeIds", List.of(-1)));
        assertThat(fields(badMeasure)).containsExactlyInAnyOrder("responsibleOrganisationId", "endDate", "areaIds", "activityTypeIds");
    }

    @Test
    void anAbsurdExponentInAValueIsRefusedAtOnceOnItsField() {
        long goal = goalOfNewProgramme();
        long indicator = post("/api/v1/indicators", manualIndicator(goal, "Andel trygga"));
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10), () -> {
            for (String value : List.of("1e999999999", "-1e999999999", "1e-999999999")) {
                Http.Response measurement = officialApi.sendJson("POST", "/api/v1/indicators/" + indicator + "/measurements",
                        "{\"measuredOn\": \"" + today + "\", \"value\": " + value + "}");
                assertThat(measurement.status()).as(value).isEqualTo(422);
                assertThat(fields(measurement)).containsExactly("value");
                Http.Response baseline = officialApi.sendJson("PUT", "/api/v1/indicators/" + indicator,
                        Http.write(manualIndicator(goal, "Andel trygga")).replaceFirst("\"baselineValue\":[^,}]+", "\"baselineValue\":" + value)
                                .replaceFirst("\"targetValue\":[^,}]+", "\"targetValue\":" + value));
                assertThat(fields(baseline)).as(value).containsExactlyInAnyOrder("baselineValue", "targetValue");
            }
        });
        // Many decimals are still rounded to the four stored, not refused.
        assertThat(officialApi.postJson("/api/v1/indicators/" + indicator + "/measurements",
                Map.of("measuredOn", today.toString(), "value", new java.math.BigDecimal("12.345678901"))).status()).isEqualTo(201);
    }

    @Test
    void partnersAndCoordinatorsReadButOnlyAdminsAndOfficialsEdit() {
        long goal = goalOfNewProgramme();
        long indicator = post("/api/v1/indicators", manualIndicator(goal, "Anmält våld"));
        for (Http reader : List.of(partnerApi, coordinatorApi)) {
            assertThat(reader.getJson("/api/v1/goals/" + goal).status()).isEqualTo(200);
            assertThat(reader.getJson("/api/v1/indicators/" + indicator).status()).isEqualTo(200);
            assertThat(reader.postJson("/api/v1/programmes", programme(Fixtures.unique("Program"))).status()).isEqualTo(403);
            assertThat(reader.putJson("/api/v1/goals/" + goal, Map.of("name", "Ändrat")).status()).isEqualTo(403);
            assertThat(reader.postJson("/api/v1/indicators/" + indicator + "/measurements", Map.of("measuredOn", today.toString(),
                    "value", 1)).status()).isEqualTo(403);
            assertThat(reader.putJson("/api/v1/indicators/" + indicator + "/status-override", Map.of("status", "ON_TRACK",
                    "justification", "Vi vet bättre")).status()).isEqualTo(403);
            assertThat(reader.delete("/api/v1/goals/" + goal).status()).isEqualTo(403);
        }
        assertThat(adminApi.putJson("/api/v1/goals/" + goal, Map.of("name", "Ändrat av admin")).status()).isEqualTo(200);
        assertThat(partnerApi.getJson("/api/v1/goals/" + goal).json().at("/node/goal/name").asText()).isEqualTo("Ändrat av admin");
        assertThat(new Http(server).getJson("/api/v1/goals/" + goal).status()).as("anonymous").isEqualTo(401);
    }

    @Test
    void coordinatorsCommentOnProgressAndOnlyTheAuthorOrAnAdminDeletesAComment() {
        long goal = goalOfNewProgramme();
        Http.Response posted = coordinatorApi.postJson("/api/v1/progress-comments", Map.of("subjectType", "GOAL", "subjectId", goal,
                "year", today.getYear(), "quarter", 2, "text", "Huskurage har startat i tre trappuppgångar."));
        assertThat(posted.status()).as(posted.body()).isEqualTo(201);
        long comment = posted.json().get("id").asLong();
        assertThat(posted.json().get("authorName").asText()).isEqualTo(coordinator.name());
        Http.Response refused = partnerApi.postJson("/api/v1/progress-comments", Map.of("subjectType", "GOAL", "subjectId", goal,
                "year", today.getYear(), "text", "Partner"));
        assertThat(refused.status()).isEqualTo(403);
        Http.Response invalid = officialApi.postJson("/api/v1/progress-comments", Map.of("subjectType", "GOAL", "subjectId", goal,
                "year", 1999, "quarter", 5, "text", " "));
        assertThat(fields(invalid)).containsExactlyInAnyOrder("year", "quarter", "text");

        JsonNode comments = partnerApi.getJson("/api/v1/progress-comments?subjectType=GOAL&subjectId=" + goal).json().get("items");
        assertThat(comments.findValuesAsText("text")).containsExactly("Huskurage har startat i tre trappuppgångar.");
        assertThat(partnerApi.getJson("/api/v1/goals/" + goal).json().at("/comments/0/quarter").asInt()).isEqualTo(2);
        assertThat(officialApi.delete("/api/v1/progress-comments/" + comment).status()).as("not the author").isEqualTo(403);
        assertThat(coordinatorApi.delete("/api/v1/progress-comments/" + comment).status()).isEqualTo(204);
        assertThat(partnerApi.getJson("/api/v1/progress-comments/" + comment).status()).isEqualTo(404);
    }

    @Test
    void anOverrideNeedsAJustificationIsAuditedWithoutItAndTheComputedStatusShowsBesideIt() {
        long goal = goalOfNewProgramme();
        long indicator = post("/api/v1/indicators", trajectory(goal, "Trygghet"));
        officialApi.postJson("/api/v1/indicators/" + indicator + "/measurements", Map.of("measuredOn", today.toString(), "value", 50));

        Http.Response unjustified = officialApi.putJson("/api/v1/indicators/" + indicator + "/status-override",
                Map.of("status", "NO_DATA", "justification", "  "));
        assertThat(unjustified.status()).isEqualTo(422);
        assertThat(fields(unjustified)).containsExactlyInAnyOrder("status", "justification");

        String justification = "Mätningen gjordes före insatsen i Sättra";
        Http.Response set = officialApi.putJson("/api/v1/indicators/" + indicator + "/status-override",
                Map.of("status", "ON_TRACK", "justification", justification));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.json().get("status").asText()).isEqualTo("ON_TRACK");
        assertThat(set.json().get("computed").asText()).isEqualTo("OFF_TRACK");
        assertThat(set.json().at("/override/setByName").asText()).isEqualTo(official.name());

        JsonNode summary = partnerApi.getJson("/api/v1/goals/" + goal).json().at("/node/indicators/0");
        assertThat(summary.at("/assessment/status").asText()).isEqualTo("ON_TRACK");
        assertThat(summary.at("/assessment/computed").asText()).isEqualTo("OFF_TRACK");
        assertThat(summary.at("/assessment/override/justification").asText()).isEqualTo(justification);
        assertThat(partnerApi.getJson("/api/v1/goals/" + goal).json().at("/node/assessment/status").asText())
                .as("the goal follows the status that holds").isEqualTo("ON_TRACK");

        Http.Response cleared = officialApi.delete("/api/v1/indicators/" + indicator + "/status-override");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("status").asText()).isEqualTo("OFF_TRACK");
        assertThat(cleared.json().get("override").isNull()).isTrue();

        Http.Response audit = adminApi.getJson("/api/v1/audit?entityType=status_override&entityId=" + indicator);
        List<String> summaries = audit.json().get("items").findValuesAsText("summary");
        assertThat(summaries).hasSize(2).anyMatch(s -> s.equals("indicator " + indicator + ": ON_TRACK"));
        assertThat(audit.body()).doesNotContain(justification);
    }

    @Test
    void aGoalWithMeasuresIsNotDeletedAndNothingIsLost() {
        long goal = goalOfNewProgramme();
        long measure = post("/api/v1/goals/" + goal + "/measures", measure("Huskurage", List.of(), List.of()));
        Http.Response refused = officialApi.delete("/api/v1/goals/" + goal);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("id");
        assertThat(officialApi.getJson("/api/v1/goals/" + goal).json().at("/node/measures/0/measure/id").asLong()).isEqualTo(measure);
        long focusArea = officialApi.getJson("/api/v1/goals/" + goal).json().at("/focusArea/id").asLong();
        assertThat(officialApi.delete("/api/v1/focus-areas/" + focusArea).status()).isEqualTo(422);

        assertThat(officialApi.delete("/api/v1/measures/" + measure).status()).isEqualTo(204);
        assertThat(officialApi.delete("/api/v1/goals/" + goal).status()).isEqualTo(204);
        assertThat(officialApi.getJson("/api/v1/goals/" + goal).status()).isEqualTo(404);
    }

    @Test
    void measurementsAreEnteredOnlyForManualIndicators() {
        long goal = goalOfNewProgramme();
        Map<String, Object> derived = new HashMap<>(Map.of("goalId", goal, "name", "Nattvandringar", "unit", "st", "direction",
                "HIGHER_IS_BETTER", "kind", "DERIVED", "source", "ACTIVITIES", "period", "QUARTER"));
        long indicator = post("/api/v1/indicators", derived);
        Http.Response refused = officialApi.postJson("/api/v1/indicators/" + indicator + "/measurements",
                Map.of("measuredOn", today.toString(), "value", 3));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("indicatorId");

        long manual = post("/api/v1/indicators", manualIndicator(goal, "Trygghet"));
        Http.Response future = officialApi.postJson("/api/v1/indicators/" + manual + "/measurements",
                Map.of("measuredOn", today.plusDays(1).toString(), "value", 3));
        assertThat(fields(future)).containsExactly("measuredOn");
        long measurement = post("/api/v1/indicators/" + manual + "/measurements", Map.of("measuredOn", today.toString(), "value", 3,
                "areaId", area.id()));
        assertThat(partnerApi.getJson("/api/v1/measurements/" + measurement).json().get("areaName").asText()).isEqualTo(area.name());
        JsonNode detail = partnerApi.getJson("/api/v1/indicators/" + manual).json();
        assertThat(detail.get("series")).as("an area's value is the breakdown, not the series").isEmpty();
        assertThat(detail.at("/byArea/0/latest/value").decimalValue()).isEqualByComparingTo("3");
        assertThat(officialApi.delete("/api/v1/measurements/" + measurement).status()).isEqualTo(204);
        assertThat(partnerApi.getJson("/api/v1/measurements/" + measurement).status()).isEqualTo(404);
    }

    @Test
    void theOverviewStatusFollowsTheStatusRuleForManualIndicators() {
        long programme = post("/api/v1/programmes", programme(Fixtures.unique("Program")));
        long focusArea = post("/api/v1/programmes/" + programme + "/focus-areas", Map.of("name", "Trygghet"));
        long goal = post("/api/v1/focus-areas/" + focusArea + "/goals", Map.of("name", "Tryggare Sättra"));
        // From 50 a year ago to 70 a year from now: 60 is expected today, and 20 is the whole planned change.
        Map<String, Long> indicators = new HashMap<>();
        for (Map.Entry<String, Integer> value : Map.of("onTrack", 59, "atRisk", 56, "offTrack", 54).entrySet()) {
            long id = post("/api/v1/indicators", trajectory(goal, value.getKey()));
            post("/api/v1/indicators/" + id + "/measurements", Map.of("measuredOn", today.toString(), "value", value.getValue()));
            indicators.put(value.getKey(), id);
        }
        long noData = post("/api/v1/indicators", trajectory(goal, "noData"));

        JsonNode goalNode = partnerApi.getJson("/api/v1/programmes/" + programme).json().at("/focusAreas/0/goals/0");
        Map<Long, String> statuses = new HashMap<>();
        goalNode.get("indicators").forEach(i -> statuses.put(i.at("/indicator/id").asLong(), i.at("/assessment/status").asText()));
        assertThat(statuses).containsEntry(indicators.get("onTrack"), "ON_TRACK").containsEntry(indicators.get("atRisk"), "AT_RISK")
                .containsEntry(indicators.get("offTrack"), "OFF_TRACK").containsEntry(noData, "NO_DATA");
        assertThat(goalNode.at("/assessment/status").asText()).as("the worst part").isEqualTo("OFF_TRACK");
    }

    @Test
    void theAnnualReportHoldsThatYearsValuesAndCommentsOnly() {
        int year = today.getYear() - 1;
        long programme = post("/api/v1/programmes", programme(Fixtures.unique("Program")));
        long focusArea = post("/api/v1/programmes/" + programme + "/focus-areas", Map.of("name", "Trygghet"));
        long goal = post("/api/v1/focus-areas/" + focusArea + "/goals", Map.of("name", "En kommun fri från våld"));
        long measure = post("/api/v1/goals/" + goal + "/measures", measure("Huskurage i Sättra", List.of(area.id()), List.of()));
        Map<String, Object> input = new HashMap<>(manualIndicator(null, "Andel trygga"));
        input.remove("goalId");
        input.put("measureId", measure);
        long indicator = post("/api/v1/indicators", input);
        for (String[] value : new String[][]{{(year - 1) + "-11-01", "41"}, {year + "-03-31", "52.25"}, {year + "-10-15", "55"},
                {(year + 1) + "-01-02", "77"}}) {
            post("/api/v1/indicators/" + indicator + "/measurements", Map.of("measuredOn", value[0], "value", value[1]));
        }
        comment("GOAL", goal, year, null, "=HYPERLINK(\"http://example.com\")");
        comment("MEASURE", measure, year, 3, "Tre trappuppgångar klara");
        comment("INDICATOR", indicator, year - 1, null, "Förra årets kommentar");

        Http.Response report = partnerApi.getJson("/api/v1/programmes/" + programme + "/report?year=" + year);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode json = report.json();
        assertThat(json.get("asOf").asText()).isEqualTo(year + "-12-31");
        JsonNode part = json.at("/focusAreas/0/goals/0/measures/0/indicators/0");
        assertThat(part.get("values").findValuesAsText("to")).containsExactly(year + "-03-31", year + "-10-15");
        assertThat(part.at("/latest/value").decimalValue()).isEqualByComparingTo("55");
        assertThat(part.get("comments")).isEmpty();
        assertThat(json.at("/focusAreas/0/goals/0/measures/0/comments/0/text").asText()).isEqualTo("Tre trappuppgångar klara");
        assertThat(report.body()).doesNotContain("Förra årets kommentar").doesNotContain("\"value\":77").doesNotContain("\"value\":41");

        Http.Response csv = partnerApi.get("/api/v1/programmes/" + programme + "/report.csv?year=" + year);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(csv.header("Content-Disposition").orElseThrow()).startsWith("attachment").contains("filename=");
        assertThat(csv.body()).contains("Huskurage i Sättra;Andel trygga;procent;Högre är bättre")
                .contains(year + "-03-31: 52.25, " + year + "-10-15: 55").contains("Tre trappuppgångar klara")
                .contains("\"'=HYPERLINK(\"\"http://example.com\"\")\"")
                .doesNotContain("Förra årets kommentar").doesNotContain(": 77").doesNotContain(": 41");

        Http.Response future = partnerApi.getJson("/api/v1/programmes/" + programme + "/report?year=" + (today.getYear() + 1));
        assertThat(fields(future)).containsExactly("year");
    }

    @Test
    void aDerivedIndicatorCountsAnOrganisationOnlyActivityWhileAnotherPartnerSeesOnlyTheNumber() {
        Organisation police = fixtures.organisation(OrganisationType.POLICE);
        User officer = fixtures.user(Set.of(Role.PARTNER), police);
        long type = server.services().categories().active(CategoryKind.ACTIVITY_TYPE).get(0).id();
        String place = Fixtures.unique("Gångtunneln");
        long placeId = server.services().areas().addPlace(null, area.id(), new se.samtrygg.area.PlaceInput(place, null)).id();
        // In the quarter before this one: the last complete period, which the latest value is.
        LocalDate thisQuarter = today.withDayOfMonth(1).withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        LocalDate day = thisQuarter.minusDays(20);
        String description = Fixtures.unique("Spaning mot narkotikahandel vid tunneln");
        Http.Response activity = new Http(server).bearer(fixtures.token(officer)).postJson("/api/v1/activities", Map.of("areaId", area.id(),
                "placeId", placeId, "typeId", type, "startsAt", day + "T19:00:00+01:00", "endsAt", day + "T21:00:00+01:00",
                "description", description, "visibility", "ORGANISATION"));
        assertThat(activity.status()).as(activity.body()).isEqualTo(201);
        assertThat(partnerApi.getJson("/api/v1/activities/" + activity.json().get("id").asLong()).status())
                .as("the activity itself stays within the police").isEqualTo(404);

        long programme = post("/api/v1/programmes", programme(Fixtures.unique("Program")));
        long focusArea = post("/api/v1/programmes/" + programme + "/focus-areas", Map.of("name", "Trygghet"));
        long goal = post("/api/v1/focus-areas/" + focusArea + "/goals", Map.of("name", "En kommun fri från våld"));
        long measure = post("/api/v1/goals/" + goal + "/measures", measure("Polisens närvaro", List.of(area.id()), List.of(type)));
        // The indicator names no area or type of its own: it counts over its measure's.
        Map<String, Object> derived = new HashMap<>(Map.of("measureId", measure, "name", "Insatser i området", "unit", "st", "direction",
                "HIGHER_IS_BETTER", "kind", "DERIVED", "source", "ACTIVITIES", "period", "QUARTER"));
        derived.putAll(Map.of("baselineValue", 0, "baselineDate", thisQuarter.minusYears(1).toString(), "targetValue", 4, "targetDate",
                thisQuarter.plusYears(1).toString()));
        long indicator = post("/api/v1/indicators", derived);

        Http.Response detail = partnerApi.getJson("/api/v1/indicators/" + indicator);
        assertThat(detail.status()).as(detail.body()).isEqualTo(200);
        assertThat(detail.json().at("/latest/value").decimalValue()).isEqualByComparingTo("1");
        assertThat(detail.json().at("/latest/to").asText()).isEqualTo(thisQuarter.minusDays(1).toString());
        assertThat(detail.json().get("measurements")).isEmpty();
        Http.Response overview = partnerApi.getJson("/api/v1/programmes/" + programme);
        assertThat(overview.json().at("/focusAreas/0/goals/0/measures/0/indicators/0/latest/value").decimalValue()).isEqualByComparingTo("1");
        Http.Response report = partnerApi.getJson("/api/v1/programmes/" + programme + "/report?year=" + day.getYear());
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        assertThat(report.json().at("/focusAreas/0/goals/0/measures/0/indicators/0/values").findValuesAsText("value")).contains("1");
        Http.Response csv = partnerApi.get("/api/v1/programmes/" + programme + "/report.csv?year=" + day.getYear());
        for (Http.Response body : List.of(detail, overview, report, csv)) {
            assertThat(body.body()).doesNotContain(description).doesNotContain(place).doesNotContain(police.name());
        }
    }

    // Helpers

    private long post(String path, Object body) {
        Http.Response response = officialApi.postJson(path, body);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    private void comment(String type, long id, int year, Integer quarter, String text) {
        Map<String, Object> body = new HashMap<>(Map.of("subjectType", type, "subjectId", id, "year", year, "text", text));
        if (quarter != null) {
            body.put("quarter", quarter);
        }
        Http.Response response = coordinatorApi.postJson("/api/v1/progress-comments", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    private long goalOfNewProgramme() {
        long programme = post("/api/v1/programmes", programme(Fixtures.unique("Program")));
        long focusArea = post("/api/v1/programmes/" + programme + "/focus-areas", Map.of("name", "Trygghet"));
        return post("/api/v1/focus-areas/" + focusArea + "/goals", Map.of("name", "En kommun fri från våld"));
    }

    private static Map<String, Object> programme(String name) {
        return Map.of("name", name, "adoptedBy", "Kommunfullmäktige", "adoptedOn", "2018-12-10", "periodStart", "2019-01-01",
                "periodEnd", "2030-12-31", "description", "Gävles program för social hållbarhet");
    }

    private Map<String, Object> measure(String name, List<Long> areaIds, List<Long> activityTypeIds) {
        return Map.of("name", name, "responsibleOrganisationId", municipality.id(), "startDate", "2019-03-01", "areaIds", areaIds,
                "activityTypeIds", activityTypeIds);
    }

    private static Map<String, Object> manualIndicator(Long goal, String name) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "unit", "procent", "direction", "HIGHER_IS_BETTER", "kind", "MANUAL",
                "baselineValue", 40, "baselineDate", "2018-10-01", "targetValue", 80, "targetDate", "2030-12-31"));
        if (goal != null) {
            body.put("goalId", goal);
        }
        return body;
    }

    /** From 50 a year ago to 70 a year from now. */
    private Map<String, Object> trajectory(long goal, String name) {
        return Map.of("goalId", goal, "name", name, "unit", "procent", "direction", "HIGHER_IS_BETTER", "kind", "MANUAL",
                "baselineValue", 50, "baselineDate", today.minusDays(365).toString(), "targetValue", 70, "targetDate",
                today.plusDays(365).toString());
    }

    private static List<String> fields(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
