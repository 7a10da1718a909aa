package se.samtrygg.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

class AuditLogTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final User admin = fixtures.user(Set.of(Role.ADMIN));
    private final Http api = new Http(server).bearer(fixtures.token(admin));

    @Test
    void everyChangeIsLoggedWithWhoWhenAndWhat() {
        long id = api.postJson("/api/v1/organisations", Map.of("name", Fixtures.unique("Fältassistenterna"), "type", "SOCIAL_SERVICES"))
                .json().get("id").asLong();
        api.putJson("/api/v1/organisations/" + id, Map.of("name", Fixtures.unique("Fältgruppen"), "type", "SOCIAL_SERVICES"));
        api.postJson("/api/v1/organisations/" + id + "/deactivate", "{}");

        JsonNode entries = api.getJson("/api/v1/audit?entityType=organisation&entityId=" + id).json().get("items");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).get("action").asText()).isEqualTo("UPDATE");
        assertThat(entries.get(0).get("summary").asText()).contains("Deactivated");
        assertThat(entries.get(1).get("summary").asText()).contains("Fältgruppen");
        assertThat(entries.get(2).get("action").asText()).isEqualTo("CREATE");
        for (JsonNode entry : entries) {
            assertThat(entry.get("actorUserId").asLong()).isEqualTo(admin.id());
            assertThat(entry.get("actorName").asText()).isEqualTo(admin.name());
            assertThat(entry.get("occurredAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        }
    }

    @Test
    void aRefusedChangeLeavesNoAuditLineAndNoChange() {
        long before = api.getJson("/api/v1/audit?limit=1").json().get("items").get(0).get("id").asLong();
        api.postJson("/api/v1/organisations", Map.of("name", "", "type", "SCHOOL"));
        long after = api.getJson("/api/v1/audit?limit=1").json().get("items").get(0).get("id").asLong();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void passwordsNeverAppearInTheAuditLog() {
        String email = Fixtures.unique("hemlig") + "@test.samtrygg.se";
        long id = api.postJson("/api/v1/users", Map.of("email", email, "name", "Hemlig Person", "password", Fixtures.PASSWORD))
                .json().get("id").asLong();
        api.putJson("/api/v1/users/" + id + "/password", Map.of("password", "Ett helt annat lösenord för trapphuset"));
        String log = api.getJson("/api/v1/audit?entityType=user&entityId=" + id).body();
        assertThat(log).contains(email).doesNotContain(Fixtures.PASSWORD).doesNotContain("trapphuset").doesNotContain("argon2");
    }

    @Test
    void anAdminCanFilterTheLogOnThePage() {
        User person = fixtures.user(Set.of(Role.PARTNER));
        Http browser = new Http(server).withSession(fixtures.session(admin));
        Http.Response page = browser.get("/admin/audit?entityType=user&entityId=" + person.id());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Created user " + person.email()).doesNotContain("Created organisation");
        assertThat(browser.get("/admin/audit?from=2020-01-01&to=2020-01-31").body()).contains("Inga händelser matchar");
        assertThat(browser.get("/admin/audit?from=igår").status()).isEqualTo(422);
        Http.Response farFuture = browser.get("/admin/audit?to=1900-01-01");
        assertThat(farFuture.status()).as("a year no one means is refused, not looked up").isEqualTo(422);
    }
}
