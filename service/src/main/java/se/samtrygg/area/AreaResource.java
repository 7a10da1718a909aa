package se.samtrygg.area;

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

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Areas and places")
public final class AreaResource {
    private final AreaService areas;

    public AreaResource(AreaService areas) {
        this.areas = areas;
    }

    @GET
    @Path("areas")
    @Operation(summary = "List areas", description = "Keyset-paged by id.")
    public Page<Area> list(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("after") Long after,
                           @QueryParam("limit") Integer limit) {
        return areas.list(actor, after, limit);
    }

    @POST
    @Path("areas")
    @Operation(summary = "Create an area (admins)")
    public Response create(@Parameter(hidden = true) @Auth CurrentUser actor, AreaInput input) {
        Area area = areas.create(actor, Api.body(input));
        return Api.created("areas", area.id(), area);
    }

    @GET
    @Path("areas/{id}")
    @Operation(summary = "One area")
    public Area get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return areas.get(actor, id);
    }

    @PUT
    @Path("areas/{id}")
    @Operation(summary = "Change an area (admins)")
    public Area update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, AreaInput input) {
        return areas.update(actor, id, Api.body(input));
    }

    @GET
    @Path("areas/{id}/places")
    @Operation(summary = "The places of an area, by name")
    public List<Place> places(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return areas.places(actor, id);
    }

    @POST
    @Path("areas/{id}/places")
    @Operation(summary = "Add a place to an area (admins, coordinators)")
    public Response addPlace(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, PlaceInput input) {
        Place place = areas.addPlace(actor, id, Api.body(input));
        return Api.created("places", place.id(), place);
    }

    @GET
    @Path("places/{id}")
    @Operation(summary = "One place")
    public Place getPlace(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return areas.getPlace(actor, id);
    }

    @PUT
    @Path("places/{id}")
    @Operation(summary = "Rename a place or change its address (admins, coordinators)")
    public Place updatePlace(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, PlaceInput input) {
        return areas.updatePlace(actor, id, Api.body(input));
    }
}
