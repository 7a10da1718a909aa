package se.samtrygg.calendar;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import se.samtrygg.identity.CurrentUser;

@Path("/api/v1/calendar")
@Tag(name = "Calendar feeds")
public final class CalendarResource {
    public static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final CalendarService calendars;

    public CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GET
    @Path("meetings/{id}")
    // JSON is listed so that a client asking for JSON is not refused before it is authorised; the answer is text/calendar.
    @Produces({"text/calendar", MediaType.APPLICATION_JSON})
    @Operation(summary = "One meeting as an iCalendar file (RFC 5545)",
            description = "Answers text/calendar whatever the Accept header says; errors are problem JSON. An occurrence of a series "
                    + "has the series' UID and its RECURRENCE-ID, as in the calendar feeds.")
    public Response meeting(@Parameter(hidden = true) @Auth CurrentUser actor, @Context UriInfo uri, @PathParam("id") long id) {
        return Response.ok(calendars.meeting(actor, id, uri.getBaseUri().toString()), TEXT_CALENDAR).build();
    }
}
