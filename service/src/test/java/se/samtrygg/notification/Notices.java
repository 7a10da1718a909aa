package se.samtrygg.notification;

import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import se.samtrygg.support.TestServer;

/** Sends notices through the service's own {@link NotificationService#send}, each in a transaction of its own, as a caller would. */
final class Notices {
    private final Jdbi jdbi;
    private final NotificationService notifications;

    Notices(TestServer server) {
        this.jdbi = Jdbi.create(server.database().url(), server.database().user(), server.database().password())
                .installPlugin(new SqlObjectPlugin());
        this.notifications = server.services().notifications();
    }

    boolean send(Notice notice) {
        return jdbi.inTransaction(h -> notifications.send(h, notice));
    }

    static Notice notice(String key, long userId, String subject, String... lines) {
        return new Notice(key, userId, "MEETING_TOMORROW", subject, List.of(lines), "/meetings/42", null);
    }

    Jdbi jdbi() {
        return jdbi;
    }
}
