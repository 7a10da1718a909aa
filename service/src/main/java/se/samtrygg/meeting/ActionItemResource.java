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
import java.util.List;
import se.samtrygg.common.Page;
import se.samtrygg.common.web.Api;
import se.samtrygg.identity.CurrentUser;

@Path("/api/v1/action-items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Action items")
public final class ActionItemResource {
    private final ActionItemService actionItems;

    public ActionItemResource(ActionItemService actionItems) {
        this.actionItems = actionItems;
    }

    public record StateChange(ActionItemState state) {
    }

    public record CommentInput(String text) {
    }

    @GET
    @Operation(summary = "Action items you may see",
            description = "Keyset-paged by id. meetingId or networkGroupId narrow them; open=true leaves out done and cancelled ones; "
                    + "mine=true keeps those you or your organisations are responsible for.")
    public Page<ActionItem> list(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("meetingId") Long meetingId,
                                 @QueryParam("networkGroupId") Long networkGroupId, @QueryParam("open") boolean open,
                                 @QueryParam("mine") boolean mine, @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        return actionItems.list(actor, meetingId, networkGroupId, open, mine, after, limit);
    }

    @POST
    @Operation(summary = "Record an action item at a meeting (the group's coordinators, admins)")
    public Response create(@Parameter(hidden = true) @Auth CurrentUser actor, ActionItemInput input) {
        ActionItem item = actionItems.create(actor, Api.body(input));
        return Api.created("action-items", item.id(), item);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One action item")
    public ActionItem get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return actionItems.get(actor, id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change an action item's text, responsibility, due date or visibility (the group's coordinators, admins)")
    public ActionItem update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, ActionItemInput input) {
        return actionItems.update(actor, id, Api.body(input));
    }

    @POST
    @Path("{id}/state")
    @Operation(summary = "Move an action item to another state (the responsible organisation, the group's coordinators, admins)")
    public ActionItem setState(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, StateChange change) {
        return actionItems.setState(actor, id, Api.body(change).state());
    }

    @GET
    @Path("{id}/comments")
    @Operation(summary = "Comments on an action item, oldest first")
    public List<ActionItemComment> comments(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return actionItems.comments(actor, id);
    }

    @POST
    @Path("{id}/comments")
    @Operation(summary = "Comment on an action item (whoever may see it)")
    public Response comment(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, CommentInput input) {
        return Response.status(Response.Status.CREATED).entity(actionItems.comment(actor, id, Api.body(input).text())).build();
    }
}
