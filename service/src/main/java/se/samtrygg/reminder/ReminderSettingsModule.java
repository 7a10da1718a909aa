package se.samtrygg.reminder;

import io.dropwizard.core.setup.Environment;
import se.samtrygg.SamtryggConfiguration;
import se.samtrygg.Services;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.scheduler.JobRegistry;
import se.samtrygg.common.scheduler.Scheduling;
import se.samtrygg.common.web.PageContextFactory;

/** CONTRACT STUB (lead): this part's API, pages and jobs are registered here by its owner. */
public final class ReminderSettingsModule {
    private ReminderSettingsModule() {
    }

    public static void register(Environment env, Services services, Messages messages, PageContextFactory pages) {
    }

    /** Registers this part's jobs with the job factory and their recurring triggers with the scheduler. */
    public static void schedule(JobRegistry jobs, Scheduling scheduling, Services services, SamtryggConfiguration config) {
    }
}
