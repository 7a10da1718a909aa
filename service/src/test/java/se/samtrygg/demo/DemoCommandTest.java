package se.samtrygg.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.core.cli.Cli;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samtrygg.SamtryggApplication;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestDatabase;
import se.samtrygg.support.TestServer;

/** {@code demo config.yml} loads Gävle's areas, organisations and people, once. */
class DemoCommandTest {

    @Test
    void theDemoCommandLoadsGavleOnceAndItsPeopleCanSignIn() throws Exception {
        TestDatabase.Connection database = TestDatabase.fresh();
        String first = runDemo(database);
        assertThat(first).contains("Demo data loaded").contains("anna.lindqvist@demo.samtrygg.se");
        assertThat(runDemo(database)).contains("already loaded");

        try (TestServer server = TestServer.start(database)) {
            assertThat(server.services().areas().all()).extracting(a -> a.name()).contains("Sättra", "Andersberg", "Brynäs");
            Http coordinator = new Http(server).login("anna.lindqvist@demo.samtrygg.se", DemoData.PASSWORD);
            assertThat(coordinator.get("/network-groups").body()).contains("Nätverksgruppen Sättra");
            Http api = new Http(server).bearer(coordinatorToken(server));
            com.fasterxml.jackson.databind.JsonNode meetings = api.getJson("/api/v1/meetings?limit=200").json().get("items");
            assertThat(meetings.toString()).contains("Nätverksmöte").contains("Belysning och skadegörelse i gångtunneln");
            assertThat(meetings).as("one monthly series, at 18:00 all year").hasSizeGreaterThanOrEqualTo(15)
                    .allSatisfy(m -> assertThat(m.get("start").asText()).contains("T18:00"));
            long series = meetings.get(0).get("seriesId").asLong();
            assertThat(api.getJson("/api/v1/meetings/series/" + series).json().get("rrule").asText()).startsWith("FREQ=MONTHLY;BYDAY=1TU");
            long held = meetings.get(1).get("id").asLong();
            assertThat(api.getJson("/api/v1/meetings/" + held + "/decisions").body()).contains("Gavlegårdarna byter lamporna");
            assertThat(api.getJson("/api/v1/meetings/" + held + "/attendance").body()).contains("Gavlegårdarna");
            assertThat(api.getJson("/api/v1/action-items?networkGroupId=" + meetings.get(0).get("networkGroupId").asLong()).body())
                    .contains("Byt trasiga lampor i gångtunneln").contains("IN_PROGRESS");
            String home = coordinator.get("/").body();
            assertThat(home).contains("Anna Lindqvist").contains("Gävle kommun, enheten för social hållbarhet");
            String token = new Http(server).postJson("/api/v1/auth/tokens", Map.of("email", "karin.wall@demo.samtrygg.se",
                    "password", DemoData.PASSWORD, "name", "demo")).json().get("token").asText();
            String organisations = new Http(server).bearer(token).getJson("/api/v1/organisations").body();
            assertThat(organisations).contains("Polisen, lokalpolisområde Gävle").contains("Gavlegårdarna")
                    .contains("Hyresgästföreningen Sättra").contains("Nattvandrarna i Gävle").contains("Sättra IF");
        }
    }

    private static String coordinatorToken(TestServer server) {
        return new Http(server).postJson("/api/v1/auth/tokens", Map.of("email", "anna.lindqvist@demo.samtrygg.se",
                "password", DemoData.PASSWORD, "name", "demo")).json().get("token").asText();
    }

    private static String runDemo(TestDatabase.Connection database) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        SamtryggApplication application = new SamtryggApplication();
        io.dropwizard.core.setup.Bootstrap<se.samtrygg.SamtryggConfiguration> bootstrap = new io.dropwizard.core.setup.Bootstrap<>(application);
        application.initialize(bootstrap);
        Cli cli = new Cli(new JarLocation(SamtryggApplication.class), bootstrap,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            withEnvironmentOverrides(database);
            var result = cli.run("demo", TestServer.configFile());
            assertThat(result).as(err.toString(StandardCharsets.UTF_8)).isEmpty();
        } finally {
            System.setOut(originalOut);
            clearOverrides();
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void withEnvironmentOverrides(TestDatabase.Connection database) {
        System.setProperty("dw.database.url", database.url());
        System.setProperty("dw.database.user", database.user());
        System.setProperty("dw.database.password", database.password());
        System.setProperty("dw.logging.level", "WARN");
    }

    private static void clearOverrides() {
        for (String key : new String[] {"dw.database.url", "dw.database.user", "dw.database.password", "dw.logging.level"}) {
            System.clearProperty(key);
        }
    }
}
