package se.samtrygg.operations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import se.samtrygg.common.Page;
import se.samtrygg.common.scheduler.JobRuns;
import se.samtrygg.identity.Access;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.notification.NotificationService;
import se.samtrygg.notification.OutboxMessage;
import se.samtrygg.reminder.PlannedReminder;
import se.samtrygg.reminder.ReminderService;

/** What an admin sees of the background work: the scheduler, its triggers and their last runs, the reminder plan, the outbox. */
public final class OperationsService {
    /** How many rows each list on the overview shows; the API pages through the rest. */
    public static final int LIST_SIZE = 20;

    public enum SchedulerState { RUNNING, STANDBY, STOPPED }

    public record TriggerStatus(String name, String state, Instant previousFire, Instant nextFire, Optional<JobRuns.Run> lastRun) {
    }

    public record Overview(SchedulerState state, boolean clustered, String instanceName, String instanceId,
                           List<TriggerStatus> triggers, List<PlannedReminder> nextReminders,
                           Page<OutboxMessage> pending, Page<OutboxMessage> failed) {
    }

    private final Scheduler scheduler;
    private final JobRuns runs;
    private final ReminderService reminders;
    private final NotificationService notifications;

    public OperationsService(Scheduler scheduler, JobRuns runs, ReminderService reminders, NotificationService notifications) {
        this.scheduler = scheduler;
        this.runs = runs;
        this.reminders = reminders;
        this.notifications = notifications;
    }

    public Overview overview(CurrentUser admin) {
        Access.requireAdmin(admin);
        try {
            SchedulerMetaData meta = scheduler.getMetaData();
            SchedulerState state = scheduler.isShutdown() || !scheduler.isStarted() ? SchedulerState.STOPPED
                    : scheduler.isInStandbyMode() ? SchedulerState.STANDBY : SchedulerState.RUNNING;
            List<TriggerStatus> triggers = new ArrayList<>();
            for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.anyTriggerGroup())) {
                Trigger trigger = scheduler.getTrigger(key);
                if (trigger == null) {
                    continue; // removed between listing and reading
                }
                triggers.add(new TriggerStatus(key.getName(), scheduler.getTriggerState(key).name(), instant(trigger.getPreviousFireTime()),
                        instant(trigger.getNextFireTime()), runs.last(trigger.getJobKey().getName())));
            }
            triggers.sort(Comparator.comparing(TriggerStatus::name));
            return new Overview(state, meta.isJobStoreClustered(), meta.getSchedulerName(), meta.getSchedulerInstanceId(), triggers,
                    reminders.nextDue(admin, LIST_SIZE),
                    notifications.outbox(admin, OutboxMessage.PENDING, null, LIST_SIZE),
                    notifications.outbox(admin, OutboxMessage.FAILED, null, LIST_SIZE));
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not read the scheduler's state", e);
        }
    }

    /** What a resend from the page did: the message, and whether it was already queued (a second click, another admin). */
    public record Resend(OutboxMessage message, boolean alreadyQueued) {
    }

    /**
     * A failed message goes back into the outbox with its Message-ID; admins only. One already waiting or being sent is
     * left as it is and reported as queued (the page's button pressed twice); any other state is the 422 of the API.
     */
    public Resend resend(CurrentUser admin, long outboxMessageId) {
        OutboxMessage message = notifications.outboxMessage(admin, outboxMessageId);
        if (message.state().equals(OutboxMessage.PENDING) || message.state().equals(OutboxMessage.SENDING)) {
            return new Resend(message, true);
        }
        return new Resend(notifications.resend(admin, outboxMessageId), false);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
