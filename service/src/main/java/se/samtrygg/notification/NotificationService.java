package se.samtrygg.notification;

import java.time.Clock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.common.i18n.Messages;

/**
 * The inbox and the e-mail outbox. CONTRACT STUB (lead): the notification helper replaces the bodies;
 * the signatures of {@link #send} and {@link #unreadCount} are what the reminder package relies on.
 */
public final class NotificationService {
    private final Jdbi jdbi;
    private final MailConfiguration mail;
    private final Messages messages;
    private final Clock clock;

    public NotificationService(Jdbi jdbi, MailConfiguration mail, Messages messages, Clock clock) {
        this.jdbi = jdbi;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * Inside the caller's transaction: writes the notice into the user's inbox and, when mail is on and the
     * user is active, renders it (text and HTML from the mail templates, in the notice's language) into the
     * outbox. Returns false, writing nothing, when a notice with this key exists already.
     */
    public boolean send(Handle h, Notice notice) {
        // stub: inbox only, until the notification helper lands the outbox
        int inserted = h.createUpdate("""
                INSERT INTO notification (notification_key, user_id, kind, subject, body, link, created_at)
                SELECT :key, :userId, :kind, :subject, :body, :link, :now
                WHERE NOT EXISTS (SELECT 1 FROM notification WHERE notification_key = :key)""")
                .bind("key", notice.key()).bind("userId", notice.userId()).bind("kind", notice.kind())
                .bind("subject", notice.subject()).bind("body", String.join("\n", notice.lines()))
                .bind("link", notice.link()).bind("now", clock.instant())
                .execute();
        return inserted == 1;
    }

    /** The number of unread inbox entries, for the header of every page. */
    public int unreadCount(long userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM notification WHERE user_id = :u AND read_at IS NULL")
                .bind("u", userId).mapTo(Integer.class).one());
    }
}
