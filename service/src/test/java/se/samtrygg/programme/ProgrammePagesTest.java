package se.samtrygg.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/**
 * The programme follow-up pages over HTTP with a session: everyone signed in reads the tree, a goal, a measure, an
 * indicator and the annual report; only editors see the measurement form and the links to the editing forms, only
 * commenters the comment form; a refused measurement is shown beside its fields with what was typed and nothing is
 * stored; a comment's way back is always a page of this site; the report comes as CSV too.
 */
class ProgrammePagesTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final ProgrammeService programmes = server.services().programmes();
    private final LocalDate today = programmes.today();
    private final Organisation unit = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
    private final User admin = fixtures.user(Set.of(Role.ADMIN));
    private final User official = fixtures.user(Set.of(Role.OFFICIAL), unit);
    private final User coordinator = fixtures.user(Set.of(Role.COORDINATOR), unit);
    private final User partner = fixtures.user(Set.of(Role.PARTNER), fixtures.organisation(OrganisationType.HOUSING_COMPANY));
    private final Tree tree = tree();

    /** A programme with one focus area, goal, measure and hand-entered indicator with two values. */
    private record Tree(Programme programme, FocusArea focusArea, Goal goal, Measure measure, Indicator indicator) {
    }

    private Tree tree() {
        Programme programme = programmes.create(null, new ProgrammeInput(Fixtures.unique("Program för social hållbarhet"),
                "Kommunfullmäktige", today.minusYears(3), today.minusYears(3).withDayOfYear(1), today.plusYears(3), "Antaget i december."));
        FocusArea focusArea = programmes.addFocusArea(null, programme.id(), new FocusAreaInput("Trygghet", "Alla ska känna sig trygga.", null));
        Goal goal = programmes.addGoal(null, focusArea.id(), new GoalInput("En kommun fri från våld", null, null));
        Measure measure = programmes.addMeasure(null, goal.id(), new MeasureInput("Huskurage i " + area.name(), "Grannar agerar.",
                unit.id(), today.minusYears(2), null, null, List.of(area.id()), List.of(), List.of()));
        Indicator indicator = programmes.createIndicator(null, new IndicatorInput(goal.id(), null, "Andel som känner sig trygga",
                "Ur trygghetsenkäten.", "%", Direction.HIGHER_IS_BETTER, new BigDecimal("62"), today.minusYears(3),
                new BigDecimal("80"), today.plusYears(3), IndicatorKind.MANUAL, null, null, null, null, null, null));
        programmes.addMeasurement(null, indicator.id(), new MeasurementInput(today.minusYears(2), new BigDecimal("64.5"), null,
                "Trygghetsenkäten", null));
        programmes.addMeasurement(null, indicator.id(), new MeasurementInput(today.minusMonths(2), new BigDecimal("70"), null,
                "Trygghetsenkäten", null));
        return new Tree(programme, focusArea, goal, measure, indicator);
    }

    @Test
    void everyoneSignedInReadsTheProgrammeItsTreeItsPartsAndTheReport() {
        for (User user : List.of(admin, official, coordinator, partner)) {
            Http browser = signedIn(user);
            String who = user.roles().toString();
            assertThat(browser.get("/programmes").body()).as(who).contains(tree.programme().name());
            Http.Response overview = browser.get("/programmes/" + tree.programme().id());
            assertThat(overview.status()).as(who).isEqualTo(200);
            assertThat(overview.body()).as(who).contains("Trygghet").contains("En kommun fri från våld")
                    .contains("href=\"/goals/" + tree.goal().id() + "\"").contains("href=\"/measures/" + tree.measure().id() + "\"")
                    .contains("href=\"/indicators/" + tree.indicator().id() + "\"")
                    .as("the latest value with its unit and date").contains("70 %").contains(today.minusMonths(2).toString());
            assertThat(browser.get("/goals/" + tree.goal().id()).body()).as(who).contains("Andel som känner sig trygga")
                    .contains("Huskurage i " + area.name());
            assertThat(browser.get("/measures/" + tree.measure().id()).body()).as(who).contains(unit.name()).contains(area.name());
            Http.Response indicator = browser.get("/indicators/" + tree.indicator().id());
            assertThat(indicator.status()).as(who).isEqualTo(200);
            assertThat(indicator.body()).as(who).contains("role=\"img\"").contains("<table class=\"indicator-data\"")
                    .contains("64,5 %").contains("class=\"target-line\"").contains("class=\"baseline-point\"")
                    .as("the chart in words").contains("Utgångsvärdet är 62 % (" + today.minusYears(3) + ").")
                    .contains("Målet är 80 % till " + today.plusYears(3) + ".").contains("2 värden från ");
            Http.Response report = browser.get("/programmes/" + tree.programme().id() + "/report?year=" + today.getYear());
            assertThat(report.status()).as(who).isEqualTo(200);
            assertThat(report.body()).as(who).contains("En kommun fri från våld").contains("Andel som känner sig trygga");
        }
    }

    @Test
    void statusIsShownInWordsWithASymbolNeverByColourAlone() {
        String overview = signedIn(partner).get("/programmes/" + tree.programme().id()).body();
        ProgrammeStatus status = programmes.indicator(Fixtures.principal(partner), tree.indicator().id()).assessment().status();
        assertThat(overview).contains("class=\"status " + ProgrammeTexts.css(status) + "\"")
                .contains("<span class=\"status-symbol\" aria-hidden=\"true\">" + ProgrammeTexts.symbol(status) + "</span>");
    }

    @Test
    void editorsSeeTheFormsAndEditingLinksThatOthersDoNot() {
        String path = "/indicators/" + tree.indicator().id();
        String asOfficial = signedIn(official).get(path).body();
        assertThat(asOfficial).contains("action=\"/indicators/" + tree.indicator().id() + "/measurements\"")
                .contains("action=\"/progress-comments\"").contains("href=\"" + path + "/edit\"")
                .contains("href=\"/measurements/");
        assertThat(signedIn(official).get("/programmes/" + tree.programme().id()).body())
                .contains("href=\"/programmes/" + tree.programme().id() + "/edit\"")
                .contains("href=\"/focus-areas/" + tree.focusArea().id() + "/goals/new\"")
                .contains("href=\"/indicators/new?goalId=" + tree.goal().id() + "\"");

        String asCoordinator = signedIn(coordinator).get(path).body();
        assertThat(asCoordinator).as("coordinators comment but do not enter values").contains("action=\"/progress-comments\"")
                .doesNotContain("/measurements\"").doesNotContain(path + "/edit").doesNotContain("href=\"/measurements/");

        for (String page : List.of(path, "/goals/" + tree.goal().id(), "/measures/" + tree.measure().id(),
                "/programmes/" + tree.programme().id(), "/programmes")) {
            assertThat(signedIn(partner).get(page).body()).as("a partner reads " + page)
                    .doesNotContain("action=\"/progress-comments\"").doesNotContain("/measurements\"").doesNotContain("/edit\"")
                    .doesNotContain("href=\"/programmes/new\"");
        }
    }

    @Test
    void aDerivedIndicatorShowsItsPeriodsItsBreakdownByAreaAndNoMeasurementForm() {
        Indicator derived = programmes.createIndicator(null, new IndicatorInput(null, tree.measure().id(), "Trygghetsvandringar",
                null, "st", Direction.HIGHER_IS_BETTER, BigDecimal.ZERO, today.minusMonths(7), new BigDecimal("12"),
                today.plusYears(1), IndicatorKind.DERIVED, DerivedSource.ACTIVITIES, PeriodLength.QUARTER, null, null, null, null));
        Http.Response page = signedIn(official).get("/indicators/" + derived.id());
        assertThat(page.status()).isEqualTo(200);
        int quarter = (today.getMonthValue() - 1) / 3 + 1;
        assertThat(page.body()).as("the quarter under way, marked as such")
                .contains("<th scope=\"row\">" + today.getYear() + " kvartal " + quarter + "</th>").contains("pågående period")
                .as("the measure's area, its latest value").contains("<table class=\"by-area\">").contains(area.name())
                .as("counted, not entered").doesNotContain("action=\"/indicators/" + derived.id() + "/measurements\"")
                .contains("Räknas fram: antal aktiviteter");
        assertThat(signedIn(partner).get("/measures/" + tree.measure().id()).body()).contains("Trygghetsvandringar");
    }

    @Test
    void aRefusedMeasurementIsShownBesideItsFieldsAsTypedAndNothingIsStored() {
        Http browser = signedIn(official);
        String path = "/indicators/" + tree.indicator().id();
        int before = measurements();
        Http.Response refused = browser.postForm(path + "/measurements", Map.of("measuredOn", "2024-13-01", "value", "sjuttio",
                "areaId", "", "source", "Enkät i Sättra", "comment", "Svarsfrekvens 41 %."));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"measurement-measuredOn-error\"").contains("id=\"measurement-value-error\"")
                .contains("Ange ett tal, till exempel 42,5 eller 42.5.").contains("value=\"sjuttio\"").contains("value=\"2024-13-01\"")
                .contains("value=\"Enkät i Sättra\"").contains("Svarsfrekvens 41 %.</textarea>")
                .contains("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"measurement-errors-title\">");
        Http.Response future = browser.postForm(path + "/measurements", Map.of("measuredOn", today.plusDays(3).toString(),
                "value", "71", "areaId", "", "source", "", "comment", ""));
        assertThat(future.status()).as("the service's own refusal, beside the date").isEqualTo(422);
        assertThat(future.body()).contains("id=\"measurement-measuredOn-error\"").contains("value=\"71\"");
        for (String huge : List.of("1e999999999", "123456789012345")) {
            Http.Response tooBig = browser.postForm(path + "/measurements", Map.of("measuredOn", today.toString(), "value", huge,
                    "areaId", "", "source", "", "comment", ""));
            assertThat(tooBig.status()).as("a number the column cannot hold is refused beside the field, not a server error: " + huge)
                    .isEqualTo(422);
            assertThat(tooBig.body()).contains("id=\"measurement-value-error\"").contains("value=\"" + huge + "\"");
        }
        Http.Response blank = browser.postForm(path + "/measurements", Map.of("measuredOn", today.toString(), "value", "",
                "areaId", "", "source", "", "comment", ""));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body()).contains("id=\"measurement-value-error\"");
        assertThat(measurements()).as("nothing stored").isEqualTo(before);

        Http.Response stored = browser.postForm(path + "/measurements", Map.of("measuredOn", today.toString(), "value", "72,5",
                "areaId", Long.toString(area.id()), "source", "Enkät i Sättra", "comment", ""));
        assertThat(stored.status()).isEqualTo(303);
        assertThat(stored.location()).contains(path + "?measurementAdded=true");
        assertThat(measurements()).isEqualTo(before + 1);
        String page = browser.get(path + "?measurementAdded=true").body();
        assertThat(page).contains("Värdet är sparat.").contains("72,5 %").contains(area.name());
    }

    @Test
    void aMeasurementIsDeletedAfterAConfirmationByAnEditorOnly() {
        Measurement newest = programmes.indicator(Fixtures.principal(official), tree.indicator().id()).measurements().get(0);
        assertThat(signedIn(coordinator).get("/measurements/" + newest.id() + "/delete").status()).isEqualTo(403);
        Http browser = signedIn(official);
        assertThat(browser.get("/measurements/" + newest.id() + "/delete").body()).contains("Ta bort värdet").contains("70");
        Http.Response deleted = browser.postForm("/measurements/" + newest.id() + "/delete", Map.of());
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(deleted.location()).contains("/indicators/" + tree.indicator().id() + "?measurementDeleted=true");
        assertThat(measurements()).isEqualTo(1);
    }

    @Test
    void aCommentIsGroupedByYearAndQuarterAndTheWayBackIsAlwaysAPageOfThisSite() {
        Http browser = signedIn(coordinator);
        String goal = "/goals/" + tree.goal().id();
        for (String foreign : List.of("https://example.com/phish", "//example.com/phish", "/goals/1@example.com", "/\\example.com",
                "javascript:alert(1)", "/admin/users", "")) {
            Http.Response sent = browser.postForm("/progress-comments", comment(foreign, "Lugnare i trapphusen."));
            assertThat(sent.status()).as(foreign).isEqualTo(303);
            assertThat(sent.location()).as("refusing " + foreign).endsWith(goal + "?commented=true#comments");
        }
        Http.Response toOverview = browser.postForm("/progress-comments", comment("/programmes/" + tree.programme().id(),
                "Fler vuxna ute på kvällarna."));
        assertThat(toOverview.location()).endsWith("/programmes/" + tree.programme().id() + "?commented=true#comments");

        String page = browser.get(goal).body();
        assertThat(page).contains("<h3 class=\"comment-year\">" + today.getYear() + "</h3>")
                .contains("<h4 class=\"comment-period\">Kvartal 2</h4>").contains("Fler vuxna ute på kvällarna.");

        Http.Response refused = browser.postForm("/progress-comments", Map.of("subjectType", "GOAL",
                "subjectId", Long.toString(tree.goal().id()), "year", "1999", "quarter", "", "text", "", "returnTo", goal));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"comment-text-error\"").contains("id=\"comment-year-error\"").contains("value=\"1999\"")
                .contains("<h1>En kommun fri från våld</h1>");
    }

    @Test
    void aCommentIsDeletedByItsAuthorOrAnAdminAfterAConfirmation() {
        ProgressComment comment = programmes.comment(Fixtures.principal(coordinator), new ProgressCommentInput(ProgressSubject.INDICATOR,
                tree.indicator().id(), today.getYear(), null, "Enkäten visar en tydlig förbättring."));
        String delete = "/progress-comments/" + comment.id() + "/delete";
        assertThat(signedIn(official).get(delete).status()).as("another commenter").isEqualTo(403);
        assertThat(signedIn(official).get("/indicators/" + tree.indicator().id()).body()).doesNotContain("href=\"" + delete + "\"");
        Http author = signedIn(coordinator);
        assertThat(author.get("/indicators/" + tree.indicator().id()).body()).contains("href=\"" + delete + "\"")
                .contains("Hela året").contains("Enkäten visar en tydlig förbättring.");
        assertThat(author.get(delete).body()).contains("Enkäten visar en tydlig förbättring.").contains("Ta bort kommentaren");
        Http.Response deleted = author.postForm(delete, Map.of());
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(deleted.location()).contains("/indicators/" + tree.indicator().id() + "?commentDeleted=true");
        assertThat(programmes.comments(Fixtures.principal(admin), ProgressSubject.INDICATOR, tree.indicator().id())).isEmpty();
    }

    @Test
    void theAnnualReportHasAYearPickerARefusedYearAndACsvDownload() {
        Http browser = signedIn(partner);
        String report = "/programmes/" + tree.programme().id() + "/report";
        String page = browser.get(report + "?year=" + today.getYear()).body();
        assertThat(page).contains("<select id=\"report-year\" name=\"year\"")
                .contains("<option value=\"" + today.getYear() + "\" selected>")
                .contains("href=\"" + report + ".csv?year=" + today.getYear() + "\"")
                .contains("class=\"status ").contains("70 %");
        assertThat(browser.get(report).body()).as("this year unless told").contains("<option value=\"" + today.getYear() + "\" selected>");
        Http.Response refused = browser.get(report + "?year=" + (today.getYear() + 1));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"report-year-error\"");

        Http.Response csv = browser.get(report + ".csv?year=" + today.getYear());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition").orElseThrow()).startsWith("attachment").contains(".csv");
        assertThat(csv.body()).contains("En kommun fri från våld").contains("Andel som känner sig trygga");
    }

    private Map<String, String> comment(String returnTo, String text) {
        Map<String, String> form = new HashMap<>(Map.of("subjectType", "GOAL", "subjectId", Long.toString(tree.goal().id()),
                "year", Integer.toString(today.getYear()), "quarter", "2", "text", text));
        form.put("returnTo", returnTo);
        return form;
    }

    private int measurements() {
        return programmes.indicator(Fixtures.principal(official), tree.indicator().id()).measurements().size();
    }

    private Http signedIn(User user) {
        Http browser = new Http(server).withSession(fixtures.session(user));
        browser.get("/");
        return browser;
    }
}
