package se.samtrygg.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * A coordinator sets up a network group with three member organisations and a place in its area;
 * a partner of one member organisation finds the group and adds a contact person for their own
 * organisation. Every page on the way passes axe-core (WCAG 2.1 AA), also with errors shown.
 */
class NetworkGroupBrowserTest {
    private final TestServer server = TestServer.sharedByBrowsers();
    private final Fixtures fixtures = new Fixtures(server);

    @Test
    void aCoordinatorSetsUpANetworkGroupAndAPartnerOfAMemberFindsIt() {
        Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", "Bostadsområde i västra Gävle."));
        Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
        Organisation police = fixtures.organisation(OrganisationType.POLICE);
        Organisation tenants = fixtures.organisation(OrganisationType.TENANTS_ASSOCIATION);
        User coordinator = fixtures.userWithPassword(Set.of(Role.COORDINATOR), fixtures.organisation(OrganisationType.MUNICIPAL_UNIT));
        User partner = fixtures.userWithPassword(Set.of(Role.PARTNER), housing);
        String groupName = Fixtures.unique("Nätverksgruppen");

        try (Browser browser = Browser.open(server)) {
            signIn(browser, coordinator);
            browser.clickLink("Nätverksgrupper");
            assertThat(browser.heading()).isEqualTo("Nätverksgrupper");
            browser.assertAccessible("the network group list");

            browser.clickLink("Ny nätverksgrupp");
            browser.assertAccessible("the new network group form");
            browser.fill("Gruppens namn", groupName).press("Skapa nätverksgrupp");
            assertThat(browser.texts(".field-error")).contains("Fyll i fältet.");
            assertThat(browser.valueOf("Gruppens namn")).isEqualTo(groupName);
            browser.assertAccessible("the network group form with errors");

            browser.choose("Område", area.name() + " (Gävle)")
                    .tick(housing.name()).tick(police.name()).tick(tenants.name())
                    .press("Skapa nätverksgrupp");
            assertThat(browser.heading()).isEqualTo(groupName);
            assertThat(browser.text(".notice")).isEqualTo("Nätverksgruppen är skapad.");
            assertThat(browser.texts("section li")).contains(housing.name(), police.name(), tenants.name(), coordinator.name());
            browser.assertAccessible("a network group's page");

            // A meeting for the group, with an agenda, as the coordinator plans it.
            browser.clickLink("Planera ett möte");
            assertThat(browser.heading()).isEqualTo("Planera ett möte");
            browser.assertAccessible("the meeting form");
            browser.fill("Datum", "").press("Planera mötet");
            assertThat(browser.texts(".field-error")).contains("Fyll i fältet.");
            browser.assertAccessible("the meeting form with errors");
            browser.fill("Rubrik", "Nätverksmöte december").fillDate("Datum", java.time.LocalDate.of(2030, 12, 3)).fill("Börjar", "18:00").fill("Slutar", "19:30")
                    .fill("Adress eller annan plats", "Sätra centrum").press("Planera mötet");
            assertThat(browser.heading()).isEqualTo("Nätverksmöte december");
            assertThat(browser.text(".facts")).contains("18:00–19:30").contains(housing.name());
            browser.assertAccessible("a meeting's page");
            browser.fill("Vad", "Läget i området").fill("Minuter", "tjugo").press("Spara dagordningen");
            assertThat(browser.valueOf("Vad")).isEqualTo("Läget i området");
            browser.assertAccessible("the agenda with an error");
            browser.fill("Minuter", "20").press("Spara dagordningen");
            assertThat(browser.text(".notice")).isEqualTo("Ändringarna är sparade.");
            browser.fill("Vad ska göras", "Byt lampan i gångtunneln").choose("Ansvarig organisation", housing.name())
                    .fillDate("Klart senast", java.time.LocalDate.of(2030, 12, 20)).press("Lägg till åtgärdspunkt");
            assertThat(browser.text("#action-items")).contains("Byt lampan i gångtunneln").contains(housing.name());
            browser.assertAccessible("a meeting's page with an action item");
            browser.clickLink("Ställ in mötet");
            browser.assertAccessible("the confirmation before cancelling a meeting");
            browser.clickLink("Nej, behåll mötet");
            browser.clickLink("Nätverksgrupper").clickLink(groupName);
            assertThat(browser.text("section[aria-labelledby='meetings-heading']")).contains("Nätverksmöte december");

            browser.clickLink(area.name());
            assertThat(browser.heading()).startsWith(area.name());
            browser.fill("Platsens namn", "Gångtunneln under Sätravägen").press("Lägg till plats");
            assertThat(browser.texts("#places li")).anySatisfy(li -> assertThat(li).contains("Gångtunneln under Sätravägen"));
            browser.assertAccessible("an area's page");
            browser.clickLink("Områden");
            browser.assertAccessible("the area list");
            browser.press("Logga ut");
        }

        try (Browser browser = Browser.open(server, 390, 844)) {
            signIn(browser, partner);
            browser.clickLink("Nätverksgrupper");
            assertThat(browser.texts(".cards a")).contains(groupName);
            browser.assertAccessible("the partner's network group list").assertNoHorizontalScroll("the network group list on a phone");
            browser.clickLink("Mina åtgärdspunkter");
            assertThat(browser.heading()).isEqualTo("Mina åtgärdspunkter");
            browser.assertAccessible("my action items").assertNoHorizontalScroll("my action items on a phone");
            browser.clickLink("Byt lampan i gångtunneln");
            browser.assertAccessible("an action item").assertNoHorizontalScroll("an action item on a phone");
            browser.fill("Ny kommentar", "Ny armatur är beställd.").press("Skicka kommentar");
            browser.press("Markera som klar");
            assertThat(browser.text(".facts")).contains("Klar");
            assertThat(browser.text("#comments")).contains("Ny armatur är beställd.");
            browser.clickLink("Mina åtgärdspunkter");
            assertThat(browser.text("main")).contains("Du har inga öppna åtgärdspunkter.");

            browser.clickLink("Nätverksgrupper").clickLink(groupName);
            browser.clickLink(housing.name());
            assertThat(browser.heading()).isEqualTo(housing.name());
            browser.fill("Namn", "Sara Nyberg").fill("Titel eller roll", "Områdesvärd").fill("Telefon", "inte ett nummer")
                    .press("Lägg till kontaktperson");
            assertThat(browser.texts(".field-error")).anySatisfy(e -> assertThat(e).startsWith("Ange ett telefonnummer"));
            assertThat(browser.valueOf("Namn")).isEqualTo("Sara Nyberg");
            browser.assertAccessible("an organisation's page with errors").assertNoHorizontalScroll("an organisation on a phone");
            browser.fill("Telefon", "026-17 80 00").press("Lägg till kontaktperson");
            assertThat(browser.text("#contacts")).contains("Sara Nyberg").contains("Områdesvärd").contains("026-17 80 00");
            // The link says "Ta bort" and, for screen readers, whom; Selenium sees only the visible part.
            browser.go(java.net.URI.create(browser.attribute("#contacts a[href$='/delete']", "href")).getPath());
            assertThat(browser.heading()).isEqualTo("Ta bort kontaktperson");
            browser.assertAccessible("the confirmation before removing a contact");
            browser.clickLink("Avbryt");
            browser.clickLink("Aktörer");
            browser.assertAccessible("the partner directory").assertNoHorizontalScroll("the partner directory on a phone");
        }
    }

    private static void signIn(Browser browser, User user) {
        browser.go("/login").fill("E-postadress", user.email()).fill("Lösenord", Fixtures.PASSWORD).press("Logga in");
        assertThat(browser.path()).isEqualTo("/");
    }
}
