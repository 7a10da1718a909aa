package se.samtrygg.common.scheduler;

import com.codahale.metrics.health.HealthCheck;
import org.quartz.Scheduler;
import org.quartz.SchedulerMetaData;

/** Healthy while the scheduler runs and can read its job store. */
public final class SchedulerHealthCheck extends HealthCheck {
    private final Scheduler scheduler;

    public SchedulerHealthCheck(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    protected Result check() throws Exception {
        if (!scheduler.isStarted() || scheduler.isShutdown() || scheduler.isInStandbyMode()) {
            return Result.unhealthy("scheduler is not running");
        }
        SchedulerMetaData meta = scheduler.getMetaData();
        int jobs = scheduler.getJobKeys(org.quartz.impl.matchers.GroupMatcher.anyJobGroup()).size();
        return Result.builder().healthy()
                .withMessage("running")
                .withDetail("instanceId", meta.getSchedulerInstanceId())
                .withDetail("clustered", meta.isJobStoreClustered())
                .withDetail("jobs", jobs)
                .build();
    }
}
