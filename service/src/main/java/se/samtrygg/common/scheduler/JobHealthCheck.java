package se.samtrygg.common.scheduler;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Unhealthy when a Quartz trigger of this scheduler is stuck, or when a job's last run failed. Stuck means: acquired
 * by a node that never fired it (the node died or hangs between acquiring and firing); blocked behind a run of its
 * job that has been executing for longer than that job's threshold; blocked, and overdue by more than the threshold,
 * with no run of its job executing at all (the unblock after a run was lost); or in Quartz's ERROR state (its job
 * could not be instantiated or stored). A job's own trigger is BLOCKED while it runs (@DisallowConcurrentExecution),
 * so a job that may legitimately run long (the retention purge, the weekly digest) has its own, longer threshold in
 * {@link #LONG_RUNNING}; every other job is expected to finish well within the configured one. The messages name
 * triggers and jobs, never data.
 */
public final class JobHealthCheck extends HealthCheck {
    /** Jobs that may run for longer than the general threshold, by job name, with how long they may run. */
    static final Map<String, Duration> LONG_RUNNING = Map.of(
            "retention-purge", Duration.ofHours(3),
            "weekly-digest", Duration.ofHours(1));

    private final Jdbi jdbi;
    private final String schedulerName;
    private final Duration stuckAfter;

    public JobHealthCheck(Jdbi jdbi, SchedulerConfiguration config) {
        this(jdbi, config.getInstanceName(), Duration.ofMillis(config.getStuckTriggerThreshold().toMilliseconds()));
    }

    public JobHealthCheck(Jdbi jdbi, String schedulerName, Duration stuckAfter) {
        this.jdbi = jdbi;
        this.schedulerName = schedulerName;
        this.stuckAfter = stuckAfter;
    }

    @Override
    protected Result check() {
        // Quartz writes fired_time from the system clock, not the service's Clock, so it is compared with that.
        long nowMillis = System.currentTimeMillis();
        long before = nowMillis - stuckAfter.toMillis();
        List<String> problems = new ArrayList<>();
        jdbi.useHandle(h -> {
            h.createQuery("""
                            SELECT trigger_group, trigger_name FROM qrtz_fired_triggers
                            WHERE sched_name = :sched AND state = 'ACQUIRED' AND fired_time < :before
                            ORDER BY trigger_group, trigger_name""")
                    .bind("sched", schedulerName).bind("before", before)
                    .map((rs, ctx) -> "trigger " + rs.getString(1) + "." + rs.getString(2) + " acquired but not fired for over "
                            + minutes(stuckAfter) + " minutes")
                    .forEach(problems::add);
            h.createQuery("""
                            SELECT t.trigger_group, t.trigger_name, t.job_name, MIN(f.fired_time) FROM qrtz_triggers t
                            JOIN qrtz_fired_triggers f ON f.sched_name = t.sched_name AND f.job_name = t.job_name
                                                      AND f.job_group = t.job_group AND f.state = 'EXECUTING'
                            WHERE t.sched_name = :sched AND t.trigger_state = 'BLOCKED' AND f.fired_time < :before
                            GROUP BY t.trigger_group, t.trigger_name, t.job_name
                            ORDER BY t.trigger_group, t.trigger_name""")
                    .bind("sched", schedulerName).bind("before", before)
                    .map((rs, ctx) -> {
                        Duration allowed = LONG_RUNNING.getOrDefault(rs.getString(3), stuckAfter);
                        return rs.getLong(4) < nowMillis - allowed.toMillis()
                                ? "trigger " + rs.getString(1) + "." + rs.getString(2) + " blocked behind a run executing for over "
                                        + minutes(allowed) + " minutes"
                                : "";
                    })
                    .list().stream().filter(problem -> !problem.isEmpty())
                    .forEach(problems::add);
            h.createQuery("""
                            SELECT t.trigger_group, t.trigger_name FROM qrtz_triggers t
                            WHERE t.sched_name = :sched AND t.trigger_state = 'BLOCKED' AND t.next_fire_time < :before
                              AND NOT EXISTS (SELECT 1 FROM qrtz_fired_triggers f
                                              WHERE f.sched_name = t.sched_name AND f.job_name = t.job_name
                                                AND f.job_group = t.job_group AND f.state = 'EXECUTING')
                            ORDER BY t.trigger_group, t.trigger_name""")
                    .bind("sched", schedulerName).bind("before", before)
                    .map((rs, ctx) -> "trigger " + rs.getString(1) + "." + rs.getString(2)
                            + " blocked with no run executing for over " + minutes(stuckAfter) + " minutes")
                    .forEach(problems::add);
            h.createQuery("""
                            SELECT trigger_group, trigger_name FROM qrtz_triggers
                            WHERE sched_name = :sched AND trigger_state = 'ERROR'
                            ORDER BY trigger_group, trigger_name""")
                    .bind("sched", schedulerName)
                    .map((rs, ctx) -> "trigger " + rs.getString(1) + "." + rs.getString(2) + " in state ERROR")
                    .forEach(problems::add);
            h.createQuery("SELECT job_name, error FROM job_run WHERE succeeded = FALSE ORDER BY job_name")
                    .map((rs, ctx) -> "last run of job " + rs.getString(1) + " failed"
                            + (rs.getString(2) == null ? "" : " (" + rs.getString(2) + ")"))
                    .forEach(problems::add);
        });
        if (!problems.isEmpty()) {
            return Result.unhealthy(String.join("; ", problems));
        }
        return Result.healthy("no stuck triggers, no failed job runs");
    }

    private static long minutes(Duration duration) {
        return duration.toMinutes();
    }
}
