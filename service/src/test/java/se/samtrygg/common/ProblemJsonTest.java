package se.samtrygg.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.Sql;
import se.samtrygg.support.TestDatabase;
import se.samtrygg.support.TestServer;

/** Bad input gets 4xx problem JSON (RFC 9457) that says what is wrong, never a 500, and changes nothing. */
class ProblemJsonTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final User admin = fixtures.user(Set.of(Role.ADMIN));
    private final Http api = new Http(server).bearer(fixtures.token(admin));

    private static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asText()).isNotBlank();
        assertThat(body.get("type").asText()).isEqualTo("about:blank");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at se.samtrygg");
    }

    /**
     * Two admins add the same activity type at the same moment: the first holds its row, uncommitted, while the second's
     * check finds nothing and its insert waits on the unique index; when the first commits, the second is refused by the
     * database. It gets 409 saying so, not a 500, and the type exists once.
     */
    @Test
    void aChangeThatClashesWithOneMadeAtTheSameMomentIs409AndStoresNothing() throws Exception {
        String name = Fixtures.unique("Samtidig typ");
        TestDatabase.Connection database = server.database();
        try (java.sql.Connection first = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            first.setAutoCommit(false);
            try (PreparedStatement insert = first.prepareStatement("INSERT INTO category (kind, name, sort_order, active, created_at, "
                    + "updated_at) VALUES ('ACTIVITY_TYPE', ?, 500, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")) {
                insert.setString(1, name);
                insert.executeUpdate();
            }
            CompletableFuture<Http.Response> second = CompletableFuture.supplyAsync(() -> api.postJson("/api/v1/categories",
                    Map.of("kind", "ACTIVITY_TYPE", "name", name)));
            Thread.sleep(700); // the second request reaches its insert and waits on the first's uncommitted row
            first.commit();
            assertProblem(second.get(30, TimeUnit.SECONDS), 409);
        }
        assertThat(Sql.count(database, "SELECT COUNT(*) FROM category WHERE name = ?", name)).isEqualTo(1);
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(api.sendJson("POST", "/api/v1/organisations", "{\"name\": \"Trasig"), 400);
    }

    @Test
    void missingFieldsAre422WithAMessagePerField() {
        Http.Response response = api.postJson("/api/v1/users", Map.of("name", ""));
        assertProblem(response, 422);
        assertThat(response.json().get("errors").findValuesAsText("field")).contains("email", "name");
        assertThat(response.json().get("errors").get(0).get("message").asText()).isNotBlank();
    }

    @Test
    void anEmptyBodyIs422() {
        assertProblem(api.sendJson("POST", "/api/v1/organisations", ""), 422);
    }

    @Test
    void overlongStringsAre422AndNothingIsStored() {
        String name = "x".repeat(201);
        Http.Response response = api.postJson("/api/v1/organisations", Map.of("name", name, "type", "SCHOOL"));
        assertProblem(response, 422);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains("200");
        assertThat(server.services().organisations().findByName(name)).isEmpty();
    }

    @Test
    void anUnknownEnumValueIs400AndNamesTheField() {
        Http.Response response = api.postJson("/api/v1/organisations", Map.of("name", Fixtures.unique("Org"), "type", "SPACE_AGENCY"));
        assertProblem(response, 400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("type");
        assertThat(response.json().get("errors").get(0).get("message").asText()).contains("POLICE");
    }

    @Test
    void anUnknownFieldIs400() {
        Http.Response response = api.postJson("/api/v1/organisations", Map.of("name", Fixtures.unique("Org"), "type", "SCHOOL", "colour", "red"));
        assertProblem(response, 400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("colour");
    }

    @Test
    void aWrongTypeIs400() {
        assertProblem(api.sendJson("POST", "/api/v1/memberships", "{\"userId\": \"many\", \"organisationId\": 1}"), 400);
        assertProblem(api.sendJson("POST", "/api/v1/organisations", "[1, 2, 3]"), 400);
    }

    @Test
    void aWrongContentTypeIs415() {
        assertProblem(api.sendRaw("POST", "/api/v1/organisations", "text/plain", "name=Org"), 415);
        assertProblem(api.sendRaw("POST", "/api/v1/organisations", "application/x-www-form-urlencoded", "name=Org&type=SCHOOL"), 415);
    }

    @Test
    void aNonNumericIdOrParameterIs400() {
        assertProblem(api.getJson("/api/v1/organisations?limit=many"), 400);
        assertProblem(api.getJson("/api/v1/organisations/abc"), 400);
    }

    @Test
    void unknownThingsAre404() {
        assertProblem(api.getJson("/api/v1/organisations/987654321"), 404);
        assertProblem(api.getJson("/api/v1/nothing-here"), 404);
    }

    @Test
    void aWrongMethodIs405() {
        assertProblem(api.sendJson("PATCH", "/api/v1/organisations", "{}"), 405);
    }

    @Test
    void aDuplicateNameIs422AndTheFirstStaysAsItWas() {
        String name = Fixtures.unique("Hyresgästföreningen");
        assertThat(api.postJson("/api/v1/organisations", Map.of("name", name, "type", "TENANTS_ASSOCIATION")).status()).isEqualTo(201);
        Http.Response second = api.postJson("/api/v1/organisations", Map.of("name", name, "type", "SCHOOL"));
        assertProblem(second, 422);
        assertThat(server.services().organisations().findByName(name).orElseThrow().type().name()).isEqualTo("TENANTS_ASSOCIATION");
    }

    @Test
    void anErrorPageNeverShowsAStackTrace() {
        Http browser = new Http(server).withSession(fixtures.session(admin));
        Http.Response missing = browser.get("/admin/users/987654321");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("text/html");
        assertThat(missing.body()).contains("Sidan finns inte").doesNotContain("Exception");
    }
}
