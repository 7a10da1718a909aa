package se.samtrygg.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The inbox and the outbox. Both inserts are {@code ON CONFLICT DO NOTHING} on the unique key: a second write of the
 * same notice, even from a transaction racing this one, writes nothing and does not abort the caller's transaction
 * (a caught unique violation would, on PostgreSQL).
 */
@RegisterConstructorMapper(Notification.class)
@RegisterConstructorMapper(OutboxMessage.class)
@RegisterConstructorMapper(OutgoingMail.class)
public interface NotificationDao {
    String NOTIFICATION = "SELECT id, kind, subject, body, link, created_at, read_at FROM notification ";
    String OUTBOX = """
            SELECT id, message_key, message_id, user_id, recipient, kind, state, attempts, next_attempt_at, last_error,
                   created_at, sent_at
            FROM outbox_message
            """;
    /*
     * markSent and markFailed match the claim by its claimed_until (unique per claim: a re-claim happens only after it
     * has passed, so at a later instant), so a run whose claim lapsed cannot overwrite another node's re-claim.
     */
    /** Due: waiting and its time has come, or claimed by a run that has not finished in time (its node died mid-send). */
    String DUE = "((state = 'PENDING' AND next_attempt_at <= :now) OR (state = 'SENDING' AND claimed_until < :now))";

    @SqlUpdate("""
            INSERT INTO notification (notification_key, user_id, kind, subject, body, link, created_at)
            VALUES (:key, :userId, :kind, :subject, :body, :link, :now)
            ON CONFLICT DO NOTHING""")
    int insertNotification(@Bind("key") String key, @Bind("userId") long userId, @Bind("kind") String kind,
                           @Bind("subject") String subject, @Bind("body") String body, @Bind("link") String link,
                           @Bind("now") Instant now);

    @SqlUpdate("""
            INSERT INTO outbox_message (message_key, message_id, user_id, recipient, kind, subject, text_body, html_body, ics_method,
                                        ics, state, attempts, next_attempt_at, created_at)
            VALUES (:key, :messageId, :userId, :recipient, :kind, :subject, :textBody, :htmlBody, :icsMethod, :ics, 'PENDING', 0,
                    :now, :now)
            ON CONFLICT DO NOTHING""")
    int insertOutbox(@Bind("key") String key, @Bind("messageId") String messageId, @Bind("userId") long userId,
                     @Bind("recipient") String recipient, @Bind("kind") String kind, @Bind("subject") String subject,
                     @Bind("textBody") String textBody, @Bind("htmlBody") String htmlBody, @Bind("icsMethod") String icsMethod,
                     @Bind("ics") String ics, @Bind("now") Instant now);

    /** Uses notification_unread_idx (user_id, read_at): one cheap query for the header of every page. */
    @SqlQuery("SELECT COUNT(*) FROM notification WHERE user_id = :userId AND read_at IS NULL")
    int unreadCount(@Bind("userId") long userId);

    /** Newest first: keyset on id descending ({@code before} is the last id of the previous page). */
    @SqlQuery(NOTIFICATION + """
            WHERE user_id = :userId AND id < :before AND (:unreadOnly = FALSE OR read_at IS NULL)
            ORDER BY id DESC LIMIT :limit""")
    List<Notification> inbox(@Bind("userId") long userId, @Bind("before") long before, @Bind("unreadOnly") boolean unreadOnly,
                             @Bind("limit") int limit);

    @SqlQuery(NOTIFICATION + "WHERE id = :id AND user_id = :userId")
    Optional<Notification> find(@Bind("id") long id, @Bind("userId") long userId);

    @SqlUpdate("UPDATE notification SET read_at = :now WHERE id = :id AND user_id = :userId AND read_at IS NULL")
    int markRead(@Bind("id") long id, @Bind("userId") long userId, @Bind("now") Instant now);

