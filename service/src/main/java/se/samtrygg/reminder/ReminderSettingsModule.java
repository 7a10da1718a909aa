package se.samtrygg.reminder;

import io.dropwizard.core.setup.Environment;
import se.samtrygg.SamtryggConfiguration;
import se.samtrygg.Services;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.scheduler.JobRegistry;
import se.samtrygg.common.scheduler.JobRuns;
import se.samtrygg.common.scheduler.RecurringJob;
import se.samtrygg.common.scheduler.Scheduling;
import se.samtrygg.common.web.PageContextFactory;

/** Reminder rules per network group, users' notification settings, and the weekly digest. */
public final class ReminderSettingsModule {
    private ReminderSettingsModule() {
    }

    public static void register(Environment env, Services services, Messages messages, PageContextFactory pages) {
        env.jersey().register(new GroupReminderSettingsResource(services.reminderSettings(), services.reminders()));
        env.jersey().register(new NotificationSettingsResource(services.reminderSettings()));
        env.jersey().register(new GroupReminderPages(services.reminderSettings(), services.reminders(), pages));
        env.jersey().register(new NotificationSettingsPages(services.reminderSettings(), pages));
    }

    /**
     * The weekly digest on Mondays at reminders.sendAt, Europe/Stockholm. Misfire fire-now: a Monday morning missed
     * while the service was down is made up once it is back; the digest keys keep it to one per user and week.
     */
    public static void schedule(JobRegistry jobs, Scheduling scheduling, Services services, SamtryggConfiguration config) {
        JobRuns runs = services.jobRuns();
        jobs.register(WeeklyDigestJob.class, () -> new WeeklyDigestJob(services.reminderSettings(), runs));
        scheduling.addRecurring(new RecurringJob(WeeklyDigestJob.NAME, WeeklyDigestJob.class,
                WeeklyDigestJob.cron(config.getReminders().getSendAt()), true));
    }
}
