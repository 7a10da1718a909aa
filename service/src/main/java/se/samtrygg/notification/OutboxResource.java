package se.samtrygg.notification;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import se.samtrygg.common.Page;
import se.samtrygg.identity.CurrentUser;

/** The e-mail outbox, for admins: what waits, what went and what failed, and resending a failed message. */
@Path("/api/v1/admin/outbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public final class OutboxResource {
    private final NotificationService notifications;

    public OutboxResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    @Operation(summary = "Outbox messages, newest first (admins)",
            description = "state: PENDING, SENDING, SENT or FAILED; without it, all. Keyset-paged by id (after = the previous page's "
                    + "nextAfter). Bodies are not listed.")
    public Page<OutboxMessage> list(@Parameter(hidden = true) @Auth CurrentUser admin, @QueryParam("state") String state,
                                    @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        return notifications.outbox(admin, state, after, limit);
    }

    @POST
    @Path("{id}/resend")
    @Operation(summary = "Send a FAILED message again (admins)",
            description = "Back to PENDING with its attempts reset and the same Message-ID; 422 when the message has not failed.")
    public OutboxMessage resend(@Parameter(hidden = true) @Auth CurrentUser admin, @PathParam("id") long id) {
        return notifications.resend(admin, id);
    }
}
