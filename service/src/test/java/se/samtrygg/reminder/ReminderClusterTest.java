package se.samtrygg.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samtrygg.notification.DeliverOutboxJob;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.ServiceProcess;
import se.samtrygg.support.Sql;
import se.samtrygg.support.TestDatabase;
import se.samtrygg.support.TestSmtp;

/**
 * Two nodes, each its own process, on one PostgreSQL, and an SMTP server (GreenMail) in the test's JVM: 1,000 reminders
 * due in the same minute are each delivered exactly once, counted at the SMTP server. The reminders are made as users
 * make them: action items recorded through the first node's API, due three days after the reminder day, so that each
 * owner's "due soon" reminder falls at reminders.sendAt today, set to a moment just ahead. Runs in the postgres
 * execution only (clustering is a PostgreSQL deployment's feature).
 */
class ReminderClusterTest {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final int OWNERS = 10;
    private static final int ITEMS_PER_OWNER = 100;
    private static final int REMINDERS = OWNERS * ITEMS_PER_OWNER;
    /**
     * Time for two nodes to start, the owners to be set up and 1,000 items to be recorded before they fall due: 32 s on a
     * quiet machine, 60-80 s in a full test run beside the other test fork: the test fails, saying so, if this is not
     * enough.
     */
    private static final Duration LEAD = Duration.ofSeconds(120);
    /** How long after they fall due all must have arrived. */
    private static final Duration WAIT = Duration.ofMinutes(5);
    private static final String DOMAIN = "cluster.test.samtrygg.se";
    private static final String ADMIN = "samordnare@test.samtrygg.se";
    private static final String ADMIN_PASSWORD = "Två noder och tusen påminnelser";
    private static final String OWN_PASSWORD = "Mitt eget lösenord för trygga trapphus";
    private static final Pattern DISPATCHED = Pattern.compile("Dispatched (\\d+) reminders");
    private static final Pattern SENT = Pattern.compile("Outbox: (\\d+) e-mails sent");

    private record Owner(long id, String email) {
    }

