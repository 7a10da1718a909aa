package se.samtrygg.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Importing a year of activities from CSV: every row checked with the rules of the form, all stored or none. */
class ActivityImportTest {
    private static final String HEADER = "Datum;Start;Slut;Område;Plats;Typ;Personal/volontärer;Nådda personer;Beskrivning;Synlighet\r\n";

    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Skogås"), "Huddinge", null));
    private final Organisation association = fixtures.organisation();
    private final User partner = fixtures.user(Set.of(Role.PARTNER), association);
    private final Http api = new Http(server).bearer(fixtures.token(partner));

    ActivityImportTest() {
        server.services().areas().addPlace(null, area.id(), new PlaceInput("Centrumtorget", null));
    }

    private String rows(int count, int badRow) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 1; i <= count; i++) {
            String day = java.time.LocalDate.of(2026, 1, 1).plusDays(i % 365).toString();
            String staff = i == badRow ? "-3" : Integer.toString(i % 10);
            csv.append(day).append(";21:00;01:00;").append(area.name()).append(";Centrumtorget;Nattvandring;").append(staff)
                    .append(";").append(i % 50).append(";\"Kväll nr ").append(i).append("; lugnt\";NETWORK\r\n");
        }
        return csv.toString();
    }

    private long stored() {
        return server.services().activities().list(Fixtures.principal(partner), new ActivityFilter(area.id(), null, null, null, null, null,
                false), null, 1).items().size();
    }

    @Test
    void tenThousandRowsWithOneBadRowStoreNothingAndNameTheRowTheSameFileFixedStoresThemAll() {
        Http.Response refused = api.sendRaw("POST", "/api/v1/activities/import?dryRun=false", "text/csv", rows(10_000, 7_777));
        assertThat(refused.status()).isEqualTo(422);
        JsonNode report = refused.json();
        assertThat(report.get("stored").asBoolean()).isFalse();
        assertThat(report.get("rows").asInt()).isEqualTo(10_000);
        assertThat(report.get("errors")).hasSize(1);
        assertThat(report.get("errors").get(0).get("row").asInt()).as("the header is row 1").isEqualTo(7_778);
        assertThat(report.get("errors").get(0).get("column").asText()).isEqualTo("staff");
        assertThat(stored()).isZero();

        Http.Response imported = api.sendRaw("POST", "/api/v1/activities/import?dryRun=false", "text/csv", rows(10_000, -1));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("stored").asBoolean()).isTrue();
        assertThat(Db.strings(server, "SELECT COUNT(*) FROM activity WHERE area_id = " + area.id())).containsExactly("10000");
        assertThat(Db.strings(server, "SELECT summary FROM audit_log WHERE summary LIKE 'Imported 10000 activities for organisation #"
                + association.id() + "'")).as("one audit entry for the import").hasSize(1);
    }

    @Test
    void aDryRunChecksEveryRowAndStoresNothing() {
        String csv = HEADER + "2026-13-01;21:00;01:00;" + area.name() + ";;Nattvandring;;;;\r\n"
                + "2026-03-01;21:00;01:00;Ingenstans;;Nattvandring;;;;\r\n"
                + "2026-03-02;21:00;01:00;" + area.name() + ";Månen;Flygning;;;Ring 19811218-9876;HEMLIG\r\n"
                + "2026-03-03;21:00;01:00;" + area.name() + ";;Nattvandring;;;;\r\n";
        JsonNode report = api.sendRaw("POST", "/api/v1/activities/import", "text/csv", csv).json();
        assertThat(report.get("stored").asBoolean()).isFalse();
        assertThat(report.get("errors").findValuesAsText("column")).containsExactlyInAnyOrder("date", "area", "place", "type",
                "visibility");
        assertThat(report.get("errors").findValuesAsText("row")).containsExactlyInAnyOrder("2", "3", "4", "4", "4");
        assertThat(stored()).isZero();

        String fixed = HEADER + "2026-03-03;21:00;01:00;" + area.name() + ";;Nattvandring;;;Ring 19811218-9876;\r\n";
        JsonNode guard = api.sendRaw("POST", "/api/v1/activities/import?dryRun=false", "text/csv", fixed).json();
        assertThat(guard.get("errors").get(0).get("column").asText()).isEqualTo("description");
        assertThat(guard.get("errors").get(0).get("message").asText()).contains("personal identity number");
        assertThat(stored()).isZero();
    }

    @Test
    void theImportPageChecksFirstAndStoresOnlyWhenAskedAndEveryRowIsRight() {
        Http browser = new Http(server).withSession(fixtures.session(partner));
        browser.get("/activities/import");
        String csv = rows(3, 2);
        Http.Response checked = browser.postForm("/activities/import", Map.of("csv", csv, "store", "true"));
        assertThat(checked.status()).isEqualTo(422);
        assertThat(checked.body()).contains("<td>3</td>").contains("Personal/volontärer");
        assertThat(stored()).isZero();
        Http.Response valid = browser.postForm("/activities/import", Map.of("csv", rows(3, -1)));
        assertThat(valid.status()).isEqualTo(200);
        assertThat(valid.body()).contains("Alla 3 rader är rätt");
        assertThat(stored()).isZero();
        assertThat(browser.postForm("/activities/import", Map.of("csv", rows(3, -1), "store", "true")).body())
                .contains("3 aktiviteter har importerats");
        assertThat(stored()).isEqualTo(1);
    }
}
