package se.samtrygg.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * Issue 5 from end to end: a coordinator starts Huskurage over five of a housing company's properties through the form
 * (and is told what to correct, losing nothing typed); the housing company's partner puts posters up in three of them,
 * marking them on the board at once, then the letters in two of them from their own steps; the board and the coverage
 * figure show each move, and a property counts as covered (its apartments too) only when both letters and posters are
 * done. Every page passes axe-core (WCAG 2.1 AA); on a phone the board scrolls inside its own region, not the page.
 */
class RolloutBrowserTest {
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    /** Address, stairwells, apartments. */
    private static final Object[][] PROPERTIES = {
        {"Sättragatan 12", "3", "36"}, {"Sättragatan 14", "2", "24"}, {"Sättragatan 16", "4", "48"}, {"Sättravägen 3", "2", "30"},
        {"Sättravägen 5", "5", "62"}};
    /** The board's columns after the address: owner, size, covered, then the steps; the posters are step 4. */
    private static final String POSTERS_COLUMN = "table.board tbody tr td:nth-of-type(7)";
    private static final String LETTERS_COLUMN = "table.board tbody tr td:nth-of-type(6)";
    private static final String COVERED_COLUMN = "table.board tbody tr td:nth-of-type(3)";

    private final TestServer server = TestServer.sharedByBrowsers();
    private final Fixtures fixtures = new Fixtures(server);

