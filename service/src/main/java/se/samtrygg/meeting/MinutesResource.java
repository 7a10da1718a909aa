package se.samtrygg.meeting;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import se.samtrygg.identity.CurrentUser;

/** Minutes and decisions of a meeting, one record per agenda point. */
@Path("/api/v1/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Minutes and attendance")
public final class MinutesResource {
    private final MinutesService minutes;

    public MinutesResource(MinutesService minutes) {
        this.minutes = minutes;
    }

    @GET
    @Path("{id}/minutes")
    @Operation(summary = "The minutes of a meeting you may read, in agenda order",
            description = "NETWORK minutes for everyone who sees the meeting; ORGANISATION minutes only for the people of their "
                    + "organisation. Points without minutes, or with minutes you may not read, are left out.")
    public List<Minutes> list(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return minutes.list(actor, id);
    }

    @PUT
    @Path("{id}/minutes/{agendaItemId}")
    @Operation(summary = "Write the minutes of one agenda point (the group's coordinators, admins)",
            description = "notes up to 20000 characters, decision up to 4000, visibility NETWORK or ORGANISATION (left out: as it was, "
                    + "NETWORK for new minutes), organisationId one of your organisations (needed for ORGANISATION if you are in "
                    + "several). Neither notes nor decision removes the point's minutes and answers 204. Not on a cancelled meeting.")
    public Response write(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id,
                          @PathParam("agendaItemId") long agendaItemId, MinutesInput input) {
        return minutes.write(actor, id, agendaItemId, input).map(written -> Response.ok(written).build())
                .orElseGet(() -> Response.noContent().build());
    }

    @GET
    @Path("{id}/decisions")
    @Operation(summary = "The decisions of a meeting you may read, in agenda order")
    public List<Decision> decisions(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return minutes.decisions(actor, id);
    }
}
