package se.samtrygg.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * An admin in a real browser: signs in, sets up a partner organisation and a colleague in it, and
 * signs out. Every page of the service is checked with axe-core against WCAG 2.1 AA on the way, also
 * as it looks with errors or notices shown, and in English. The same flow is then walked on a
 * phone-sized screen, where no page may scroll sideways.
 */
class AdminBrowserTest {
    private final TestServer server = TestServer.sharedByBrowsers();
    private final Fixtures fixtures = new Fixtures(server);

    @Test
    void anAdminSetsUpAnOrganisationAndAColleagueAndEveryPageOnTheWayIsAccessible() {
        String organisationName = Fixtures.unique("Hyresgästföreningen Sättra");
        String personName = Fixtures.unique("Karin Nattvandrare");
        String email = Fixtures.unique("karin").toLowerCase() + "@test.samtrygg.se";

        try (Browser browser = Browser.open(server)) {
            browser.go("/login");
            assertThat(browser.heading()).isEqualTo("Logga in");
            assertThat(browser.attribute("html", "lang")).isEqualTo("sv");
            browser.assertAccessible("the login page");

            String stranger = Fixtures.unique("okand").toLowerCase() + "@test.samtrygg.se";
            browser.fill("E-postadress", stranger).fill("Lösenord", "inte rätt lösenord").press("Logga in");
            assertThat(browser.heading()).isEqualTo("Logga in");
            assertThat(browser.text(".error-summary")).isEqualTo("Fel e-postadress eller lösenord.");
            assertThat(browser.valueOf("E-postadress")).isEqualTo(stranger);
            browser.assertAccessible("the login page after a failed sign-in");

            signInAsAdmin(browser);
            assertThat(browser.path()).isEqualTo("/");
            assertThat(browser.heading()).startsWith("Välkommen,");
            assertThat(browser.texts("nav a")).contains("Start", "Användare", "Organisationer", "Granskningslogg");
            browser.assertAccessible("the home page");

            browser.clickLink("Byt lösenord");
            assertThat(browser.heading()).isEqualTo("Byt lösenord");
            browser.assertAccessible("the password page");
            browser.fill("Nuvarande lösenord", "inte mitt lösenord").fill("Nytt lösenord", "kort").press("Byt lösenord");
            assertThat(browser.text(".error-summary h2")).isEqualTo("Något behöver rättas innan det kan sparas");
            assertThat(browser.texts(".field-error")).contains("Det nuvarande lösenordet stämmer inte.");
            browser.assertAccessible("the password page with errors");

            browser.clickLink("API-nycklar");
            assertThat(browser.heading()).isEqualTo("API-nycklar");
            browser.assertAccessible("the API token page");
            String tokenName = Fixtures.unique("Webbläsartest");
            browser.fill("Namn", tokenName).fill("Giltig i antal dagar (standard 90)", "7").press("Skapa nyckel");
            assertThat(browser.text(".notice")).contains("Kopiera nyckeln nu. Den visas bara den här gången.");
            assertThat(browser.valueOf(tokenName)).startsWith("st_").hasSizeGreaterThan(30);
            assertThat(browser.tableRows()).anySatisfy(row -> assertThat(row).startsWith(tokenName + " | "));
            browser.assertAccessible("the API token page with a new token");

            // A partner organisation, made through its form.
            browser.clickLink("Organisationer");
            assertThat(browser.heading()).isEqualTo("Organisationer");
            browser.assertAccessible("the organisation list");
            browser.clickLink("Ny organisation");
            assertThat(browser.path()).isEqualTo("/admin/organisations/new");
            assertThat(browser.heading()).isEqualTo("Ny organisation");
            browser.assertAccessible("the new organisation form");
            browser.fill("Namn", organisationName).choose("Typ av organisation", "Hyresgästförening").press("Skapa organisation");
            assertThat(browser.heading()).isEqualTo(organisationName);
            assertThat(browser.text(".notice")).isEqualTo("Organisationen är skapad.");
            String organisationPage = pathWithoutQuery(browser);
            assertThat(organisationPage).matches("/admin/organisations/\\d+");
            browser.assertAccessible("an organisation's page");

            browser.clickLink("Inaktivera organisationen");
            assertThat(browser.heading()).isEqualTo("Inaktivera organisation");
            assertThat(browser.text("main")).contains("Vill du inaktivera " + organisationName + "?");
            browser.assertAccessible("the confirmation to deactivate an organisation");
            browser.clickLink("Avbryt");
            assertThat(browser.path()).isEqualTo(organisationPage);

            browser.clickLink("← Alla organisationer");
            browser.fill("Sök på namn", organisationName).press("Sök");
            assertThat(browser.tableRows()).containsExactly(organisationName + " | Hyresgästförening | Aktiv");

            // A colleague, first with mistakes, then right.
            browser.clickLink("Användare");
            assertThat(browser.heading()).isEqualTo("Användare");
            browser.assertAccessible("the user list");
            browser.clickLink("Ny användare");
            assertThat(browser.path()).isEqualTo("/admin/users/new");
            assertThat(browser.heading()).isEqualTo("Ny användare");
            browser.assertAccessible("the new user form");
            browser.fill("E-postadress", "inte en adress").press("Skapa användare");
            assertThat(browser.text(".error-summary h2")).isEqualTo("Något behöver rättas innan det kan sparas");
            assertThat(browser.texts(".error-summary li")).contains("Fyll i fältet.",
                    "Ange en giltig e-postadress, till exempel namn@exempel.se.");
            assertThat(browser.valueOf("E-postadress")).isEqualTo("inte en adress");
            browser.assertAccessible("the new user form with errors");

            browser.fill("Namn", personName).fill("E-postadress", email).tick("Samverkanspart").press("Skapa användare");
            assertThat(browser.heading()).isEqualTo(personName);
            assertThat(browser.text(".notice")).isEqualTo("Användaren är skapad.");
            String userPage = pathWithoutQuery(browser);
            assertThat(userPage).matches("/admin/users/\\d+");
            assertThat(browser.text("#memberships ul")).isEmpty();
            browser.assertAccessible("a user's page");

            browser.choose("Lägg till i organisation", organisationName).press("Lägg till");
            assertThat(browser.heading()).isEqualTo(personName);
            assertThat(browser.text(".notice")).isEqualTo("Ändringarna är sparade.");
            assertThat(browser.texts("#memberships li")).singleElement().asString().startsWith(organisationName);
            browser.assertAccessible("a user's page with a membership");

            browser.clickLink("Inaktivera användaren");
            assertThat(browser.heading()).isEqualTo("Inaktivera användare");
            assertThat(browser.text("main")).contains(personName + " (" + email + ")?");
            browser.assertAccessible("the confirmation to deactivate a user");
            browser.clickLink("Avbryt");
            assertThat(browser.path()).isEqualTo(userPage);

            browser.clickLink("Visa ändringshistorik");
            assertThat(browser.heading()).isEqualTo("Granskningslogg");
            assertThat(browser.tableRows()).anySatisfy(row -> assertThat(row).contains("Skapad").contains("Användare #"));
            browser.assertAccessible("the audit log");

            browser.clickLink("Användare");
            browser.fill("Sök på namn eller e-post", email).press("Sök");
            assertThat(browser.tableRows()).containsExactly(personName + " | " + email + " | Samverkanspart | Aktiv");
            browser.assertAccessible("the user list, searched");

            browser.go("/admin/users/999999999");
            assertThat(browser.heading()).isEqualTo("Sidan finns inte");
            browser.assertAccessible("the error page");

            browser.press("Logga ut");
            assertThat(browser.heading()).isEqualTo("Logga in");
            assertThat(browser.text(".notice")).isEqualTo("Du är utloggad.");
            browser.assertAccessible("the login page after signing out");
            browser.go("/admin/users");
            assertThat(browser.path()).startsWith("/login");
        }
    }

