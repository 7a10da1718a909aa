package se.samtrygg.retention;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.ConfigOverride;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.slf4j.LoggerFactory;
import se.samtrygg.common.scheduler.JobRuns;
import se.samtrygg.common.scheduler.Scheduling;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Sql;
import se.samtrygg.support.TestDatabase;
import se.samtrygg.support.TestServer;

/**
 * The nightly retention purge, fired through Quartz on a server of its own (it deletes across the whole database):
 * for each record type a row just past its period goes and a row just inside it stays, and the log says how many
 * of each went, never what.
 */
class RetentionPurgeTest {
    private static final String SECRET = "Hemlig uppgift om Kalle på Sättravägen";

    @Test
    void theNightlyPurgeDeletesOnlyWhatIsPastEachPeriodAndLogsCountsWithoutContent() throws Exception {
        try (TestServer server = TestServer.start(TestDatabase.fresh(),
                ConfigOverride.config("retention.placeReports", "365 days"),
                ConfigOverride.config("retention.activities", "730 days"))) {
            Fixtures fixtures = new Fixtures(server);
            Organisation organisation = fixtures.organisation();
            User user = fixtures.user(Set.of(Role.PARTNER), organisation);
            Instant now = server.clock().instant();
            Rows rows = new Rows(server.database());

            // inbox: 365 days
            Instant inboxCutoff = now.minus(Duration.ofDays(365));
            long oldNotice = rows.notification(user.id(), inboxCutoff.minus(Duration.ofHours(1)));
            long youngNotice = rows.notification(user.id(), inboxCutoff.plus(Duration.ofHours(1)));
            // more than two batches' worth, so the purge's batching is exercised
            rows.notifications(user.id(), inboxCutoff.minus(Duration.ofDays(2)), 2 * RetentionService.BATCH + 1);

            // outbox: 90 days, sent and failed only
            Instant outboxCutoff = now.minus(Duration.ofDays(90));
            long oldSent = rows.outbox(user.id(), "SENT", outboxCutoff.minus(Duration.ofHours(1)));
            long oldFailed = rows.outbox(user.id(), "FAILED", outboxCutoff.minus(Duration.ofHours(1)));
            long oldPending = rows.outbox(user.id(), "PENDING", outboxCutoff.minus(Duration.ofHours(1)));
            long youngSent = rows.outbox(user.id(), "SENT", outboxCutoff.plus(Duration.ofHours(1)));

            // reminders: 90 days, dispatched and skipped only
            long oldDispatched = rows.reminder(user.id(), "DISPATCHED", outboxCutoff.minus(Duration.ofHours(1)));
            long oldSkipped = rows.reminder(user.id(), "SKIPPED", outboxCutoff.minus(Duration.ofHours(1)));
            long oldPlanned = rows.reminder(user.id(), "PLANNED", outboxCutoff.minus(Duration.ofHours(1)));
            long youngDispatched = rows.reminder(user.id(), "DISPATCHED", outboxCutoff.plus(Duration.ofHours(1)));

            // activity imports: 30 days
            Instant importCutoff = now.minus(Duration.ofDays(30));
            long oldImport = rows.activityImport(organisation.id(), user.id(), importCutoff.minus(Duration.ofHours(1)));
            long youngImport = rows.activityImport(organisation.id(), user.id(), importCutoff.plus(Duration.ofHours(1)));

            // audit: 3650 days
            Instant auditCutoff = now.minus(Duration.ofDays(3650));
            long oldAudit = rows.audit(auditCutoff.minus(Duration.ofHours(1)));
            long youngAudit = rows.audit(auditCutoff.plus(Duration.ofHours(1)));

            // place reports: 365 days, counted from the end of the reported week
            long area = rows.area();
            long place = rows.place(area);
            LocalDate cutoffDay = inboxCutoff.atZone(Scheduling.ZONE).toLocalDate();
            long weekEndedBeforeCutoffDay = rows.placeReport(organisation.id(), area, place, cutoffDay.minusDays(7));
            long weekHoldingCutoffDay = rows.placeReport(organisation.id(), area, place, cutoffDay.minusDays(6));

            // activities and observations: 730 days
            Instant activityCutoff = now.minus(Duration.ofDays(730));
            Instant old = activityCutoff.minus(Duration.ofHours(1));
            Instant young = activityCutoff.plus(Duration.ofHours(1));
            long oldActivity = rows.activity(organisation.id(), area, old);
            long oldObservationOfOldActivity = rows.observation(oldActivity, organisation.id(), area, old, null);
            long openItem = rows.actionItem(organisation.id(), "OPEN");
            long oldActivityWithOpenItem = rows.activity(organisation.id(), area, old);
            long oldObservationWithOpenItem = rows.observation(oldActivityWithOpenItem, organisation.id(), area, old, openItem);
            long doneItem = rows.actionItem(organisation.id(), "DONE");
            long oldObservationWithDoneItem = rows.observation(null, organisation.id(), area, old, doneItem);
            long youngActivity = rows.activity(organisation.id(), area, young);
            long youngObservation = rows.observation(null, organisation.id(), area, young, null);

            Logger log = (Logger) LoggerFactory.getLogger(RetentionService.class);
            ListAppender<ILoggingEvent> lines = new ListAppender<>();
            lines.start();
            log.addAppender(lines);
            Level level = log.getLevel();
            log.setLevel(Level.INFO);
            try {
                fireAndAwait(server);
            } finally {
                log.detachAppender(lines);
                log.setLevel(level);
            }

            assertThat(rows.exists("notification", oldNotice)).isFalse();
            assertThat(rows.exists("notification", youngNotice)).isTrue();
            assertThat(rows.exists("outbox_message", oldSent)).isFalse();
            assertThat(rows.exists("outbox_message", oldFailed)).isFalse();
            assertThat(rows.exists("outbox_message", oldPending)).as("still to be delivered").isTrue();
            assertThat(rows.exists("outbox_message", youngSent)).isTrue();
            assertThat(rows.exists("reminder", oldDispatched)).isFalse();
            assertThat(rows.exists("reminder", oldSkipped)).isFalse();
            assertThat(rows.exists("reminder", oldPlanned)).as("still to be dispatched").isTrue();
            assertThat(rows.exists("reminder", youngDispatched)).isTrue();
            assertThat(rows.exists("activity_import", oldImport)).isFalse();
            assertThat(rows.exists("activity_import", youngImport)).isTrue();
            assertThat(rows.exists("audit_log", oldAudit)).isFalse();
            assertThat(rows.exists("audit_log", youngAudit)).isTrue();
            assertThat(rows.exists("place_report", weekEndedBeforeCutoffDay)).isFalse();
            assertThat(rows.exists("place_report", weekHoldingCutoffDay)).isTrue();
            assertThat(rows.exists("observation", oldObservationOfOldActivity)).isFalse();
            assertThat(rows.exists("activity", oldActivity)).isFalse();
            assertThat(rows.exists("observation", oldObservationWithOpenItem)).as("its action item is open").isTrue();
            assertThat(rows.exists("activity", oldActivityWithOpenItem)).as("an observation kept hangs on it").isTrue();
            assertThat(rows.exists("observation", oldObservationWithDoneItem)).isFalse();
            assertThat(rows.exists("action_item", doneItem)).as("the action item itself stays").isTrue();
            assertThat(rows.exists("activity", youngActivity)).isTrue();
            assertThat(rows.exists("observation", youngObservation)).isTrue();

            List<String> messages = lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
            assertThat(messages).containsExactly(
                    "Retention: deleted " + (2 * RetentionService.BATCH + 2) + " inbox notifications older than 365 days",
                    "Retention: deleted 2 outbox messages older than 90 days",
                    "Retention: deleted 2 reminders older than 90 days",
                    "Retention: deleted 1 activity imports older than 30 days",
                    "Retention: deleted 1 audit entries older than 3650 days",
                    "Retention: deleted 1 place reports older than 365 days",
                    "Retention: deleted 2 observations older than 730 days",
                    "Retention: deleted 1 activities older than 730 days");
            assertThat(String.join("\n", messages)).doesNotContain(SECRET).doesNotContain("Kalle").doesNotContain(user.email());
            assertThat(Sql.count(server.database(),
                    "SELECT COUNT(*) FROM audit_log WHERE entity_type = 'RETENTION' AND summary LIKE 'Retention: deleted %'"))
                    .as("each purge with a count is audited too").isEqualTo(8);

        }
    }

