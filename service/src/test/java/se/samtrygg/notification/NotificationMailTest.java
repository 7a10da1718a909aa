package se.samtrygg.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.dropwizard.testing.ConfigOverride;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import se.samtrygg.common.Page;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.identity.UserInput;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestDatabase;
import se.samtrygg.support.TestServer;
import se.samtrygg.support.TestSmtp;

/**
 * E-mail from the outbox, received by an in-process SMTP server (GreenMail) on a service of this class's own with mail on.
 * The delivery job's trigger is paused: tests call its work ({@code deliverDue}) themselves, except the one that watches
 * Quartz fire it.
 */
class NotificationMailTest {
    private static final String DOMAIN = "mail.test.samtrygg.se";
    private static final JobKey DELIVERY = JobKey.jobKey(DeliverOutboxJob.NAME, "samtrygg");

    private static int smtpPort;
    private static GreenMail smtp;
    private static TestServer server;
    private static Fixtures fixtures;
    private static Notices notices;
    private static NotificationService notifications;

    @BeforeAll
    static void start() throws Exception {
        smtpPort = TestSmtp.freePort();
        smtp = startSmtp();
        server = TestServer.start(TestDatabase.fresh(),
                ConfigOverride.config("mail.host", "127.0.0.1"),
                ConfigOverride.config("mail.port", Integer.toString(smtpPort)),
                ConfigOverride.config("mail.tls", "NONE"),
                ConfigOverride.config("mail.baseUrl", "https://samtrygg.example.se"),
                ConfigOverride.config("mail.messageIdDomain", DOMAIN),
                ConfigOverride.config("mail.maxAttempts", "4"),
                ConfigOverride.config("mail.firstRetryDelay", "1 minute"),
                ConfigOverride.config("mail.maxRetryDelay", "3 minutes"),
                ConfigOverride.config("mail.timeout", "5 seconds"));
        server.application().scheduling().scheduler().pauseJob(DELIVERY);
        fixtures = new Fixtures(server);
        notices = new Notices(server);
        notifications = server.services().notifications();
    }

    private static GreenMail startSmtp() {
        return TestSmtp.start(smtpPort);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        if (smtp == null || !smtp.isRunning()) {
            smtp = startSmtp();
        }
        smtp.purgeEmailFromAllMailboxes();
    }

    private static User user(Language language) {
        String email = Fixtures.unique("mottagare").toLowerCase() + "@test.samtrygg.se";
        return server.services().users().create(null, new UserInput(email, "Test Mottagare", language, EnumSet.noneOf(Role.class), null));
    }

    private static CurrentUser admin() {
        User admin = server.services().users().create(null, new UserInput(Fixtures.unique("admin").toLowerCase() + "@test.samtrygg.se",
                "Test Admin", Language.sv, EnumSet.of(Role.ADMIN), null));
        return Fixtures.principal(admin);
    }