    @Test
    void twoNodesDeliverEachOfAThousandRemindersDueInTheSameMinuteExactlyOnce(@TempDir Path workDir) throws Exception {
        Instant began = Instant.now();
        waitOutMidnight();
        ZonedDateTime sendAt = ZonedDateTime.now(STOCKHOLM).plus(LEAD).truncatedTo(ChronoUnit.SECONDS); // sendAt takes seconds too
        LocalDate reminderDay = sendAt.toLocalDate();
        LocalDate dueDate = reminderDay.plusDays(ReminderKind.ACTION_ITEM_DUE_SOON.defaultDays());

        GreenMail smtp = TestSmtp.start();
        int smtpPort = smtp.getSmtp().getPort();
        TestDatabase.Connection database = TestDatabase.freshPostgres();
        String cluster = "reminders-" + UUID.randomUUID();
        Map<String, String> env = Map.ofEntries(
                Map.entry("SAMTRYGG_DB_URL", database.url()),
                Map.entry("SAMTRYGG_DB_USER", database.user()),
                Map.entry("SAMTRYGG_DB_PASSWORD", database.password()),
                Map.entry("SAMTRYGG_SCHEDULER_NAME", cluster),
                Map.entry("SAMTRYGG_ADMIN_EMAIL", ADMIN),
                Map.entry("SAMTRYGG_ADMIN_PASSWORD", ADMIN_PASSWORD),
                Map.entry("SAMTRYGG_SMTP_HOST", "127.0.0.1"),
                Map.entry("SAMTRYGG_SMTP_PORT", Integer.toString(smtpPort)),
                Map.entry("SAMTRYGG_SMTP_TLS", "NONE"),
                Map.entry("SAMTRYGG_MESSAGE_ID_DOMAIN", DOMAIN),
                Map.entry("SAMTRYGG_REMINDER_TIME", sendAt.toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
        try (ServiceProcess one = ServiceProcess.start(workDir, env);
             // Node two starts while the test sets up through node one, which has applied the migrations already.
             SecondNode second = SecondNode.start(workDir, env)) {
            Instant started = Instant.now();
            String adminToken = token(one, ADMIN, ADMIN_PASSWORD);
            Http admin = new Http(one.url("")).bearer(adminToken);
            long organisation = id(admin.postJson("/api/v1/organisations", Map.of("name", "Gavlegårdarna", "type", "HOUSING_COMPANY")));
            long area = id(admin.postJson("/api/v1/areas", Map.of("name", "Sätra", "municipality", "Gävle")));
            // The group's coordinator records the action items at its meeting, as coordinators do.
            String coordinatorEmail = "samordnare.satra@test.samtrygg.se";
            long coordinator = id(admin.postJson("/api/v1/users", Map.of("email", coordinatorEmail, "name", "Samordnare Sätra",
                    "language", "sv", "roles", List.of("COORDINATOR"), "password", Fixtures.PASSWORD)));
            id(admin.postJson("/api/v1/memberships", Map.of("userId", coordinator, "organisationId", organisation)));
            optOutOfTheDigest(one, coordinatorEmail);
            Http coordinatorApi = new Http(one.url("")).bearer(token(one, coordinatorEmail, OWN_PASSWORD));
            long group = id(coordinatorApi.postJson("/api/v1/network-groups", Map.of("areaId", area, "name", "Trygga Sätra",
                    "memberOrganisationIds", List.of(organisation))));
            // No one invited: the only messages due are the action items' reminders.
            String meetingDay = reminderDay.plusDays(40).toString();
            long meeting = id(coordinatorApi.postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "Nätverksmöte",
                    "start", meetingDay + "T18:00", "end", meetingDay + "T19:30", "invitedOrganisationIds", List.of())));

            // Each owner signs in, sets a password of their own and opts out of the Monday digest: three Argon2 hashes
            // each, so the ten are made over three connections at once.
            Owner[] made = new Owner[OWNERS];
            ExecutorService setters = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> settings = new ArrayList<>();
                for (int o = 0; o < OWNERS; o++) {
                    int i = o;
                    settings.add(setters.submit(() -> {
                        Http api = new Http(one.url("")).bearer(adminToken);
                        String email = "agare" + i + "@test.samtrygg.se";
                        long user = id(api.postJson("/api/v1/users", Map.of("email", email, "name", "Ägare " + i,
                                "language", i % 2 == 0 ? "sv" : "en", "roles", List.of("PARTNER"), "password", Fixtures.PASSWORD)));
                        id(api.postJson("/api/v1/memberships", Map.of("userId", user, "organisationId", organisation)));
                        optOutOfTheDigest(one, email);
                        made[i] = new Owner(user, email);
                        return null;
                    }));
                }
                for (Future<?> done : settings) {
                    done.get();
                }
            } finally {
                setters.shutdownNow();
            }
            List<Owner> owners = List.of(made);

            Instant recording = Instant.now();
            Map<String, String> expected = new ConcurrentHashMap<>(); // Message-ID → "recipient title"
            // Recorded over three connections at once, as a busy meeting's items might be: it also keeps the lead short.
            ExecutorService recorders = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> recordings = new ArrayList<>();
                for (int o = 0; o < OWNERS; o++) {
                    Owner owner = owners.get(o);
                    int first = o;
                    recordings.add(recorders.submit(() -> {
                        for (int n = first; n < REMINDERS; n += OWNERS) {
                            String title = String.format("Punkt %04d", n);
                            long item = id(coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", meeting, "title", title,
                                    "responsibleOrganisationId", organisation, "responsibleUserId", owner.id(), "dueDate", dueDate.toString())));
                            String key = "action-item:" + item + ":ACTION_ITEM_DUE_SOON:u" + owner.id() + ":" + dueDate;
                            expected.put(messageId(key), owner.email() + " " + title);
                        }
                    }));
                }
                for (Future<?> done : recordings) {
                    done.get();
                }
            } finally {
                recorders.shutdownNow();
            }
            ServiceProcess two = second.await();
            Instant recorded = Instant.now();
            System.out.printf("ReminderClusterTest: node one up in %d s, setup %d s, %d items recorded (and node two up) in %d s; due at %s%n",
                    Duration.between(began, started).toSeconds(), Duration.between(started, recording).toSeconds(), REMINDERS,
                    Duration.between(recording, recorded).toSeconds(), sendAt);
            assertThat(recorded).as("all recorded before they fall due (else raise LEAD)").isBefore(sendAt.toInstant());
            assertThat(Sql.count(database, "SELECT COUNT(*) FROM reminder WHERE state = 'PLANNED' AND due_at = ?",
                    java.sql.Timestamp.from(sendAt.toInstant()))).as("planned for the same moment").isEqualTo(REMINDERS);

            Instant deadline = sendAt.toInstant().plus(WAIT);
            Instant nextReport = sendAt.toInstant();
            while (smtp.getReceivedMessages().length < REMINDERS && Instant.now().isBefore(deadline)) {
                if (Instant.now().isAfter(nextReport)) {
                    System.out.printf("ReminderClusterTest: +%d s: %d dispatched, %d sent, %d received%n",
                            Duration.between(sendAt.toInstant(), Instant.now()).toSeconds(),
                            Sql.count(database, "SELECT COUNT(*) FROM reminder WHERE state = 'DISPATCHED'"),
                            Sql.count(database, "SELECT COUNT(*) FROM outbox_message WHERE state = 'SENT'"),
                            smtp.getReceivedMessages().length);
                    nextReport = nextReport.plusSeconds(15);
                }
                Thread.sleep(2_000); // each look copies every message received so far out of GreenMail's store
            }
            Instant allArrived = Instant.now();
            // And no more come after: the next dispatch run, on whichever node, and then the next delivery run, which would
            // send anything that dispatch run had put in the outbox again.
            Sql.awaitRunSince(database, DispatchRemindersJob.NAME, allArrived, Duration.ofSeconds(60));
            Sql.awaitRunSince(database, DeliverOutboxJob.NAME, Instant.now(), Duration.ofSeconds(60));
            MimeMessage[] received = smtp.getReceivedMessages();
            System.out.printf("ReminderClusterTest: %d messages, the last %d s after they fell due%n", received.length,
                    Duration.between(sendAt.toInstant(), allArrived).toSeconds());

            one.output().stream().filter(line -> line.contains("Dispatched") || line.contains("Outbox:"))
                    .forEach(line -> System.out.println("node one: " + line));
            two.output().stream().filter(line -> line.contains("Dispatched") || line.contains("Outbox:"))
                    .forEach(line -> System.out.println("node two: " + line));
            assertThat(received).hasSize(REMINDERS);
            Map<String, String> got = new HashMap<>();
            for (MimeMessage message : received) {
                String id = message.getMessageID();
                String recipient = ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
                String title = message.getSubject().replaceAll(".*(Punkt \\d{4}).*", "$1");
                assertThat(got.put(id, recipient + " " + title)).as("Message-ID %s twice", id).isNull();
            }
            assertThat(got).as("each owner gets each of their items' reminders once, under the Message-ID of its key")
                    .isEqualTo(expected);
            assertThat(Sql.count(database, "SELECT COUNT(*) FROM reminder WHERE state = 'DISPATCHED'")).isEqualTo(REMINDERS);
            assertThat(Sql.count(database, "SELECT COUNT(*) FROM outbox_message WHERE state = 'SENT' AND attempts = 1"))
                    .as("each sent at its first attempt").isEqualTo(REMINDERS);

            // Each node logs how many it dispatched and sent: together exactly 1,000 each. Quartz may give every run to one
            // node (it fires each trigger on whichever node acquires it first), so taking part is reported, not required.
            int[] dispatched = {sum(one.output(), DISPATCHED), sum(two.output(), DISPATCHED)};
            int[] sent = {sum(one.output(), SENT), sum(two.output(), SENT)};
            System.out.printf("ReminderClusterTest: dispatched %d + %d, sent %d + %d (node one + node two); %d s in all%n",
                    dispatched[0], dispatched[1], sent[0], sent[1], Duration.between(began, Instant.now()).toSeconds());
            assertThat(dispatched[0] + dispatched[1]).isEqualTo(REMINDERS);
            assertThat(sent[0] + sent[1]).isEqualTo(REMINDERS);

            assertThat(one.output()).noneMatch(line -> line.startsWith("ERROR"));
            assertThat(two.output()).noneMatch(line -> line.startsWith("ERROR"));
            assertThat(one.isAlive() && two.isAlive()).isTrue();
        } finally {
            smtp.stop();
        }
    }

    /** The second node, started in the background; closing stops it whether or not the test got to use it. */
    private static final class SecondNode implements AutoCloseable {
        private final CompletableFuture<ServiceProcess> starting;

        private SecondNode(CompletableFuture<ServiceProcess> starting) {
            this.starting = starting;
        }

        static SecondNode start(Path workDir, Map<String, String> env) {
            return new SecondNode(CompletableFuture.supplyAsync(() -> ServiceProcess.start(workDir, env)));
        }

        ServiceProcess await() throws Exception {
            return starting.get();
        }

        @Override
        public void close() {
            try {
                starting.join().close();
            } catch (RuntimeException notStarted) {
                // it never ran: nothing to stop
            }
        }
    }

    /** Reminders are tied to a day: a run that would plan across midnight (Stockholm) waits until the new day has begun. */
    private static void waitOutMidnight() throws InterruptedException {
        ZonedDateTime now = ZonedDateTime.now(STOCKHOLM);
        ZonedDateTime latest = now.plus(LEAD).plusMinutes(6);
        if (!latest.toLocalDate().equals(now.toLocalDate())) {
            Thread.sleep(Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay(STOCKHOLM).plusSeconds(5)).toMillis());
        }
    }

    private static String token(ServiceProcess node, String email, String password) {
        Http.Response response = new Http(node.url("")).postJson("/api/v1/auth/tokens",
                Map.of("email", email, "password", password, "name", "test", "expiresInDays", 1));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("token").asText();
    }

    /**
     * The Monday digest comes at reminders.sendAt too: on a Monday it would arrive with the reminders, so each person here
     * signs in with the one-time password the admin gave, chooses their own, and opts out of the digest on their
     * settings page; then only the reminders arrive, whatever the day.
     */
    private static void optOutOfTheDigest(ServiceProcess node, String email) {
        Http web = new Http(node.url("")).login(email, Fixtures.PASSWORD);
        web.get("/account/password");
        assertThat(web.postForm("/account/password", Map.of("currentPassword", Fixtures.PASSWORD, "newPassword", OWN_PASSWORD))
                .status()).isEqualTo(303);
        web.get("/account/notifications");
        List<Map.Entry<String, String>> receive = new ArrayList<>();
        for (ReminderKind kind : ReminderKind.values()) {
            if (kind != ReminderKind.WEEKLY_DIGEST) {
                receive.add(Map.entry("receive", kind.name()));
            }
        }
        assertThat(web.postFormPairs("/account/notifications", receive).status()).isEqualTo(303);
    }

    private static long id(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asLong();
    }

    /** As the issue fixes it: the first 32 hex digits of SHA-256 of the reminder's key, at the configured domain. */
    private static String messageId(String key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash).substring(0, 32) + "@" + DOMAIN + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int sum(List<String> lines, Pattern pattern) {
        int total = 0;
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                total += Integer.parseInt(m.group(1));
            }
        }
        return total;
    }
}
