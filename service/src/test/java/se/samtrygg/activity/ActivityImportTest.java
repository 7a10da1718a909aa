package se.samtrygg.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    void anAreaNameThatTwoMunicipalitiesShareIsRefusedUntilTheRowSaysWhichOne() {
        server.services().areas().create(null, new AreaInput(area.name(), "Gävle", null));
        Http.Response refused = api.sendRaw("POST", "/api/v1/activities/import?dryRun=false", "text/csv",
                HEADER + "2026-03-06;21:00;01:00;" + area.name() + ";;Nattvandring;;;;\r\n");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("column").asText()).isEqualTo("area");
        assertThat(refused.json().get("errors").get(0).get("message").asText()).contains(area.name() + " (Gävle)");

        Http.Response imported = api.sendRaw("POST", "/api/v1/activities/import?dryRun=false", "text/csv",
                HEADER + "2026-03-06;21:00;01:00;" + area.name() + " (Huddinge);Centrumtorget;Nattvandring;;;;\r\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(stored()).isEqualTo(1);
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
        Http.Response started = browser.postForm("/activities/import", Map.of("csv", rows(3, -1), "store", "true"));
        assertThat(started.status()).as("stored in the background, shown on a status page").isEqualTo(303);
        assertThat(untilFinished(browser, URI.create(started.location()).getPath()).body()).contains("3 aktiviteter har importerats");
        assertThat(stored()).isEqualTo(1);
    }

    // Uploading a file, and the progress of an import that runs in the background

    private static Http.Upload file(String csv) {
        return new Http.Upload("file", "aktiviteter.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Follows a status page as a browser does that was asked to refresh it by itself, until the import has finished. */
    private static Http.Response untilFinished(Http browser, String statusPath) {
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Http.Response page = browser.get(statusPath + "?refresh=on");
            assertThat(page.status()).isEqualTo(200);
            if (!page.body().contains("http-equiv=\"refresh\"")) {
                return page;
            }
            assertThat(page.body()).contains("<progress").containsPattern("[\\d\u00a0]+ av [\\d\u00a0]+ rader");
            assertThat(System.nanoTime()).as("the import finishes within a minute").isLessThan(giveUp);
            sleep(200);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final Pattern TEXT_AREA = Pattern.compile("<textarea id=\"csv\"[^>]*>([^<]*)</textarea>", Pattern.DOTALL);

    /** The text area as the browser would send it back: the page escapes it, the browser unescapes it. */
    private static String textArea(String page) {
        Matcher matcher = TEXT_AREA.matcher(page);
        assertThat(matcher.find()).as("the page shows the file in its text area").isTrue();
        Matcher entity = Pattern.compile("&#(\\d+);").matcher(matcher.group(1));
        StringBuilder text = new StringBuilder();
        while (entity.find()) {
            entity.appendReplacement(text, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(entity.group(1)))));
        }
        entity.appendTail(text);
        return text.toString().replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    @Test
    void anUploadedFileIsPreviewedThenStoredInTheBackgroundWhileTheStatusPageShowsHowFarItHasCome() {
        Http browser = new Http(server).withSession(fixtures.session(partner));
        assertThat(browser.get("/activities/import").body()).contains("enctype=\"multipart/form-data\"").contains("type=\"file\"");
        String csv = rows(1_200, -1);
        Http.Response preview = browser.postMultipart("/activities/import", Map.of("csv", ""), List.of(file(csv)));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("rader är rätt").contains("name=\"store\"");
        assertThat(stored()).as("a preview stores nothing").isZero();

        // "Spara": the file input is empty now; the text area holds what was checked.
        Http.Response started = browser.postMultipart("/activities/import", Map.of("csv", textArea(preview.body()), "store", "true"),
                List.of(new Http.Upload("file", "", "application/octet-stream", new byte[0])));
        assertThat(started.status()).as(started.body()).isEqualTo(303);
        assertThat(started.location()).matches(".*/activities/import/\\d+");
        String statusPath = URI.create(started.location()).getPath();

        Http.Response done = untilFinished(browser, statusPath);
        assertThat(done.body()).contains("1\u00a0200 aktiviteter har importerats").contains("/activities?organisationId&#61;" + association.id())
                .doesNotContain("<progress");
        assertThat(Db.strings(server, "SELECT COUNT(*) FROM activity WHERE area_id = " + area.id())).containsExactly("1200");
        assertThat(Db.strings(server, "SELECT state || ' ' || done || '/' || total FROM activity_import WHERE organisation_id = "
                + association.id())).containsExactly("DONE 1200/1200");
        assertThat(Db.strings(server, "SELECT summary FROM audit_log WHERE summary = 'Imported 1200 activities for organisation #"
                + association.id() + "'")).hasSize(1);

        Organisation other = fixtures.organisation();
        Http outsider = new Http(server).withSession(fixtures.session(fixtures.user(Set.of(Role.PARTNER), other)));
        assertThat(outsider.get(statusPath).status()).as("another organisation's import does not exist for them").isEqualTo(404);
        Http admin = new Http(server).withSession(fixtures.session(fixtures.user(Set.of(Role.ADMIN, Role.COORDINATOR))));
        assertThat(admin.get(statusPath).status()).as("nor for admins and coordinators").isEqualTo(404);
    }

    @Test
    void aRefusedFileStoresNothingAndNamesEveryBadRowAndColumnIncludingAPersonalNumberInTheDescription() {
        Http browser = new Http(server).withSession(fixtures.session(partner));
        browser.get("/activities/import");
        String csv = HEADER + "2026-03-01;21:00;01:00;" + area.name() + ";Centrumtorget;Nattvandring;4;30;Lugnt;NETWORK\r\n"
                + "2026-03-02;21:00;01:00;" + area.name() + ";Centrumtorget;Nattvandring;4;30;Pratade med 811278-9873 vid torget;NETWORK\r\n"
                + "2026-03-03;25:00;01:00;" + area.name() + ";Centrumtorget;Nattvandring;4;30;Lugnt;NETWORK\r\n";
        Http.Response refused = browser.postMultipart("/activities/import", Map.of("store", "true"), List.of(file(csv)));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Ingenting har sparats. 2 problem i filen")
                .contains("<tr><td>3</td><td>Beskrivning</td><td>Texten innehåller ett samordningsnummer")
                .contains("<tr><td>4</td><td>Start</td>");
        assertThat(stored()).isZero();
        assertThat(Db.strings(server, "SELECT COUNT(*) FROM activity_import WHERE organisation_id = " + association.id()))
                .as("no import was started").containsExactly("0");
    }

    @Test
    void aFileOverTenMegabytesIsRefusedUnreadWithTheLimitNamed() {
        Http browser = new Http(server).withSession(fixtures.session(partner));
        browser.get("/activities/import");
        byte[] big = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        Http.Response refused = browser.postMultipart("/activities/import", Map.of(), List.of(new Http.Upload("file", "stor.csv",
                "text/csv", big)));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body()).contains("Filen är för stor: en import får vara högst 10 MB").contains("type=\"file\"");
        assertThat(browser.get("/activities/import").status()).as("the session carries on").isEqualTo(200);
    }

    @Test
    void anApiImportOverTenMegabytesIsRefusedWithTheLimitNamedAndStoresNothing() {
        String big = rows(1, -1) + "x".repeat(11 * 1024 * 1024);
        long before = stored();
        Http.Response refused = api.sendRaw("POST", "/api/v1/activities/import?dryRun=false", "text/csv", big);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().at("/errors/0/field").asText()).isEqualTo("body");
        assertThat(refused.json().at("/errors/0/message").asText()).contains("at most 10 MB");
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void anApiImportSentInChunksWithoutALengthIsCutOffAtTenMegabytes() throws Exception {
        byte[] big = (rows(1, -1) + "x".repeat(11 * 1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        URI.create(server.url("/api/v1/activities/import?dryRun=false")))
                .header("Authorization", "Bearer " + fixtures.token(partner)).header("Content-Type", "text/csv")
                // a stream of unknown length is sent chunked, so the limit is found while reading
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build();
        java.net.http.HttpResponse<String> refused = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(refused.body()).contains("at most 10 MB");
        assertThat(stored()).isZero();
    }

    @Test
    void anImportTheServerCannotQueueIsShownAsRefusedForNowAndStoresNothing() {
        List<ActivityCsv.Row> rows = ActivityCsv.rows(rows(3, -1));
        ActivityImport refused = server.services().activities().startImport(Fixtures.principal(partner), null, rows, work -> {
            throw new java.util.concurrent.RejectedExecutionException("the line is full");
        });
        assertThat(refused.state()).isEqualTo(ActivityImport.State.FAILED);
        assertThat(refused.errorKey()).isEqualTo("activities.importFailedBusy");
        Http browser = new Http(server).withSession(fixtures.session(partner));
        assertThat(browser.get("/activities/import/" + refused.id()).body()).contains("Försök igen om en stund");
        assertThat(stored()).isZero();
    }

    @Test
    void aPastedFileLargerThanJettysDefaultFormLimitIsCheckedAsWell() {
        Http browser = new Http(server).withSession(fixtures.session(partner));
        browser.get("/activities/import");
        String csv = rows(4_000, -1);
        assertThat(csv.length()).as("over Jetty's 200,000-byte form limit").isGreaterThan(300_000);
        Http.Response checked = browser.postForm("/activities/import", Map.of("csv", csv));
        assertThat(checked.status()).as(checked.body().length() > 2000 ? checked.body().substring(0, 2000) : checked.body()).isEqualTo(200);
        assertThat(checked.body()).contains("rader är rätt");
    }

    @Test
    void anImportThatStoodStillForFifteenMinutesIsShownAsInterruptedAndOneStillMovingShowsItsProgress() {
        Instant now = server.clock().instant();
        long stalled = startedImport(now.minus(Duration.ofMinutes(16)), 500);
        long moving = startedImport(now.minus(Duration.ofMinutes(1)), 1_000);
        Http browser = new Http(server).withSession(fixtures.session(partner));

        Http.Response interrupted = browser.get("/activities/import/" + stalled);
        assertThat(interrupted.body()).contains("Importen avbröts").contains("Ingenting har sparats").doesNotContain("http-equiv=\"refresh\"");

        Http.Response running = browser.get("/activities/import/" + moving);
        assertThat(running.body()).as("the page stands still unless its reader asks it to refresh itself")
                .doesNotContain("http-equiv=\"refresh\"")
                .contains("<progress id=\"import-progress\" max=\"2000\" value=\"1000\">")
                .contains("1\u00a0000 av 2\u00a0000 rader")
                .contains("href=\"/activities/import/" + moving + "?refresh=on\"");
        Http.Response refreshing = browser.get("/activities/import/" + moving + "?refresh=on");
        assertThat(refreshing.body()).contains("<meta http-equiv=\"refresh\" content=\"2\">").contains("<progress");
    }

    private static String sql(Instant instant) {
        return instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace("T", " ").replace("Z", "+00:00");
    }

    /** An import as a node left it: still RUNNING, with its last progress at {@code lastProgress}. */
    @Test
    void anImportThatWaitedUntilItsPageSaidInterruptedDoesNotRunAfterAllSoStartingItAgainCannotStoreItTwice() {
        List<Runnable> waiting = new java.util.ArrayList<>();
        long id = server.services().activities().startImport(Fixtures.principal(partner), association.id(),
                ActivityCsv.rows(rows(3, -1)), waiting::add).id();
        Http browser = new Http(server).withSession(fixtures.session(partner));
        try {
            server.clock().advance(Duration.ofMinutes(16));
            assertThat(browser.get("/activities/import/" + id).body()).contains("Importen avbröts");
            waiting.forEach(Runnable::run);
            assertThat(stored()).as("the import the page gave up on stored nothing").isZero();
            assertThat(browser.get("/activities/import/" + id).body()).contains("Importen avbröts");
        } finally {
            server.clock().reset();
        }
    }

    private long startedImport(Instant lastProgress, int done) {
        Db.update(server, "INSERT INTO activity_import (organisation_id, started_by, state, total, done, started_at, updated_at) VALUES ("
                + association.id() + ", " + partner.id() + ", 'RUNNING', 2000, " + done + ", TIMESTAMP WITH TIME ZONE '"
                + sql(lastProgress.minusSeconds(60)) + "', TIMESTAMP WITH TIME ZONE '" + sql(lastProgress) + "')");
        return Long.parseLong(Db.strings(server, "SELECT MAX(id) FROM activity_import WHERE organisation_id = " + association.id()).get(0));
    }
}
