package se.samtrygg.organisation;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.samtrygg.common.web.Api;
import se.samtrygg.identity.CurrentUser;

@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Contact people")
public final class ContactResource {
    private final OrganisationService organisations;

    public ContactResource(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One contact person")
    public ContactPerson get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return organisations.getContact(actor, id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a contact person (the organisation's members, admins)")
    public ContactPerson update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, ContactInput input) {
        return organisations.updateContact(actor, id, Api.body(input));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a contact person (the organisation's members, admins)")
    public Response delete(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        organisations.removeContact(actor, id);
        return Response.noContent().build();
    }
}
