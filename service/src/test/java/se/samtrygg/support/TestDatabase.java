package se.samtrygg.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty database of the kind this test run is for: {@code -Dsamtrygg.test.db=h2} (an H2
 * file under target/, as the embedded default uses) or {@code postgres} (a real PostgreSQL: the
 * server named by SAMTRYGG_TEST_PG_URL, or else an embedded one started once per JVM). Never
 * skipped: if PostgreSQL cannot be had, the tests fail.
 */
public final class TestDatabase {
    public record Connection(String kind, String url, String user, String password) {
        public boolean isPostgres() {
            return kind.equals("postgres");
        }
    }

    private static EmbeddedPostgres embedded;

    private TestDatabase() {
    }

    public static String kind() {
        return System.getProperty("samtrygg.test.db", "h2");
    }

    public static Connection fresh() {
        String name = "samtrygg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (kind().equals("postgres")) {
            return freshPostgres(name);
        }
        Path file = Path.of("target", "h2", name).toAbsolutePath();
        return new Connection("h2", "jdbc:h2:" + file + ";MODE=PostgreSQL", "sa", "");
    }

    /** A fresh PostgreSQL database whatever this run's kind: for what only PostgreSQL does (clustering). */
    public static Connection freshPostgres() {
        return freshPostgres("samtrygg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16));
    }

    private static synchronized Connection freshPostgres(String name) {
        String external = System.getenv("SAMTRYGG_TEST_PG_URL");
        String adminUrl;
        String user;
        String password;
        if (external != null && !external.isBlank()) {
            adminUrl = external;
            user = System.getenv().getOrDefault("SAMTRYGG_TEST_PG_USER", "postgres");
            password = System.getenv().getOrDefault("SAMTRYGG_TEST_PG_PASSWORD", "");
        } else {
            if (embedded == null) {
                try {
                    // A test database needs no durability: without an fsync per commit a test that commits per
                    // message or per row (the outbox, the two-node run) is not paced by the disk.
                    embedded = EmbeddedPostgres.builder()
                            .setServerConfig("fsync", "off")
                            .setServerConfig("synchronous_commit", "off")
                            .setServerConfig("full_page_writes", "off")
                            .start();
                } catch (IOException e) {
                    throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }));
            }
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "postgres";
        }
        try (java.sql.Connection admin = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database on " + adminUrl, e);
        }
        String url = adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        return new Connection("postgres", url, user, password);
    }
}
