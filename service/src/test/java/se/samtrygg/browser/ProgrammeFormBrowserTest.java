package se.samtrygg.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.programme.FocusArea;
import se.samtrygg.programme.FocusAreaInput;
import se.samtrygg.programme.Goal;
import se.samtrygg.programme.GoalInput;
import se.samtrygg.programme.Programme;
import se.samtrygg.programme.ProgrammeInput;
import se.samtrygg.programme.ProgrammeService;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * An official adds a derived indicator to a goal and sets the goal's status by hand, in a real browser: each form is
 * first refused (a number that is not one, a source not chosen, a status without a justification) and shows its
 * messages beside the fields with what was typed kept. Every state passes axe-core, and fits a phone's width.
 */
class ProgrammeFormBrowserTest {
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    private final TestServer server = TestServer.sharedByBrowsers();
    private final Fixtures fixtures = new Fixtures(server);
    private final ProgrammeService programmes = server.services().programmes();

    @Test
    void anOfficialIsToldWhatToCorrectOnTheIndicatorAndStatusFormsOnAnyScreen() {
        User official = fixtures.userWithPassword(Set.of(Role.OFFICIAL));
        Programme programme = programmes.create(null, new ProgrammeInput(Fixtures.unique("Socialt hållbarhetsprogram"), "Kommunfullmäktige",
                LocalDate.of(2018, 12, 10), LocalDate.of(2019, 1, 1), LocalDate.of(2026, 12, 31), null));
        FocusArea focusArea = programmes.addFocusArea(null, programme.id(), new FocusAreaInput("Trygghet", null, null));
        Goal goal = programmes.addGoal(null, focusArea.id(), new GoalInput("En kommun fri från våld", null, null));

        try (Browser browser = Browser.open(server)) {
            browser.go("/login").fill("E-postadress", official.email()).fill("Lösenord", Fixtures.PASSWORD).press("Logga in");
            browser.go("/indicators/new?goalId=" + goal.id());
            assertThat(browser.heading()).isEqualTo("Ny indikator");
            browser.assertAccessible("the new indicator form");

            browser.fill("Indikatorns namn", "Nattvandringar").fill("Enhet", "antal").fill("Utgångsvärde (valfritt)", "tolv")
                    .fillDate("Utgångsvärdet gäller den (valfritt)", LocalDate.of(2019, 1, 1)).fill("Målvärde (valfritt)", "40")
                    .fillDate("Målet ska nås senast (valfritt)", LocalDate.of(2026, 12, 31))
                    .tick("Räknas fram ur Samtryggs uppgifter").press("Lägg till indikatorn");
            assertThat(browser.text("#baselineValue-error")).isEqualTo("Ange ett tal, till exempel 42,5 eller 42.5.");
            assertThat(browser.attribute("#baselineValue", "aria-describedby")).contains("baselineValue-error");
            assertThat(browser.valueOf("Utgångsvärde (valfritt)")).isEqualTo("tolv");
            assertThat(browser.valueOf("Indikatorns namn")).isEqualTo("Nattvandringar");
            browser.assertAccessible("the indicator form with a number that is not one");

            browser.fill("Utgångsvärde (valfritt)", "12,5").press("Lägg till indikatorn");
            assertThat(browser.texts(".error-summary li")).contains("Fyll i fältet.");
            assertThat(browser.has("#source-error")).as("the source of a derived indicator is required").isTrue();
            assertThat(browser.valueOf("Utgångsvärde (valfritt)")).isEqualTo("12,5");
            browser.assertAccessible("the indicator form without a source");
            browser.resize(PHONE_WIDTH, PHONE_HEIGHT).assertNoHorizontalScroll("the indicator form with errors")
                    .assertAccessible("the indicator form with errors on a phone");

            browser.tickIn("Vad räknas?", "Aktiviteter").press("Lägg till indikatorn");
            assertThat(browser.path()).startsWith("/indicators/");

            browser.resize(1280, 900).go("/goals/" + goal.id() + "/status");
            assertThat(browser.heading()).isEqualTo("Status för En kommun fri från våld");
            browser.assertAccessible("the status form");
            browser.tick("Ur fas").press("Spara statusen");
            assertThat(browser.text("#justification-error")).isEqualTo("Fyll i fältet.");
            assertThat(browser.texts(".error-summary li")).contains("Fyll i fältet.");
            browser.assertAccessible("the status form without a justification");
            browser.resize(PHONE_WIDTH, PHONE_HEIGHT).assertNoHorizontalScroll("the status form with an error")
                    .assertAccessible("the status form with an error on a phone");

            browser.fill("Motivering", "Trygghetsenkäten 2024 visar att färre känner sig trygga kvällstid.").press("Spara statusen");
            assertThat(browser.path()).isEqualTo("/goals/" + goal.id());
            browser.go("/goals/" + goal.id() + "/status");
            assertThat(browser.texts("dd")).anyMatch(text -> text.contains("Trygghetsenkäten 2024"));
            browser.assertNoHorizontalScroll("the status form with a status set by hand")
                    .assertAccessible("the status form with a status set by hand on a phone");
            browser.press("Ta bort statusen som satts för hand");
            assertThat(browser.path()).isEqualTo("/goals/" + goal.id());
        }
    }
}
