package se.samtrygg.common.scheduler;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Unhealthy when a Quartz trigger of this scheduler is stuck, or when a job's last run failed. Stuck means: acquired
 * by a node that never fired it (the node died or hangs between acquiring and firing), or blocked behind a run of its
 * job that has been executing for longer than the threshold. The messages name triggers and jobs, never data.
 */
public final class JobHealthCheck extends HealthCheck {
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
        long before = System.currentTimeMillis() - stuckAfter.toMillis();
        List<String> problems = new ArrayList<>();
        jdbi.useHandle(h -> {
            h.createQuery("""
                            SELECT trigger_group, trigger_name FROM qrtz_fired_triggers
                            WHERE sched_name = :sched AND state = 'ACQUIRED' AND fired_time < :before
                            ORDER BY trigger_group, trigger_name""")
                    .bind("sched", schedulerName).bind("before", before)
                    .map((rs, ctx) -> "trigger " + rs.getString(1) + "." + rs.getString(2) + " acquired but not fired for over "
                            + minutes() + " minutes")
                    .forEach(problems::add);
            h.createQuery("""
                            SELECT t.trigger_group, t.trigger_name FROM qrtz_triggers t
                            WHERE t.sched_name = :sched AND t.trigger_state = 'BLOCKED'
                              AND EXISTS (SELECT 1 FROM qrtz_fired_triggers f
                                          WHERE f.sched_name = t.sched_name AND f.job_name = t.job_name AND f.job_group = t.job_group
                                            AND f.state = 'EXECUTING' AND f.fired_time < :before)
                            ORDER BY t.trigger_group, t.trigger_name""")
                    .bind("sched", schedulerName).bind("before", before)
                    .map((rs, ctx) -> "trigger " + rs.getString(1) + "." + rs.getString(2) + " blocked behind a run executing for over "
                            + minutes() + " minutes")
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

    private long minutes() {
        return stuckAfter.toMinutes();
    }
}
