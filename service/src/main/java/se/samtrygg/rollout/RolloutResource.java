package se.samtrygg.rollout;

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
import se.samtrygg.common.Page;
import se.samtrygg.common.web.Api;
import se.samtrygg.identity.CurrentUser;

/** Rollouts, their properties (the board's rows) and their property steps (the board's cells). */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rollouts")
public final class RolloutResource {
    private final RolloutService rollouts;

    public RolloutResource(RolloutService rollouts) {
        this.rollouts = rollouts;
    }

    /** Who answers for a rollout step: an organisation, or null for each property's owner. */
    public record StepAssignment(Long organisationId) {
    }

    public record Marked(int marked) {
    }

    @GET
    @Path("rollouts")
    @Operation(summary = "Rollouts, newest first", description = "Keyset-paged: after is the last id of the previous page. Each "
            + "rollout comes with its steps and its progress.")
    public Page<Rollout> list(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("areaId") Long areaId,
                              @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        return rollouts.list(actor, areaId, after, limit);
    }

    @POST
    @Path("rollouts")
    @Operation(summary = "Start a rollout of a method template in an area (admins, coordinators)",
            description = "The rollout copies the template's steps as they are now: changing the template later does not change it. "
                    + "name defaults to \"template i area\", coordinatorId to you. stepOrganisations names who answers for a step by "
                    + "its position (organisationId null: each property's owner); a step not named goes to the one active member "
                    + "organisation of the area's network groups of the step's type when there is exactly one, else to each property's "
                    + "owner. Each property gets every step, due on the start date plus the step's offset.")
    public Response create(@Parameter(hidden = true) @Auth CurrentUser actor, RolloutInput input) {
        Rollout rollout = rollouts.create(actor, Api.body(input));
        return Api.created("rollouts", rollout.id(), rollout);
    }

    @GET
    @Path("rollouts/progress")
    @Operation(summary = "Progress per area: steps done, apartments covered, steps overdue",
            description = "The areas that have rollouts, by name, or the one asked for. A property is covered when every covering step "
                    + "of it is done or not applicable and at least one is done. Shares are of the applicable steps and of all apartments.")
    public Page<AreaProgress> progress(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("areaId") Long areaId) {
        return new Page<>(rollouts.areaProgress(actor, areaId), null);
    }

    @GET
    @Path("rollouts/{id}")
    @Operation(summary = "One rollout with its steps and progress")
    public Rollout get(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return rollouts.get(actor, id);
    }

    @PUT
    @Path("rollouts/{id}")
    @Operation(summary = "Change a rollout's name, dates or coordinator (admins, the rollout's coordinator)",
            description = "Fields left out stay as they are. Moving the start date moves the due dates of the steps not yet done or "
                    + "not applicable by as many days.")
    public Rollout update(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, RolloutChange change) {
        return rollouts.update(actor, id, Api.body(change));
    }

    @PUT
    @Path("rollouts/{id}/steps/{stepId}")
    @Operation(summary = "Give a rollout step to an organisation (admins, the rollout's coordinator)",
            description = "organisationId null gives it to each property's owner. The step's open property steps follow; a person "
                    + "named for one stays only where the organisation stays the same.")
    public Rollout assignStep(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id,
                              @PathParam("stepId") long stepId, StepAssignment assignment) {
        return rollouts.assignStep(actor, id, stepId, Api.body(assignment).organisationId());
    }

    @GET
    @Path("rollouts/{id}/properties")
    @Operation(summary = "The rollout's properties with their steps (the board's rows)", description = "Keyset-paged by id.")
    public Page<RolloutProperty> properties(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id,
                                            @QueryParam("after") Long after, @QueryParam("limit") Integer limit) {
        return rollouts.properties(actor, id, after, limit);
    }

    @POST
    @Path("rollouts/{id}/properties")
    @Operation(summary = "Add a property to a rollout (admins, the rollout's coordinator)",
            description = "It gets a step for each of the rollout's steps (the rollout's own, not the template's as it is now), due "
                    + "the later of the start date and today plus the step's offset.")
    public Response addProperty(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, PropertyInput input) {
        RolloutProperty property = rollouts.addProperty(actor, id, Api.body(input));
        return Api.created("rollout-properties", property.id(), property);
    }

    @POST
    @Path("rollouts/{id}/steps-done")
    @Operation(summary = "Mark one step done for many properties at once",
            description = "All or nothing: every property must be in the rollout and its step one you may update (its organisation's "
                    + "members, admins, the rollout's coordinator). Steps already done or not applicable stay as they are. completedOn "
                    + "defaults to today; count, for counted steps, is set on each.")
    public Marked markDone(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id, StepsDone input) {
        return new Marked(rollouts.markDone(actor, id, Api.body(input)));
    }

    @GET
    @Path("rollout-properties/{id}")
    @Operation(summary = "One property of a rollout with its steps")
    public RolloutProperty property(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return rollouts.property(actor, id);
    }

    @PUT
    @Path("rollout-properties/{id}")
    @Operation(summary = "Change a property (admins, the rollout's coordinator)",
            description = "A new owner takes over the open steps the old owner answered for as owner.")
    public RolloutProperty updateProperty(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id,
                                          PropertyInput input) {
        return rollouts.updateProperty(actor, id, Api.body(input));
    }

    @DELETE
    @Path("rollout-properties/{id}")
    @Operation(summary = "Remove a property and its steps from a rollout (admins, the rollout's coordinator)")
    public Response removeProperty(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        rollouts.removeProperty(actor, id);
        return Response.noContent().build();
    }

    @GET
    @Path("property-steps/mine")
    @Operation(summary = "Open steps of your organisations, earliest due first",
            description = "Keyset-paged: after is the id of the last step of the previous page.")
    public Page<PropertyStep> mine(@Parameter(hidden = true) @Auth CurrentUser actor, @QueryParam("after") Long after,
                                   @QueryParam("limit") Integer limit) {
        return rollouts.mySteps(actor, after, limit);
    }

    @GET
    @Path("property-steps/{id}")
    @Operation(summary = "One step of one property")
    public PropertyStep step(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id) {
        return rollouts.step(actor, id);
    }

    @PUT
    @Path("property-steps/{id}")
    @Operation(summary = "Update one step of one property",
            description = "Members of the responsible organisation set state (not NOT_APPLICABLE), completedOn (defaults to today when "
                    + "DONE), note, count (counted steps) and personId (an active member of the organisation); these are replaced. "
                    + "Admins and the rollout's coordinator also set organisationId and dueDate (null: unchanged) and mark a step "
                    + "NOT_APPLICABLE with notApplicableReason.")
    public PropertyStep updateStep(@Parameter(hidden = true) @Auth CurrentUser actor, @PathParam("id") long id,
                                   PropertyStepInput input) {
        return rollouts.updateStep(actor, id, Api.body(input));
    }
}
