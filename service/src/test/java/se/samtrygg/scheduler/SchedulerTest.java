package se.samtrygg.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import se.samtrygg.common.Secrets;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.SessionPurgeJob;
import se.samtrygg.identity.User;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.Sql;
import se.samtrygg.support.TestDatabase;
import se.samtrygg.support.TestServer;

class SchedulerTest {

    @Test
    void theHealthChecksReportTheDatabaseAndARunningScheduler() {
        TestServer server = TestServer.shared();
        JsonNode health = new Http(server.adminUrl("")).getJson("/healthcheck").json();
        assertThat(health.get("database").get("healthy").asBoolean()).isTrue();
        assertThat(health.get("scheduler").get("healthy").asBoolean()).isTrue();
        assertThat(health.get("scheduler").get("clustered").asBoolean()).isEqualTo(TestDatabase.kind().equals("postgres"));
    }

    @Test
    void aScheduledTriggerSurvivesARestartBecauseTheJobStoreIsTheDatabase() throws Exception {
        TestDatabase.Connection database = TestDatabase.fresh();
        String name = "restart-" + java.util.UUID.randomUUID();
        TriggerKey key = TriggerKey.triggerKey("one-off", "test");
        Instant fireAt = Instant.now().plus(Duration.ofDays(3));
        try (TestServer first = TestServer.start(database, name)) {
            Scheduler scheduler = first.application().scheduling().scheduler();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(JobKey.jobKey(SessionPurgeJob.NAME, "samtrygg"))
                    .startAt(Date.from(fireAt)).build();
            scheduler.scheduleJob(trigger);
        }
        try (TestServer second = TestServer.start(database, name)) {
            Scheduler scheduler = second.application().scheduling().scheduler();
            Trigger found = scheduler.getTrigger(key);
            assertThat(found).as("the trigger scheduled before the restart").isNotNull();
            assertThat(found.getStartTime().toInstant()).isEqualTo(fireAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
            assertThat(scheduler.checkExists(JobKey.jobKey(SessionPurgeJob.NAME, "samtrygg"))).isTrue();
        }
    }

    @Test
    void aWeeklyDigestMissedWhileTheServiceWasDownIsSentAtOnceWhenItStartsAndAChangedTimeIsApplied() throws Exception {
        TestDatabase.Connection database = TestDatabase.fresh();
        String name = "misfire-" + java.util.UUID.randomUUID();
        TriggerKey digest = TriggerKey.triggerKey(se.samtrygg.reminder.WeeklyDigestJob.NAME, "samtrygg");
        try (TestServer first = TestServer.start(database, name)) {
            assertThat(first.application().scheduling().scheduler().getTrigger(digest)).isNotNull();
        }
        // The service was down over Monday 07:00: the stored next fire time lies beyond the misfire threshold.
        long tenMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(10).toMillis();
        execute(database, "UPDATE qrtz_triggers SET next_fire_time = ? WHERE sched_name = ? AND trigger_name = ?",
                tenMinutesAgo, name, digest.getName());
        try (TestServer second = TestServer.start(database, name)) {
            Instant deadline = Instant.now().plusSeconds(30);
            while (digestRuns(database) == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(digestRuns(database)).as("the missed digest made up at once (misfire: fire now)").isEqualTo(1);
            Trigger trigger = second.application().scheduling().scheduler().getTrigger(digest);
            assertThat(trigger.getPreviousFireTime()).as("previous fire kept for the admin page").isNotNull();
        }
        try (TestServer third = TestServer.start(database, name,
                io.dropwizard.testing.ConfigOverride.config("reminders.sendAt", "08:30"))) {
            org.quartz.CronTrigger trigger = (org.quartz.CronTrigger) third.application().scheduling().scheduler().getTrigger(digest);
            assertThat(trigger.getCronExpression()).isEqualTo("0 30 8 ? * MON");
        }
    }

    private static void execute(TestDatabase.Connection db, String sql, Object... args) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
             java.sql.PreparedStatement statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }
    }

    private static long digestRuns(TestDatabase.Connection database) {
        return Sql.count(database, "SELECT COUNT(*) FROM job_run WHERE job_name = ?", se.samtrygg.reminder.WeeklyDigestJob.NAME);
    }

    @Test
    void theSessionPurgeJobRunsWithItsDependenciesAndRemovesExpiredSessions() throws Exception {
        TestServer server = TestServer.shared();
        Fixtures fixtures = new Fixtures(server);
        User user = fixtures.user(Set.of(Role.PARTNER));
        String expired = fixtures.session(user);
        String fresh;
        server.clock().advance(Duration.ofHours(13));
        try {
            fresh = fixtures.session(user);
            Scheduler scheduler = server.application().scheduling().scheduler();
            scheduler.triggerJob(JobKey.jobKey(SessionPurgeJob.NAME, "samtrygg"));
            Instant deadline = Instant.now().plusSeconds(30);
            while (stored(server, expired) && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(stored(server, expired)).as("expired session purged by the job").isFalse();
            assertThat(server.services().sessions().authenticate(fresh)).isPresent();
        } finally {
            server.clock().reset();
        }
    }

    private static boolean stored(TestServer server, String sessionId) {
        return Sql.count(server.database(), "SELECT COUNT(*) FROM web_session WHERE id_hash = ?", Secrets.sha256(sessionId)) > 0;
    }
}
