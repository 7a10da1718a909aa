package se.samtrygg.organisation;

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

@Path("/api/v1/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
public final class OrganisationResource {
    private final OrganisationService organisations;

    public OrganisationResource(OrganisationService organisations) {
        this.organisations = organisations;
    }

    @GET
    @Operation(summary = "List organisations", description = "Keyset-paged by id; q filters by part of the name.")
    public Page<Organisation> list(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("q") String query,
                                   @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        return organisations.list(actor, query, after, limit);
    }

    @POST
    @Operation(summary = "Create an organisation (admins)")
    public Response create(@Parameter(hidden = true) @Auth CurrentUser actor, OrganisationInput input) {
        Organisation organisation = organisations.create(actor, Api.body(input));
        return Api.created("organisations", organisation.id(), organisation);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One organisation")
    public Organisation get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return organisations.get(actor, id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change an organisation's name and type (admins)")
    public Organisation update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, OrganisationInput input) {
        return organisations.update(actor, id, Api.body(input));
    }

    @POST
    @Path("{id}/deactivate")
    @Operation(summary = "Deactivate an organisation (admins)")
    public Organisation deactivate(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return organisations.setActive(actor, id, false);
    }

    @POST
    @Path("{id}/reactivate")
    @Operation(summary = "Reactivate an organisation (admins)")
    public Organisation reactivate(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return organisations.setActive(actor, id, true);
    }

    @GET
    @Path("{id}/contacts")
    @Operation(summary = "An organisation's contact people, by name")
    public List<ContactPerson> contacts(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long organisationId) {
        return organisations.contacts(actor, organisationId);
    }

    @POST
    @Path("{id}/contacts")
    @Operation(summary = "Add a contact person (the organisation's members, admins)")
    public Response addContact(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long organisationId, ContactInput input) {
        ContactPerson contact = organisations.addContact(actor, organisationId, Api.body(input));
        return Api.created("contacts", contact.id(), contact);
    }
}
