package se.samtrygg.placereport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
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

/** A partner reports a place on a phone, sees the week and the quarterly ranking; every page passes axe-core. */
class PlaceReportBrowserTest {
    private final TestServer server = TestServer.sharedByBrowsers();
    private final Fixtures fixtures = new Fixtures(server);

    @Test
    void aPartnerReportsThePlaceOnAPhoneAndSeesTheWeekAndTheQuarter() {
        Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
        User coordinator = fixtures.user(Set.of(Role.COORDINATOR));
        User partner = fixtures.userWithPassword(Set.of(Role.PARTNER), housing);
        long area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null)).id();
        server.services().areas().addPlace(null, area, new PlaceInput("Torget", "Sätra centrum"));
        server.services().networkGroups().create(null, new NetworkGroupInput(area, Fixtures.unique("Nätverket"), List.of(housing.id()),
                List.of(coordinator.id())));

        try (Browser browser = Browser.open(server, 390, 844)) {
            browser.go("/login").fill("E-postadress", partner.email()).fill("Lösenord", Fixtures.PASSWORD).press("Logga in");
            browser.go("/place-reports");
            browser.assertAccessible("choosing an area for the week's reports");
            browser.go("/place-reports?areaId=" + area);
            assertThat(browser.text("main")).contains("Torget").contains("Inga rapporter för veckan");
            browser.assertAccessible("the week of an area").assertNoHorizontalScroll("the week on a phone");

            browser.clickLink("Rapportera Torget");
            browser.assertAccessible("the report form").assertNoHorizontalScroll("the report form on a phone");
            browser.press("Skicka rapporten");
            assertThat(browser.text("main")).contains("Välj inget, lite, en del eller mycket.");
            browser.assertAccessible("the report form with its errors");

            browser.tickIn("Skadegörelse", "mycket").tickIn("Nedskräpning", "lite").tickIn("Belysningsproblem", "en del")
                    .tickIn("Samlingar av personer", "inget").tickIn("Händelser mot personal", "inget")
                    .fill("Kommande händelser", "Marknad på torget lördag");
            browser.press("Skicka rapporten");
            assertThat(browser.text("main")).contains("Rapporten är sparad").contains("mycket").contains("Marknad på torget lördag");
            browser.assertAccessible("the report");

            browser.go("/place-reports?areaId=" + area);
            assertThat(browser.text("main")).contains("Uppdatera er rapport för Torget").contains(housing.name());
            browser.clickLink("Kvartalsrangordning");
            assertThat(browser.text("main")).contains("Så rangordnas platser och områden").contains("Torget");
            browser.assertAccessible("the quarterly ranking").assertNoHorizontalScroll("the quarterly ranking on a phone");
        }
    }
}
