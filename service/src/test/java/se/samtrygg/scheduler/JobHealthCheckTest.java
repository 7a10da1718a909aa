package se.samtrygg.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import se.samtrygg.common.scheduler.JobRuns;
import se.samtrygg.identity.SessionPurgeJob;
import se.samtrygg.retention.RetentionPurgeJob;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestDatabase;
import se.samtrygg.support.TestServer;

/**
 * The "jobs" health check on the admin port: stuck Quartz triggers and failed job runs make it unhealthy, naming
 * the trigger or job. A server of its own, so that a deliberately unhealthy state never reaches another test.
 */
class JobHealthCheckTest {
    private static final String SCHEDULER = "health-" + UUID.randomUUID();
    private static TestServer server;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(TestDatabase.fresh(), SCHEDULER);
        // The scheduler must not act on the rows this test forges; standby stops it acquiring and firing.
        server.application().scheduling().scheduler().standby();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aTriggerAcquiredLongAgoButNeverFiredMakesTheCheckUnhealthyAndIsNamed() {
        long tenMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
        execute("""
                INSERT INTO qrtz_fired_triggers (sched_name, entry_id, trigger_name, trigger_group, instance_name, fired_time,
                                                 sched_time, priority, state)
                VALUES (?, 'stuck-acquired', 'outbox-delivery', 'samtrygg', 'dead-node', ?, ?, 5, 'ACQUIRED')""",
                SCHEDULER, tenMinutesAgo, tenMinutesAgo);
        try {
            JsonNode jobs = jobsCheck();
            assertThat(jobs.get("healthy").asBoolean()).isFalse();
            assertThat(jobs.get("message").asText()).contains("trigger samtrygg.outbox-delivery acquired but not fired");
        } finally {
            execute("DELETE FROM qrtz_fired_triggers WHERE entry_id = 'stuck-acquired'");
        }
        assertThat(jobsCheck().get("healthy").asBoolean()).isTrue();
    }

    @Test
    void aTriggerAcquiredAMomentAgoIsNormalWork() {
        long now = System.currentTimeMillis();
        execute("""
                INSERT INTO qrtz_fired_triggers (sched_name, entry_id, trigger_name, trigger_group, instance_name, fired_time,
                                                 sched_time, priority, state)
                VALUES (?, 'fresh-acquired', 'outbox-delivery', 'samtrygg', 'live-node', ?, ?, 5, 'ACQUIRED')""",
                SCHEDULER, now, now);
        try {
            assertThat(jobsCheck().get("healthy").asBoolean()).isTrue();
        } finally {
            execute("DELETE FROM qrtz_fired_triggers WHERE entry_id = 'fresh-acquired'");
        }
    }

    @Test
    void aTriggerBlockedBehindARunExecutingForTooLongMakesTheCheckUnhealthy() {
        long tenMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
        execute("UPDATE qrtz_triggers SET trigger_state = 'BLOCKED' WHERE sched_name = ? AND trigger_name = ?",
                SCHEDULER, SessionPurgeJob.NAME);
        execute("""
                INSERT INTO qrtz_fired_triggers (sched_name, entry_id, trigger_name, trigger_group, instance_name, fired_time,
                                                 sched_time, priority, state, job_name, job_group, is_nonconcurrent, requests_recovery)
                VALUES (?, 'stuck-executing', ?, 'samtrygg', 'hung-node', ?, ?, 5, 'EXECUTING', ?, 'samtrygg', TRUE, TRUE)""",
                SCHEDULER, SessionPurgeJob.NAME, tenMinutesAgo, tenMinutesAgo, SessionPurgeJob.NAME);
        try {
            JsonNode jobs = jobsCheck();
            assertThat(jobs.get("healthy").asBoolean()).isFalse();
            assertThat(jobs.get("message").asText())
                    .contains("trigger samtrygg." + SessionPurgeJob.NAME + " blocked behind a run executing for over 5 minutes");
        } finally {
            execute("DELETE FROM qrtz_fired_triggers WHERE entry_id = 'stuck-executing'");
            execute("UPDATE qrtz_triggers SET trigger_state = 'WAITING' WHERE sched_name = ? AND trigger_name = ?",
                    SCHEDULER, SessionPurgeJob.NAME);
        }
        assertThat(jobsCheck().get("healthy").asBoolean()).isTrue();
    }

