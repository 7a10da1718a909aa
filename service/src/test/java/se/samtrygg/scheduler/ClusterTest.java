package se.samtrygg.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samtrygg.support.Http;
import se.samtrygg.support.ServiceProcess;
import se.samtrygg.support.Sql;
import se.samtrygg.support.TestDatabase;

/**
 * Two nodes, each its own process, on one PostgreSQL: a sign-in on one is valid on the other,
 * and their schedulers form one Quartz cluster. Runs in the postgres execution only (clustering
 * is a PostgreSQL deployment's feature; the embedded H2 file belongs to one process).
 */
class ClusterTest {

    @Test
    void twoNodesShareSessionsAndFormOneSchedulerCluster(@TempDir Path workDir) {
        TestDatabase.Connection database = TestDatabase.freshPostgres();
        String cluster = "cluster-" + UUID.randomUUID();
        Map<String, String> env = Map.of(
                "SAMTRYGG_DB_URL", database.url(),
                "SAMTRYGG_DB_USER", database.user(),
                "SAMTRYGG_DB_PASSWORD", database.password(),
                "SAMTRYGG_SCHEDULER_NAME", cluster,
                "SAMTRYGG_ADMIN_EMAIL", "samordnare@test.samtrygg.se",
                "SAMTRYGG_ADMIN_PASSWORD", "Två noder men en enda sanning");
        try (ServiceProcess one = ServiceProcess.start(workDir, env);
             ServiceProcess two = ServiceProcess.start(workDir, env)) {
            Http onFirst = new Http(one.url("")).login("samordnare@test.samtrygg.se", "Två noder men en enda sanning");
            String session = onFirst.cookie("samtrygg_session").orElseThrow().getValue();

            Http onSecond = new Http(two.url("")).withSession(session);
            Http.Response home = onSecond.get("/");
            assertThat(home.status()).as("the first node's session on the second node").isEqualTo(200);
            assertThat(home.body()).contains("Administratör");
            assertThat(onSecond.postForm("/logout", Map.of()).status()).isEqualTo(303);
            assertThat(onFirst.get("/").status()).as("signed out on the second node, so on the first too").isEqualTo(303);

            JsonNode first = new Http(one.adminUrl("")).getJson("/healthcheck").json().get("scheduler");
            JsonNode second = new Http(two.adminUrl("")).getJson("/healthcheck").json().get("scheduler");
            assertThat(first.get("healthy").asBoolean()).isTrue();
            assertThat(second.get("healthy").asBoolean()).isTrue();
            assertThat(first.get("clustered").asBoolean()).isTrue();
            assertThat(first.get("instanceId").asText()).isNotEqualTo(second.get("instanceId").asText());
            assertThat(Sql.count(database, "SELECT COUNT(*) FROM qrtz_scheduler_state WHERE sched_name = ?", cluster))
                    .as("both nodes checked in to one cluster").isEqualTo(2);

            assertThat(one.output()).noneMatch(line -> line.startsWith("ERROR"));
            assertThat(two.output()).noneMatch(line -> line.startsWith("ERROR"));
            assertThat(one.isAlive() && two.isAlive()).isTrue();
        }
    }
}
