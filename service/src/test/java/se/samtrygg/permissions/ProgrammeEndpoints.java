package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ADMIN_ONLY;
import static se.samtrygg.permissions.Endpoint.ADMIN_OR_OFFICIAL;
import static se.samtrygg.permissions.Endpoint.ANY_SIGNED_IN;
import static se.samtrygg.permissions.Endpoint.PROGRESS_COMMENTERS;
import static se.samtrygg.permissions.Endpoint.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.samtrygg.area.AreaInput;
import se.samtrygg.identity.Role;
import se.samtrygg.programme.DerivedSource;
import se.samtrygg.programme.Direction;
import se.samtrygg.programme.FocusAreaInput;
import se.samtrygg.programme.GoalInput;
import se.samtrygg.programme.IndicatorInput;
import se.samtrygg.programme.IndicatorKind;
import se.samtrygg.programme.MeasureInput;
import se.samtrygg.programme.MeasurementInput;
import se.samtrygg.programme.PeriodLength;
import se.samtrygg.programme.ProgrammeInput;
import se.samtrygg.programme.ProgrammeService;
import se.samtrygg.programme.ProgressCommentInput;
import se.samtrygg.programme.ProgressSubject;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * Programme follow-up. Each scenario may hold a programme made by the system ("programme") with a focus area
 * ("focusArea"), a goal ("goal"), a measure under it ("measure": responsible organisation the scenario's, in the
 * scenario's area), a MANUAL indicator on the goal ("manualIndicator") with a value ("measurement"), a DERIVED
 * ACTIVITIES indicator on the measure ("derivedIndicator"), a comment on the goal by a coordinator who is none of the
 * actors ("comment", so deleting it is for admins), and an empty programme, focus area, goal and measure for the
 * deletes. Each is made only when a cell names it. Everyone signed in reads; refusals are 403.
 */
public final class ProgrammeEndpoints {
    private ProgrammeEndpoints() {
    }

    public static void prepare(Scenario scenario, TestServer server) {
        Scenario.Ids ids = scenario.ids;
        ProgrammeService programmes = server.services().programmes();
        ids.lazy("programme", () -> programme(programmes));
        ids.lazy("focusArea", () -> programmes.addFocusArea(null, ids.get("programme"), new FocusAreaInput("Trygghet", null, null)).id());
        ids.lazy("goal", () -> programmes.addGoal(null, ids.get("focusArea"), new GoalInput("En kommun fri från våld", null, null)).id());
        ids.lazy("measure", () -> programmes.addMeasure(null, ids.get("goal"), new MeasureInput("Huskurage i Sättra", null,
                scenario.organisation, LocalDate.of(2019, 3, 1), null, null, List.of(area(scenario, server)), List.of(), List.of())).id());
        ids.lazy("manualIndicator", () -> programmes.createIndicator(null, new IndicatorInput(ids.get("goal"), null,
                "Andel som känner sig trygga", null, "procent", Direction.HIGHER_IS_BETTER, new BigDecimal("60"), LocalDate.of(2018, 10, 1),
                new BigDecimal("75"), LocalDate.of(2030, 12, 31), IndicatorKind.MANUAL, null, null, null, null, null, null)).id());
        ids.lazy("derivedIndicator", () -> programmes.createIndicator(null, new IndicatorInput(null, ids.get("measure"),
                "Nattvandringar", null, "st", Direction.HIGHER_IS_BETTER, null, null, null, null, IndicatorKind.DERIVED,
                DerivedSource.ACTIVITIES, PeriodLength.QUARTER, null, null, null, null)).id());
        ids.lazy("measurement", () -> programmes.addMeasurement(null, ids.get("manualIndicator"), new MeasurementInput(
                LocalDate.of(2020, 11, 1), new BigDecimal("64"), null, "Trygghetsmätningen", null)).id());
        ids.lazy("comment", () -> {
            Fixtures fixtures = new Fixtures(server);
            return programmes.comment(Fixtures.principal(fixtures.user(Set.of(Role.COORDINATOR))), new ProgressCommentInput(
                    ProgressSubject.GOAL, ids.get("goal"), 2020, 4, "Huskurage har kommit i gång.")).id();
        });
        ids.lazy("emptyProgramme", () -> programme(programmes));
        ids.lazy("emptyFocusArea", () -> programmes.addFocusArea(null, ids.get("programme"), new FocusAreaInput("Delaktighet", null, null))
                .id());
        ids.lazy("emptyGoal", () -> programmes.addGoal(null, ids.get("focusArea"), new GoalInput("Ett tryggare centrum", null, null)).id());
        ids.lazy("emptyMeasure", () -> programmes.addMeasure(null, ids.get("goal"), new MeasureInput("Trygghetsvandringar", null,
                scenario.organisation, LocalDate.of(2020, 1, 1), null, null, List.of(), List.of(), List.of())).id());
    }

    private static long programme(ProgrammeService programmes) {
        return programmes.create(null, new ProgrammeInput(Fixtures.unique("Program för social hållbarhet"), "Kommunfullmäktige",
                LocalDate.of(2018, 12, 10), LocalDate.of(2019, 1, 1), LocalDate.of(2030, 12, 31), null)).id();
    }

    /** The scenario's area when it has one, else one of its own. */
    private static long area(Scenario scenario, TestServer server) {
        try {
            return scenario.ids.get("area");
        } catch (IllegalArgumentException none) {
            return server.services().areas().create(null, new AreaInput(Fixtures.unique("Område"), "Gävle", null)).id();
        }
    }

    public static List<Endpoint> all() {
        return List.of(
                api("GET", "/api/v1/programmes", ANY_SIGNED_IN),
                api("POST", "/api/v1/programmes", s -> programmeBody(), ADMIN_OR_OFFICIAL),
                api("GET", "/api/v1/programmes/{programme}", ANY_SIGNED_IN),
                api("PUT", "/api/v1/programmes/{programme}", s -> programmeBody(), ADMIN_OR_OFFICIAL),
                api("DELETE", "/api/v1/programmes/{emptyProgramme}", ADMIN_OR_OFFICIAL),
                api("GET", "/api/v1/programmes/{programme}/report?year=2020", ANY_SIGNED_IN),
                api("GET", "/api/v1/programmes/{programme}/report.csv?year=2020", ANY_SIGNED_IN),
                api("POST", "/api/v1/programmes/{programme}/focus-areas", s -> Map.of("name", Fixtures.unique("Delområde")), ADMIN_OR_OFFICIAL),
                api("GET", "/api/v1/focus-areas/{focusArea}", ANY_SIGNED_IN),
                api("PUT", "/api/v1/focus-areas/{focusArea}", s -> Map.of("name", Fixtures.unique("Trygghet")), ADMIN_OR_OFFICIAL),
                api("DELETE", "/api/v1/focus-areas/{emptyFocusArea}", ADMIN_OR_OFFICIAL),
                api("POST", "/api/v1/focus-areas/{focusArea}/goals", s -> Map.of("name", Fixtures.unique("Mål")), ADMIN_OR_OFFICIAL),
                api("GET", "/api/v1/goals/{goal}", ANY_SIGNED_IN),
                api("PUT", "/api/v1/goals/{goal}", s -> Map.of("name", Fixtures.unique("Mål")), ADMIN_OR_OFFICIAL),
                api("DELETE", "/api/v1/goals/{emptyGoal}", ADMIN_OR_OFFICIAL),
                api("POST", "/api/v1/goals/{goal}/measures", ProgrammeEndpoints::measureBody, ADMIN_OR_OFFICIAL),
                api("GET", "/api/v1/measures/{measure}", ANY_SIGNED_IN),
                api("PUT", "/api/v1/measures/{measure}", ProgrammeEndpoints::measureBody, ADMIN_OR_OFFICIAL),
                api("DELETE", "/api/v1/measures/{emptyMeasure}", ADMIN_OR_OFFICIAL),
                api("POST", "/api/v1/indicators", s -> indicatorBody(Map.of("goalId", s.ids.get("goal"), "kind", "MANUAL")), ADMIN_OR_OFFICIAL),
                api("GET", "/api/v1/indicators/{manualIndicator}", ANY_SIGNED_IN),
                api("GET", "/api/v1/indicators/{derivedIndicator}", ANY_SIGNED_IN),
                api("PUT", "/api/v1/indicators/{manualIndicator}", s -> indicatorBody(Map.of()), ADMIN_OR_OFFICIAL),
                api("DELETE", "/api/v1/indicators/{manualIndicator}", ADMIN_OR_OFFICIAL),
                api("POST", "/api/v1/indicators/{manualIndicator}/measurements", s -> Map.of("measuredOn", "2021-11-01", "value", 66,
                        "source", "Trygghetsmätningen"), ADMIN_OR_OFFICIAL),
                api("GET", "/api/v1/measurements/{measurement}", ANY_SIGNED_IN),
                api("DELETE", "/api/v1/measurements/{measurement}", ADMIN_OR_OFFICIAL),
                api("PUT", "/api/v1/goals/{goal}/status-override", s -> override(), ADMIN_OR_OFFICIAL),
                api("DELETE", "/api/v1/goals/{goal}/status-override", ADMIN_OR_OFFICIAL),
                api("PUT", "/api/v1/measures/{measure}/status-override", s -> override(), ADMIN_OR_OFFICIAL),
                api("DELETE", "/api/v1/measures/{measure}/status-override", ADMIN_OR_OFFICIAL),
                api("PUT", "/api/v1/indicators/{manualIndicator}/status-override", s -> override(), ADMIN_OR_OFFICIAL),
                api("DELETE", "/api/v1/indicators/{manualIndicator}/status-override", ADMIN_OR_OFFICIAL),
                api("GET", "/api/v1/progress-comments?subjectType=GOAL&subjectId={goal}", ANY_SIGNED_IN),
                api("POST", "/api/v1/progress-comments", s -> Map.of("subjectType", "GOAL", "subjectId", s.ids.get("goal"), "year", 2021,
                        "text", "Fler trappuppgångar än planerat."), PROGRESS_COMMENTERS),
                api("GET", "/api/v1/progress-comments/{comment}", ANY_SIGNED_IN),
                // written by someone who is none of the actors: only an admin deletes another's comment
                api("DELETE", "/api/v1/progress-comments/{comment}", ADMIN_ONLY));
    }

    private static Map<String, Object> programmeBody() {
        return Map.of("name", Fixtures.unique("Program"), "periodStart", "2019-01-01", "periodEnd", "2030-12-31");
    }

    private static Map<String, Object> measureBody(Scenario s) {
        return Map.of("name", Fixtures.unique("Åtgärd"), "responsibleOrganisationId", s.organisation, "startDate", "2019-03-01");
    }

    private static Map<String, Object> indicatorBody(Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("name", Fixtures.unique("Indikator"), "unit", "procent", "direction",
                "HIGHER_IS_BETTER"));
        body.putAll(extra);
        return body;
    }

    private static Map<String, Object> override() {
        return Map.of("status", "AT_RISK", "justification", "Mätningen gjordes före insatsen.");
    }
}
