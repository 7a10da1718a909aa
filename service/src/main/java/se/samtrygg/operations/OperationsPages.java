package se.samtrygg.operations;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import se.samtrygg.Services;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.scheduler.JobRuns;
import se.samtrygg.common.scheduler.Scheduling;
import se.samtrygg.common.web.Dates;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.notification.OutboxMessage;

/** The admin page of the background work: {@code /admin/notifications}. Times in Europe/Stockholm, states in words. */
@Hidden
@Path("/admin/notifications")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class OperationsPages {
    private final OperationsService operations;
    private final Messages messages;
    private final PageContextFactory pages;

    public OperationsPages(OperationsService operations, Messages messages, PageContextFactory pages) {
        this.operations = operations;
        this.messages = messages;
        this.pages = pages;
    }

    /** The page as the application registers it, wired from the services and the scheduler. */
    public static OperationsPages of(Services services, Scheduling scheduling, Messages messages, PageContextFactory pages) {
        return new OperationsPages(new OperationsService(scheduling.scheduler(), services.jobRuns(), services.reminders(),
                services.notifications()), messages, pages);
    }

    public record TriggerRow(String name, String state, String previousFire, String nextFire, String lastRun) {
    }

    public record ReminderRow(String due, String kind, String recipient, String state) {
    }

    public record OutboxRow(long id, String recipient, String kind, int attempts, String time, String error) {
    }

    public record Model(String notice, String state, String clustered, String instanceName, String instanceId,
                        List<TriggerRow> triggers, List<ReminderRow> reminders, List<OutboxRow> pending, boolean morePending,
                        List<OutboxRow> failed, boolean moreFailed) {
        public boolean hasReminders() {
            return !reminders.isEmpty();
        }

        public boolean hasPending() {
            return !pending.isEmpty();
        }

        public boolean hasFailed() {
            return !failed.isEmpty();
        }
    }

    @GET
    public HtmlPage overview(@Context HttpServletRequest request, @Auth CurrentUser admin, @QueryParam("resent") boolean resent,
                             @QueryParam("queued") boolean queued) {
        OperationsService.Overview o = operations.overview(admin);
        PageContext context = pages.create(request, admin);
        Language msg = context.language();
        List<TriggerRow> triggers = o.triggers().stream().map(t -> new TriggerRow(t.name(), text(msg, "operations.trigger." + t.state()),
                time(msg, t.previousFire()), time(msg, t.nextFire()), lastRun(msg, t.lastRun().orElse(null)))).toList();
        List<ReminderRow> reminders = o.nextReminders().stream().map(r -> new ReminderRow(Dates.dateTime(r.dueAt()),
                text(msg, "operations.kind." + r.kind().name()), r.recipientName(), text(msg, "operations.reminder." + r.state()))).toList();
        List<OutboxRow> pending = o.pending().items().stream().map(m -> row(msg, m, m.nextAttemptAt())).toList();
        List<OutboxRow> failed = o.failed().items().stream().map(m -> row(msg, m, m.createdAt())).toList();
        return new HtmlPage("/se/samtrygg/operations/operations.mustache", context, "operations.title",
                new Model(resent ? text(msg, "operations.resent") : queued ? text(msg, "operations.alreadyQueued") : null, text(msg, "operations.scheduler." + o.state().name()),
                        text(msg, o.clustered() ? "operations.yes" : "operations.no"), o.instanceName(), o.instanceId(), triggers, reminders,
                        pending, o.pending().nextAfter() != null, failed, o.failed().nextAfter() != null));
    }

    @POST
    @Path("outbox/{id}/resend")
    public Response resend(@Auth CurrentUser admin, @PathParam("id") long id) {
        return operations.resend(admin, id).alreadyQueued() ? Redirect.to("/admin/notifications?queued=true#pending")
                : Redirect.to("/admin/notifications?resent=true#failed");
    }

    private OutboxRow row(Language msg, OutboxMessage m, Instant time) {
        return new OutboxRow(m.id(), m.recipient(), text(msg, "operations.kind." + m.kind()), m.attempts(), time(msg, time),
                m.lastError());
    }

    private String lastRun(Language msg, JobRuns.Run run) {
        if (run == null) {
            return text(msg, "operations.run.none");
        }
        if (run.succeeded() == null) {
            return text(msg, "operations.run.running") + " " + Dates.dateTime(run.startedAt());
        }
        if (run.succeeded()) {
            return text(msg, "operations.run.succeeded") + " " + Dates.dateTime(run.finishedAt());
        }
        return text(msg, "operations.run.failed") + " " + Dates.dateTime(run.finishedAt()) + " (" + run.error() + ")";
    }

    private String time(Language msg, Instant instant) {
        return instant == null ? text(msg, "operations.never") : Dates.dateTime(instant);
    }

    /** A text from the bundle; a state or kind without a text shows as itself rather than as its key. */
    private String text(Language language, String key) {
        return messages.has(Language.DEFAULT, key) ? messages.get(language, key) : key.substring(key.lastIndexOf('.') + 1);
    }
}
