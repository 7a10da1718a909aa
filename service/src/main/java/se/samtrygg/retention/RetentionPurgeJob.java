package se.samtrygg.retention;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import se.samtrygg.common.scheduler.JobRuns;

/**
 * The nightly retention purge. Safe on any node and after any crash: each batch only deletes what is past its period,
 * so a run cut off halfway is completed by the next one.
 */
@DisallowConcurrentExecution
public final class RetentionPurgeJob implements Job {
    public static final String NAME = "retention-purge";
    /** 03:15 Europe/Stockholm: after the night's backups, long before anyone works. */
    public static final String CRON = "0 15 3 * * ?";
    /**
     * Misfire: do nothing, the next night catches up. Nothing depends on the purge happening on a given night (a day
     * late is within any records plan), and making up a missed night at once would put the heaviest deletes of the
     * day on a node that is just starting, possibly in working hours.
     */
    public static final boolean MISFIRE_FIRE_NOW = false;

    private final RetentionService retention;
    private final JobRuns runs;

    public RetentionPurgeJob(RetentionService retention, JobRuns runs) {
        this.retention = retention;
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runs.run(NAME, retention::purge);
    }
}
