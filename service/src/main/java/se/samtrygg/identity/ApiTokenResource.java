package se.samtrygg.identity;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
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

@Path("/api/v1/auth/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens")
public final class ApiTokenResource {
    private final ApiTokenService tokens;

    public ApiTokenResource(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @POST
    @SecurityRequirements
    @Operation(summary = "Exchange e-mail and password for a bearer token",
            description = "The token is in the answer once and never again. Failed attempts are throttled like the login page.")
    public Response create(ApiTokenRequest request) {
        CreatedApiToken created = tokens.createWithCredentials(Api.body(request));
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @GET
    @Operation(summary = "List your tokens (admins: anyone's, with userId)")
    public Page<ApiToken> list(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("userId") Long userId,
                               @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        return tokens.list(actor, userId, after, limit);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke a token (its owner, admins)")
    public ApiToken revoke(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return tokens.revoke(actor, id);
    }
}
