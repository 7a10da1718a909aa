package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ADMIN_ONLY;
import static se.samtrygg.permissions.Endpoint.page;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import se.samtrygg.support.TestDatabase;
import se.samtrygg.support.TestServer;

/**
 * The admin page of jobs and mail: admins only. Each scenario has an e-mail of its own that failed, written straight
 * into the outbox (the shared server has mail off, so delivery never makes one), for the resend button.
 */
final class OperationsEndpoints {
    private OperationsEndpoints() {
    }

    static void prepare(Scenario scenario, TestServer server) {
        scenario.ids.lazy("opsFailedOutboxMessage", () -> failedMessage(server.database(), scenario.user, scenario.userEmail));
    }

    static List<Endpoint> all() {
        return List.of(
                page("GET", "/admin/notifications", ADMIN_ONLY),
                page("POST", "/admin/notifications/outbox/{opsFailedOutboxMessage}/resend", s -> Map.of(), ADMIN_ONLY));
    }

    private static long failedMessage(TestDatabase.Connection database, long userId, String email) {
        String key = "ops-matrix:" + UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO outbox_message (message_key, message_id, user_id, recipient, kind, subject, text_body, html_body, state,
                                                 attempts, next_attempt_at, last_error, created_at)
                     VALUES (?, ?, ?, ?, 'ACTION_ITEM_DUE_SOON', 'Snart dags: Byt lampan', 'Byt lampan', '<p>Byt lampan</p>', 'FAILED',
                             8, ?, 'MailConnectException', ?)""", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, key);
            insert.setString(2, "<" + UUID.randomUUID().toString().replace("-", "") + "@samtrygg.local>");
            insert.setLong(3, userId);
            insert.setString(4, email);
            insert.setTimestamp(5, now);
            insert.setTimestamp(6, now);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
