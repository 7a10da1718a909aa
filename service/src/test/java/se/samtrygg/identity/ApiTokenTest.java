package se.samtrygg.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

class ApiTokenTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);

    @AfterEach
    void resetClock() {
        server.clock().reset();
    }

    @Test
    void credentialsGiveATokenOnceAndItOpensTheApi() {
        User user = fixtures.userWithPassword(Set.of(Role.PARTNER));
        Http.Response created = new Http(server).postJson("/api/v1/auth/tokens",
                Map.of("email", user.email(), "password", Fixtures.PASSWORD, "name", "Rapportverktyg"));

        assertThat(created.status()).isEqualTo(201);
        String token = created.json().get("token").asText();
        assertThat(token).startsWith("st_");
        assertThat(created.json().get("name").asText()).isEqualTo("Rapportverktyg");

        Http api = new Http(server).bearer(token);
        assertThat(api.getJson("/api/v1/users/me").json().get("email").asText()).isEqualTo(user.email());
        JsonNode listed = api.getJson("/api/v1/auth/tokens").json().get("items");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("Rapportverktyg");
        assertThat(listed.get(0).has("token")).as("the token is never listed").isFalse();
        assertThat(listed.toString()).doesNotContain(token.substring(3));
    }

    @Test
    void aRevokedTokenIsRefusedWith401ProblemJson() {
        User user = fixtures.user(Set.of(Role.PARTNER));
        String token = fixtures.token(user);
        Http api = new Http(server).bearer(token);
        long id = api.getJson("/api/v1/auth/tokens").json().get("items").get(0).get("id").asLong();

        assertThat(api.delete("/api/v1/auth/tokens/" + id).status()).isEqualTo(200);
        Http.Response refused = api.getJson("/api/v1/users/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void anExpiredTokenIsRefused() {
        User user = fixtures.user(Set.of(Role.PARTNER));
        Http api = new Http(server).bearer(fixtures.token(user)); // valid for one day
        assertThat(api.getJson("/api/v1/users/me").status()).isEqualTo(200);
        server.clock().advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(api.getJson("/api/v1/users/me").status()).isEqualTo(401);
    }

    @Test
    void anAdminCanListAndRevokeSomeoneElsesTokenButAPartnerCannot() {
        User owner = fixtures.user(Set.of(Role.PARTNER));
        User other = fixtures.user(Set.of(Role.PARTNER));
        User admin = fixtures.user(Set.of(Role.ADMIN));
        String ownerToken = fixtures.token(owner);
        long id = new Http(server).bearer(ownerToken).getJson("/api/v1/auth/tokens").json().get("items").get(0).get("id").asLong();

        Http otherApi = new Http(server).bearer(fixtures.token(other));
        assertThat(otherApi.getJson("/api/v1/auth/tokens?userId=" + owner.id()).status()).isEqualTo(403);
        assertThat(otherApi.delete("/api/v1/auth/tokens/" + id).status()).isEqualTo(403);

        Http adminApi = new Http(server).bearer(fixtures.token(admin));
        assertThat(adminApi.getJson("/api/v1/auth/tokens?userId=" + owner.id()).json().get("items")).hasSize(1);
        JsonNode revoked = adminApi.delete("/api/v1/auth/tokens/" + id).json();
        assertThat(revoked.get("revokedAt").isNull()).isFalse();
        assertThat(new Http(server).bearer(ownerToken).getJson("/api/v1/users/me").status()).isEqualTo(401);
    }

    @Test
    void wrongCredentialsGet401AndRepeatedOnesAreThrottledWithRetryAfter() {
        User user = fixtures.userWithPassword(Set.of(Role.PARTNER));
        Http api = new Http(server);
        // The first slow-down is one second: on a busy machine the next request could arrive after it has passed.
        server.clock().freeze();
        try {
            for (int i = 0; i < 3; i++) {
                Http.Response wrong = api.postJson("/api/v1/auth/tokens", Map.of("email", user.email(), "password", "wrong " + i, "name", "x"));
                assertThat(wrong.status()).isEqualTo(401);
                assertThat(wrong.json().get("detail").asText()).contains("Wrong e-mail or password");
            }
            Http.Response throttled = api.postJson("/api/v1/auth/tokens", Map.of("email", user.email(), "password", Fixtures.PASSWORD, "name", "x"));
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isPresent();
        } finally {
            server.clock().reset();
        }
    }

    @Test
    void theApiNeverAcceptsTheSessionCookie() {
        User user = fixtures.userWithPassword(Set.of(Role.ADMIN));
        Http browser = new Http(server).login(user.email(), Fixtures.PASSWORD);
        assertThat(browser.getJson("/api/v1/users/me").status()).isEqualTo(401);
    }

    @Test
    void aTokenCanBeMadeAndRevokedOnTheAccountPage() {
        User user = fixtures.userWithPassword(Set.of(Role.PARTNER));
        Http browser = new Http(server).login(user.email(), Fixtures.PASSWORD);
        browser.get("/account/tokens");
        Http.Response created = browser.postForm("/account/tokens", Map.of("name", "Kalkylblad", "expiresInDays", "30"));
        assertThat(created.status()).isEqualTo(200);
        String token = created.body().replaceAll("(?s).*value=\"(st_[^\"]+)\".*", "$1");
        assertThat(token).startsWith("st_");
        assertThat(new Http(server).bearer(token).getJson("/api/v1/users/me").status()).isEqualTo(200);

        assertThat(browser.get("/account/tokens").body()).contains("Kalkylblad").doesNotContain(token);
        long id = new Http(server).bearer(token).getJson("/api/v1/auth/tokens").json().get("items").get(0).get("id").asLong();
        assertThat(browser.postForm("/account/tokens/" + id + "/revoke", Map.of()).status()).isEqualTo(303);
        assertThat(new Http(server).bearer(token).getJson("/api/v1/users/me").status()).isEqualTo(401);
    }

    @Test
    void aTokenFormWithErrorsKeepsWhatWasTyped() {
        User user = fixtures.userWithPassword(Set.of(Role.PARTNER));
        Http browser = new Http(server).login(user.email(), Fixtures.PASSWORD);
        browser.get("/account/tokens");
        Http.Response refused = browser.postForm("/account/tokens", Map.of("name", "Mitt verktyg", "expiresInDays", "9999"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"Mitt verktyg\"").contains("Ange ett tal mellan 1 och 366");
    }
}