    @Test
    void theLoginAndHomePagesAreAccessibleInEnglishToo() {
        Organisation organisation = fixtures.organisation();
        User admin = fixtures.userWithPassword(Set.of(Role.ADMIN), organisation);

        try (Browser browser = Browser.open(server)) {
            browser.go("/login").press("English");
            assertThat(browser.attribute("html", "lang")).isEqualTo("en");
            assertThat(browser.heading()).isEqualTo("Sign in");
            browser.assertAccessible("the English login page");
            browser.fill("E-mail address", admin.email()).fill("Password", "not the password").press("Sign in");
            assertThat(browser.text(".error-summary")).isEqualTo("Wrong e-mail address or password.");
            browser.assertAccessible("the English login page after a failed sign-in");

            // A signed-in user's own choice of language wins over the cookie, so they choose again.
            browser.fill("E-mail address", admin.email()).fill("Password", Fixtures.PASSWORD).press("Sign in");
            browser.press("English");
            assertThat(browser.attribute("html", "lang")).isEqualTo("en");
            assertThat(browser.heading()).isEqualTo("Welcome, " + admin.name());
            assertThat(browser.texts("main li")).contains(organisation.name());
            browser.assertAccessible("the English home page");

            browser.clickLink("Users").clickLink("New user").press("Create user");
            assertThat(browser.text(".error-summary h2")).isEqualTo("Some things need fixing before this can be saved");
            browser.assertAccessible("the English new user form with errors");
        }
    }