    @Test
    void aCoordinatorStartsHuskurageAndTheHousingCompanysPostersAndLettersShowOnTheBoardAndInTheCoverage() {
        Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
        Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
        Organisation police = fixtures.organisation(OrganisationType.POLICE);
        Organisation municipality = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
        User coordinator = fixtures.userWithPassword(Set.of(Role.COORDINATOR), municipality);
        User caretaker = fixtures.userWithPassword(Set.of(Role.PARTNER), housing);
        server.services().networkGroups().create(null, new NetworkGroupInput(area.id(), Fixtures.unique("Nätverksgruppen"),
                List.of(housing.id(), police.id(), municipality.id()), List.of(coordinator.id())));
        String rolloutName = "Huskurage i " + area.name();
        LocalDate today = server.services().rollouts().today();

        // 1. The coordinator starts the rollout over five properties.
        try (Browser desktop = Browser.open(server)) {
            signIn(desktop, coordinator);
            desktop.clickLink("Införanden");
            assertThat(desktop.heading()).isEqualTo("Införanden");
            desktop.assertAccessible("the rollouts");
            desktop.clickLink("Starta ett införande");
            assertThat(desktop.heading()).isEqualTo("Starta ett införande");
            desktop.assertAccessible("the new rollout form");

            desktop.choose("Metod", "Huskurage").choose("Område", area.name() + " (Gävle)")
                    .fillDate("Klart senast", today.minusDays(1));
            assertThat(desktop.valueOf("Startdatum")).as("starts today unless told otherwise").isEqualTo(today.toString());
            for (int i = 0; i < PROPERTIES.length; i++) {
                String row = "Fastighet " + (i + 1);
                desktop.fillIn(row, "Adress", (String) PROPERTIES[i][0]).chooseIn(row, "Fastighetsägare", housing.name())
                        .fillIn(row, "Antal trapphus", (String) PROPERTIES[i][1]);
                if (i != 2) {
                    desktop.fillIn(row, "Antal lägenheter", (String) PROPERTIES[i][2]);
                }
            }
            desktop.press("Starta införandet");
            assertThat(desktop.heading()).as("refused, with what to correct").isEqualTo("Starta ett införande");
            assertThat(desktop.text("#targetDate-error")).isEqualTo("Måldatumet kan inte ligga före startdatumet.");
            assertThat(desktop.attribute("#targetDate", "aria-describedby")).contains("targetDate-error");
            assertThat(desktop.text("[id='properties[2].apartments-error']")).isEqualTo("Fyll i fältet.");
            assertThat(desktop.text(".error-summary")).contains("Måldatumet kan inte ligga före startdatumet.");
            assertThat(desktop.valueIn("Fastighet 1", "Adress")).as("nothing typed is lost").isEqualTo("Sättragatan 12");
            assertThat(desktop.valueIn("Fastighet 5", "Antal lägenheter")).isEqualTo("62");
            assertThat(desktop.valueOf("Klart senast")).isEqualTo(today.minusDays(1).toString());
            desktop.assertAccessible("the new rollout form refusing a target date before the start and a missing apartment count");

            desktop.fillDate("Klart senast", today.plusMonths(6)).fillIn("Fastighet 3", "Antal lägenheter", "48")
                    .press("Starta införandet");
            assertThat(desktop.heading()).isEqualTo(rolloutName);
            assertThat(desktop.text(".notice")).isEqualTo("Införandet är startat.");
            assertThat(desktop.text(".rollout-progress")).contains("0 % av stegen klara (0 av 30 steg)")
                    .contains("0 av 200 lägenheter täckta (0 %)").contains("Inga försenade steg");
            assertThat(desktop.texts("table.board tbody th")).containsExactlyInAnyOrder("Sättragatan 12", "Sättragatan 14",
                    "Sättragatan 16", "Sättravägen 3", "Sättravägen 5");
            assertThat(desktop.texts("table.board thead th")).anySatisfy(h -> assertThat(h)
                    .startsWith("4. Affischer eller dekaler i alla trapphus").contains(housing.name()))
                    .anySatisfy(h -> assertThat(h).startsWith("5. Informationsmöte för hyresgäster").contains(police.name()));
            assertThat(desktop.texts(POSTERS_COLUMN)).hasSize(5).allSatisfy(cell -> assertThat(cell).isEqualTo("○ Ej påbörjad"));
            desktop.assertAccessible("the board of a new rollout");
            desktop.resize(PHONE_WIDTH, PHONE_HEIGHT);
            checkOnPhone(desktop, "the board of a new rollout");
        }

        // 2. The housing company's partner puts posters up in three properties and marks them on the board at once.
        List<String> withPosters = List.of("Sättragatan 12", "Sättragatan 14", "Sättravägen 5");
        try (Browser phone = Browser.open(server, PHONE_WIDTH, PHONE_HEIGHT)) {
            signIn(phone, caretaker);
            phone.clickLink("Införanden").clickLink(rolloutName);
            assertThat(phone.heading()).isEqualTo(rolloutName);
            checkOnPhone(phone, "the board as the housing company sees it");
            phone.choose("Steg", "4. Affischer eller dekaler i alla trapphus").fill("Antal per fastighet (valfritt)", "6");
            withPosters.forEach(phone::tick);
            phone.press("Markera steget klart");
            assertThat(phone.text(".notice")).isEqualTo("Steget markerades klart för 3 fastigheter.");
            List<String> addresses = phone.texts("table.board tbody th");
            List<String> posters = phone.texts(POSTERS_COLUMN);
            for (int row = 0; row < addresses.size(); row++) {
                if (withPosters.contains(addresses.get(row))) {
                    assertThat(posters.get(row)).as(addresses.get(row)).startsWith("✓ Klar").contains("6 st.");
                } else {
                    assertThat(posters.get(row)).as(addresses.get(row)).isEqualTo("○ Ej påbörjad");
                }
            }
            assertThat(phone.text(".rollout-progress")).as("posters alone cover nothing: the letters are needed too")
                    .contains("0 av 200 lägenheter täckta (0 %)").contains("10 % av stegen klara (3 av 30 steg)");
            assertThat(phone.texts(COVERED_COLUMN)).containsOnly("Nej");
            checkOnPhone(phone, "the board with posters up in three properties");

            // 3. The letters, step by step from "my rollout steps", in two of the properties with posters.
            for (String address : List.of("Sättragatan 12", "Sättragatan 14")) {
                phone.clickLink("Införanden").clickLink("Mina införandesteg");
                assertThat(phone.heading()).isEqualTo("Mina införandesteg");
                assertThat(phone.text("main")).contains("3. Informationsbrev till alla hushåll – " + address).contains(rolloutName)
                        .doesNotContain("4. Affischer eller dekaler i alla trapphus – " + address);
                checkOnPhone(phone, "my rollout steps");
                phone.clickLink("3. Informationsbrev till alla hushåll – " + address);
                assertThat(phone.heading()).isEqualTo("Informationsbrev till alla hushåll – " + address);
                assertThat(phone.text(".facts")).contains("Ej påbörjad").contains(housing.name());
                checkOnPhone(phone, "a property step with its form");
                phone.tick("Klar").fill("Antal", address.endsWith("12") ? "36" : "24")
                        .fill("Anteckning", "Brev i alla brevlådor, även på lätt svenska.").press("Spara steget");
                assertThat(phone.text(".notice")).isEqualTo("Ändringarna är sparade.");
                assertThat(phone.text(".facts")).contains("✓ Klar").contains("Brev i alla brevlådor");
            }
            phone.clickLink(rolloutName);
            assertThat(phone.heading()).isEqualTo(rolloutName);
            assertThat(phone.text(".rollout-progress")).as("the apartments of the two properties with letters and posters")
                    .contains("60 av 200 lägenheter täckta (30 %)").contains("16 % av stegen klara (5 av 30 steg)");
            List<String> addresses2 = phone.texts("table.board tbody th");
            List<String> covered = phone.texts(COVERED_COLUMN);
            List<String> letters = phone.texts(LETTERS_COLUMN);
            for (int row = 0; row < addresses2.size(); row++) {
                boolean both = List.of("Sättragatan 12", "Sättragatan 14").contains(addresses2.get(row));
                assertThat(covered.get(row)).as(addresses2.get(row)).isEqualTo(both ? "✓ Ja" : "Nej");
                assertThat(letters.get(row)).as(addresses2.get(row)).startsWith(both ? "✓ Klar" : "○ Ej påbörjad");
            }
            checkOnPhone(phone, "the board with two properties covered");
        }

        // 4. The coordinator sees the same figure among the rollouts and for the area.
        try (Browser desktop = Browser.open(server)) {
            signIn(desktop, coordinator);
            desktop.clickLink("Införanden").choose("Område", area.name() + " (Gävle)").press("Visa");
            assertThat(desktop.text("table.area-progress tbody")).contains(area.name()).contains("60 av 200 lägenheter täckta (30 %)");
            assertThat(desktop.text("ul.rollout-list")).contains(rolloutName).contains("60 av 200 lägenheter täckta (30 %)");
            desktop.assertAccessible("the rollouts of the area");
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
