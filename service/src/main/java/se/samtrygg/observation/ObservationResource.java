package se.samtrygg.observation;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.Page;
import se.samtrygg.common.web.FormValues;
import se.samtrygg.common.web.Api;
import se.samtrygg.identity.CurrentUser;

@Path("/api/v1/observations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Observations")
public final class ObservationResource {
    private final ObservationService observations;

    public ObservationResource(ObservationService observations) {
        this.observations = observations;
    }

    @GET
    @Operation(summary = "Observations you may see, newest first",
            description = "Keyset-paged: pass nextAfter as after. areaId, activityId, categoryId narrow them; handedOver=true keeps those "
                    + "handed over, false those not yet; from and to (YYYY-MM-DD, Europe/Stockholm, both included) bound the day "
                    + "observed. ORGANISATION observations of other organisations are never listed.")
    public Page<Observation> list(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("areaId") Long areaId,
                                  @QueryParam("activityId") Long activityId, @QueryParam("categoryId") Long categoryId,
                                  @QueryParam("handedOver") Boolean handedOver, @QueryParam("from") String from,
                                  @QueryParam("to") String to, @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        ObservationFilter filter = new ObservationFilter(areaId, activityId, categoryId, handedOver, FormValues.date(from, "from"),
                FormValues.date(to, "to"));
        return observations.list(actor, filter, after, limit);
    }

    @POST
    @Operation(summary = "Log an observation for your organisation",
            description = "observedAt is Europe/Stockholm local time (2027-01-15T22:40). With activityId, area, place, time and "
                    + "organisation default to the activity's. visibility is PUBLIC, NETWORK (default) or ORGANISATION.")
    public Response create(@Parameter(hidden = true) @Auth CurrentUser actor, ObservationInput input) {
        Observation observation = observations.create(actor, Api.body(input));
        return Api.created("observations", observation.id(), observation);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One observation, with how its handover stands (404 if you may not see it)")
    public Observation get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return observations.get(actor, id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Correct an observation (members of its organisation)",
            description = "The organisation stays; a left-out visibility stays as it was.")
    public Observation update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, ObservationInput input) {
        return observations.update(actor, id, Api.body(input));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete an observation (members of its organisation); one handed over stays")
    public Response delete(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        observations.delete(actor, id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/handover")
    @Operation(summary = "Hand an observation to the organisation that can fix it (members of its organisation; once)",
            description = "Creates an action item for responsibleOrganisationId (no meeting; the area's network group if it has one; "
                    + "ORGANISATION-visible if the observation is, otherwise NETWORK) and links it. A left-out title is made from the "
                    + "category, place and description. Answers with the observation; Location names the action item.")
    public Response handOver(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, HandoverInput input) {
        Observation observation = observations.handOver(actor, id, Api.body(input));
        return Response.created(UriBuilder.fromPath(Api.V1).path("action-items").path(Long.toString(observation.actionItemId())).build())
                .entity(observation).build();
    }

}
