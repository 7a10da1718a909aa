package se.samtrygg.reminder;

import io.dropwizard.core.setup.Environment;
import se.samtrygg.SamtryggConfiguration;
import se.samtrygg.Services;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.scheduler.JobRegistry;
import se.samtrygg.common.scheduler.RecurringJob;
import se.samtrygg.common.scheduler.Scheduling;
import se.samtrygg.common.web.PageContextFactory;

/** The reminder plan: its admin API and the dispatch job. */
public final class ReminderModule {
    private ReminderModule() {
    }

    public static void register(Environment env, Services services, Messages messages, PageContextFactory pages) {
        env.jersey().register(new ReminderResource(services.reminders()));
    }

    /** Registers this part's jobs with the job factory and their recurring triggers with the scheduler. */
    public static void schedule(JobRegistry jobs, Scheduling scheduling, Services services, SamtryggConfiguration config) {
        jobs.register(DispatchRemindersJob.class, () -> new DispatchRemindersJob(services.reminders(), services.jobRuns()));
        // misfire: do nothing. Every run sends all that is due, so a run missed while the service was down adds nothing.
        scheduling.addRecurring(new RecurringJob(DispatchRemindersJob.NAME, DispatchRemindersJob.class,
                DispatchRemindersJob.CRON, false));
    }
}
