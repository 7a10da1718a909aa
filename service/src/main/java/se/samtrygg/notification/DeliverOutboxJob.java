package se.samtrygg.notification;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samtrygg.common.scheduler.JobRuns;

/**
 * Sends the due e-mails of the outbox every ten seconds. Misfire: do nothing, on purpose: every run sends everything due,
 * so a run missed while the service was down is made up by the next regular one. Safe on any node and after any crash:
 * each message is claimed atomically, and a claim of a node that died lapses (see {@link NotificationService#deliverDue}).
 */
@DisallowConcurrentExecution
public final class DeliverOutboxJob implements Job {
    public static final String NAME = "deliver-outbox";
    public static final String CRON = "0/10 * * * * ?";
    private static final Logger LOG = LoggerFactory.getLogger(DeliverOutboxJob.class);

    private final NotificationService notifications;
    private final JobRuns runs;

    public DeliverOutboxJob(NotificationService notifications, JobRuns runs) {
        this.notifications = notifications;
        this.runs = runs;
    }

    @Override
    public void execute(JobExecutionContext context) {
        runs.run(NAME, () -> {
            NotificationService.Delivery delivery = notifications.deliverDue();
            if (delivery.sent() > 0 || delivery.failed() > 0) {
                LOG.info("Outbox: {} e-mails sent, {} attempts failed", delivery.sent(), delivery.failed());
            }
        });
    }
}
