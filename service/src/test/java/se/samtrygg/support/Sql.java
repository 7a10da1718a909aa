package se.samtrygg.support;

import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/** Reads the database directly, to check what a test cannot see through the service itself. */
public final class Sql {
    private Sql() {
    }

    public static long count(TestDatabase.Connection database, String sql, Object... args) {
        try (java.sql.Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until a periodic job has run from start to end since {@code after} (on whichever node, in the server's clock):
     * a test that must show that nothing more happens on the next run waits for that run, not for a fixed time.
     */
    public static void awaitRunSince(TestDatabase.Connection database, String jobName, Instant after, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (count(database, "SELECT COUNT(*) FROM job_run WHERE job_name = ? AND started_at > ? AND finished_at IS NOT NULL",
                jobName, Timestamp.from(after)) == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no run of " + jobName + " started after " + after + " and ended within " + timeout);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
