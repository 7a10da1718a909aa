package se.samtrygg.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.AreaInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.meeting.ActionItemInput;
import se.samtrygg.meeting.MeetingInput;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Sql;
import se.samtrygg.support.TestServer;

/**
 * An admin on a phone opens the page of reminders and e-mail with a reminder planned, an e-mail waiting and one that
 * failed, and sends the failed one again. The page passes axe-core (WCAG 2.1 AA) and does not scroll sideways at 390 px,
 * before and after.
 */
class OperationsBrowserTest {
    private final TestServer server = TestServer.sharedByBrowsers();
    private final Fixtures fixtures = new Fixtures(server);

    @Test
    void anAdminOnAPhoneSeesThePlanAndTheOutboxAndSendsAFailedEmailAgain() {
        Organisation municipality = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
        Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
        User coordinator = fixtures.user(Set.of(Role.COORDINATOR), municipality);
        User caretaker = fixtures.user(Set.of(Role.PARTNER), housing);
        User admin = fixtures.userWithPassword(Set.of(Role.ADMIN));
        long area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null)).id();
        long group = server.services().networkGroups().create(null, new NetworkGroupInput(area, Fixtures.unique("Nätverket"),
                List.of(municipality.id(), housing.id()), List.of(coordinator.id()))).id();
        long meeting = server.services().meetings().schedule(Fixtures.principal(coordinator), new MeetingInput(group, "Nätverksmöte",
                LocalDateTime.of(2030, 9, 3, 18, 0), LocalDateTime.of(2030, 9, 3, 19, 30), null, "Sätra centrum", null, List.of())).id();
        // Due tomorrow: the caretaker's "due today" reminder is planned for tomorrow morning, early in the plan.
        LocalDate tomorrow = LocalDate.ofInstant(server.clock().instant(), ZoneId.of("Europe/Stockholm")).plusDays(1);
        server.services().actionItems().create(Fixtures.principal(coordinator), new ActionItemInput(meeting,
                "Byt lampan i gångtunneln", housing.id(), caretaker.id(), tomorrow, null));
        // The browsers' server has e-mail off, so its outbox gets these two straight from the database.
        String waiting = Fixtures.unique("Möte i morgon");
        String failed = Fixtures.unique("Snart dags: Röj buskarna");
        outboxMessage(caretaker, waiting, "PENDING", 1, null);
        long failedId = outboxMessage(caretaker, failed, "FAILED", 8, "MailConnectException");

        try (Browser phone = Browser.open(server, 390, 844)) {
            phone.go("/login").fill("E-postadress", admin.email()).fill("Lösenord", Fixtures.PASSWORD).press("Logga in");
            phone.go("/admin/notifications");
            assertThat(phone.heading()).isEqualTo("Utskick och schemalagda jobb");
            assertThat(phone.text("main")).contains("Igång", "dispatch-reminders", "deliver-outbox");
            assertThat(phone.tableRows()).as("the plan, the waiting and the failed e-mail")
                    .anySatisfy(row -> assertThat(row).contains("Åtgärdspunkt i dag").contains(caretaker.name()).contains("Planerad"))
                    .anySatisfy(row -> assertThat(row).contains(caretaker.email()).contains("1"))
                    .anySatisfy(row -> assertThat(row).contains(caretaker.email()).contains("MailConnectException"));
            // Subjects can carry the title of an item only its organisation may see: admins see kind and recipient.
            assertThat(phone.text("#pending + table")).contains("Åtgärdspunkt snart dags", caretaker.email()).doesNotContain(waiting);
            assertThat(phone.text("#failed + table")).contains(caretaker.email(), "MailConnectException").doesNotContain(failed);
            phone.assertAccessible("the reminders and e-mail page").assertNoHorizontalScroll("the reminders and e-mail page on a phone");

            // The button's visually hidden part names the message for screen readers; WebDriver reads it as a line of its own.
            phone.press("Skicka igen\n: Åtgärdspunkt snart dags, " + caretaker.email());
            assertThat(phone.path()).startsWith("/admin/notifications?resent=true");
            assertThat(phone.text(".notice")).isEqualTo("Meddelandet ligger i kön igen och skickas vid nästa utskick.");
            assertThat(phone.text("#failed + p")).isEqualTo("Ingen e-post har misslyckats.");
            assertThat(phone.text("#pending + table").split(java.util.regex.Pattern.quote(caretaker.email()), -1))
                    .as("both messages wait now").hasSize(3);
            assertThat(Sql.count(server.database(), "SELECT COUNT(*) FROM outbox_message WHERE id = ? AND state = 'PENDING'", failedId))
                    .isEqualTo(1);
            phone.assertAccessible("the page after sending again").assertNoHorizontalScroll("the page after sending again on a phone");
        }
    }

    private long outboxMessage(User user, String subject, String state, int attempts, String error) {
        var db = server.database();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement insert = c.prepareStatement("""
                     INSERT INTO outbox_message (message_key, message_id, user_id, recipient, kind, subject, text_body, html_body, state,
                                                 attempts, next_attempt_at, last_error, created_at)
                     VALUES (?, ?, ?, ?, 'ACTION_ITEM_DUE_SOON', ?, 'text', '<p>html</p>', ?, ?, ?, ?, ?)""", new String[] {"id"})) {
            insert.setString(1, "ops-browser-test:" + UUID.randomUUID());
            insert.setString(2, "<" + UUID.randomUUID().toString().replace("-", "") + "@samtrygg.local>");
            insert.setLong(3, user.id());
            insert.setString(4, user.email());
            insert.setString(5, subject);
            insert.setString(6, state);
            insert.setInt(7, attempts);
            insert.setTimestamp(8, now);
            insert.setString(9, error);
            insert.setTimestamp(10, now);
            insert.executeUpdate();
            try (var keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
