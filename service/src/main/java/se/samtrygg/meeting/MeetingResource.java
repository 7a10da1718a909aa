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
                              @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        return meetings.list(actor, networkGroupId, after, limit);
    }

    @POST
    @Operation(summary = "Schedule a meeting (the group's coordinators, admins)",
            description = "start and end are local times in Europe/Stockholm, e.g. 2026-12-01T18:00. Without invitedOrganisationIds "
                    + "the group's member organisations are invited.")
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
    @Operation(summary = "Change or move a meeting (the group's coordinators, admins)")
    public Meeting update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, MeetingInput input) {
        return meetings.update(actor, id, Api.body(input));
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
