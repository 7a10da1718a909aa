package se.samtrygg.calendar;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import se.samtrygg.common.Page;
import se.samtrygg.common.web.Api;
import se.samtrygg.identity.CurrentUser;

@Path("/api/v1/calendar-feeds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar feeds")
public final class CalendarFeedResource {
    private final CalendarFeedService feeds;

    public CalendarFeedResource(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @GET
    @Operation(summary = "Your calendar feeds, revoked ones included", description = "Never the secret URL: it is shown once, when issued.")
    public Page<CalendarFeed> list(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("after") Long after,
                                   @QueryParam("limit") Integer limit) {
        return feeds.list(actor, after, limit);
    }

    @POST
    @Operation(summary = "Issue a calendar feed: personal, or of one network group you see",
            description = "Revokes your previous feed of the same scope. The answer holds the feed's secret URL, once and never again; "
                    + "a calendar program fetches it without signing in.")
    public Response issue(@Parameter(hidden = true) @Auth CurrentUser actor, @Context UriInfo uri, CalendarFeedRequest request) {
        IssuedCalendarFeed issued = feeds.issue(actor, request == null ? null : request.networkGroupId(), uri.getBaseUri().toString());
        return Api.created("calendar-feeds", issued.feed().id(), issued);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of your calendar feeds")
    public CalendarFeed get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return feeds.get(actor, id);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke one of your calendar feeds", description = "Its URL answers 404 from then on.")
    public CalendarFeed revoke(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return feeds.revoke(actor, id);
    }
}
