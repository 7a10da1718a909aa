package se.samtrygg.situation;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import se.samtrygg.identity.CurrentUser;

@Path("/api/v1/areas/{id}/situation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Situation picture")
public final class SituationResource {
    private final SituationService situation;

    public SituationResource(SituationService situation) {
        this.situation = situation;
    }

    @GET
    @Operation(summary = "The situation picture (lägesbild) of an area for a period",
            description = "Activities of the period by type and by ISO week, observations by category and how they were handled, "
                    + "the latest observations, open and overdue action items, meetings of the next 30 days, upcoming activities "
                    + "and the weekly place reports rolled up per week and place. Only what the caller may read is listed; records "
                    + "of other organisations that the caller may not read are counted under `hidden`, one number per kind. "
                    + "Weeks and days are Europe/Stockholm. Everyone signed in; an unknown area is 404.")
    public SituationPicture picture(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id,
                                    @Parameter(description = "First day, YYYY-MM-DD (default: 29 days before `to`)")
                                    @QueryParam("from") String from,
                                    @Parameter(description = "Last day, included, YYYY-MM-DD (default: today); at most a year after `from`")
                                    @QueryParam("to") String to) {
        return situation.picture(actor, id, from, to);
    }
}
