package se.samtrygg.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.notification.DeliverOutboxJob;
import se.samtrygg.reminder.DispatchRemindersJob;
import se.samtrygg.retention.RetentionPurgeJob;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.Sql;
import se.samtrygg.support.TestServer;

class OperationsPagesTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);

    @Test
    void anAdminSeesTheSchedulerItsJobsAndAFailedEmailAndCanSendItAgain() {
        User admin = fixtures.user(Set.of(Role.ADMIN));
        User partner = fixtures.user(Set.of(Role.PARTNER));
        String subject = "Snart dags: " + Fixtures.unique("Byt lampan");
        long failed = failedMessage(partner, subject);
        Http browser = new Http(server).withSession(fixtures.session(admin));

        Http.Response page = browser.get("/admin/notifications");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Utskick och schemalagda jobb", "Igång", DeliverOutboxJob.NAME, DispatchRemindersJob.NAME,
                RetentionPurgeJob.NAME, "Nästa start", "E-post som misslyckats", partner.email(),
                "action=\"/admin/notifications/outbox/" + failed + "/resend\"");
        assertThat(page.body()).as("a subject can name an action item admins may not see").doesNotContain(subject);

        Http.Response resent = browser.postForm("/admin/notifications/outbox/" + failed + "/resend", Map.of());
        assertThat(resent.status()).isEqualTo(303);
        assertThat(resent.location()).contains("/admin/notifications?resent=true");
        assertThat(Sql.count(server.database(), "SELECT COUNT(*) FROM outbox_message WHERE id = ? AND state = 'PENDING'", failed))
                .as("back in the queue").isEqualTo(1);
        assertThat(browser.get("/admin/notifications?resent=true").body()).contains("Meddelandet ligger i kön igen");

        Http.Response again = browser.postForm("/admin/notifications/outbox/" + failed + "/resend", Map.of());
        assertThat(again.status()).as("a second click is no error").isEqualTo(303);
        assertThat(again.location()).contains("/admin/notifications?queued=true");
        assertThat(browser.get("/admin/notifications?queued=true").body()).contains("Meddelandet ligger redan i kön");
    }

    @Test
    void anyoneButAnAdminIsRefused() {
        User coordinator = fixtures.user(Set.of(Role.COORDINATOR));
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        Http.Response page = browser.get("/admin/notifications");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("Åtkomst nekad").doesNotContain("Schemaläggaren");
    }

    private long failedMessage(User user, String subject) {
        var db = server.database();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO outbox_message (message_key, message_id, user_id, recipient, kind, subject, text_body, html_body, state,
                                                 attempts, next_attempt_at, last_error, created_at)
                     VALUES (?, ?, ?, ?, 'ACTION_ITEM_DUE_SOON', ?, 'text', '<p>html</p>', 'FAILED', 8, ?, 'MailConnectException', ?)""",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, "ops-test:" + UUID.randomUUID());
            insert.setString(2, "<" + UUID.randomUUID().toString().replace("-", "") + "@samtrygg.local>");
            insert.setLong(3, user.id());
            insert.setString(4, user.email());
            insert.setString(5, subject);
            insert.setTimestamp(6, now);
            insert.setTimestamp(7, now);
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
