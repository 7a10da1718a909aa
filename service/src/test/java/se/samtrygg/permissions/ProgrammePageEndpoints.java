package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ADMIN_ONLY;
import static se.samtrygg.permissions.Endpoint.ADMIN_OR_OFFICIAL;
import static se.samtrygg.permissions.Endpoint.ANY_SIGNED_IN;
import static se.samtrygg.permissions.Endpoint.PROGRESS_COMMENTERS;
import static se.samtrygg.permissions.Endpoint.page;

import java.util.List;
import java.util.Map;

/**
 * The programme follow-up pages (read side and their inline forms), on the records ProgrammeEndpoints.prepare makes:
 * everyone signed in reads the programmes, the tree, goals, measures, indicators and the annual report (page and CSV);
 * admins and officials enter and delete measurements; admins, officials and coordinators comment; the "comment" was
 * written by someone who is none of the actors, so only an admin deletes it.
 */
final class ProgrammePageEndpoints {
    /** Any year from 2000 to the current one is a report; this one holds whatever the clock says. */
    private static final String YEAR = "2020";

    private ProgrammePageEndpoints() {
    }

    private static Map<String, String> measurement(Scenario s) {
        return Map.of("measuredOn", "2020-03-01", "value", "71,5", "areaId", "", "source", "Trygghetsenkäten 2020",
                "comment", "Svarsfrekvens 41 %.");
    }

    private static Map<String, String> comment(Scenario s) {
        long goal = s.ids.get("goal");
        return Map.of("subjectType", "GOAL", "subjectId", Long.toString(goal), "year", YEAR, "quarter", "2",
                "text", "Fler vuxna ute på kvällarna i Sättra sedan i våras.", "returnTo", "/goals/" + goal);
    }

    static List<Endpoint> all() {
        return List.of(
                page("GET", "/programmes", ANY_SIGNED_IN),
                page("GET", "/programmes/{programme}", ANY_SIGNED_IN),
                page("GET", "/programmes/{programme}/report?year=" + YEAR, ANY_SIGNED_IN),
                page("GET", "/programmes/{programme}/report.csv?year=" + YEAR, ANY_SIGNED_IN),
                page("GET", "/goals/{goal}", ANY_SIGNED_IN),
                page("GET", "/measures/{measure}", ANY_SIGNED_IN),
                page("GET", "/indicators/{manualIndicator}", ANY_SIGNED_IN),
                page("GET", "/indicators/{derivedIndicator}", ANY_SIGNED_IN),
                page("POST", "/indicators/{manualIndicator}/measurements", ProgrammePageEndpoints::measurement, ADMIN_OR_OFFICIAL),
                page("GET", "/measurements/{measurement}/delete", ADMIN_OR_OFFICIAL),
                page("POST", "/measurements/{measurement}/delete", ADMIN_OR_OFFICIAL),
                page("POST", "/progress-comments", ProgrammePageEndpoints::comment, PROGRESS_COMMENTERS),
                page("GET", "/progress-comments/{comment}/delete", ADMIN_ONLY),
                page("POST", "/progress-comments/{comment}/delete", ADMIN_ONLY));
    }
}
