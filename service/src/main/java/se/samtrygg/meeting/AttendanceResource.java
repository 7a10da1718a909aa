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
import se.samtrygg.identity.CurrentUser;

/** Who attended a meeting. */
@Path("/api/v1/meetings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Minutes and attendance")
public final class AttendanceResource {
    private final AttendanceService attendance;

    public AttendanceResource(AttendanceService attendance) {
        this.attendance = attendance;
    }

    @GET
    @Path("{id}/attendance")
    @Operation(summary = "The attendance of a meeting (everyone who sees the meeting)")
    public Attendance get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return attendance.get(actor, id);
    }

    @PUT
    @Path("{id}/attendance")
    @Operation(summary = "Record the whole attendance of a meeting (the group's coordinators, admins)",
            description = "Replaces what was recorded. organisationIds among the invited organisations; userIds among the people "
                    + "invited on their own and the active people of the invited organisations. Not on a cancelled meeting.")
    public Attendance record(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, AttendanceInput input) {
        return attendance.record(actor, id, input);
    }
}
