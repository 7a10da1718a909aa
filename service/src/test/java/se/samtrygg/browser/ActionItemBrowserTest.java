package se.samtrygg.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.AreaInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.meeting.ActionItemInput;
import se.samtrygg.meeting.MeetingInput;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * On a phone, a coordinator opens an action item, names the wrong person, is told why beside the
 * field, and names the right one. The edit form passes axe-core (WCAG 2.1 AA), also with errors.
 */
class ActionItemBrowserTest {
    private final TestServer server = TestServer.sharedByBrowsers();
    private final Fixtures fixtures = new Fixtures(server);

    @Test
    void aCoordinatorNamesTheResponsiblePersonOfAnActionItemOnAPhone() {
        Organisation municipality = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
        Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
        Organisation police = fixtures.organisation(OrganisationType.POLICE);
        User coordinator = fixtures.userWithPassword(Set.of(Role.COORDINATOR), municipality);
        User caretaker = fixtures.user(Set.of(Role.PARTNER), housing);
        User officer = fixtures.user(Set.of(Role.PARTNER), police);
        long area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null)).id();
        long group = server.services().networkGroups().create(null, new NetworkGroupInput(area, Fixtures.unique("Nätverket"),
                List.of(municipality.id(), housing.id(), police.id()), List.of(coordinator.id()))).id();
        long meeting = server.services().meetings().schedule(Fixtures.principal(coordinator), new MeetingInput(group, "Nätverksmöte",
                LocalDateTime.of(2030, 9, 3, 18, 0), LocalDateTime.of(2030, 9, 3, 19, 30), null, "Sätra centrum",
                null, null)).id();
        long item = server.services().actionItems().create(Fixtures.principal(coordinator), new ActionItemInput(meeting,
                "Byt lampan i gångtunneln", housing.id(), null, null, null)).id();

        try (Browser browser = Browser.open(server, 390, 844)) {
            browser.go("/login").fill("E-postadress", coordinator.email()).fill("Lösenord", Fixtures.PASSWORD).press("Logga in");
            browser.go("/action-items/" + item);
            assertThat(browser.text(".facts")).contains("Ingen utsedd");
            browser.clickLink("Ändra åtgärdspunkten");
            assertThat(browser.heading()).isEqualTo("Ändra åtgärdspunkt");
            browser.assertAccessible("the action item form").assertNoHorizontalScroll("the action item form on a phone");

            browser.fill("Vad ska göras", "Byt lampan i gångtunneln vid torget").choose("Ansvarig person (valfritt)", officer.name())
                    .press("Spara");
            assertThat(browser.texts(".field-error")).anySatisfy(e -> assertThat(e).startsWith("Personen är inte aktiv medlem"));
            assertThat(browser.valueOf("Vad ska göras")).isEqualTo("Byt lampan i gångtunneln vid torget");
            browser.assertAccessible("the action item form with errors").assertNoHorizontalScroll("the refused form on a phone");

            browser.choose("Ansvarig person (valfritt)", caretaker.name()).press("Spara");
            assertThat(browser.heading()).isEqualTo("Byt lampan i gångtunneln vid torget");
            assertThat(browser.text(".notice")).isEqualTo("Ändringarna är sparade.");
            assertThat(browser.text(".facts")).contains(housing.name()).contains(caretaker.name());
            browser.assertAccessible("an action item with a responsible person");
        }
    }
}
