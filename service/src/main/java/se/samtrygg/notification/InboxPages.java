package se.samtrygg.notification;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import se.samtrygg.common.Page;
import se.samtrygg.common.web.Dates;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;
import se.samtrygg.identity.CurrentUser;

/** The user's inbox: newest first, unread ones marked, each can be marked read, or all at once. */
@Hidden
@Path("/inbox")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class InboxPages {
    private final NotificationService notifications;
    private final PageContextFactory pages;

    public InboxPages(NotificationService notifications, PageContextFactory pages) {
        this.notifications = notifications;
        this.pages = pages;
    }

    public record Entry(long id, String subject, List<String> lines, String time, String link, boolean unread) {
    }

    public record InboxModel(List<Entry> entries, String after, Long nextAfter, boolean anyUnread) {
        public boolean hasEntries() {
            return !entries.isEmpty();
        }
    }

    @GET
    public HtmlPage inbox(@Context HttpServletRequest request, @Auth CurrentUser user, @QueryParam("after") String afterText) {
        PageContext context = pages.create(request, user);
        Long after = parseId(afterText);
        Page<Notification> page = notifications.inbox(user, after, null, false);
        List<Entry> entries = page.items().stream()
                .map(n -> new Entry(n.id(), n.subject(), n.body().lines().filter(line -> !line.isBlank()).toList(),
                        Dates.dateTime(n.createdAt()), n.link(), !n.read()))
                .toList();
        return new HtmlPage("/se/samtrygg/notification/inbox.mustache", context, "inbox.title",
                new InboxModel(entries, after == null ? null : after.toString(), page.nextAfter(), context.hasUnread()));
    }

    @POST
    @Path("{id}/read")
    public Response markRead(@Auth CurrentUser user, @PathParam("id") long id, @FormParam("after") String after) {
        notifications.markRead(user, id);
        return Redirect.to(back(after) + "#notification-" + id);
    }

    @POST
    @Path("read-all")
    public Response markAllRead(@Auth CurrentUser user) {
        notifications.markAllRead(user);
        return Redirect.to("/inbox");
    }

    /** Back to the page the button was on: the list's own keyset position, never anything else. */
    private static String back(String after) {
        Long id = parseId(after);
        return id == null ? "/inbox" : "/inbox?after=" + id;
    }

    /** A keyset position that is not a number is the first page, as an unknown one would be. */
    private static Long parseId(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
