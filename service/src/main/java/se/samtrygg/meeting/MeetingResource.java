package se.samtrygg.meeting;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import se.samtrygg.common.Page;
import se.samtrygg.common.web.Api;
import se.samtrygg.identity.CurrentUser;

@Path("/api/v1/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings")
public final class MeetingResource {
    private final MeetingService meetings;

    public MeetingResource(MeetingService meetings) {
        this.meetings = meetings;
    }

    /** The body of {@code POST /meetings/{id}/cancel}. */
    public record Cancellation(String reason) {
    }

    @GET
    @Operation(summary = "Meetings of the network groups you may see", description = "Keyset-paged by id; networkGroupId narrows to one group.")
    public Page<Meeting> list(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("networkGroupId") Long networkGroupId,
                              @Parameter(description = "Only the occurrences of one recurring series") @QueryParam("seriesId") Long seriesId,
                              @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        return meetings.list(actor, networkGroupId, seriesId, after, limit);
    }

    @GET
    @Path("series/{seriesId}")
    @Operation(summary = "A recurring series: its RFC 5545 rule, first start (Europe/Stockholm) and what each occurrence looks like",
            description = "Its occurrences are meetings: GET /api/v1/meetings?seriesId=…")
    public MeetingSeries series(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("seriesId") long seriesId) {
        return meetings.series(actor, seriesId);
    }

    @POST
    @Operation(summary = "Schedule a meeting (the group's coordinators, admins)",
            description = "start and end are local times in Europe/Stockholm, e.g. 2026-12-01T18:00. Without invitedOrganisationIds "
                    + "the group's member organisations are invited; invitedUserIds invites people on their own. With recurrence, an RFC 5545 "
                    + "RRULE value that ends by UNTIL or COUNT (e.g. FREQ=MONTHLY;BYDAY=1TU;COUNT=12, at most 100 meetings within 5 years, "
                    + "starting on a day the rule gives), it schedules the whole series and answers with its first meeting.")
    public Response schedule(@Parameter(hidden = true) @Auth CurrentUser actor, MeetingInput input) {
        Meeting meeting = meetings.schedule(actor, Api.body(input));
        return Api.created("meetings", meeting.id(), meeting);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One meeting with its agenda")
    public Meeting get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return meetings.get(actor, id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change or move a meeting (the group's coordinators, admins)",
            description = "For an occurrence of a series, scope=ONE (the default) changes this meeting only; scope=FOLLOWING changes it and "
                    + "all later occurrences, with a new recurrence if one is given.")
    public Meeting update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id,
                          @Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(allowableValues = {"ONE", "FOLLOWING"}))
                          @QueryParam("scope") String scope, MeetingInput input) {
        return meetings.update(actor, id, Api.body(input), scope(scope));
    }

    private static ChangeScope scope(String value) {
        if (value == null || value.isBlank()) {
            return ChangeScope.ONE;
        }
        try {
            return ChangeScope.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new se.samtrygg.common.InvalidInputException("scope", "error.unknownValue");
        }
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a meeting with a reason (the group's coordinators, admins)")
    public Meeting cancel(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, Cancellation cancellation) {
        return meetings.cancel(actor, id, Api.body(cancellation).reason());
    }

    @PUT
    @Path("{id}/agenda")
    @Operation(summary = "Replace the agenda (the group's coordinators, admins); the list's order is the agenda's order")
    public Meeting setAgenda(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, List<AgendaItemInput> agenda) {
        return meetings.setAgenda(actor, id, agenda);
    }
}