    @SqlUpdate("UPDATE notification SET read_at = :now WHERE user_id = :userId AND read_at IS NULL")
    int markAllRead(@Bind("userId") long userId, @Bind("now") Instant now);

    // The outbox

    @SqlQuery("SELECT id FROM outbox_message WHERE " + DUE + " ORDER BY next_attempt_at, id LIMIT :limit")
    List<Long> dueIds(@Bind("now") Instant now, @Bind("limit") int limit);

    /**
     * Atomic: of two nodes claiming the same row, one updates it and the other finds it no longer due. The claim counts
     * an attempt at once, so a message whose sending kills the node (its claim lapses every time) still runs out of
     * attempts. Below maxAttempts only: a lapsed claim that used the last attempt is given up by {@link #giveUpLapsed}.
     */
    @SqlUpdate("UPDATE outbox_message SET state = 'SENDING', claimed_until = :until, attempts = attempts + 1 "
            + "WHERE id = :id AND attempts < :maxAttempts AND " + DUE)
    int claim(@Bind("id") long id, @Bind("now") Instant now, @Bind("until") Instant until, @Bind("maxAttempts") int maxAttempts);

    /** A claim that lapsed after the last attempt: the node died or hung while sending, every time; an admin decides. */
    @SqlUpdate("""
            UPDATE outbox_message SET state = 'FAILED', claimed_until = NULL, last_error = 'claim lapsed while sending'
            WHERE state = 'SENDING' AND claimed_until < :now AND attempts >= :maxAttempts""")
    int giveUpLapsed(@Bind("now") Instant now, @Bind("maxAttempts") int maxAttempts);

    @SqlQuery("""
            SELECT id, message_id, recipient, subject, text_body, html_body, ics_method, ics, attempts
            FROM outbox_message WHERE id = :id""")
    OutgoingMail outgoing(@Bind("id") long id);

    @SqlUpdate("""
            UPDATE outbox_message SET state = 'SENT', sent_at = :now, claimed_until = NULL, last_error = NULL
            WHERE id = :id AND state = 'SENDING' AND claimed_until = :claimedUntil""")
    int markSent(@Bind("id") long id, @Bind("now") Instant now, @Bind("claimedUntil") Instant claimedUntil);

    @SqlUpdate("""
            UPDATE outbox_message SET state = :state, attempts = :attempts, next_attempt_at = :next, claimed_until = NULL,
                                      last_error = :error
            WHERE id = :id AND state = 'SENDING' AND claimed_until = :claimedUntil""")
    int markFailed(@Bind("id") long id, @Bind("claimedUntil") Instant claimedUntil, @Bind("state") String state,
                   @Bind("attempts") int attempts, @Bind("next") Instant next, @Bind("error") String error);

    /** Newest first, optionally of one state; keyset on id descending. */
    @SqlQuery(OUTBOX + """
            WHERE id < :before AND (CAST(:state AS VARCHAR(20)) IS NULL OR state = :state)
            ORDER BY id DESC LIMIT :limit""")
    List<OutboxMessage> outbox(@Bind("state") String state, @Bind("before") long before, @Bind("limit") int limit);

    @SqlQuery(OUTBOX + "WHERE id = :id")
    Optional<OutboxMessage> outboxMessage(@Bind("id") long id);

    /** The Message-ID stays: a resent message is the same message to the reader's mail program. */
    @SqlUpdate("""
            UPDATE outbox_message SET state = 'PENDING', attempts = 0, next_attempt_at = :now, claimed_until = NULL, last_error = NULL
            WHERE id = :id AND state = 'FAILED'""")
    int resend(@Bind("id") long id, @Bind("now") Instant now);

    /** The recipient as the mail needs them: null when the user is gone. */
    @SqlQuery("SELECT email, language, active FROM app_user WHERE id = :id")
    @RegisterConstructorMapper(Recipient.class)
    Optional<Recipient> recipient(@Bind("id") long id);

    record Recipient(String email, String language, boolean active) {
    }
}
