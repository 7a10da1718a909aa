package se.samtrygg.rollout;

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

@Path("/api/v1/method-templates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Method templates")
public final class MethodTemplateResource {
    private final MethodTemplateService templates;

    public MethodTemplateResource(MethodTemplateService templates) {
        this.templates = templates;
    }

    @GET
    @Operation(summary = "The method templates in use, by name; retired ones too with includeRetired=true",
            description = "A handful exist, so the list comes whole: nextAfter is always null.")
    public Page<MethodTemplate> list(@Parameter(hidden = true) @Auth CurrentUser actor,
                                     @QueryParam("includeRetired") boolean includeRetired) {
        return new Page<>(templates.list(actor, includeRetired), null);
    }

    @POST
    @Operation(summary = "Add a method template with its steps in checklist order (admins)")
    public Response create(@Parameter(hidden = true) @Auth CurrentUser actor, MethodTemplateInput input) {
        MethodTemplate template = templates.create(actor, Api.body(input));
        return Api.created("method-templates", template.id(), template);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One method template with its steps")
    public MethodTemplate get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return templates.get(actor, id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a method template, steps included, or retire it with active=false (admins)",
            description = "Raises the version. Rollouts already started keep the steps they started with.")
    public MethodTemplate update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id,
                                 MethodTemplateInput input) {
        return templates.update(actor, id, Api.body(input));
    }
}