    private static void fireAndAwait(TestServer server) throws Exception {
        JobRuns runs = server.services().jobRuns();
        server.application().scheduling().scheduler().triggerJob(JobKey.jobKey(RetentionPurgeJob.NAME, "samtrygg"));
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            var run = runs.last(RetentionPurgeJob.NAME);
            if (run.isPresent() && run.get().succeeded() != null) {
                assertThat(run.get().succeeded()).as("the purge's run, as job_run records it").isTrue();
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the retention purge did not finish within a minute");
    }

    /** Rows written straight into the tables, with the dates a test needs and that no service lets one choose. */
    private static final class Rows {
        private final TestDatabase.Connection database;

        Rows(TestDatabase.Connection database) {
            this.database = database;
        }

        long notification(long userId, Instant createdAt) {
            return insert("INSERT INTO notification (notification_key, user_id, kind, subject, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    key(), userId, "ACTION_ITEM_DUE_SOON", SECRET, SECRET, ts(createdAt));
        }

        void notifications(long userId, Instant createdAt, int count) {
            try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
                 PreparedStatement statement = c.prepareStatement(
                         "INSERT INTO notification (notification_key, user_id, kind, subject, body, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    statement.setString(1, key());
                    statement.setLong(2, userId);
                    statement.setString(3, "MEETING_TOMORROW");
                    statement.setString(4, SECRET);
                    statement.setString(5, SECRET);
                    statement.setTimestamp(6, ts(createdAt));
                    statement.addBatch();
                }
                statement.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        long outbox(long userId, String state, Instant createdAt) {
            return insert("""
                    INSERT INTO outbox_message (message_key, message_id, user_id, recipient, kind, subject, text_body, html_body, state,
                                                attempts, next_attempt_at, created_at)
                    VALUES (?, ?, ?, 'kalle@example.se', 'ACTION_ITEM_DUE_SOON', ?, ?, ?, ?, 1, ?, ?)""",
                    key(), "<" + key() + "@samtrygg.local>", userId, SECRET, SECRET, SECRET, state, ts(createdAt), ts(createdAt));
        }

        long reminder(long userId, String state, Instant dueAt) {
            return insert("""
                    INSERT INTO reminder (reminder_key, kind, source_type, source_id, recipient_user_id, due_at, state, created_at)
                    VALUES (?, 'ACTION_ITEM_DUE_SOON', 'ACTION_ITEM', 1, ?, ?, ?, ?)""", key(), userId, ts(dueAt), state, ts(dueAt));
        }

        long activityImport(long organisationId, long userId, Instant at) {
            return insert("""
                    INSERT INTO activity_import (organisation_id, started_by, state, total, done, started_at, updated_at, finished_at)
                    VALUES (?, ?, 'DONE', 3, 3, ?, ?, ?)""", organisationId, userId, ts(at), ts(at), ts(at));
        }

        long audit(Instant at) {
            return insert("INSERT INTO audit_log (occurred_at, action, entity_type, summary) VALUES (?, 'UPDATE', 'TEST', ?)", ts(at), SECRET);
        }

        long area() {
            Timestamp now = ts(Instant.now());
            return insert("INSERT INTO area (name, municipality, created_at, updated_at) VALUES (?, 'Testkommun', ?, ?)", key(), now, now);
        }

        long place(long area) {
            Timestamp now = ts(Instant.now());
            return insert("INSERT INTO place (area_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)", area, key(), now, now);
        }

        long placeReport(long organisationId, long area, long place, LocalDate weekStart) {
            Timestamp at = ts(weekStart.plusDays(4).atStartOfDay(Scheduling.ZONE).toInstant());
            return insert("""
                    INSERT INTO place_report (organisation_id, area_id, place_id, week_start, vandalism, littering, lighting, gatherings,
                                              incidents_against_staff, comment, visibility, created_at, updated_at)
                    VALUES (?, ?, ?, ?, 1, 1, 1, 1, 0, ?, 'NETWORK', ?, ?)""",
                    organisationId, area, place, java.sql.Date.valueOf(weekStart), SECRET, at, at);
        }

        long activity(long organisationId, long area, Instant endsAt) {
            return insert("""
                    INSERT INTO activity (organisation_id, area_id, type_id, starts_at, ends_at, description, visibility, created_at, updated_at)
                    VALUES (?, ?, (SELECT MIN(id) FROM category WHERE kind = 'ACTIVITY_TYPE'), ?, ?, ?, 'NETWORK', ?, ?)""",
                    organisationId, area, ts(endsAt.minus(Duration.ofHours(2))), ts(endsAt), SECRET, ts(endsAt), ts(endsAt));
        }

        long observation(Long activityId, long organisationId, long area, Instant observedAt, Long actionItemId) {
            return insert("""
                    INSERT INTO observation (activity_id, organisation_id, area_id, category_id, observed_at, description, visibility,
                                             action_item_id, created_at, updated_at)
                    VALUES (?, ?, ?, (SELECT MIN(id) FROM category WHERE kind = 'OBSERVATION_CATEGORY'), ?, ?, 'NETWORK', ?, ?, ?)""",
                    activityId, organisationId, area, ts(observedAt), SECRET, actionItemId, ts(observedAt), ts(observedAt));
        }

        long actionItem(long organisationId, String state) {
            Timestamp now = ts(Instant.now());
            return insert("""
                    INSERT INTO action_item (title, responsible_organisation_id, state, visibility, created_at, updated_at)
                    VALUES (?, ?, ?, 'NETWORK', ?, ?)""", SECRET, organisationId, state, now, now);
        }

        boolean exists(String table, long id) {
            return Sql.count(database, "SELECT COUNT(*) FROM " + table + " WHERE id = ?", id) == 1;
        }

        private long insert(String sql, Object... args) {
            try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
                 PreparedStatement statement = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                for (int i = 0; i < args.length; i++) {
                    statement.setObject(i + 1, args[i]);
                }
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong("id");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String key() {
            return UUID.randomUUID().toString();
        }

        private static Timestamp ts(Instant instant) {
            return Timestamp.from(instant);
        }
    }
}
