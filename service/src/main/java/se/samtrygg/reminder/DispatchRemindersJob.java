package se.samtrygg.reminder;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samtrygg.common.scheduler.JobRuns;

/**
 * Sends the planned reminders that are due, every 20 seconds. A missed run is not made up (misfire: do nothing):
 * each run sends everything due by then, so the next regular run covers what a missed one would have sent. Safe on
 * any node and after any crash: each reminder is claimed atomically in the transaction that writes its notice.
 */
@DisallowConcurrentExecution
public final class DispatchRemindersJob implements Job {
    public static final String NAME = "dispatch-reminders";
    public static final String CRON = "0/20 * * * * ?";
    private static final Logger LOG = LoggerFactory.getLogger(DispatchRemindersJob.class);

    private final ReminderService reminders;
    private final JobRuns runs;

    public DispatchRemindersJob(ReminderService reminders, JobRuns runs) {
        this.reminders = reminders;
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runs.run(NAME, () -> {
            int sent = reminders.dispatchDue();
            if (sent > 0) {
                LOG.info("Dispatched {} reminders", sent);
            }
        });
    }
}
