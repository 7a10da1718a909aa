package se.samtrygg.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.AreaInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.notification.Notice;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * On a phone: a coordinator with three unread messages sees them counted in the header, reads one and then all of them in
 * the inbox, turns off one kind of reminder for themself, and changes their network group's reminder rules, first with a
 * number of days out of range. Every page passes axe-core (WCAG 2.1 AA) and none scrolls sideways at 390 px.
 */
class NotificationBrowserTest {
    private final TestServer server = TestServer.sharedByBrowsers();
    private final Fixtures fixtures = new Fixtures(server);

    @Test
    void aCoordinatorReadsTheInboxChoosesTheirRemindersAndChangesTheGroupsRules() {
        Organisation municipality = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
        Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
        User coordinator = fixtures.userWithPassword(Set.of(Role.COORDINATOR), municipality);
        long area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sätra"), "Gävle", null)).id();
        String groupName = Fixtures.unique("Nätverk Sätra");
        long group = server.services().networkGroups().create(null, new NetworkGroupInput(area, groupName,
                List.of(municipality.id(), housing.id()), List.of(coordinator.id()))).id();
        // Written the way every notice is: through the notification service, in a transaction of the caller's.
        Jdbi jdbi = Jdbi.create(server.database().url(), server.database().user(), server.database().password())
                .installPlugin(new SqlObjectPlugin());
        String prefix = Fixtures.unique("browser");
        for (String subject : List.of("I morgon: Nätverksmöte i Sätra", "Dagordning saknas: Nätverksmöte i Sätra",
                "Snart dags: Byt lampan i gångtunneln")) {
            jdbi.useTransaction(h -> server.services().notifications().send(h, new Notice(prefix + ":" + subject, coordinator.id(),
                    "MEETING_TOMORROW", subject, List.of("Mötet börjar klockan 18:00 i Sätra centrum.", "Adress: Sätravägen 1"),
                    "/network-groups/" + group, null)));
        }

        try (Browser browser = Browser.open(server, 390, 844)) {
            browser.go("/login").fill("E-postadress", coordinator.email()).fill("Lösenord", Fixtures.PASSWORD).press("Logga in");
            assertThat(inboxLink(browser)).isEqualTo("Inkorg (3) olästa");
            browser.assertAccessible("the start page with unread messages").assertNoHorizontalScroll("the start page on a phone");

            // The link's text is "Inkorg (3)" and, for screen readers, "olästa": Selenium reads both, so it is followed by its address.
            browser.go(browser.attribute(".inbox-link", "href"));
            assertThat(browser.heading()).isEqualTo("Inkorg");
            assertThat(browser.texts(".inbox-entry h2")).hasSize(3).allSatisfy(h -> assertThat(h).startsWith("Oläst"));
            assertThat(browser.text("main")).contains("Mötet börjar klockan 18:00 i Sätra centrum.");
            browser.assertAccessible("the inbox").assertNoHorizontalScroll("the inbox on a phone");

            // Each button also names its message for screen readers, and Selenium reads that part as well.
            browser.press("Markera som läst\n: Dagordning saknas: Nätverksmöte i Sätra");
            assertThat(browser.path()).startsWith("/inbox");
            assertThat(inboxLink(browser)).isEqualTo("Inkorg (2) olästa");
            assertThat(browser.texts(".inbox-entry.unread h2")).hasSize(2)
                    .noneSatisfy(h -> assertThat(h).contains("Dagordning saknas"));
            assertThat(browser.texts(".inbox-entry")).hasSize(3);
            browser.assertAccessible("the inbox with one message read").assertNoHorizontalScroll("the inbox with one read");

            browser.press("Markera alla som lästa");
            assertThat(inboxLink(browser)).isEqualTo("Inkorg");
            assertThat(browser.has(".inbox-entry.unread")).isFalse();
            assertThat(browser.texts("button")).doesNotContain("Markera alla som lästa", "Markera som läst");
            browser.assertAccessible("the inbox, all read").assertNoHorizontalScroll("the inbox, all read, on a phone");

            browser.clickLink("Välj vilka påminnelser du får");
            assertThat(browser.heading()).isEqualTo("Mina aviseringar");
            assertThat(browser.ticked("Påminnelse före möte")).as("every reminder is on until one turns it off").isTrue();
            browser.assertAccessible("my notification settings").assertNoHorizontalScroll("my notification settings on a phone");
            browser.untick("Påminnelse före möte").press("Spara mina val");
            assertThat(browser.text(".notice")).isEqualTo("Dina val är sparade.");
            assertThat(browser.ticked("Påminnelse före möte")).isFalse();
            assertThat(browser.ticked("Veckosammanfattning")).isTrue();
            browser.assertAccessible("my notification settings, saved").assertNoHorizontalScroll("my saved settings on a phone");
            browser.go("/account/notifications");
            assertThat(browser.has(".notice")).isFalse();
            assertThat(browser.ticked("Påminnelse före möte")).as("still off when the page is opened again").isFalse();

            browser.go("/network-groups/" + group).clickLink("Påminnelser för gruppen");
            assertThat(browser.heading()).isEqualTo("Påminnelser: " + groupName);
            assertThat(browser.valueOf("Antal dagar (1–30)")).as("the first adjustable rule, at its default").isNotBlank();
            browser.assertAccessible("a group's reminder rules").assertNoHorizontalScroll("a group's reminder rules on a phone");
            browser.fill("Antal dagar (1–30)", "45").press("Spara");
            assertThat(browser.texts(".field-error")).containsExactly("Skriv ett helt antal dagar från 1 till 30.");
            assertThat(browser.valueOf("Antal dagar (1–30)")).as("what was typed is kept").isEqualTo("45");
            assertThat(browser.has(".notice")).isFalse();
            browser.assertAccessible("a group's reminder rules with an error").assertNoHorizontalScroll("the rules with an error on a phone");
            browser.fill("Antal dagar (1–30)", "10").press("Spara");
            assertThat(browser.text(".notice")).startsWith("Påminnelserna är sparade.");
            assertThat(browser.has(".field-error")).isFalse();
            assertThat(browser.valueOf("Antal dagar (1–30)")).isEqualTo("10");
            browser.assertAccessible("a group's reminder rules, saved").assertNoHorizontalScroll("the saved rules on a phone");
        }
    }

    /** The header's inbox link as read aloud: its visible text and the hidden word after the count, on one line. */
    private static String inboxLink(Browser browser) {
        return browser.text(".inbox-link").replaceAll("\\s+", " ");
    }
}
