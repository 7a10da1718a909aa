package se.samtrygg.browser;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.meeting.ActionItemState;
import se.samtrygg.meeting.Meeting;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * The whole of a network group's meeting, as issue 3 tells it, in Chromium: a coordinator creates a
 * group with three member organisations, schedules a monthly series, writes the agenda of the first
 * meeting, records attendance and minutes with a decision, and notes an action item for the housing
 * company; a partner of the housing company signs in on a phone, finds the item under "Mina
 * åtgärdspunkter" and marks it done. Only what an admin would have set up beforehand (area,
 * organisations, accounts) is made through the services. Every page on the way passes axe-core
 * (WCAG 2.1 AA), also with errors shown, and the key pages do not scroll sideways at 390 px.
 */
class MeetingFlowBrowserTest {
    private static final LocalDate FIRST_DAY = LocalDate.of(2030, 9, 3); // the first Tuesday of September
    private static final LocalDate LAST_DAY = LocalDate.of(2031, 6, 30);
    private static final String TITLE = "Nätverksmöte i Sätra";

    private final TestServer server = TestServer.sharedByBrowsers();
    private final Fixtures fixtures = new Fixtures(server);

    @Test
    void aCoordinatorHoldsAMeetingAndTheHousingCompanyClosesItsActionItem() {
        Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sätra"), "Gävle", null));
        Organisation municipality = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
        Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
        Organisation police = fixtures.organisation(OrganisationType.POLICE);
        User coordinator = fixtures.userWithPassword(Set.of(Role.COORDINATOR), municipality);
        User partner = fixtures.userWithPassword(Set.of(Role.PARTNER), housing);
        String groupName = Fixtures.unique("Trygga Sätra");
        String task = "Byt belysningen i gångtunneln";
        String notes = "Gångtunneln under Sätravägen är mörk sedan i somras. Flera boende undviker den på kvällarna.";
        String decision = "Bostadsbolaget byter armaturerna i gångtunneln före oktobermötet.";
        String meetingPath;
        String itemPath;

        try (Browser browser = Browser.open(server)) {
            browser.go("/login").assertAccessible("the login page");
            signIn(browser, coordinator);
            browser.assertAccessible("the home page");

            // The group
            browser.clickLink("Nätverksgrupper").assertAccessible("the network group list").clickLink("Ny nätverksgrupp");
            browser.assertAccessible("the network group form");
            browser.choose("Område", area.name() + " (Gävle)").fill("Gruppens namn", groupName)
                    .tick(municipality.name()).tick(housing.name()).tick(police.name()).press("Skapa nätverksgrupp");
            assertThat(browser.heading()).isEqualTo(groupName);
            assertThat(browser.text(".notice")).isEqualTo("Nätverksgruppen är skapad.");
            assertThat(browser.text("section[aria-labelledby='members-heading']"))
                    .contains(municipality.name(), housing.name(), police.name());
            assertThat(browser.text("section[aria-labelledby='coordinators-heading']")).contains(coordinator.name());
            browser.assertAccessible("the new network group's page");

            // A monthly series, first with a last day before the first meeting
            browser.clickLink("Planera ett möte");
            browser.assertAccessible("the meeting form");
            browser.fill("Rubrik", TITLE).fillDate("Datum", FIRST_DAY).fill("Börjar", "18:00").fill("Slutar", "19:30")
                    .fill("Adress eller annan plats", "Sätra centrum, samlingssalen")
                    .choose("Upprepning", "Varje månad, samma veckodag (till exempel första tisdagen)")
                    .fillDate("Sista dag för serien", LocalDate.of(2030, 8, 31)).press("Planera mötet");
            assertThat(browser.heading()).isEqualTo("Planera ett möte");
            assertThat(browser.texts(".field-error")).containsExactly("Ange sista dag för serien, senast fem år fram.");
            assertThat(browser.valueOf("Rubrik")).isEqualTo(TITLE);
            assertThat(browser.valueOf("Datum")).isEqualTo(FIRST_DAY.toString());
            assertThat(browser.valueOf("Upprepning")).isEqualTo("MONTHLY_WEEKDAY");
            browser.assertAccessible("the meeting form with an error");
            browser.fillDate("Sista dag för serien", LAST_DAY).press("Planera mötet");
            assertThat(browser.heading()).isEqualTo(TITLE);
            assertThat(browser.text(".notice")).isEqualTo("Mötet är planerat.");
            assertThat(browser.text(".facts")).contains("tisdag 3 september 2030, 18:00–19:30")
                    .contains("Den första tisdagen varje månad, till och med 3 juni 2031")
                    .contains(municipality.name(), housing.name(), police.name());
            browser.assertAccessible("the first meeting of the series");

            // The group lists the occurrences; the coordinator opens the first
            browser.clickLink("← " + groupName);
            List<String> upcoming = browser.texts("section[aria-labelledby='meetings-heading'] li a");
            assertThat(upcoming).hasSize(10).allSatisfy(line -> assertThat(line).contains("18:00").endsWith(" – " + TITLE));
            assertThat(upcoming.get(0)).contains("3 sep").contains("2030");
            browser.assertAccessible("the group with its series");
            browser.clickLink(upcoming.get(0));
            assertThat(browser.heading()).isEqualTo(TITLE);
            assertThat(browser.text(".facts")).contains("tisdag 3 september 2030");
            meetingPath = browser.path();

            // The agenda
            browser.fillIn("Punkt 1", "Vad", "Läget i området").choose("Föredras av", police.name())
                    .fillIn("Punkt 1", "Minuter", "15")
                    .fillIn("Punkt 2", "Vad", "Belysningen i gångtunneln").fillIn("Punkt 2", "Minuter", "20")
                    .press("Spara dagordningen");
            assertThat(browser.text(".notice")).isEqualTo("Ändringarna är sparade.");
            assertThat(browser.valueIn("Punkt 1", "Vad")).isEqualTo("Läget i området");
            assertThat(browser.valueIn("Punkt 2", "Vad")).isEqualTo("Belysningen i gångtunneln");
            browser.assertAccessible("the meeting with its agenda");

            // Attendance
            browser.clickLink("Registrera närvaro");
            assertThat(browser.heading()).isEqualTo("Närvaro");
            browser.assertAccessible("the attendance form");
            browser.tickIn(municipality.name(), "Organisationen var representerad").tick(coordinator.name())
                    .tickIn(housing.name(), "Organisationen var representerad").tick(partner.name()).press("Spara närvaron");
            assertThat(browser.heading()).isEqualTo(TITLE);
            assertThat(browser.text("#attendance")).contains(municipality.name(), housing.name(), coordinator.name(), partner.name())
                    .doesNotContain(police.name());

            // Minutes, first with a decision too long to keep
            browser.clickLink("Skriv protokoll");
            assertThat(browser.heading()).isEqualTo("Protokoll");
            browser.assertAccessible("the minutes form");
            browser.fillIn("1. Läget i området", "Anteckningar", "Lugnt sedan förra mötet.")
                    .fillIn("2. Belysningen i gångtunneln", "Anteckningar", notes)
                    .fillIn("2. Belysningen i gångtunneln", "Beslut", "x".repeat(4001)).press("Spara protokollet");
            assertThat(browser.texts(".field-error")).singleElement(as(STRING)).matches("Högst 4\\h000 tecken\\.");
            assertThat(browser.valueIn("2. Belysningen i gångtunneln", "Anteckningar")).isEqualTo(notes);
            browser.assertAccessible("the minutes form with an error");
            browser.fillIn("2. Belysningen i gångtunneln", "Beslut", decision).press("Spara protokollet");
            assertThat(browser.text(".notice")).isEqualTo("Ändringarna är sparade.");
            browser.clickLink("← " + TITLE);
            assertThat(browser.text("#minutes")).contains("1. Läget i området").contains("Lugnt sedan förra mötet.")
                    .contains("2. Belysningen i gångtunneln").contains(notes).contains("Beslut: " + decision);

            // The action item for the housing company
            browser.fill("Vad ska göras", task).choose("Ansvarig organisation", housing.name())
                    .fillDate("Klart senast", LocalDate.of(2030, 9, 30))
                    .press("Lägg till åtgärdspunkt");
            assertThat(browser.text("#action-items")).contains(task).contains(housing.name()).contains("Öppen");
            browser.assertAccessible("the meeting with minutes, attendance and an action item");

            // The coordinator's pages on a phone
            browser.resize(390, 844);
            browser.assertNoHorizontalScroll("a meeting with minutes on a phone");
            browser.clickLink("Skriv protokoll").assertNoHorizontalScroll("the minutes form on a phone");
            browser.clickLink("← " + TITLE).clickLink("Registrera närvaro").assertNoHorizontalScroll("the attendance form on a phone");
            browser.clickLink("← " + TITLE).clickLink("Ändra eller flytta")
                    .assertNoHorizontalScroll("the form for a meeting in a series on a phone");
            assertThat(browser.text("#scope legend")).isEqualTo("Vad ska ändras?");
            browser.assertAccessible("the form for a meeting in a series");
            browser.clickLink("Nätverksgrupper").clickLink(groupName).assertNoHorizontalScroll("the group on a phone");
            browser.clickLink("Planera ett möte").assertNoHorizontalScroll("the meeting form on a phone");
            browser.press("Logga ut");
        }

        try (Browser phone = Browser.open(server, 390, 844)) {
            signIn(phone, partner);
            phone.clickLink("Mina åtgärdspunkter");
            assertThat(phone.heading()).isEqualTo("Mina åtgärdspunkter");
            assertThat(phone.text("main")).contains(task);
            phone.assertAccessible("my action items").assertNoHorizontalScroll("my action items on a phone");
            phone.clickLink(task);
            assertThat(phone.heading()).isEqualTo(task);
            assertThat(phone.text(".facts")).contains(housing.name()).contains("Öppen");
            itemPath = phone.path();
            phone.assertAccessible("the action item").assertNoHorizontalScroll("the action item on a phone");
            phone.press("Markera som klar");
            assertThat(phone.text(".notice")).isEqualTo("Ändringarna är sparade.");
            assertThat(phone.text(".facts")).contains("Klar");
            phone.assertAccessible("the action item when done");

            phone.clickLink("← " + TITLE);
            assertThat(phone.path()).isEqualTo(meetingPath);
            assertThat(phone.text("#minutes")).contains(notes).contains("Beslut: " + decision);
            assertThat(phone.text("#action-items")).contains(task).contains("Klar");
            phone.assertAccessible("the meeting as a partner sees it").assertNoHorizontalScroll("the meeting on a phone");
            phone.clickLink("Mina åtgärdspunkter");
            assertThat(phone.text("main")).contains("Du har inga öppna åtgärdspunkter.").doesNotContain(task);
        }

        // What the pages did, as the services see it
        long itemId = Long.parseLong(itemPath.replaceAll("\\D", ""));
        assertThat(server.services().actionItems().get(Fixtures.principal(partner), itemId).state()).isEqualTo(ActionItemState.DONE);
        Meeting first = server.services().meetings().get(Fixtures.principal(coordinator), Long.parseLong(meetingPath.replaceAll("\\D", "")));
        List<Meeting> series = server.services().meetings().list(Fixtures.principal(coordinator), first.networkGroupId(), first.seriesId(),
                null, 100).items();
        assertThat(series).extracting(m -> m.start().toLocalDate()).containsExactlyElementsOf(firstTuesdays());
        assertThat(series).allSatisfy(m -> {
            assertThat(m.start().toLocalTime()).isEqualTo(LocalTime.of(18, 0));
            assertThat(m.end().toLocalTime()).isEqualTo(LocalTime.of(19, 30));
        });
        // 18:00 in Stockholm, summer and winter: the instants move by the hour the clocks do.
        assertThat(series.get(0).startsAt()).isEqualTo(Instant.parse("2030-09-03T16:00:00Z"));
        assertThat(series.get(3).startsAt()).isEqualTo(Instant.parse("2030-12-03T17:00:00Z"));
    }

    /** The first Tuesday of each month from September to June, across the change to winter time and back. */
    private static List<LocalDate> firstTuesdays() {
        return FIRST_DAY.datesUntil(LAST_DAY, Period.ofMonths(1))
                .map(d -> d.with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY))).toList();
    }

    private static void signIn(Browser browser, User user) {
        browser.go("/login").fill("E-postadress", user.email()).fill("Lösenord", Fixtures.PASSWORD).press("Logga in");
        assertThat(browser.path()).isEqualTo("/");
    }
}
