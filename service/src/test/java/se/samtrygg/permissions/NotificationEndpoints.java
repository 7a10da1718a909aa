package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ADMIN_ONLY;
import static se.samtrygg.permissions.Endpoint.ANY_SIGNED_IN;
import static se.samtrygg.permissions.Endpoint.api;
import static se.samtrygg.permissions.Endpoint.page;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import se.samtrygg.notification.Notice;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * The inbox and the admin outbox. Each scenario holds an inbox entry of the actor's own (OWN) or of someone else (OTHER):
 * only its owner sees or marks it, anyone else is told it is not found. The outbox is for admins; each scenario has a
 * FAILED message of its own to resend.
 */
final class NotificationEndpoints {
    private static final BiPredicate<Actor, Target> OWN_ENTRY = (actor, target) -> actor != Actor.ANONYMOUS && target == Target.OWN;

    private NotificationEndpoints() {
    }

    /** {@code owner}: the actor for OWN cells, the scenario's other user for OTHER ones. */
    static void prepare(Scenario scenario, TestServer server, long owner) {
        scenario.ids.lazy("notification", () -> {
            Jdbi jdbi = jdbi(server);
            String key = Fixtures.unique("matrix:notification:u" + owner);
            jdbi.useTransaction(h -> server.services().notifications().send(h,
                    new Notice(key, owner, "MEETING_TOMORROW", "Möte i morgon", List.of("Rad"), "/", null)));
            return jdbi.withHandle(h -> h.createQuery("SELECT id FROM notification WHERE notification_key = :k").bind("k", key)
                    .mapTo(Long.class).one());
        });
        scenario.ids.lazy("failedMessage", () -> jdbi(server).withHandle(h -> h.createUpdate("""
                INSERT INTO outbox_message (message_key, message_id, user_id, recipient, kind, subject, text_body, html_body, state,
                                            attempts, next_attempt_at, last_error, created_at)
                VALUES (:key, :key, :user, :email, 'MEETING_TOMORROW', 'Möte i morgon', 'Rad', '<p>Rad</p>', 'FAILED', 8, :now,
                        'MailConnectException', :now)""")
                .bind("key", Fixtures.unique("matrix:outbox")).bind("user", scenario.user).bind("email", scenario.userEmail)
                .bind("now", Instant.now())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
    }

    private static Jdbi jdbi(TestServer server) {
        return Jdbi.create(server.database().url(), server.database().user(), server.database().password())
                .installPlugin(new SqlObjectPlugin());
    }

    static List<Endpoint> all() {
        RecordAccess ownEntry = new RecordAccess(OWN_ENTRY, OWN_ENTRY);
        return List.of(
                api("GET", "/api/v1/notifications", ANY_SIGNED_IN),
                api("GET", "/api/v1/notifications/unread-count", ANY_SIGNED_IN),
                api("POST", "/api/v1/notifications/{notification}/read", ownEntry),
                api("POST", "/api/v1/notifications/read-all", ANY_SIGNED_IN),
                api("GET", "/api/v1/admin/outbox", ADMIN_ONLY),
                api("GET", "/api/v1/admin/outbox?state=FAILED", ADMIN_ONLY),
                api("POST", "/api/v1/admin/outbox/{failedMessage}/resend", ADMIN_ONLY),
                page("GET", "/inbox", ANY_SIGNED_IN),
                page("POST", "/inbox/{notification}/read", s -> Map.of(), ownEntry),
                page("POST", "/inbox/read-all", s -> Map.of(), ANY_SIGNED_IN));
    }
}
