package se.samtrygg.observation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.area.PlaceInput;
import se.samtrygg.browser.Browser;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * On a phone, a night walker logs a broken lamp, is told why a personal identity number may not be stored and loses nothing,
 * then hands the lamp to the housing company. Every observation page passes axe-core (WCAG 2.1 AA) and fits the screen.
 */
class ObservationBrowserTest {
    private final TestServer server = TestServer.sharedByBrowsers();
    private final Fixtures fixtures = new Fixtures(server);

    @Test
    void aWalkerLogsABrokenLampOnAPhoneAndHandsItToTheHousingCompany() {
        Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
        server.services().areas().addPlace(null, area.id(), new PlaceInput("Gångtunneln", null));
        Organisation walkers = fixtures.organisation(OrganisationType.ASSOCIATION);
        Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
        server.services().networkGroups().create(null, new NetworkGroupInput(area.id(), Fixtures.unique("Nätverket"),
                List.of(walkers.id(), housing.id()), List.of(fixtures.user(Set.of(Role.COORDINATOR)).id())));
        User walker = fixtures.userWithPassword(Set.of(Role.PARTNER), walkers);

        try (Browser browser = Browser.open(server, 390, 844)) {
            browser.go("/login").fill("E-postadress", walker.email()).fill("Lösenord", Fixtures.PASSWORD).press("Logga in");
            browser.go("/observations").assertAccessible("the observation list").assertNoHorizontalScroll("the list on a phone");
            browser.clickLink("Logga en observation");
            assertThat(browser.heading()).isEqualTo("Logga en observation");
            browser.assertAccessible("the observation form").assertNoHorizontalScroll("the observation form on a phone");

            browser.choose("Vad du såg", "Belysning").choose("Område", area.name()).choose("Plats (valfritt)", "Gångtunneln")
                    .fill("Beskrivning (valfritt)", "Lampan är trasig, sa 811218-9876").press("Spara observationen");
            assertThat(browser.texts(".field-error")).anySatisfy(e -> assertThat(e).contains("personnummer"));
            assertThat(browser.valueOf("Beskrivning (valfritt)")).isEqualTo("Lampan är trasig, sa 811218-9876");
            browser.assertAccessible("the refused observation form").assertNoHorizontalScroll("the refused form on a phone");

            browser.fill("Beskrivning (valfritt)", "Lampan i gångtunneln är trasig").press("Spara observationen");
            assertThat(browser.heading()).isEqualTo("Belysning – Gångtunneln, " + area.name());
            browser.assertAccessible("an observation with its handover form").assertNoHorizontalScroll("an observation on a phone");

            browser.choose("Lämna över till", housing.name()).press("Lämna över");
            assertThat(browser.text("#handover")).contains("Överlämnad till").contains(housing.name()).contains("Öppen");
            browser.assertAccessible("a handed-over observation");
            browser.clickLink("Till åtgärdspunkten").assertAccessible("the action item from an observation");
            browser.clickLink("← Till observationen som åtgärdspunkten kommer från");
            browser.clickLink("Rätta observationen").assertAccessible("the correction form");

            browser.go("/observations/new").choose("Vad du såg", "Nedskräpning").choose("Område", area.name()).press("Spara observationen");
            browser.clickLink("Ta bort observationen").assertAccessible("the delete confirmation");
            browser.press("Ta bort den");
            assertThat(browser.path()).startsWith("/observations?deleted=true");
        }
    }
}
