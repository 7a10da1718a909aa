package se.samtrygg.servicepoint;

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
import java.util.List;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.Page;
import se.samtrygg.common.web.Api;
import se.samtrygg.common.web.FormValues;
import se.samtrygg.identity.CurrentUser;

/** Service points, their presence slots and the days without presence. Public information, but the API needs sign-in. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Service points and presence")
public final class ServicePointResource {
    private final ServicePointService servicePoints;

    public ServicePointResource(ServicePointService servicePoints) {
        this.servicePoints = servicePoints;
    }

    /** A whole short list, not paged: a service point's slots, or its exceptions from a day on. */
    public record Items<T>(List<T> items) {
    }

    @GET
    @Path("service-points")
    @Operation(summary = "List service points",
            description = "Keyset-paged by id. Active ones only unless includeInactive=true; areaId narrows to one area.")
    public Page<ServicePoint> list(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("areaId") Long areaId,
                                   @QueryParam("includeInactive") boolean includeInactive, @QueryParam("after") Long after,
                                   @QueryParam("limit") Integer limit) {
        return servicePoints.list(areaId, includeInactive, after, limit);
    }

    @POST
    @Path("service-points")
    @Operation(summary = "Create a service point (coordinators, admins)",
            description = "The name is unique within the area. stepFree and hearingLoop default to false, active to true.")
    public Response create(@Parameter(hidden = true) @Auth CurrentUser actor, ServicePointInput input) {
        ServicePoint point = servicePoints.create(actor, Api.body(input));
        return Api.created("service-points", point.id(), point);
    }

    @GET
    @Path("service-points/{id}")
    @Operation(summary = "One service point")
    public ServicePoint get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return servicePoints.get(id);
    }

    @PUT
    @Path("service-points/{id}")
    @Operation(summary = "Change a service point (coordinators, admins)", description = "active=false takes it off the public pages.")
    public ServicePoint update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, ServicePointInput input) {
        return servicePoints.update(actor, id, Api.body(input));
    }

    @GET
    @Path("service-points/{id}/slots")
    @Operation(summary = "The presence slots of a service point",
            description = "By weekday (ISO, MONDAY first) and time; times are local Europe/Stockholm, languages ISO 639-1 codes.")
    public Items<PresenceSlot> slots(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return new Items<>(servicePoints.slots(id));
    }

    @POST
    @Path("service-points/{id}/slots")
    @Operation(summary = "Add an organisation's weekly hours at a service point (members of the organisation, admins)",
            description = "organisationId may be left out by someone in exactly one organisation. Every weekday from startsAt to "
                    + "endsAt (local time, \"10:00\"), from validFrom (default today) until validUntil (default: until further "
                    + "notice). At least one help kind and one language (ISO 639-1 code, such as \"ar\").")
    public Response addSlot(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, PresenceSlotInput input) {
        PresenceSlotInput body = Api.body(input);
        if (body.servicePointId() != null && body.servicePointId() != id) {
            throw new InvalidInputException("servicePointId", "error.presenceSlot.pointFixed");
        }
        PresenceSlot slot = servicePoints.addSlot(actor, new PresenceSlotInput(id, body.organisationId(), body.weekday(),
                body.startsAt(), body.endsAt(), body.validFrom(), body.validUntil(), body.help(), body.helpNote(), body.languages()));
        return Api.created("presence-slots", slot.id(), slot);
    }

    @GET
    @Path("service-points/{id}/exceptions")
    @Operation(summary = "The days without presence at a service point, from a day on (default today)",
            description = "slotId null: the whole service point is closed that day; set: that slot is cancelled that day.")
    public Items<PresenceException> exceptions(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id,
                                               @QueryParam("from") String from) {
        return new Items<>(servicePoints.exceptions(id, FormValues.date(from, "from")));
    }

    @POST
    @Path("service-points/{id}/exceptions")
    @Operation(summary = "Close a service point on a day, or cancel one slot on a day",
            description = "Without slotId the whole service point closes (a holiday: coordinators, admins); with slotId that slot "
                    + "is cancelled (members of its organisation, coordinators, admins). The day must be one the slot runs on.")
    public Response addException(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id,
                                 PresenceExceptionInput input) {
        PresenceException exception = servicePoints.addException(actor, id, Api.body(input));
        return Api.created("presence-exceptions", exception.id(), exception);
    }

    @GET
    @Path("presence-slots/{id}")
    @Operation(summary = "One presence slot")
    public PresenceSlot slot(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return servicePoints.slot(id);
    }

    @PUT
    @Path("presence-slots/{id}")
    @Operation(summary = "Change a presence slot (members of its organisation, admins)",
            description = "The service point stays; sent, it must be the slot's own. validFrom left out means today.")
    public PresenceSlot updateSlot(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id,
                                   PresenceSlotInput input) {
        return servicePoints.updateSlot(actor, id, Api.body(input));
    }

    @DELETE
    @Path("presence-slots/{id}")
    @Operation(summary = "Remove a presence slot and its exceptions (members of its organisation, admins)")
    public Response removeSlot(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        servicePoints.removeSlot(actor, id);
        return Response.noContent().build();
    }

    @DELETE
    @Path("presence-exceptions/{id}")
    @Operation(summary = "Remove a closure or cancellation",
            description = "A closure: coordinators, admins. A cancellation: also members of the slot's organisation.")
    public Response removeException(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        servicePoints.removeException(actor, id);
        return Response.noContent().build();
    }
}
