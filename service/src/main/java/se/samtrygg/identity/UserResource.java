package se.samtrygg.identity;

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

@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public final class UserResource {
    private final UserService users;

    public UserResource(UserService users) {
        this.users = users;
    }

    /** The body of {@code PUT /users/{id}/password}. */
    public record PasswordInput(String password) {
    }

    @GET
    @Operation(summary = "List users (admins)", description = "Keyset-paged by id; q filters by name or e-mail.")
    public Page<User> list(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("q") String query,
                           @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        return users.list(actor, query, after, limit);
    }

    @POST
    @Operation(summary = "Create a user (admins)")
    public Response create(@Parameter(hidden = true) @Auth CurrentUser actor, UserInput input) {
        User user = users.create(actor, Api.body(input));
        return Api.created("users", user.id(), user);
    }

    @GET
    @Path("me")
    @Operation(summary = "The signed-in user")
    public User me(@Parameter(hidden = true) @Auth CurrentUser actor) {
        return users.get(actor, actor.id());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One user (admins, the user, and members of the same organisations)")
    public User get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return users.get(actor, id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a user's e-mail, name, language and roles (admins)")
    public User update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, UserInput input) {
        return users.update(actor, id, Api.body(input));
    }

    @PUT
    @Path("{id}/password")
    @Operation(summary = "Set a user's password (admins); the user must change it at next sign-in")
    public Response setPassword(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, PasswordInput input) {
        users.setPassword(actor, id, Api.body(input).password());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Deactivate a user (admins): signs them out and revokes their tokens")
    public User deactivate(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return users.setActive(actor, id, false);
    }

    @POST
    @Path("{id}/reactivate")
    @Operation(summary = "Reactivate a user (admins)")
    public User reactivate(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return users.setActive(actor, id, true);
    }
}
