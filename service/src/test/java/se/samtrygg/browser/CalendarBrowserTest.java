package se.samtrygg.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.AreaInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.meeting.Meeting;
import se.samtrygg.meeting.MeetingInput;
import se.samtrygg.meeting.MeetingService;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.meeting.RecurrencePattern;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * A partner opens the month calendar with their group's monthly series (one meeting cancelled),
 * subscribes, and revokes the address again; on a phone, and every page passes axe-core.
 */
class CalendarBrowserTest {
    private final TestServer server = TestServer.sharedByBrowsers();
    private final Fixtures fixtures = new Fixtures(server);

    @Test
    void aPartnerSeesTheMonthsMeetingsSubscribesAndRevokesTheAddressOnAPhone() {
        Organisation municipality = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
        Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
        User coordinator = fixtures.user(Set.of(Role.COORDINATOR), municipality);
        User partner = fixtures.userWithPassword(Set.of(Role.PARTNER), housing);
        long area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null)).id();
        long group = server.services().networkGroups().create(null, new NetworkGroupInput(area, Fixtures.unique("Nätverket"),
                List.of(municipality.id(), housing.id()), List.of(coordinator.id()))).id();
        LocalDate month = LocalDate.now(MeetingService.ZONE).withDayOfMonth(1);
        LocalDate first = month.with(TemporalAdjusters.firstInMonth(java.time.DayOfWeek.TUESDAY));
        Meeting meeting = server.services().meetings().schedule(Fixtures.principal(coordinator), new MeetingInput(group, "Nätverksmöte",
                first.atTime(18, 0), first.atTime(19, 30), null, "Sätra centrum", null, null, null,
                RecurrencePattern.WEEKLY.rrule(first, first.plusWeeks(2))));
        server.services().meetings().cancel(Fixtures.principal(coordinator), meeting.id(), "Lokalen är upptagen");

        try (Browser browser = Browser.open(server, 390, 844)) {
            browser.go("/login").fill("E-postadress", partner.email()).fill("Lösenord", Fixtures.PASSWORD).press("Logga in");
            browser.go("/calendar");
            assertThat(browser.heading()).isEqualTo("Kalender");
            assertThat(browser.text("main")).contains("Dina möten i " + java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.forLanguageTag("sv")).format(month)).contains("18:00 Nätverksmöte").containsIgnoringCase("Inställt");
            browser.assertAccessible("the month calendar").assertNoHorizontalScroll("the month calendar on a phone");

            browser.press("Skapa personligt kalenderflöde");
            assertThat(browser.text("main")).contains("Den visas bara den här gången");
            assertThat(browser.attribute("#feed-url", "value")).contains("/calendar/feed.ics?token=");
            browser.assertAccessible("the calendar with a new feed address").assertNoHorizontalScroll("the new address on a phone");

            browser.go(browser.attribute("a[href$='/revoke']", "href").replaceFirst("^https?://[^/]+", ""));
            assertThat(browser.heading()).isEqualTo("Återkalla kalenderflöde");
            browser.assertAccessible("the confirmation before revoking");
            browser.press("Återkalla kalenderflödet");
            assertThat(browser.text("main")).contains("Kalenderflödet är återkallat");
            browser.assertAccessible("the calendar after revoking");
        }
        try (Browser wide = Browser.open(server)) {
            wide.go("/login").fill("E-postadress", partner.email()).fill("Lösenord", Fixtures.PASSWORD).press("Logga in");
            wide.go("/calendar?month=" + month.plusMonths(1).toString().substring(0, 7));
            wide.assertAccessible("next month's calendar on a wide screen");
        }
    }
}
