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

/** The signed-in user's own inbox. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public final class NotificationResource {
    private final NotificationService notifications;

    public NotificationResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    public record UnreadCount(int unread) {
    }

    public record MarkedRead(int marked) {
    }

    @GET
    @Operation(summary = "Your inbox, newest first",
            description = "Keyset-paged: pass the previous page's nextAfter as after. unread=true gives only the unread entries.")
    public Page<Notification> list(@Parameter(hidden = true) @Auth CurrentUser user, @QueryParam("after") Long after,
                                   @QueryParam("limit") Integer limit, @QueryParam("unread") boolean unread) {
        return notifications.inbox(user, after, limit, unread);
    }

    @GET
    @Path("unread-count")
    @Operation(summary = "How many entries of your inbox are unread")
    public UnreadCount unreadCount(@Parameter(hidden = true) @Auth CurrentUser user) {
        return new UnreadCount(notifications.unreadCount(user.id()));
    }

    @POST
    @Path("{id}/read")
    @Operation(summary = "Mark one of your inbox entries read (404 for anyone else's)")
    public Notification markRead(@Parameter(hidden = true) @Auth CurrentUser user, @PathParam("id") long id) {
        return notifications.markRead(user, id);
    }

    @POST
    @Path("read-all")
    @Operation(summary = "Mark all your inbox entries read", description = "Returns how many were unread.")
    public MarkedRead markAllRead(@Parameter(hidden = true) @Auth CurrentUser user) {
        return new MarkedRead(notifications.markAllRead(user));
    }
}
