package se.samtrygg.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.area.PlaceInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * Issue 4 from end to end, as the people in Sättra do it: on a phone, a night walker logs last
 * night's walk (and is told why a personal identity number may not be stored, losing nothing
 * typed), notes two broken lamps in the underpass and hands them to the housing company; the
 * housing company's partner finds the action item among their own and marks it done; the walker
 * sees that it is done; the coordinator sees the walk and the closed observation in the area's
 * situation picture, the chart with its data table. Every page passes axe-core (WCAG 2.1 AA), and
 * on the phone nothing scrolls sideways.
 */
class ActivityLogBrowserTest {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    private final TestServer server = TestServer.sharedByBrowsers();
    private final Fixtures fixtures = new Fixtures(server);

    @Test
    void aNightWalkersObservationReachesTheHousingCompanyAndTheSituationPictureShowsItDone() {
        Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", "Bostadsområde i västra Gävle."));
        // A name no other test's area has: the place list of the forms holds every area's places.
        String underpass = Fixtures.unique("Gångtunneln under Sätravägen");
        server.services().areas().addPlace(null, area.id(), new PlaceInput(underpass, null));
        Organisation walkers = fixtures.organisation(OrganisationType.ASSOCIATION);
        Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
        Organisation municipality = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
        User walker = fixtures.userWithPassword(Set.of(Role.PARTNER), walkers);
        User caretaker = fixtures.userWithPassword(Set.of(Role.PARTNER), housing);
        User coordinator = fixtures.userWithPassword(Set.of(Role.COORDINATOR), municipality);
        String groupName = Fixtures.unique("Nätverksgruppen Sättra");
        server.services().networkGroups().create(null, new NetworkGroupInput(area.id(), groupName,
                List.of(walkers.id(), housing.id(), municipality.id()), List.of(coordinator.id())));

        // The walk is logged once it has begun: tonight's if it is past nine, else last night's.
        LocalDateTime now = LocalDateTime.now(server.clock().withZone(STOCKHOLM));
        LocalDate walkDate = now.toLocalTime().isBefore(LocalTime.of(21, 0)) ? now.toLocalDate().minusDays(1) : now.toLocalDate();
        String week = "Vecka " + walkDate.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + ", " + walkDate.get(IsoFields.WEEK_BASED_YEAR);
        String observationTitle = "Belysning – " + underpass + ", " + area.name();
        String personalNumber = "19121212-1212";

        try (Browser phone = Browser.open(server, PHONE_WIDTH, PHONE_HEIGHT)) {
            // 1. The night walk, logged on a phone.
            signIn(phone, walker);
            phone.clickLink("Aktivitetslogg");
            assertThat(phone.heading()).isEqualTo("Aktivitetslogg");
            checkOnPhone(phone, "the activity log");
            phone.clickLink("Logga en aktivitet");
            assertThat(phone.heading()).isEqualTo("Logga en aktivitet");
            checkOnPhone(phone, "the new activity form");

            String mistaken = "Lugn kväll. Pratade med en pappa (" + personalNumber + ") om fritidsgården.";
            phone.choose("Typ av aktivitet", "Nattvandring").choose("Område", area.name()).choose("Plats", underpass)
                    .fillDate("Datum", walkDate).fillTime("Start", LocalTime.of(21, 0)).fillTime("Slut", LocalTime.of(1, 0))
                    .fill("Personal/volontärer", "6").fill("Nådda personer", "40").fill("Beskrivning", mistaken)
                    .tick("Nätverket – alla organisationer i områdets nätverksgrupp");
            phone.press("Spara aktiviteten");
            assertThat(phone.heading()).isEqualTo("Logga en aktivitet");
            assertThat(phone.texts(".field-error")).anySatisfy(e -> assertThat(e).startsWith("Texten innehåller ett personnummer"));
            assertThat(phone.attribute("#description", "aria-describedby")).contains("description-error");
            assertThat(phone.valueOf("Beskrivning")).isEqualTo(mistaken);
            assertThat(phone.valueOf("Datum")).isEqualTo(walkDate.toString());
            assertThat(phone.valueOf("Start")).isEqualTo("21:00");
            assertThat(phone.valueOf("Slut")).isEqualTo("01:00");
            assertThat(phone.valueOf("Personal/volontärer")).isEqualTo("6");
            assertThat(phone.valueOf("Nådda personer")).isEqualTo("40");
            checkOnPhone(phone, "the activity form refusing a personal identity number");

            phone.fill("Beskrivning", "Lugn kväll. Pratade med en pappa om fritidsgården. Mörkt i gångtunneln.").press("Spara aktiviteten");
            assertThat(phone.heading()).isEqualTo("Nattvandring");
            assertThat(phone.text(".facts")).contains(walkDate.toString()).contains("21:00–01:00").contains(area.name())
                    .contains(underpass).contains(walkers.name()).contains("6").contains("40").contains("Nätverket");
            assertThat(phone.text("main")).doesNotContain(personalNumber);
            checkOnPhone(phone, "a logged night walk");

            // 2. An observation from the walk, handed over to the housing company.
            phone.clickLink("Lägg till observation");
            assertThat(phone.heading()).isEqualTo("Logga en observation");
            assertThat(phone.text("#activityId")).contains("Nattvandring");
            checkOnPhone(phone, "the observation form of a night walk");
            phone.choose("Vad du såg", "Belysning")
                    .fill("Beskrivning (valfritt)", "Två lampor är släckta i gångtunneln, det är helt mörkt i mitten.")
                    .press("Spara observationen");
            assertThat(phone.heading()).isEqualTo(observationTitle);
            assertThat(phone.text(".facts")).contains("Nattvandring").contains(walkers.name());
            assertThat(phone.text("#handover")).contains("Lämna över till").doesNotContain("Överlämnad till");
            checkOnPhone(phone, "an observation with its handover form");

            LocalDate due = walkDate.plusDays(14);
            phone.choose("Lämna över till", housing.name()).fill("Vad ska göras", "Byt de två lamporna i gångtunneln")
                    .fillDate("Klart senast", due).press("Lämna över");
            assertThat(phone.text(".notice")).isEqualTo("Observationen är överlämnad. Åtgärdspunkten är skapad.");
            assertThat(phone.text("#handover")).contains("Överlämnad till").contains(housing.name()).contains("Öppen");
            checkOnPhone(phone, "a handed-over observation");

            // 3. The housing company's partner, in a session of their own, closes the action item.
            try (Browser caretakerPhone = Browser.open(server, PHONE_WIDTH, PHONE_HEIGHT)) {
                signIn(caretakerPhone, caretaker);
                caretakerPhone.clickLink("Mina åtgärdspunkter");
                assertThat(caretakerPhone.heading()).isEqualTo("Mina åtgärdspunkter");
                assertThat(caretakerPhone.text("main")).contains("Byt de två lamporna i gångtunneln").contains("Öppen");
                checkOnPhone(caretakerPhone, "the housing company's action items");
                caretakerPhone.clickLink("Byt de två lamporna i gångtunneln");
                assertThat(caretakerPhone.heading()).isEqualTo("Byt de två lamporna i gångtunneln");
                assertThat(caretakerPhone.text(".facts")).contains(housing.name()).contains("Öppen").contains(area.name());
                checkOnPhone(caretakerPhone, "an action item from an observation");
                caretakerPhone.fill("Ny kommentar", "Båda lamporna är bytta.").press("Skicka kommentar");
                caretakerPhone.press("Markera som klar");
                assertThat(caretakerPhone.text(".facts")).contains("Klar");
                assertThat(caretakerPhone.text("#comments")).contains("Båda lamporna är bytta.");
                checkOnPhone(caretakerPhone, "a done action item");
                caretakerPhone.clickLink("Mina åtgärdspunkter");
                assertThat(caretakerPhone.text("main")).contains("Du har inga öppna åtgärdspunkter.");
            }

            // 4. The walker finds the observation again and reads that it is done.
            phone.clickLink("Observationer").choose("Område", area.name()).press("Visa");
            assertThat(phone.heading()).isEqualTo("Observationer");
            checkOnPhone(phone, "the observations in the area");
            phone.clickLink(observationTitle);
            assertThat(phone.heading()).isEqualTo(observationTitle);
            assertThat(phone.text("#handover")).contains("Överlämnad till").contains(housing.name()).contains("Klar")
                    .contains("avslutad");
            checkOnPhone(phone, "a handed-over observation whose action item is done");
        }

        // 5. The coordinator reads the situation picture of the area.
        try (Browser desktop = Browser.open(server)) {
            signIn(desktop, coordinator);
            desktop.clickLink("Nätverksgrupper").clickLink(groupName);
            desktop.clickLink("Lägesbild – " + area.name());
            assertThat(desktop.heading()).isEqualTo("Lägesbild – " + area.name());
            desktop.assertAccessible("the situation picture");

            assertThat(desktop.texts("[aria-labelledby='types-caption'] tbody tr")).containsExactly("Nattvandring 1 6 40");
            assertThat(desktop.texts("[aria-labelledby='weeks-caption'] tbody tr"))
                    .anySatisfy(row -> assertThat(row).startsWith(week + " ").endsWith(" 1 6 40"));
            assertThat(desktop.has("svg.week-chart")).as("the chart of activities per week").isTrue();
            assertThat(desktop.text("#weeks-caption")).isEqualTo("Aktiviteter per vecka (samma siffror som i diagrammet)");
            assertThat(desktop.texts("svg.week-chart .bar-value")).hasSameSizeAs(desktop.texts("[aria-labelledby='weeks-caption'] tbody tr"))
                    .contains("1");

            assertThat(desktop.texts("[aria-labelledby='categories-caption'] tbody tr")).containsExactly("Belysning 1 0 0 1");
            assertThat(desktop.texts("section[aria-labelledby='observations-heading'] .situation-list li"))
                    .singleElement().satisfies(line -> assertThat(line).contains("Belysning").contains(underpass)
                            .contains(walkers.name()).contains("överlämnad, åtgärden är avslutad"));
            assertThat(desktop.text("section[aria-labelledby='action-items-heading']")).doesNotContain("Byt de två lamporna");

            desktop.resize(PHONE_WIDTH, PHONE_HEIGHT);
            checkOnPhone(desktop, "the situation picture");
        }
    }

    private static void checkOnPhone(Browser browser, String what) {
        browser.assertAccessible(what).assertNoHorizontalScroll(what + " on a phone");
    }

    private static void signIn(Browser browser, User user) {
        browser.go("/login").fill("E-postadress", user.email()).fill("Lösenord", Fixtures.PASSWORD).press("Logga in");
        assertThat(browser.path()).isEqualTo("/");
    }
}
