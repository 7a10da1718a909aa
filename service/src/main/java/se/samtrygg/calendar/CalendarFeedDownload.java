package se.samtrygg.calendar;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code GET /calendar/feed.ics?token=<secret>}: the one page route without sign-in, for calendar
 * programs, which cannot sign in. It takes no {@code @Auth} user, so the authentication filter
 * does not run for it; the secret is the only key, and an unknown, revoked or no longer usable
 * one gets the same short 404. The secret is a query parameter, not part of the path, because
 * the request log writes paths but never query strings.
 */
@Hidden
@Path("/calendar/feed.ics")
public final class CalendarFeedDownload {
    /** Calendar programs poll every few minutes to hours; the feed holds personal data, so no shared cache keeps it. */
    static final String CACHE_CONTROL = "private, max-age=300";
    static final String NOT_FOUND = "Kalenderflödet finns inte eller har återkallats. / No such calendar feed, or it was revoked.\n";

    private final CalendarFeedService feeds;

    public CalendarFeedDownload(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @GET
    @Produces({"text/calendar", MediaType.WILDCARD})
    public Response feed(@QueryParam("token") String token, @Context UriInfo uri) {
        return feeds.render(token, uri.getBaseUri().toString())
                .map(calendar -> Response.ok(calendar, CalendarResource.TEXT_CALENDAR).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL))
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN + "; charset=utf-8")
                        .entity(NOT_FOUND))
                .build();
    }
}
