package se.samtrygg.servicepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.AreaInput;
import se.samtrygg.browser.Browser;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/** A coordinator makes a service point and closes it on a holiday, the police add their hours, on a phone; axe-core finds nothing. */
class ServicePointBrowserTest {
    private final TestServer server = TestServer.sharedByBrowsers();
    private final Fixtures fixtures = new Fixtures(server);

    @Test
    void aCoordinatorMakesAServicePointAndThePoliceAddTheirHoursOnAPhone() {
        Organisation municipality = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
        Organisation police = fixtures.organisation(OrganisationType.POLICE);
        User coordinator = fixtures.userWithPassword(Set.of(Role.COORDINATOR), municipality);
        User officer = fixtures.userWithPassword(Set.of(Role.PARTNER), police);
        String area = Fixtures.unique("Sättra");
        server.services().areas().create(null, new AreaInput(area, "Gävle", null));

        try (Browser browser = Browser.open(server, 390, 844)) {
            browser.go("/login").fill("E-postadress", coordinator.email()).fill("Lösenord", Fixtures.PASSWORD).press("Logga in");
            browser.go("/service-points");
            browser.assertAccessible("the list of service points").assertNoHorizontalScroll("the list on a phone");
            browser.clickLink("Ny servicepunkt");
            browser.press("Skapa servicepunkt");
            assertThat(browser.text("main")).contains("Fyll i fältet.");
            browser.assertAccessible("the service point form with its errors").assertNoHorizontalScroll("the form on a phone");
            browser.choose("Område", area + " (Gävle)").fill("Namn", "Sätra servicepunkt").choose("Typ av plats", "Servicecenter")
                    .fill("Adress", "Sätra centrum 4").tick("Entrén går att nå utan trappsteg");
            browser.press("Skapa servicepunkt");
            assertThat(browser.text("main")).contains("Servicepunkten är skapad").contains("Entrén går att nå utan trappsteg.");
            browser.fillDate("Datum", LocalDate.of(2030, 6, 6)).fill("Orsak (valfritt)", "Nationaldagen");
            browser.press("Stäng dagen");
            assertThat(browser.text("main")).contains("Torsdag 2030-06-06: Hela servicepunkten är stängd (Nationaldagen)");
            browser.assertAccessible("a service point with a closed day").assertNoHorizontalScroll("the service point on a phone");
        }

        try (Browser browser = Browser.open(server, 390, 844)) {
            browser.go("/login").fill("E-postadress", officer.email()).fill("Lösenord", Fixtures.PASSWORD).press("Logga in");
            browser.go("/service-points?areaId=" + server.services().areas().findByName("Gävle", area).orElseThrow().id());
            browser.clickLink("Sätra servicepunkt");
            browser.clickLink("Lägg till en tid");
            browser.assertAccessible("the form for new hours").assertNoHorizontalScroll("the hours form on a phone");
            browser.choose("Veckodag", "Tisdag").fillTime("Från klockan", LocalTime.of(12, 0)).fillTime("Till klockan", LocalTime.of(10, 0))
                    .fill("Andra språk", "xx");
            browser.press("Lägg till tiden");
            assertThat(browser.text("main")).contains("Sluttiden måste vara efter starttiden.").contains("”xx” är inte en känd språkkod");
            browser.assertAccessible("the hours form with its errors");
            browser.fillTime("Från klockan", LocalTime.of(10, 0)).fillTime("Till klockan", LocalTime.of(12, 0)).fill("Andra språk", "")
                    .tickIn("Hjälper till med", "Träffa polisen").tickIn("Språk som talas", "Arabiska (العربية)")
                    .fillDate("Första dag", LocalDate.of(2030, 1, 1));
            browser.press("Lägg till tiden");
            assertThat(browser.text("main")).contains("Tiden är tillagd").contains("Tisdagar").contains("10:00–12:00").contains(police.name())
                    .contains("Arabiska – العربية");
            assertThat(browser.attribute("span[lang=ar]", "dir")).isEqualTo("rtl");
            browser.assertAccessible("a service point with hours").assertNoHorizontalScroll("the hours on a phone");
            browser.go(browser.attribute("a[href$='/delete']", "href").replaceFirst("^https?://[^/]+", ""));
            browser.assertAccessible("confirming the removal of hours");
            browser.press("Ja, ta bort tiden");
            assertThat(browser.text("main")).contains("Tiden är borttagen.");
        }
    }
}
