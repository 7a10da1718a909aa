package se.samtrygg.retention;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.SamtryggConfiguration;
import se.samtrygg.Services;
import se.samtrygg.common.scheduler.JobRegistry;
import se.samtrygg.common.scheduler.RecurringJob;
import se.samtrygg.common.scheduler.Scheduling;

/** Retention (gallring): no pages or API, one nightly job. */
public final class RetentionModule {
    private RetentionModule() {
    }

    /**
     * Registers the nightly purge with the job factory and its trigger with the scheduler. Takes the Jdbi because the
     * purge deletes from several features' tables (see {@link RetentionService}).
     */
    public static void schedule(JobRegistry jobs, Scheduling scheduling, Services services, SamtryggConfiguration config,
                                Jdbi jdbi, Clock clock) {
        RetentionService retention = new RetentionService(jdbi, config.getRetention(), services.activities(), services.audit(), clock);
        jobs.register(RetentionPurgeJob.class, () -> new RetentionPurgeJob(retention, services.jobRuns()));
        scheduling.addRecurring(new RecurringJob(RetentionPurgeJob.NAME, RetentionPurgeJob.class, RetentionPurgeJob.CRON,
                RetentionPurgeJob.MISFIRE_FIRE_NOW));
    }
}