    @Test
    void aLongRetentionPurgeBlockingItsOwnTriggerIsNormalWork() {
        long tenMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
        execute("UPDATE qrtz_triggers SET trigger_state = 'BLOCKED' WHERE sched_name = ? AND trigger_name = ?",
                SCHEDULER, RetentionPurgeJob.NAME);
        execute("""
                INSERT INTO qrtz_fired_triggers (sched_name, entry_id, trigger_name, trigger_group, instance_name, fired_time,
                                                 sched_time, priority, state, job_name, job_group, is_nonconcurrent, requests_recovery)
                VALUES (?, 'long-purge', ?, 'samtrygg', 'busy-node', ?, ?, 5, 'EXECUTING', ?, 'samtrygg', TRUE, TRUE)""",
                SCHEDULER, RetentionPurgeJob.NAME, tenMinutesAgo, tenMinutesAgo, RetentionPurgeJob.NAME);
        try {
            assertThat(jobsCheck().get("healthy").asBoolean()).as("a first purge of years of data takes a while").isTrue();
        } finally {
            execute("DELETE FROM qrtz_fired_triggers WHERE entry_id = 'long-purge'");
            execute("UPDATE qrtz_triggers SET trigger_state = 'WAITING' WHERE sched_name = ? AND trigger_name = ?",
                    SCHEDULER, RetentionPurgeJob.NAME);
        }
    }

    @Test
    void aTriggerInErrorStateMakesTheCheckUnhealthyAndIsNamed() {
        execute("UPDATE qrtz_triggers SET trigger_state = 'ERROR' WHERE sched_name = ? AND trigger_name = ?",
                SCHEDULER, SessionPurgeJob.NAME);
        try {
            JsonNode jobs = jobsCheck();
            assertThat(jobs.get("healthy").asBoolean()).isFalse();
            assertThat(jobs.get("message").asText()).contains("trigger samtrygg." + SessionPurgeJob.NAME + " in state ERROR");
        } finally {
            execute("UPDATE qrtz_triggers SET trigger_state = 'WAITING' WHERE sched_name = ? AND trigger_name = ?",
                    SCHEDULER, SessionPurgeJob.NAME);
        }
        assertThat(jobsCheck().get("healthy").asBoolean()).isTrue();
    }

    @Test
    void aTriggerLeftBlockedWithNoRunExecutingMakesTheCheckUnhealthy() {
        long tenMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
        execute("""
                UPDATE qrtz_triggers SET trigger_state = 'BLOCKED', next_fire_time = ?
                WHERE sched_name = ? AND trigger_name = ?""", tenMinutesAgo, SCHEDULER, SessionPurgeJob.NAME);
        try {
            JsonNode jobs = jobsCheck();
            assertThat(jobs.get("healthy").asBoolean()).isFalse();
            assertThat(jobs.get("message").asText())
                    .contains("trigger samtrygg." + SessionPurgeJob.NAME + " blocked with no run executing for over 5 minutes");
        } finally {
            execute("UPDATE qrtz_triggers SET trigger_state = 'WAITING' WHERE sched_name = ? AND trigger_name = ?",
                    SCHEDULER, SessionPurgeJob.NAME);
        }
        assertThat(jobsCheck().get("healthy").asBoolean()).isTrue();
    }

    @Test
    void aFailedRunIsReportedByJobNameAndExceptionTypeUntilTheNextRunSucceeds() {
        JobRuns runs = server.services().jobRuns();
        assertThatThrownBy(() -> runs.run("reminder-dispatch", () -> {
            throw new IllegalStateException("Anna Svensson, 19800101-1234, could not be reached");
        })).isInstanceOf(IllegalStateException.class);

        JobRuns.Run failed = runs.last("reminder-dispatch").orElseThrow();
        assertThat(failed.succeeded()).isFalse();
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(failed.error()).isEqualTo("java.lang.IllegalStateException").doesNotContain("Anna");
        JsonNode jobs = jobsCheck();
        assertThat(jobs.get("healthy").asBoolean()).isFalse();
        assertThat(jobs.get("message").asText())
                .contains("last run of job reminder-dispatch failed (java.lang.IllegalStateException)")
                .doesNotContain("Anna").doesNotContain("19800101");

        runs.run("reminder-dispatch", () -> { });
        JobRuns.Run succeeded = runs.last("reminder-dispatch").orElseThrow();
        assertThat(succeeded.succeeded()).isTrue();
        assertThat(succeeded.error()).isNull();
        assertThat(succeeded.lastSuccessAt()).isEqualTo(succeeded.finishedAt());
        assertThat(succeeded.startedAt()).isBeforeOrEqualTo(Instant.now().plusSeconds(1));
        assertThat(jobsCheck().get("healthy").asBoolean()).isTrue();
    }

    private static JsonNode jobsCheck() {
        return new Http(server.adminUrl("")).getJson("/healthcheck").json().get("jobs");
    }

    private static void execute(String sql, Object... args) {
        TestDatabase.Connection db = server.database();
        try (java.sql.Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
