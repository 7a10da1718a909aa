package se.samtrygg.notification;

import io.dropwizard.core.setup.Environment;
import se.samtrygg.SamtryggConfiguration;
import se.samtrygg.Services;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.scheduler.JobRegistry;
import se.samtrygg.common.scheduler.JobRuns;
import se.samtrygg.common.scheduler.RecurringJob;
import se.samtrygg.common.scheduler.Scheduling;
import se.samtrygg.common.web.PageContextFactory;

/** The inbox and the outbox: their API, the inbox pages and the delivery job. */
public final class NotificationModule {
    private NotificationModule() {
    }

    public static void register(Environment env, Services services, Messages messages, PageContextFactory pages) {
        env.jersey().register(new NotificationResource(services.notifications()));
        env.jersey().register(new OutboxResource(services.notifications()));
        env.jersey().register(new InboxPages(services.notifications(), pages));
    }

    /** Registers this part's jobs with the job factory and their recurring triggers with the scheduler. */
    public static void schedule(JobRegistry jobs, Scheduling scheduling, Services services, SamtryggConfiguration config) {
        JobRuns runs = services.jobRuns();
        jobs.register(DeliverOutboxJob.class, () -> new DeliverOutboxJob(services.notifications(), runs));
        // misfire: do nothing; the next run (ten seconds on) sends everything due anyway
        scheduling.addRecurring(new RecurringJob(DeliverOutboxJob.NAME, DeliverOutboxJob.class, DeliverOutboxJob.CRON, false));
    }
}
