package se.samtrygg.identity;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.samtrygg.common.Page;
import se.samtrygg.common.web.Api;

@Path("/api/v1/memberships")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Memberships")
public final class MembershipResource {
    private final UserService users;

    public MembershipResource(UserService users) {
        this.users = users;
    }

    public record MembershipInput(Long userId, Long organisationId) {
    }

    @GET
    @Operation(summary = "List memberships of an organisation (its members, admins) or of a user (the user, admins)")
    public Page<Membership> list(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("userId") Long userId,
                                 @QueryParam("organisationId") Long organisationId,
                                 @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        return users.memberships(actor, userId, organisationId, after, limit);
    }

    @POST
    @Operation(summary = "Add a user to an organisation (admins)")
    public Response create(@Parameter(hidden = true) @Auth CurrentUser actor, MembershipInput input) {
        MembershipInput body = Api.body(input);
        Membership membership = users.addMembership(actor, body.userId(), body.organisationId());
        return Api.created("memberships", membership.id(), membership);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One membership")
    public Membership get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return users.getMembership(actor, id);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a user from an organisation (admins)")
    public Response delete(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        users.removeMembership(actor, id);
        return Response.noContent().build();
    }
}
