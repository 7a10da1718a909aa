package se.samtrygg.reminder;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samtrygg.common.scheduler.JobRuns;

/**
 * Sends the weekly digest on Monday mornings at {@code reminders.sendAt}, Europe/Stockholm. Misfire: fire now, so a
 * digest whose Monday morning passed while the service was down still goes once it is back; once, because every
 * digest carries its user's and week's key. Safe on any node and after a crash for the same reason.
 */
@DisallowConcurrentExecution
public final class WeeklyDigestJob implements Job {
    public static final String NAME = "weekly-digest";
    private static final Logger LOG = LoggerFactory.getLogger(WeeklyDigestJob.class);

    private final ReminderSettingsService settings;
    private final JobRuns runs;

    public WeeklyDigestJob(ReminderSettingsService settings, JobRuns runs) {
        this.settings = settings;
        this.runs = runs;
    }

    /** Quartz cron for Mondays at the given local time, e.g. {@code 0 0 7 ? * MON}. */
    public static String cron(java.time.LocalTime sendAt) {
        return sendAt.getSecond() + " " + sendAt.getMinute() + " " + sendAt.getHour() + " ? * MON";
    }

    @Override
    public void execute(JobExecutionContext context) {
        runs.run(NAME, () -> {
            int sent = settings.sendWeeklyDigests();
            LOG.info("Sent {} weekly digests", sent);
        });
    }
}
