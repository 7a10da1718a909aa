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
import se.samtrygg.common.Page;
import se.samtrygg.common.web.Api;
import se.samtrygg.identity.CurrentUser;

@Path("/api/v1/network-groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Network groups")
public final class NetworkGroupResource {
    private final NetworkGroupService groups;

    public NetworkGroupResource(NetworkGroupService groups) {
        this.groups = groups;
    }

    @GET
    @Operation(summary = "The network groups you may see", description = "Keyset-paged by id; areaId narrows to one area.")
    public Page<NetworkGroup> list(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("areaId") Long areaId,
                                   @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        return groups.list(actor, areaId, after, limit);
    }

    @POST
    @Operation(summary = "Create a network group (admins, coordinators; a coordinator who creates one runs it)")
    public Response create(@Parameter(hidden = true) @Auth CurrentUser actor, NetworkGroupInput input) {
        NetworkGroup group = groups.create(actor, Api.body(input));
        return Api.created("network-groups", group.id(), group);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One network group (admins, its coordinators, members of its organisations)")
    public NetworkGroup get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return groups.get(actor, id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a network group's area, name, members and coordinators (its coordinators, admins)")
    public NetworkGroup update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, NetworkGroupInput input) {
        return groups.update(actor, id, Api.body(input));
    }
}
