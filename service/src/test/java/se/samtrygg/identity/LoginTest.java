package se.samtrygg.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

class LoginTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);

    @AfterEach
    void resetClock() {
        server.clock().reset();
    }

    @Test
    void signingInSetsAnHttpOnlySameSiteSessionCookieAndOpensTheStartPage() {
        User user = fixtures.userWithPassword(java.util.Set.of(Role.PARTNER));
        Http browser = new Http(server);
        browser.get("/login");
        Http.Response response = browser.postForm("/login", Map.of("email", user.email(), "password", Fixtures.PASSWORD, "next", "/"));

        assertThat(response.status()).isEqualTo(303);
        String setCookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("samtrygg_session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        Http.Response home = browser.get("/");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body()).contains(user.name());
    }

    @Test
    void aSessionIdFromBeforeSignInIsNotValidAfterwards() {
        User user = fixtures.userWithPassword(java.util.Set.of(Role.PARTNER));
        Http browser = new Http(server);
        browser.get("/login");
        String loginFormToken = browser.csrf();
        String planted = fixtures.session(user);
        browser.withSession(planted);
        Http.Response response = browser.postForm("/login", Map.of("_csrf", loginFormToken, "email", user.email(),
                "password", Fixtures.PASSWORD, "next", "/"));

        String renewed = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("samtrygg_session="))
                .findFirst().orElseThrow();
        assertThat(renewed).doesNotContain(planted);
        assertThat(new Http(server).withSession(planted).get("/").status()).isEqualTo(303);
        assertThat(browser.get("/").status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordShowsTheLoginPageAgainWithAMessageAndKeepsTheEmail() {
        User user = fixtures.userWithPassword(java.util.Set.of(Role.PARTNER));
        Http browser = new Http(server);
        browser.get("/login");
        Http.Response response = browser.postForm("/login", Map.of("email", user.email(), "password", "fel lösenord helt enkelt"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("Fel e-postadress eller lösenord").contains("value=\"" + user.email() + "\"");
    }

    @Test
    void repeatedFailuresAreSlowedDownAndThenLockTheAccountAndThePageSaysSo() {
        User user = fixtures.userWithPassword(java.util.Set.of(Role.PARTNER));
        Http browser = new Http(server);
        browser.get("/login");
        for (int i = 0; i < 3; i++) {
            assertThat(browser.postForm("/login", Map.of("email", user.email(), "password", "wrong password " + i)).status()).isEqualTo(401);
        }
        Http.Response slowed = browser.postForm("/login", Map.of("email", user.email(), "password", Fixtures.PASSWORD));
        assertThat(slowed.status()).isEqualTo(429);
        assertThat(slowed.body()).contains("Vänta").contains("sekunder");

        // Wait out each pause (by moving the clock) and keep failing until the account locks.
        Http.Response last = slowed;
        for (int i = 0; i < 10 && !last.body().contains("låst"); i++) {
            server.clock().advance(Duration.ofSeconds(61));
            last = browser.postForm("/login", Map.of("email", user.email(), "password", "still wrong " + i));
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.body()).contains("Kontot är låst");

        // Even the right password is refused while locked ...
        server.clock().advance(Duration.ofMinutes(1));
        assertThat(browser.postForm("/login", Map.of("email", user.email(), "password", Fixtures.PASSWORD)).body()).contains("låst");
        // ... and accepted once the lock has run out.
        server.clock().advance(Duration.ofMinutes(15));
        assertThat(browser.postForm("/login", Map.of("email", user.email(), "password", Fixtures.PASSWORD, "next", "/")).status())
                .isEqualTo(303);
    }

    @Test
    void aSessionEndsAfterItsIdleTimeoutAndAfterItsAbsoluteLifetime() {
        User user = fixtures.userWithPassword(java.util.Set.of(Role.PARTNER));
        Http idle = new Http(server).login(user.email(), Fixtures.PASSWORD);
        server.clock().advance(Duration.ofMinutes(31));
        assertThat(idle.get("/").status()).isEqualTo(303);
        server.clock().reset();

        Http busy = new Http(server).login(user.email(), Fixtures.PASSWORD);
        for (int hour = 0; hour < 12; hour++) {
            server.clock().advance(Duration.ofMinutes(20));
            assertThat(busy.get("/").status()).as("after %d minutes", (hour + 1) * 20).isEqualTo(200);
            server.clock().advance(Duration.ofMinutes(20));
            assertThat(busy.get("/").status()).isEqualTo(200);
            server.clock().advance(Duration.ofMinutes(20));
            if (hour < 11) {
                assertThat(busy.get("/").status()).isEqualTo(200);
            }
        }
        assertThat(busy.get("/").status()).as("past the 12-hour absolute lifetime").isEqualTo(303);
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        User user = fixtures.userWithPassword(java.util.Set.of(Role.PARTNER));
        Http browser = new Http(server).login(user.email(), Fixtures.PASSWORD);
        String sessionId = browser.cookie("samtrygg_session").orElseThrow().getValue();

        Http.Response out = browser.postForm("/logout", Map.of());
        assertThat(out.status()).isEqualTo(303);
        assertThat(out.location()).endsWith("/login?loggedOut=true");
        assertThat(new Http(server).withSession(sessionId).get("/").status()).isEqualTo(303);
    }

    @Test
    void aPageThatNeedsSignInSendsToTheLoginPageAndBackAfterwards() {
        User user = fixtures.userWithPassword(java.util.Set.of(Role.PARTNER));
        Http browser = new Http(server);
        Http.Response response = browser.get("/account/tokens");
        assertThat(response.status()).isEqualTo(303);
        assertThat(response.location()).endsWith("/login?next=%2Faccount%2Ftokens");

        browser.get("/login?next=%2Faccount%2Ftokens");
        Http.Response signedIn = browser.postForm("/login", Map.of("email", user.email(), "password", Fixtures.PASSWORD,
                "next", "/account/tokens"));
        assertThat(signedIn.location()).endsWith("/account/tokens");
    }

    @Test
    void theLoginPageNeverRedirectsToAnotherSite() {
        User user = fixtures.userWithPassword(java.util.Set.of(Role.PARTNER));
        Http browser = new Http(server);
        browser.get("/login");
        Http.Response response = browser.postForm("/login", Map.of("email", user.email(), "password", Fixtures.PASSWORD,
                "next", "//evil.example/phish"));
        assertThat(response.location()).isEqualTo(server.url("/"));
    }

    @Test
    void englishCanBeChosenAndIsRemembered() {
        Http browser = new Http(server);
        browser.get("/login");
        Http.Response switched = browser.postForm("/language", Map.of("language", "en", "next", "/login"));
        assertThat(switched.status()).isEqualTo(303);
        Http.Response page = browser.get("/login");
        assertThat(page.body()).contains("<html lang=\"en\">").contains("Sign in");
    }
}
