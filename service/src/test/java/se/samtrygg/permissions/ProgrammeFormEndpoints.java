package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ADMIN_OR_OFFICIAL;
import static se.samtrygg.permissions.Endpoint.page;

import java.util.List;
import java.util.Map;
import se.samtrygg.support.Fixtures;

/**
 * The programme follow-up forms (ProgrammeFormPages), on the records ProgrammeEndpoints.prepare makes: only admins and
 * officials get the forms for programmes, focus areas, goals, measures and indicators, the confirm pages before deleting
 * and the status set by hand. Deletes act on the "empty" records, which have nothing under them.
 */
final class ProgrammeFormEndpoints {
    private ProgrammeFormEndpoints() {
    }

    private static Map<String, String> programme(Scenario s) {
        return Map.of("name", Fixtures.unique("Socialt hållbarhetsprogram"), "adoptedBy", "Kommunfullmäktige", "adoptedOn", "2018-12-10",
                "periodStart", "2019-01-01", "periodEnd", "2026-12-31", "description", "");
    }

    private static Map<String, String> named(String name) {
        return Map.of("name", Fixtures.unique(name), "description", "", "position", "");
    }

    private static Map<String, String> measure(Scenario s) {
        return Map.of("name", Fixtures.unique("Huskurage"), "description", "", "responsibleOrganisationId", Long.toString(s.organisation),
                "startDate", "2019-03-01", "endDate", "", "position", "");
    }

    private static Map<String, String> indicator(Scenario s) {
        return Map.of("goalId", Long.toString(s.ids.get("goal")), "name", Fixtures.unique("Andel trygga"), "unit", "procent",
                "direction", "HIGHER_IS_BETTER", "baselineValue", "61,5", "baselineDate", "2019-01-01", "targetValue", "75",
                "targetDate", "2026-12-31", "kind", "MANUAL");
    }

    private static Map<String, String> indicatorChange(Scenario s) {
        return Map.of("name", Fixtures.unique("Andel boende som känner sig trygga"), "unit", "procent", "direction", "HIGHER_IS_BETTER",
                "baselineValue", "61,5", "baselineDate", "2019-01-01", "targetValue", "80", "targetDate", "2026-12-31");
    }

    private static Map<String, String> status(Scenario s) {
        return Map.of("status", "AT_RISK", "justification", "Enkäten visar att färre känner sig trygga kvällstid.");
    }

    static List<Endpoint> all() {
        return List.of(
                page("GET", "/programmes/new", ADMIN_OR_OFFICIAL),
                page("POST", "/programmes", ProgrammeFormEndpoints::programme, ADMIN_OR_OFFICIAL),
                page("GET", "/programmes/{programme}/edit", ADMIN_OR_OFFICIAL),
                page("POST", "/programmes/{programme}/edit", ProgrammeFormEndpoints::programme, ADMIN_OR_OFFICIAL),
                page("GET", "/programmes/{programme}/delete", ADMIN_OR_OFFICIAL),
                page("GET", "/programmes/{emptyProgramme}/delete", ADMIN_OR_OFFICIAL),
                page("POST", "/programmes/{emptyProgramme}/delete", ADMIN_OR_OFFICIAL),
                page("GET", "/programmes/{programme}/focus-areas/new", ADMIN_OR_OFFICIAL),
                page("POST", "/programmes/{programme}/focus-areas", s -> named("Trygghet"), ADMIN_OR_OFFICIAL),
                page("GET", "/focus-areas/{focusArea}/edit", ADMIN_OR_OFFICIAL),
                page("POST", "/focus-areas/{focusArea}/edit", s -> named("Trygghet"), ADMIN_OR_OFFICIAL),
                page("GET", "/focus-areas/{emptyFocusArea}/delete", ADMIN_OR_OFFICIAL),
                page("POST", "/focus-areas/{emptyFocusArea}/delete", ADMIN_OR_OFFICIAL),
                page("GET", "/focus-areas/{focusArea}/goals/new", ADMIN_OR_OFFICIAL),
                page("POST", "/focus-areas/{focusArea}/goals", s -> named("En kommun fri från våld"), ADMIN_OR_OFFICIAL),
                page("GET", "/goals/{goal}/edit", ADMIN_OR_OFFICIAL),
                page("POST", "/goals/{goal}/edit", s -> named("En kommun fri från våld"), ADMIN_OR_OFFICIAL),
                page("GET", "/goals/{emptyGoal}/delete", ADMIN_OR_OFFICIAL),
                page("POST", "/goals/{emptyGoal}/delete", ADMIN_OR_OFFICIAL),
                page("GET", "/goals/{goal}/measures/new", ADMIN_OR_OFFICIAL),
                page("POST", "/goals/{goal}/measures", ProgrammeFormEndpoints::measure, ADMIN_OR_OFFICIAL),
                page("GET", "/measures/{measure}/edit", ADMIN_OR_OFFICIAL),
                page("POST", "/measures/{measure}/edit", ProgrammeFormEndpoints::measure, ADMIN_OR_OFFICIAL),
                page("GET", "/measures/{emptyMeasure}/delete", ADMIN_OR_OFFICIAL),
                page("POST", "/measures/{emptyMeasure}/delete", ADMIN_OR_OFFICIAL),
                page("GET", "/indicators/new?goalId={goal}", ADMIN_OR_OFFICIAL),
                page("GET", "/indicators/new?measureId={measure}", ADMIN_OR_OFFICIAL),
                page("POST", "/indicators", ProgrammeFormEndpoints::indicator, ADMIN_OR_OFFICIAL),
                page("GET", "/indicators/{manualIndicator}/edit", ADMIN_OR_OFFICIAL),
                page("GET", "/indicators/{derivedIndicator}/edit", ADMIN_OR_OFFICIAL),
                page("POST", "/indicators/{manualIndicator}/edit", ProgrammeFormEndpoints::indicatorChange, ADMIN_OR_OFFICIAL),
                page("GET", "/indicators/{manualIndicator}/delete", ADMIN_OR_OFFICIAL),
                page("POST", "/indicators/{manualIndicator}/delete", ADMIN_OR_OFFICIAL),
                page("GET", "/goals/{goal}/status", ADMIN_OR_OFFICIAL),
                page("POST", "/goals/{goal}/status", ProgrammeFormEndpoints::status, ADMIN_OR_OFFICIAL),
                page("GET", "/measures/{measure}/status", ADMIN_OR_OFFICIAL),
                page("POST", "/measures/{measure}/status", ProgrammeFormEndpoints::status, ADMIN_OR_OFFICIAL),
                page("GET", "/indicators/{manualIndicator}/status", ADMIN_OR_OFFICIAL),
                page("POST", "/indicators/{manualIndicator}/status", ProgrammeFormEndpoints::status, ADMIN_OR_OFFICIAL),
                page("POST", "/indicators/{derivedIndicator}/status", s -> Map.of("clear", "true"), ADMIN_OR_OFFICIAL));
    }
}