    @Test
    void theCoreFlowFitsAPhoneScreenAndStaysAccessibleThere() {
        String organisationName = Fixtures.unique("Trygghetsvandrarna");
        String personName = Fixtures.unique("Ali Fältassistent");
        String email = Fixtures.unique("ali").toLowerCase() + "@test.samtrygg.se";

        try (Browser phone = Browser.open(server, 390, 844)) {
            phone.go("/login");
            assertThat(phone.viewportWidth()).as("the phone-sized window").isEqualTo(390);
            fitsThePhone(phone, "the login page");
            signInAsAdmin(phone);
            assertThat(phone.heading()).startsWith("Välkommen,");
            fitsThePhone(phone, "the home page");

            phone.go("/admin/organisations/new");
            fitsThePhone(phone, "the new organisation form");
            phone.fill("Namn", organisationName).choose("Typ av organisation", "Polis").press("Skapa organisation");
            assertThat(phone.heading()).isEqualTo(organisationName);
            fitsThePhone(phone, "an organisation's page");
            phone.go("/admin/organisations");
            fitsThePhone(phone, "the organisation list");

            phone.go("/admin/users/new").press("Skapa användare");
            assertThat(phone.has(".error-summary")).isTrue();
            fitsThePhone(phone, "the new user form with errors");
            phone.fill("Namn", personName).fill("E-postadress", email).tick("Samordnare").press("Skapa användare");
            assertThat(phone.heading()).isEqualTo(personName);
            fitsThePhone(phone, "a user's page");
            phone.choose("Lägg till i organisation", organisationName).press("Lägg till");
            assertThat(phone.texts("#memberships li")).singleElement().asString().startsWith(organisationName);
            fitsThePhone(phone, "a user's page with a membership");
            phone.go("/admin/users?q=" + email);
            assertThat(phone.tableRows()).containsExactly(personName + " | " + email + " | Samordnare | Aktiv");
            fitsThePhone(phone, "the user list");
            phone.go("/admin/audit");
            fitsThePhone(phone, "the audit log");
            phone.go("/account/tokens");
            fitsThePhone(phone, "the API token page");
            phone.go("/account/password");
            fitsThePhone(phone, "the password page");

            phone.press("Logga ut");
            assertThat(phone.text(".notice")).isEqualTo("Du är utloggad.");
            fitsThePhone(phone, "the login page after signing out");
        }
    }

    /** No sideways scrolling of the page, and none of the problems only a narrow screen brings out (a table scrolling in its region). */
    private static void fitsThePhone(Browser phone, String what) {
        phone.assertNoHorizontalScroll(what).assertAccessible(what + " on a phone");
    }

    private static void signInAsAdmin(Browser browser) {
        browser.fill("E-postadress", TestServer.ADMIN_EMAIL).fill("Lösenord", TestServer.ADMIN_PASSWORD).press("Logga in");
    }

    private static String pathWithoutQuery(Browser browser) {
        return browser.path().replaceFirst("[?#].*$", "");
    }
}
