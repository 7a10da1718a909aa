package se.samtrygg.notification;

import jakarta.mail.MessagingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.Checks;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.Page;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.identity.CurrentUser;

/**
 * The inbox and the e-mail outbox. A notice is written once (inbox entry and, with mail on, outbox message, both under
 * the notice's key) in the transaction of the change that caused it; {@link #deliverDue} sends the outbox with retries.
 */
public final class NotificationService {
    static final String OUTBOX_ENTITY = "outbox_message";
    private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);
    /** Due messages looked at per query; each is then claimed on its own. */
    private static final int BATCH = 50;
    private static final Set<String> STATES = Set.of(OutboxMessage.PENDING, OutboxMessage.SENDING, OutboxMessage.SENT,
            OutboxMessage.FAILED);

    private final Jdbi jdbi;
    private final MailConfiguration mail;
    private final AuditService audit;
    private final Clock clock;
    private final MailRenderer renderer;
    private final MailSender sender;

    public NotificationService(Jdbi jdbi, MailConfiguration mail, Messages messages, AuditService audit, Clock clock) {
        this.jdbi = jdbi;
        this.mail = mail;
        this.audit = audit;
        this.clock = clock;
        this.renderer = new MailRenderer(messages, mail.getBaseUrl());
        this.sender = mail.isEnabled() ? new MailSender(mail) : null;
    }

    /** {@code <} + the first 32 hex digits of SHA-256(key) + {@code @domain>}: the same for every attempt and every resend. */
    public static String messageId(String key, String domain) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash).substring(0, 32) + "@" + domain + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * Inside the caller's transaction: writes the notice into the user's inbox and, when mail is on and the user is active
     * with an e-mail address, renders it (text and HTML, in the user's language) into the outbox. Returns false, writing
     * nothing, when a notice with this key exists already.
     */
    public boolean send(Handle h, Notice notice) {
        NotificationDao dao = h.attach(NotificationDao.class);
        Instant now = clock.instant();
        if (dao.insertNotification(notice.key(), notice.userId(), notice.kind(), notice.subject(), String.join("\n", notice.lines()),
                notice.link(), now) == 0) {
            return false;
        }
        if (mail.isEnabled()) {
            Optional<NotificationDao.Recipient> recipient = dao.recipient(notice.userId())
                    .filter(r -> r.active() && r.email() != null && !r.email().isBlank());
            if (recipient.isPresent()) {
                Language language = Language.parse(recipient.get().language()).orElse(Language.DEFAULT);
                MailRenderer.Bodies bodies = renderer.render(notice, language);
                CalendarAttachment calendar = notice.calendar();
                dao.insertOutbox(notice.key(), messageId(notice.key(), mail.getMessageIdDomain()), notice.userId(),
                        recipient.get().email(), notice.kind(), notice.subject(), bodies.text(), bodies.html(),
                        calendar == null ? null : calendar.method(), calendar == null ? null : calendar.ics(), now);
            }
        }
        return true;
    }

    // The inbox

    /** The number of unread inbox entries, for the header of every page. */
    public int unreadCount(long userId) {
        return jdbi.withExtension(NotificationDao.class, dao -> dao.unreadCount(userId));
    }

    /** The user's own inbox, newest first; {@code after} is the last id of the previous page. */
    public Page<Notification> inbox(CurrentUser user, Long after, Integer limit, boolean unreadOnly) {
        int n = Page.clampLimit(limit);
        long before = after == null ? Long.MAX_VALUE : after;
        List<Notification> fetched = jdbi.withExtension(NotificationDao.class, dao -> dao.inbox(user.id(), before, unreadOnly, n + 1));
        return Page.of(fetched, n, Notification::id);
    }

    /**
     * Marks one of the user's own entries read; someone else's is not found. Not audited: it is the reader's own reading
     * state, like a mail program's, and an audit entry per read would drown the changes the audit log is for.
     */
    public Notification markRead(CurrentUser user, long id) {
        return jdbi.inTransaction(h -> {
            NotificationDao dao = h.attach(NotificationDao.class);
            dao.markRead(id, user.id(), clock.instant());
            return dao.find(id, user.id()).orElseThrow(() -> new NotFoundException("notification", id));
        });
    }

    /** Marks all the user's unread entries read; returns how many. */
    public int markAllRead(CurrentUser user) {
        return jdbi.withExtension(NotificationDao.class, dao -> dao.markAllRead(user.id(), clock.instant()));
    }

    // The outbox, for admins

    public Page<OutboxMessage> outbox(CurrentUser admin, String state, Long after, Integer limit) {
        requireAdmin(admin);
        String wanted = Checks.clean(state) == null ? null : state.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !STATES.contains(wanted)) {
            throw new InvalidInputException("state", "error.outbox.state");
        }
        int n = Page.clampLimit(limit);
        long before = after == null ? Long.MAX_VALUE : after;
        return Page.of(jdbi.withExtension(NotificationDao.class, dao -> dao.outbox(wanted, before, n + 1)), n, OutboxMessage::id);
    }

    /** A FAILED message goes back to PENDING with its attempts reset and its Message-ID kept. */
    public OutboxMessage resend(CurrentUser admin, long id) {
        requireAdmin(admin);
        return jdbi.inTransaction(h -> {
            NotificationDao dao = h.attach(NotificationDao.class);
            OutboxMessage message = dao.outboxMessage(id).orElseThrow(() -> new NotFoundException(OUTBOX_ENTITY, id));
            if (dao.resend(id, clock.instant()) == 0) {
                throw new InvalidInputException("state", "error.outbox.notFailed");
            }
            audit.record(h, admin, AuditAction.UPDATE, OUTBOX_ENTITY, id, "Resend " + message.kind() + " e-mail #" + id
                    + " after " + message.attempts() + " failed attempts");
            return dao.outboxMessage(id).orElseThrow();
        });
    }

    /** One outbox message as admins see it. */
    public OutboxMessage outboxMessage(CurrentUser admin, long id) {
        requireAdmin(admin);
        return jdbi.withExtension(NotificationDao.class, dao -> dao.outboxMessage(id))
                .orElseThrow(() -> new NotFoundException(OUTBOX_ENTITY, id));
    }

    private static void requireAdmin(CurrentUser user) {
        if (user == null || !user.isAdmin()) {
            throw new AccessDeniedException("the outbox is for admins");
        }
    }

    // Delivery

    /** What one delivery run did. */
    public record Delivery(int sent, int failed) {
    }

    /**
     * Sends every due message over one SMTP connection. Each message is claimed on its own with an atomic update, so
     * runs on two nodes never send the same row; a claim lapses after a while, so a message whose node died mid-send is
     * sent again (with the same Message-ID). When the server cannot be reached the run stops after recording that
     * attempt: the rest waits for the next run instead of each waiting out a connection timeout.
     */
    public Delivery deliverDue() {
        if (sender == null) {
            return new Delivery(0, 0);
        }
        int sent = 0;
        int failed = 0;
        Set<Long> tried = new HashSet<>();
        MailSender.Connection connection = null;
        try {
            while (true) {
                Instant now = clock.instant();
                List<Long> due = jdbi.withExtension(NotificationDao.class, dao -> dao.dueIds(now, BATCH));
                due = due.stream().filter(id -> !tried.contains(id)).toList();
                if (due.isEmpty()) {
                    return new Delivery(sent, failed);
                }
                for (long id : due) {
                    tried.add(id);
                    Optional<Claim> claimed = claim(id);
                    if (claimed.isEmpty()) {
                        continue; // another run has it
                    }
                    Instant claimedUntil = claimed.get().until();
                    try {
                        // Opened once per run; isOpen() costs a NOOP round trip, so it is asked only after a failure.
                        if (connection == null) {
                            connection = sender.open();
                        }
                        connection.send(claimed.get().mail());
                    } catch (MessagingException | RuntimeException e) {
                        recordFailure(claimed.get(), e);
                        failed++;
                        if (connection == null || !connection.isOpen()) {
                            LOG.warn("SMTP server {}:{} unreachable; delivery continues at the next run ({})", mail.getHost(),
                                    mail.getPort(), shortError(e));
                            return new Delivery(sent, failed);
                        }
                        continue;
                    }
                    // The SMTP server has the message: whatever happens now is not a send failure and must not resend it.
                    sent++;
                    markSent(id, claimedUntil);
                }
            }
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** A claimed message and its claim's end, which identifies the claim when it is marked sent or failed. */
    private record Claim(OutgoingMail mail, Instant until) {
    }

    private Optional<Claim> claim(long id) {
        Instant now = clock.instant();
        // Long enough for one message to be sent however slow the server is; short enough that a dead node's claim soon lapses.
        // Whole milliseconds, so that the value read back for matching is the one stored on both databases.
        Instant until = now.plus(Duration.ofMillis(mail.getTimeout().toMilliseconds()).multipliedBy(3)).plusSeconds(60)
                .truncatedTo(ChronoUnit.MILLIS);
        return jdbi.inTransaction(h -> {
            NotificationDao dao = h.attach(NotificationDao.class);
            dao.giveUpLapsed(now, mail.getMaxAttempts());
            return dao.claim(id, now, until, mail.getMaxAttempts()) == 1 ? Optional.of(new Claim(dao.outgoing(id), until))
                    : Optional.empty();
        });
    }

    private void markSent(long id, Instant claimedUntil) {
        try {
            if (jdbi.withExtension(NotificationDao.class, dao -> dao.markSent(id, clock.instant(), claimedUntil)) == 0) {
                LOG.warn("Outbox message #{} was sent after its claim lapsed; another run may send it again (same Message-ID)", id);
            }
        } catch (RuntimeException e) {
            // Not a send failure: the server accepted it. It stays SENDING; only if its claim lapses is it sent again.
            LOG.error("Outbox message #{} was sent but could not be marked sent ({})", id, e.getClass().getName());
        }
    }

    private void recordFailure(Claim claim, Exception e) {
        OutgoingMail message = claim.mail();
        int attempts = message.attempts(); // counted by the claim
        Instant now = clock.instant();
        boolean givingUp = attempts >= mail.getMaxAttempts();
        Instant next = givingUp ? now : now.plus(retryDelay(attempts));
        String error = shortError(e);
        jdbi.useExtension(NotificationDao.class, dao -> dao.markFailed(message.id(), claim.until(),
                givingUp ? OutboxMessage.FAILED : OutboxMessage.PENDING, attempts, next, error));
        if (givingUp) {
            LOG.warn("Outbox message #{} failed after {} attempts and waits for an admin: {}", message.id(), attempts, error);
        }
    }

    /** firstRetryDelay after the first failure, doubling after each further one, never more than maxRetryDelay. */
    Duration retryDelay(int attempts) {
        long first = mail.getFirstRetryDelay().toMilliseconds();
        long max = mail.getMaxRetryDelay().toMilliseconds();
        int doublings = Math.min(Math.max(attempts - 1, 0), 40);
        long delay = first > max >> doublings ? max : first << doublings;
        return Duration.ofMillis(Math.min(delay, max));
    }

    /**
     * The exception's type, its root cause's type and the SMTP reply code when there is one: never its text, which often
     * quotes the recipient's address (this goes into last_error, the admin page and the log).
     */
    static String shortError(Exception e) {
        String text = e.getClass().getSimpleName();
        Throwable root = e;
        Integer code = replyCode(e);
        for (Throwable t = next(e); t != null && t != root; t = next(t)) {
            root = t;
            code = code != null ? code : replyCode(t);
        }
        if (root != e) {
            text += " (" + root.getClass().getSimpleName() + ")";
        }
        return code == null ? text : text + " SMTP " + code;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static Integer replyCode(Throwable t) {
        if (t instanceof org.eclipse.angus.mail.smtp.SMTPSendFailedException f) {
            return f.getReturnCode();
        }
        if (t instanceof org.eclipse.angus.mail.smtp.SMTPAddressFailedException f) {
            return f.getReturnCode();
        }
        if (t instanceof org.eclipse.angus.mail.smtp.SMTPAddressSucceededException f) {
            return f.getReturnCode();
        }
        return null;
    }
}
