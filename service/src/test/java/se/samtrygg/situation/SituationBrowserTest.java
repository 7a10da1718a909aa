package se.samtrygg.situation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

/** A coordinator reads an area's situation picture on a phone, chooses a period, and every state of the page passes axe-core. */
class SituationBrowserTest {
    private final TestServer server = TestServer.sharedByBrowsers();
    private final Fixtures fixtures = new Fixtures(server);
    private final Records records = new Records(server);

    @Test
    void aCoordinatorReadsTheSituationPictureOnAPhoneAndChoosesAPeriod() {
        Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
        long square = server.services().areas().addPlace(null, area.id(), new PlaceInput(Fixtures.unique("Torget"), null)).id();
        Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
        Organisation municipality = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
        User coordinator = fixtures.userWithPassword(Set.of(Role.COORDINATOR), municipality);
        server.services().networkGroups().create(null, new NetworkGroupInput(area.id(), Fixtures.unique("Nätverket"),
                List.of(housing.id(), municipality.id()), List.of(coordinator.id())));
        long nightWalk = records.categoryNamed("ACTIVITY_TYPE", "Nattvandring");
        long lighting = records.categoryNamed("OBSERVATION_CATEGORY", "Belysning");
        LocalDate today = LocalDate.ofInstant(server.clock().instant(), ZoneId.of("Europe/Stockholm"));
        for (int week = 0; week < 8; week++) {
            Instant at = today.minusWeeks(week).atTime(20, 0).atZone(ZoneId.of("Europe/Stockholm")).toInstant();
            for (int n = 0; n <= week % 3; n++) {
                records.activity(housing.id(), area.id(), square, nightWalk, at.minusSeconds(n * 3600L), 4, 25,
                        "Nattvandring med många samtal vid torget och en lång beskrivning som måste få plats på en smal skärm",
                        "NETWORK");
            }
        }
        long item = records.actionItem(area.id(), "Byt lampan vid torget", housing.id(), today.minusDays(2), "OPEN", "NETWORK");
        records.observation(housing.id(), area.id(), square, lighting, today.atStartOfDay(ZoneId.of("Europe/Stockholm")).toInstant(),
                "Lampan är trasig", "NETWORK", item);
        records.placeReport(housing.id(), area.id(), square, SituationService.monday(today), new int[] {1, 2, 3, 0, 0},
                "Valborgsfirande på torget", "NETWORK");
        records.activity(housing.id(), area.id(), square, nightWalk, today.minusDays(3).atTime(21, 0)
                .atZone(ZoneId.of("Europe/Stockholm")).toInstant(), 2, 5, "Internt", "ORGANISATION");

        try (Browser browser = Browser.open(server, 390, 844)) {
            browser.go("/login").fill("E-postadress", coordinator.email()).fill("Lösenord", Fixtures.PASSWORD).press("Logga in");
            browser.go("/areas/" + area.id()).clickLink("Lägesbild");
            assertThat(browser.heading()).isEqualTo("Lägesbild – " + area.name());
            assertThat(browser.has("svg[role=img] title")).isTrue();
            assertThat(browser.text("main")).contains("1 aktivitet under perioden syns bara för den egna organisationen")
                    .contains("Försenad").contains("Valborgsfirande på torget");
            browser.assertAccessible("the situation picture").assertNoHorizontalScroll("the situation picture on a phone");

            browser.fillDate("Från och med (datum)", today.minusDays(6)).fillDate("Till och med (datum)", today).press("Visa perioden");
            assertThat(browser.text("main")).contains("Perioden " + today.minusDays(6) + " – " + today + " (7 dagar)");
            browser.assertAccessible("the situation picture of a week").assertNoHorizontalScroll("a week's picture on a phone");

            browser.fillDate("Från och med (datum)", today).fillDate("Till och med (datum)", today.minusDays(6)).press("Visa perioden");
            assertThat(browser.text("main")).contains("Från-datumet ligger efter till-datumet");
            browser.assertAccessible("a refused period").assertNoHorizontalScroll("a refused period on a phone");
        }
    }
}
