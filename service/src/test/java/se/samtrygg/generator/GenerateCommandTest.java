package se.samtrygg.generator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.util.JarLocation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samtrygg.SamtryggApplication;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestDatabase;
import se.samtrygg.support.TestServer;

/**
 * {@code generate config.yml --scale tiny} fills an empty database with a small generated municipality, once, and signs
 * in a sample of its people for the load scripts; the service reads what it wrote as its own.
 */
class GenerateCommandTest {

    record Run(Optional<Throwable> failure, String out, String err) {
    }

    @Test
    void theTinyScaleMakesAMunicipalityThatTheServiceReadsAsItsOwnAndRefusesASecondOne() throws Exception {
        TestDatabase.Connection database = TestDatabase.fresh();
        Path sessions = Path.of("target", "generate-test-" + UUID.randomUUID() + ".txt");
        Run first = generate(database, "--scale", "tiny", "--seed", "7", "--sessions-file", sessions.toString());
        assertThat(first.failure()).as(first.err()).isEmpty();
        assertThat(first.out()).contains("Generating Norrhamn at scale tiny (seed 7)").contains("activities").contains("Done in");

        try (Connection sql = DriverManager.getConnection(database.url(), database.user(), database.password())) {
            assertThat(count(sql, "SELECT COUNT(*) FROM area WHERE municipality = 'Norrhamn'")).isEqualTo(3);
            assertThat(count(sql, "SELECT COUNT(*) FROM organisation")).isEqualTo(16);
            assertThat(count(sql, "SELECT COUNT(*) FROM app_user WHERE email LIKE '%@norrhamn.example'")).isEqualTo(40);
            assertThat(count(sql, "SELECT COUNT(*) FROM meeting")).isEqualTo(60);
            assertThat(count(sql, "SELECT COUNT(*) FROM agenda_item")).isGreaterThanOrEqualTo(180);
            assertThat(count(sql, "SELECT COUNT(*) FROM agenda_minutes")).isPositive();
            assertThat(count(sql, "SELECT COUNT(*) FROM action_item")).isBetween(200L, 240L);
            assertThat(count(sql, "SELECT COUNT(*) FROM action_item WHERE meeting_id IS NULL")).as("handed over from observations").isPositive();
            assertThat(count(sql, "SELECT COUNT(*) FROM activity")).isEqualTo(2000);
            assertThat(count(sql, "SELECT COUNT(DISTINCT visibility) FROM activity")).isEqualTo(3);
            assertThat(count(sql, "SELECT COUNT(*) FROM observation")).isGreaterThan(100);
            assertThat(count(sql, "SELECT COUNT(*) FROM rollout_property")).isEqualTo(16);
            assertThat(count(sql, "SELECT COUNT(*) FROM property_step WHERE state = 'DONE'")).isPositive();
            assertThat(count(sql, "SELECT COUNT(*) FROM indicator")).isEqualTo(12);
            assertThat(count(sql, "SELECT COUNT(*) FROM indicator WHERE kind = 'MANUAL'")).isPositive().isLessThan(12);
        }

        Run second = generate(database, "--scale", "tiny", "--sessions-file", sessions.toString());
        assertThat(second.failure()).as("a second municipality into the same database").isPresent();
        assertThat(second.err()).contains("already has a generated municipality");

        List<String[]> lines = Files.readAllLines(sessions).stream().filter(l -> !l.startsWith("#")).map(l -> l.split(" ")).toList();
        assertThat(lines).extracting(l -> l[0]).contains("PARTNER", "COORDINATOR", "OFFICIAL", "ADMIN");
        assertThat(lines).allSatisfy(l -> assertThat(l).hasSize(10));
        String[] coordinator = lines.stream().filter(l -> l[0].equals("COORDINATOR")).findFirst().orElseThrow();
        String[] official = lines.stream().filter(l -> l[0].equals("OFFICIAL")).findFirst().orElseThrow();
        String[] partner = lines.stream().filter(l -> l[0].equals("PARTNER")).findFirst().orElseThrow();

        try (TestServer server = TestServer.start(database)) {
            Http asCoordinator = new Http(server).withSession(coordinator[2]);
            Http.Response meeting = asCoordinator.get("/meetings/" + coordinator[6]);
            assertThat(meeting.status()).isEqualTo(200);
            assertThat(meeting.body()).containsAnyOf(Names.AGENDA);
            Http.Response situation = asCoordinator.get("/areas/" + coordinator[5] + "/situation");
            assertThat(situation.status()).isEqualTo(200);
            JsonNode picture = new Http(server).bearer(coordinator[4]).getJson("/api/v1/areas/" + coordinator[5] + "/situation").json();
            assertThat(picture.get("activities").get("total").asLong()).as("the last 30 days").isPositive();

            Http.Response overview = new Http(server).withSession(official[2]).get("/programmes/" + official[8]);
            assertThat(overview.status()).isEqualTo(200);
            assertThat(overview.body()).contains("Norrhamns program för trygghet").contains("Aktiviteter i områdena");
            JsonNode programme = new Http(server).bearer(official[4]).getJson("/api/v1/programmes/" + official[8]).json();
            assertThat(programme.toString()).as("derived indicators have values").contains("\"DERIVED\"").contains("\"latest\":{");

            Http partnerApi = new Http(server).bearer(partner[4]);
            assertThat(partnerApi.getJson("/api/v1/activities?areaId=" + partner[5]).status()).isEqualTo(200);
            assertThat(partnerApi.getJson("/api/v1/action-items?networkGroupId=" + partner[7]).status()).isEqualTo(200);
            long hidden;
            try (Connection sql = DriverManager.getConnection(database.url(), database.user(), database.password())) {
                hidden = count(sql, "SELECT MIN(id) FROM activity WHERE visibility = 'ORGANISATION' AND organisation_id <> " + partner[9]);
            }
            assertThat(partnerApi.getJson("/api/v1/activities/" + hidden).status()).as("another organisation's own record: as if it did not exist").isEqualTo(404);
            assertThat(new Http(server).withSession(partner[2]).get("/action-items/mine").status()).isEqualTo(200);
        } finally {
            Files.deleteIfExists(sessions);
        }
    }

    private static long count(Connection sql, String query) throws Exception {
        try (ResultSet rs = sql.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Run generate(TestDatabase.Connection database, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        SamtryggApplication application = new SamtryggApplication();
        io.dropwizard.core.setup.Bootstrap<se.samtrygg.SamtryggConfiguration> bootstrap = new io.dropwizard.core.setup.Bootstrap<>(application);
        application.initialize(bootstrap);
        Cli cli = new Cli(new JarLocation(SamtryggApplication.class), bootstrap,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        String[] all = new String[args.length + 2];
        all[0] = "generate";
        all[1] = TestServer.configFile();
        System.arraycopy(args, 0, all, 2, args.length);
        try {
            System.setProperty("dw.database.url", database.url());
            System.setProperty("dw.database.user", database.user());
            System.setProperty("dw.database.password", database.password());
            System.setProperty("dw.logging.level", "WARN");
            Optional<Throwable> result = cli.run(all);
            return new Run(result, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            for (String key : new String[] {"dw.database.url", "dw.database.user", "dw.database.password", "dw.logging.level"}) {
                System.clearProperty(key);
            }
        }
    }
}