    private static List<MimeMessage> receivedBy(String email) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(email)) {
                found.add(message);
            }
        }
        return found;
    }

    private static String state(String key) {
        return notices.jdbi().withHandle(h -> h.createQuery("SELECT state FROM outbox_message WHERE message_key = :k")
                .bind("k", key).mapTo(String.class).one());
    }

    private static Instant nextAttempt(String key) {
        return notices.jdbi().withHandle(h -> h.createQuery("SELECT next_attempt_at FROM outbox_message WHERE message_key = :k")
                .bind("k", key).mapTo(Instant.class).one());
    }

    private static long outboxId(String key) {
        return notices.jdbi().withHandle(h -> h.createQuery("SELECT id FROM outbox_message WHERE message_key = :k")
                .bind("k", key).mapTo(Long.class).one());
    }

    /** Every text leaf of a message, by content type, depth first. */
    private static void parts(Part part, List<Part> into) throws Exception {
        if (part.getContent() instanceof Multipart multipart) {
            into.add(part);
            for (int i = 0; i < multipart.getCount(); i++) {
                parts(multipart.getBodyPart(i), into);
            }
        } else {
            into.add(part);
        }
    }

    private static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String s) {
            return s;
        }
        try (InputStream in = (InputStream) content) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Part first(List<Part> parts, String type) throws Exception {
        for (Part part : parts) {
            if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return part;
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    @Test
    void aNoticeArrivesOnceAsTextAndHtmlWithItsDerivedMessageIdAndTheSettingsLinkInTheUsersLanguage() throws Exception {
        User swede = user(Language.sv);
        User english = user(Language.en);
        String svKey = Fixtures.unique("meeting:42:MEETING_TOMORROW:u" + swede.id());
        String enKey = Fixtures.unique("meeting:42:MEETING_TOMORROW:u" + english.id());
        assertThat(notices.send(Notices.notice(svKey, swede.id(), "Möte i morgon: Sättra trygghetsråd", "Tid: 2026-12-01 18:00",
                "Plats: Sättra bibliotek & café"))).isTrue();
        assertThat(notices.send(Notices.notice(enKey, english.id(), "Meeting tomorrow: Sättra safety council", "Time: 2026-12-01 18:00")))
                .isTrue();

        notifications.deliverDue();

        List<MimeMessage> svMail = receivedBy(swede.email());
        assertThat(svMail).hasSize(1);
        MimeMessage sv = svMail.get(0);
        assertThat(sv.getSubject()).isEqualTo("Möte i morgon: Sättra trygghetsråd");
        assertThat(sv.getMessageID()).isEqualTo(NotificationService.messageId(svKey, DOMAIN)).matches("<[0-9a-f]{32}@" + DOMAIN + ">");
        assertThat(sv.isMimeType("multipart/alternative")).isTrue();
        List<Part> svParts = new ArrayList<>();
        parts(sv, svParts);
        String svText = text(first(svParts, "text/plain"));
        String svHtml = text(first(svParts, "text/html"));
        assertThat(svText).contains("Plats: Sättra bibliotek & café", "https://samtrygg.example.se/meetings/42",
                "Ändra vilka påminnelser du får: https://samtrygg.example.se/account/notifications");
        assertThat(svHtml).contains("<html lang=\"sv\"", "Plats: Sättra bibliotek &amp; café",
                "href=\"https://samtrygg.example.se/account/notifications\"", "Ändra vilka påminnelser du får");

        List<MimeMessage> enMail = receivedBy(english.email());
        assertThat(enMail).hasSize(1);
        List<Part> enParts = new ArrayList<>();
        parts(enMail.get(0), enParts);
        assertThat(text(first(enParts, "text/plain"))).contains("Change which reminders you get: https://samtrygg.example.se/account/notifications")
                .doesNotContain("Ändra");
        assertThat(text(first(enParts, "text/html"))).contains("<html lang=\"en\"", "Open in Samtrygg");
        assertThat(state(svKey)).isEqualTo("SENT");

        notifications.deliverDue();
        assertThat(receivedBy(swede.email())).as("sent once, not again by the next run").hasSize(1);
    }

    @Test
    void aMeetingInvitationCarriesACalendarPartAndAnInviteAttachment() throws Exception {
        User invited = user(Language.sv);
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Samtrygg//test//SV", "METHOD:REQUEST",
                "BEGIN:VEVENT", "UID:meeting-42@samtrygg", "SEQUENCE:0", "DTSTAMP:20261101T100000Z", "DTSTART:20261201T170000Z",
                "DTEND:20261201T180000Z", "SUMMARY:Sättra trygghetsråd", "END:VEVENT", "END:VCALENDAR", "");
        String key = Fixtures.unique("meeting:42:MEETING_INVITATION:u" + invited.id());
        notices.send(new Notice(key, invited.id(), "MEETING_INVITATION", "Inbjudan: Sättra trygghetsråd", List.of("Du är inbjuden."),
                "/meetings/42", new CalendarAttachment("REQUEST", ics)));

        notifications.deliverDue();

        List<MimeMessage> mail = receivedBy(invited.email());
        assertThat(mail).hasSize(1);
        List<Part> parts = new ArrayList<>();
        parts(mail.get(0), parts);
        Part calendar = first(parts, "text/calendar");
        assertThat(calendar.getContentType()).contains("method=REQUEST").containsIgnoringCase("charset=UTF-8");
        assertThat(text(calendar)).contains("UID:meeting-42@samtrygg", "SUMMARY:Sättra trygghetsråd");
        assertThat(parts).anySatisfy(part -> {
            assertThat(part.getFileName()).isEqualTo("invite.ics");
            assertThat(text(part)).contains("METHOD:REQUEST");
        });
        assertThat(first(parts, "text/plain")).isNotNull();
        assertThat(first(parts, "text/html")).isNotNull();
    }

    @Test
    void theSameKeyTwiceIsOneInboxEntryAndOneEmail() throws Exception {
        User user = user(Language.sv);
        String key = Fixtures.unique("action-item:9:ACTION_ITEM_DUE_SOON:u" + user.id());
        assertThat(notices.send(Notices.notice(key, user.id(), "Åtgärd snart", "Rad"))).isTrue();
        assertThat(notices.send(Notices.notice(key, user.id(), "Åtgärd snart", "Rad"))).isFalse();

        notifications.deliverDue();

        assertThat(receivedBy(user.email())).hasSize(1);
        assertThat(notifications.unreadCount(user.id())).isEqualTo(1);
    }

    @Test
    void anInactiveUserGetsTheInboxEntryButNoEmail() throws Exception {
        User user = user(Language.sv);
        server.services().users().setActive(admin(), user.id(), false);
        String key = Fixtures.unique("digest:u" + user.id());
        assertThat(notices.send(Notices.notice(key, user.id(), "Veckans sammanfattning", "Rad"))).isTrue();

        notifications.deliverDue();

        assertThat(receivedBy(user.email())).isEmpty();
        assertThat(notifications.unreadCount(user.id())).isEqualTo(1);
    }

    @Test
    void whileTheMailServerIsDownMessagesAreRetriedWithGrowingDelaysAndArriveOnceWhenItIsBack() throws Exception {
        User user = user(Language.sv);
        String key = Fixtures.unique("step:15:STEP_DUE_TODAY:u" + user.id());
        notices.send(Notices.notice(key, user.id(), "Steg att göra i dag", "Rad"));
        smtp.stop();

        Instant before = server.clock().instant();
        notifications.deliverDue();
        assertThat(state(key)).isEqualTo("PENDING");
        assertThat(Duration.between(before, nextAttempt(key))).isBetween(Duration.ofSeconds(59), Duration.ofSeconds(61));
        notifications.deliverDue();
        assertThat(Duration.between(before, nextAttempt(key))).as("not due yet: not tried again").isLessThan(Duration.ofSeconds(61));

        server.clock().advance(Duration.ofSeconds(61));
        Instant second = server.clock().instant();
        notifications.deliverDue();
        assertThat(Duration.between(second, nextAttempt(key))).as("the delay doubles").isBetween(Duration.ofSeconds(119),
                Duration.ofSeconds(121));

        server.clock().advance(Duration.ofSeconds(121));
        Instant third = server.clock().instant();
        notifications.deliverDue();
        assertThat(Duration.between(third, nextAttempt(key))).as("and is capped at maxRetryDelay").isBetween(Duration.ofSeconds(179),
                Duration.ofSeconds(181));
        assertThat(state(key)).isEqualTo("PENDING");

        smtp = startSmtp();
        server.clock().advance(Duration.ofSeconds(181));
        notifications.deliverDue();
        notifications.deliverDue();

        assertThat(receivedBy(user.email())).hasSize(1);
        assertThat(state(key)).isEqualTo("SENT");
    }

    @Test
    void aMessageThatKeepsFailingIsInTheAdminsFailedListAndAResendDeliversItWithTheSameMessageId() throws Exception {
        User user = user(Language.sv);
        String key = Fixtures.unique("meeting:7:MEETING_MINUTES_MISSING:u" + user.id());
        notices.send(Notices.notice(key, user.id(), "Protokoll saknas", "Rad"));
        long id = outboxId(key);
        smtp.stop();
        for (int attempt = 0; attempt < 4; attempt++) {
            notifications.deliverDue();
            server.clock().advance(Duration.ofMinutes(4));
        }
        assertThat(state(key)).isEqualTo("FAILED");

        CurrentUser admin = admin();
        Page<OutboxMessage> failed = notifications.outbox(admin, "FAILED", null, 200);
        assertThat(failed.items()).anySatisfy(message -> {
            assertThat(message.id()).isEqualTo(id);
            assertThat(message.attempts()).isEqualTo(4);
            assertThat(message.lastError()).isNotBlank().doesNotContain("Rad").doesNotContain("127.0.0.1")
                    .matches("\\w+( \\(\\w+\\))?( SMTP \\d{3})?");
        });
        String adminToken = server.services().tokens().create(admin, "test", 1).token();
        Http api = new Http(server).bearer(adminToken);
        String listed = api.getJson("/api/v1/admin/outbox?state=FAILED").json().get("items").toString();
        assertThat(listed).contains(key).as("neither subject nor body for admins").doesNotContain("Protokoll saknas", "Rad");
        Http someone = new Http(server).bearer(fixtures.token(user));
        assertThat(someone.getJson("/api/v1/admin/outbox").status()).isEqualTo(403);
        assertThat(someone.postJson("/api/v1/admin/outbox/" + id + "/resend", null).status()).isEqualTo(403);

        smtp = startSmtp();
        notifications.deliverDue();
        assertThat(receivedBy(user.email())).as("a failed message is not retried by itself").isEmpty();

        Http.Response resent = api.postJson("/api/v1/admin/outbox/" + id + "/resend", null);
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.json().get("state").asText()).isEqualTo("PENDING");
        assertThat(resent.json().get("attempts").asInt()).isZero();
        assertThat(api.postJson("/api/v1/admin/outbox/" + id + "/resend", null).status()).as("only a FAILED one").isEqualTo(422);
        notifications.deliverDue();

        List<MimeMessage> mail = receivedBy(user.email());
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).getMessageID()).isEqualTo(NotificationService.messageId(key, DOMAIN));
        assertThat(state(key)).isEqualTo("SENT");
        int audited = notices.jdbi().withHandle(h -> h.createQuery(
                "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'outbox_message' AND entity_id = :id").bind("id", id)
                .mapTo(Integer.class).one());
        assertThat(audited).as("the resend is audited").isEqualTo(1);
    }

    @Test
    void aMessageWhoseSendingKillsTheNodeEveryTimeRunsOutOfAttemptsInsteadOfBeingTriedForever() throws Exception {
        User user = user(Language.sv);
        String key = Fixtures.unique("action-item:9:ACTION_ITEM_OVERDUE:u" + user.id());
        notices.send(Notices.notice(key, user.id(), "Försenad", "Rad"));
        long id = outboxId(key);
        for (int crash = 0; crash < 4; crash++) {
            // A run claims the message and its node dies before marking it: the claim lapses.
            Instant now = server.clock().instant();
            int claimed = notices.jdbi().withExtension(NotificationDao.class,
                    dao -> dao.claim(id, now, now.plusSeconds(75).truncatedTo(java.time.temporal.ChronoUnit.MILLIS), 4));
            assertThat(claimed).as("claim " + (crash + 1)).isEqualTo(1);
            server.clock().advance(Duration.ofMinutes(5));
        }
        notifications.deliverDue();
        assertThat(state(key)).isEqualTo("FAILED");
        assertThat(receivedBy(user.email())).isEmpty();
    }

    @Test
    void aRunWhoseClaimLapsedCannotUndoAnotherRunsClaimOfTheSameMessage() {
        User user = user(Language.sv);
        String key = Fixtures.unique("action-item:9:ACTION_ITEM_DUE_SOON:u" + user.id());
        notices.send(Notices.notice(key, user.id(), "Snart", "Rad"));
        long id = outboxId(key);
        // Rounded up to the next millisecond: rounded down, it can fall before the message's next_attempt_at (stored
        // with microseconds) when both are read within one millisecond, and then the message is not yet due.
        Instant first = server.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusMillis(1);
        Instant firstUntil = first.plusSeconds(75);
        notices.jdbi().useExtension(NotificationDao.class, dao -> assertThat(dao.claim(id, first, firstUntil, 4)).isEqualTo(1));
        server.clock().advance(Duration.ofMinutes(2));
        Instant second = server.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant secondUntil = second.plusSeconds(75);
        notices.jdbi().useExtension(NotificationDao.class, dao -> {
            assertThat(dao.claim(id, second, secondUntil, 4)).as("the lapsed claim is taken over").isEqualTo(1);
            assertThat(dao.markFailed(id, firstUntil, "PENDING", 1, second, "SocketTimeoutException")).as("the slow run's failure")
                    .isZero();
            assertThat(dao.markSent(id, second, firstUntil)).as("the slow run's success").isZero();
        });
        assertThat(state(key)).isEqualTo("SENDING");
        notices.jdbi().useExtension(NotificationDao.class, dao -> assertThat(dao.markSent(id, second, secondUntil)).isEqualTo(1));
        assertThat(state(key)).isEqualTo("SENT");
    }

    @Test
    void aRefusedRecipientIsRecordedByExceptionTypeAndReplyCodeWithoutTheAddress() throws Exception {
        var refused = new org.eclipse.angus.mail.smtp.SMTPAddressFailedException(
                new jakarta.mail.internet.InternetAddress("anna.svensson@example.se"), "RCPT TO", 550,
                "5.1.1 <anna.svensson@example.se>: Recipient address rejected");
        var failure = new jakarta.mail.SendFailedException("Invalid Addresses: anna.svensson@example.se", refused);
        assertThat(NotificationService.shortError(failure))
                .isEqualTo("SendFailedException (SMTPAddressFailedException) SMTP 550").doesNotContain("anna");
    }

    @Test
    void twoDeliveryRunsAtOnceSendEachOfTwoHundredMessagesExactlyOnce() throws Exception {
        User user = user(Language.sv);
        String prefix = Fixtures.unique("concurrent");
        Set<String> expectedIds = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String key = prefix + ":" + i;
            notices.send(Notices.notice(key, user.id(), "Meddelande " + i, "Rad " + i));
            expectedIds.add(NotificationService.messageId(key, DOMAIN));
        }

        ExecutorService runners = Executors.newFixedThreadPool(2);
        try {
            Future<NotificationService.Delivery> a = runners.submit(notifications::deliverDue);
            Future<NotificationService.Delivery> b = runners.submit(notifications::deliverDue);
            assertThat(a.get().sent() + b.get().sent()).isEqualTo(200);
        } finally {
            runners.shutdown();
        }

        List<MimeMessage> mail = receivedBy(user.email());
        List<String> ids = new ArrayList<>();
        for (MimeMessage message : mail) {
            ids.add(message.getMessageID());
        }
        assertThat(ids).hasSize(200).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).isEqualTo(expectedIds);
    }

    @Test
    void theDeliveryJobSendsDueMailByItselfEveryTenSeconds() throws Exception {
        User user = user(Language.en);
        String key = Fixtures.unique("digest:u" + user.id() + ":2026-W49");
        notices.send(Notices.notice(key, user.id(), "Your week", "Line"));
        server.application().scheduling().scheduler().resumeJob(DELIVERY);
        try {
            assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
        } finally {
            server.application().scheduling().scheduler().pauseJob(DELIVERY);
        }
        assertThat(receivedBy(user.email())).hasSize(1);
    }
}
