package se.samtrygg.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.programme.Direction;
import se.samtrygg.programme.FocusArea;
import se.samtrygg.programme.FocusAreaInput;
import se.samtrygg.programme.Goal;
import se.samtrygg.programme.GoalInput;
import se.samtrygg.programme.Indicator;
import se.samtrygg.programme.IndicatorInput;
import se.samtrygg.programme.IndicatorKind;
import se.samtrygg.programme.MeasureInput;
import se.samtrygg.programme.MeasurementInput;
import se.samtrygg.programme.Programme;
import se.samtrygg.programme.ProgrammeInput;
import se.samtrygg.programme.ProgrammeService;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * Issue 6 from the reader's side: an official opens the programme overview, drills into the goal and its indicator,
 * enters this year's survey value, reads the chart's data table (the values entered, in the order measured), and
 * prints the annual report: Chromium makes a PDF of it, and under the print stylesheet the navigation is gone. Every
 * page passes axe-core (WCAG 2.1 AA) and none scrolls sideways on a phone.
 */
class ProgrammeBrowserTest {
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    private final TestServer server = TestServer.sharedByBrowsers();
    private final Fixtures fixtures = new Fixtures(server);

    @Test
    void anOfficialFollowsTheProgrammeFromTheOverviewToAnIndicatorsValuesAndPrintsTheAnnualReport() {
        ProgrammeService programmes = server.services().programmes();
        LocalDate today = programmes.today();
        Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
        Organisation unit = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
        User official = fixtures.userWithPassword(Set.of(Role.OFFICIAL), unit);
        Programme programme = programmes.create(null, new ProgrammeInput(Fixtures.unique("Program för social hållbarhet"),
                "Kommunfullmäktige", LocalDate.of(2018, 12, 13), LocalDate.of(2019, 1, 1), LocalDate.of(2030, 12, 31),
                "Kommunens program för social hållbarhet."));
        FocusArea trygghet = programmes.addFocusArea(null, programme.id(), new FocusAreaInput("Trygghet", null, null));
        Goal goal = programmes.addGoal(null, trygghet.id(), new GoalInput("En kommun fri från våld", null, null));
        programmes.addMeasure(null, goal.id(), new MeasureInput("Huskurage i " + area.name(), null, unit.id(), LocalDate.of(2019, 3, 1),
                null, null, List.of(area.id()), List.of(), List.of()));
        Indicator safe = programmes.createIndicator(null, new IndicatorInput(goal.id(), null, "Andel som känner sig trygga",
                "Andel av de svarande i trygghetsenkäten som känner sig trygga ute på kvällen.", "%", Direction.HIGHER_IS_BETTER,
                new BigDecimal("62"), LocalDate.of(2018, 10, 1), new BigDecimal("80"), LocalDate.of(2030, 10, 1), IndicatorKind.MANUAL,
                null, null, null, null, null, null));
        LocalDate first = today.minusYears(2);
        LocalDate second = today.minusYears(1);
        LocalDate third = today.minusDays(1);
        programmes.addMeasurement(null, safe.id(), new MeasurementInput(first, new BigDecimal("64.5"), null, "Trygghetsenkäten", null));
        programmes.addMeasurement(null, safe.id(), new MeasurementInput(second, new BigDecimal("66"), null, "Trygghetsenkäten", null));

        try (Browser desktop = Browser.open(server)) {
            signIn(desktop, official);
            desktop.clickLink("Programuppföljning");
            assertThat(desktop.heading()).isEqualTo("Programuppföljning");
            check(desktop, "the programmes");
            desktop.clickLink(programme.name());
            assertThat(desktop.heading()).isEqualTo(programme.name());
            assertThat(desktop.text(".focus-area h2")).isEqualTo("Trygghet");
            assertThat(desktop.text(".goal-card")).contains("En kommun fri från våld").contains("Andel som känner sig trygga")
                    .contains("66 %").contains(second.toString()).contains("Huskurage i " + area.name());
            check(desktop, "the overview");

            desktop.clickLink("En kommun fri från våld");
            assertThat(desktop.heading()).isEqualTo("En kommun fri från våld");
            assertThat(desktop.text("table.indicator-table tbody")).contains("Andel som känner sig trygga").contains("66 %")
                    .contains("62 % (2018-10-01)").contains("80 % (2030-10-01)");
            check(desktop, "the goal");

            desktop.clickLink("Andel som känner sig trygga");
            assertThat(desktop.heading()).isEqualTo("Andel som känner sig trygga");
            assertThat(desktop.attribute("svg.trend-chart", "role")).isEqualTo("img");
            assertThat(desktop.attribute("svg.trend-chart", "aria-labelledby")).isEqualTo("trend-chart-title");
            check(desktop, "the indicator");

            desktop.fillDate("Datum", third).fill("Värde (%)", "71,5").fill("Källa (valfri)", "Trygghetsenkäten " + today.getYear())
                    .press("Spara värdet");
            assertThat(desktop.text(".notice")).isEqualTo("Värdet är sparat.");
            assertThat(desktop.texts("table.indicator-data tbody th")).as("the chart's data table, oldest first")
                    .containsExactly(first.toString(), second.toString(), third.toString());
            assertThat(desktop.texts("table.indicator-data tbody td")).as("the values entered")
                    .containsExactly("64,5 %", "66 %", "71,5 %");
            assertThat(desktop.attribute("svg.trend-chart", "aria-describedby")).contains("indicator-data-caption");
            assertThat(desktop.texts("svg.trend-chart circle.value-point")).hasSize(3);
            check(desktop, "the indicator with a value entered");

            desktop.clickLink("← Till målet").clickLink(programme.name()).clickLink("Årsrapport");
            assertThat(desktop.heading()).startsWith("Årlig uppföljning " + today.getYear());
            assertThat(desktop.text(".report-goal")).contains("En kommun fri från våld").contains("71,5 %");
            check(desktop, "the annual report");
            assertThat(desktop.styleWhenPrinted(".main-nav", "display")).as("no navigation on paper").isEqualTo("none");
            assertThat(desktop.styleWhenPrinted("form.report-year", "display")).as("no year picker on paper").isEqualTo("none");
            assertThat(desktop.styleWhenPrinted(".site-header", "display")).as("nor the site's header").isEqualTo("none");
            assertThat(desktop.text(".main-nav")).as("on screen the navigation is there").contains("Programuppföljning");
            byte[] pdf = desktop.printToPdf();
            assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(pdf.length).isGreaterThan(1000);

            desktop.resize(PHONE_WIDTH, PHONE_HEIGHT);
            checkOnPhone(desktop, "the annual report");
            desktop.clickLink("← " + programme.name());
            checkOnPhone(desktop, "the overview");
            desktop.clickLink("En kommun fri från våld");
            checkOnPhone(desktop, "the goal");
            desktop.clickLink("Andel som känner sig trygga");
            checkOnPhone(desktop, "the indicator");
        }
    }

    private static void check(Browser browser, String what) {
        browser.assertAccessible(what);
    }

    private static void checkOnPhone(Browser browser, String what) {
        browser.assertAccessible(what + " on a phone").assertNoHorizontalScroll(what + " on a phone");
    }

    private static void signIn(Browser browser, User user) {
        browser.go("/login").fill("E-postadress", user.email()).fill("Lösenord", Fixtures.PASSWORD).press("Logga in");
        assertThat(browser.path()).isEqualTo("/");
    }
}
