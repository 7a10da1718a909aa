package se.samtrygg.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samtrygg.support.Http;
import se.samtrygg.support.ServiceProcess;
import se.samtrygg.support.TestDatabase;

/**
 * The service as an operator first starts it: its own process, the real config.yml, nothing but
 * environment variables. It migrates an empty database, creates the first admin with a password
 * printed once, and says where to open it.
 */
class FirstRunTest {
    private static final Pattern CREDENTIALS = Pattern.compile("Sign in as (\\S+) with the password (\\S+) ");
    private static final String NEW_PASSWORD = "Huskurage i varje trapphus i Sättra";

    @Test
    void aFirstStartPrintsTheUrlAndAOneTimeAdminPasswordThatMustBeChanged(@TempDir Path workDir) throws Exception {
        Map<String, String> env = environment();
        String sessionId;
        String token;
        try (ServiceProcess service = ServiceProcess.start(workDir, env)) {
            String running = service.awaitLine("Samtrygg is running", Duration.ofSeconds(5));
            assertThat(running).contains("http://localhost:" + service.port() + "/login");
            Matcher credentials = CREDENTIALS.matcher(service.awaitLine("First admin created", Duration.ofSeconds(5)));
            assertThat(credentials.find()).isTrue();
            assertThat(credentials.group(1)).isEqualTo("admin@samtrygg.local");
            String printed = credentials.group(2);
            if (!TestDatabase.kind().equals("postgres")) {
                assertThat(workDir.resolve("data/samtrygg.mv.db")).as("the H2 file database under ./data").exists();
            }

            Http browser = new Http(service.url(""));
            assertThat(browser.get("/login").status()).isEqualTo(200);
            // A line break in the e-mail must not start a line of its own in the log.
            browser.postForm("/login", Map.of("email", "nobody@example.se\nERROR [2026-01-01] FORGED: admin signed in", "password", "x"));
            Http.Response tooEarly = new Http(service.url("")).postJson("/api/v1/auth/tokens", Map.of("email", "admin@samtrygg.local",
                    "password", printed, "name", "before change"));
            assertThat(tooEarly.status()).as("no API token from a one-time password").isEqualTo(403);
            assertThat(tooEarly.json().get("detail").asText()).contains("one-time password");
            browser.postForm("/login", Map.of("email", "admin@samtrygg.local", "password", printed, "next", "/"));
            sessionId = browser.cookie("samtrygg_session").orElseThrow().getValue();
            Http.Response home = browser.get("/");
            assertThat(home.status()).isEqualTo(303);
            assertThat(home.location()).endsWith("/account/password");
            browser.get("/account/password");
            assertThat(browser.postForm("/account/password", Map.of("currentPassword", printed, "newPassword", NEW_PASSWORD)).status())
                    .isEqualTo(303);
            assertThat(browser.get("/").status()).isEqualTo(200);
            token = new Http(service.url("")).postJson("/api/v1/auth/tokens", Map.of("email", "admin@samtrygg.local",
                    "password", NEW_PASSWORD, "name", "ci")).json().get("token").asText();
            assertThat(new Http(service.url("")).getJson("/api/v1/users/me").status()).isEqualTo(401);

            List<String> log = service.output();
            assertThat(log).noneMatch(line -> line.startsWith("ERROR [2026-01-01] FORGED"));
            assertThat(String.join("\n", log)).contains("FORGED");
            assertThat(log.stream().filter(line -> line.contains(printed))).as("the one-time password is printed once").hasSize(1);
            assertThat(log).noneMatch(line -> line.contains(NEW_PASSWORD) || line.contains(sessionId) || line.contains(token));
        }

        // Started again on the same database: migrations are already applied and no second admin is made.
        try (ServiceProcess again = ServiceProcess.start(workDir, env)) {
            assertThat(again.output()).noneMatch(line -> line.contains("First admin created"));
            assertThat(new Http(again.url("")).postJson("/api/v1/auth/tokens", Map.of("email", "admin@samtrygg.local",
                    "password", NEW_PASSWORD, "name", "ci")).status()).isEqualTo(201);
            assertThat(new Http(again.url("")).bearer(token).getJson("/api/v1/users/me").status()).isEqualTo(200);
        }
        assertThat(Files.exists(workDir)).isTrue();
    }

    private static Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("SAMTRYGG_SCHEDULER_NAME", "first-run-" + UUID.randomUUID());
        env.put("SAMTRYGG_ADMIN_EMAIL", "admin@samtrygg.local");
        env.put("SAMTRYGG_ADMIN_PASSWORD", "");
        if (TestDatabase.kind().equals("postgres")) {
            TestDatabase.Connection database = TestDatabase.fresh();
            env.put("SAMTRYGG_DB_URL", database.url());
            env.put("SAMTRYGG_DB_USER", database.user());
            env.put("SAMTRYGG_DB_PASSWORD", database.password());
        }
        return env;
    }
}
