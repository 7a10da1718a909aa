package se.samtrygg.rollout;

import static se.samtrygg.common.web.FormValues.parsed;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.Dates;
import se.samtrygg.common.web.FormState;
import se.samtrygg.common.web.FormValues;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.Option;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.OrganisationMember;
import se.samtrygg.identity.UserService;
import se.samtrygg.organisation.OrganisationService;
import se.samtrygg.rollout.RolloutPages.PropertyRow;
import se.samtrygg.rollout.RolloutTexts.Field;
import se.samtrygg.rollout.RolloutTexts.StateView;

/**
 * One property of a rollout (its managers correct or remove it) and one property step: what it is, who answers for it and
 * how far it has come, with the form its responsible organisation updates it with. Only what the viewer may change is shown
 * as a field. The rules are {@link RolloutService}'s.
 */
@Hidden
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class RolloutPropertyPages {
    private static final String TEMPLATES = RolloutPages.TEMPLATES;
    private static final int PEOPLE = 500;

    private final RolloutService rollouts;
    private final OrganisationService organisations;
    private final UserService users;
    private final PageContextFactory pages;
    private final Messages messages;

    public RolloutPropertyPages(RolloutService rollouts, OrganisationService organisations, UserService users, PageContextFactory pages) {
        this.rollouts = rollouts;
        this.organisations = organisations;
        this.users = users;
        this.pages = pages;
        this.messages = pages.messages();
    }

    public record DeleteModel(Rollout rollout, RolloutProperty property, String warning) {
    }

    /** A radio button of the state group. */
    public record StateChoice(String value, String id, String label, boolean checked) {
    }

    public record StepModel(PropertyStep step, Rollout rollout, String description, StateView state, String due, String completed,
                            String count, String updated, String boardHref, boolean canUpdate, boolean manager, FormState form,
                            List<StateChoice> states, String stateError, Field completedOn, Field countField, Field note, Field person,
                            Field organisation, Field dueDate, Field reason, String notice, String readOnly) {
    }

    // A property

    @GET
    @Path("rollout-properties/{id}/edit")
    public HtmlPage editProperty(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        RolloutProperty property = rollouts.property(actor, id);
        Rollout rollout = managed(actor, property);
        FormState form = FormState.empty().with("address", property.address()).with("ownerOrganisationId", property.ownerOrganisationId())
                .with("stairwells", property.stairwells()).with("apartments", property.apartments());
        return propertyPage(request, actor, rollout, property, form);
    }

    /** The same change as PUT /api/v1/rollout-properties/{id}. */
    @POST
    @Path("rollout-properties/{id}/edit")
    public Response updateProperty(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                                   @FormParam("address") String address, @FormParam("ownerOrganisationId") String owner,
                                   @FormParam("stairwells") String stairwells, @FormParam("apartments") String apartments) {
        RolloutProperty property = rollouts.property(actor, id);
        Rollout rollout = managed(actor, property);
        FormState form = FormState.empty().with("address", address).with("ownerOrganisationId", owner).with("stairwells", stairwells)
                .with("apartments", apartments);
        try {
            rollouts.updateProperty(actor, id, RolloutPages.propertyInput(address, owner, stairwells, apartments));
            return Redirect.to("/rollouts/" + rollout.id() + "?saved=true#board");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(propertyPage(request, actor, rollout, property, form)).build();
        }
    }

    private HtmlPage propertyPage(HttpServletRequest request, CurrentUser actor, Rollout rollout, RolloutProperty property,
                                  FormState form) {
        PageContext context = pages.create(request, actor);
        RolloutTexts texts = new RolloutTexts(messages, context.language(), rollouts.today());
        PropertyRow fields = RolloutPages.propertyRow(texts, form, organisations.allActive(), "", null);
        RolloutPages.PropertyFormModel model = new RolloutPages.PropertyFormModel(rollout, property, form, fields.address().mandatory(),
                fields.owner().mandatory(), fields.stairwells().mandatory(), fields.apartments().mandatory(),
                "/rollout-properties/" + property.id() + "/edit", "/rollouts/" + rollout.id());
        return new HtmlPage(TEMPLATES + "property-form.mustache", context, "rollouts.editPropertyTitle", model)
                .titled(texts.get("rollouts.editPropertyHeading", property.address()));
    }

    @GET
    @Path("rollout-properties/{id}/delete")
    public HtmlPage confirmDelete(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        RolloutProperty property = rollouts.property(actor, id);
        Rollout rollout = managed(actor, property);
        PageContext context = pages.create(request, actor);
        RolloutTexts texts = new RolloutTexts(messages, context.language(), rollouts.today());
        long done = property.steps().stream().filter(s -> s.state() == StepState.DONE).count();
        String warning = done == 0 ? texts.get("rollouts.deleteProperty.warning", rollout.name())
                : texts.get("rollouts.deleteProperty.warningDone", rollout.name(), done);
        return new HtmlPage(TEMPLATES + "property-delete.mustache", context, "rollouts.deleteProperty.title",
                new DeleteModel(rollout, property, warning)).titled(texts.get("rollouts.deleteProperty.heading", property.address()));
    }

    /** The same as DELETE /api/v1/rollout-properties/{id}, after the page above has asked. */
    @POST
    @Path("rollout-properties/{id}/delete")
    public Response delete(@Auth CurrentUser actor, @PathParam("id") long id) {
        RolloutProperty property = rollouts.property(actor, id);
        Rollout rollout = managed(actor, property);
        rollouts.removeProperty(actor, id);
        return Redirect.to("/rollouts/" + rollout.id() + "?saved=removed#board");
    }

    // A property step

    @GET
    @Path("property-steps/{id}")
    public HtmlPage step(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                         @QueryParam("saved") boolean saved) {
        PropertyStep step = rollouts.step(actor, id);
        FormState form = FormState.empty().with("state", step.state().name()).with("completedOn", step.completedOn())
                .with("note", step.note()).with("count", step.count()).with("personId", step.personId())
                .with("organisationId", step.organisationId()).with("dueDate", step.dueDate())
                .with("notApplicableReason", step.notApplicableReason());
        return stepPage(request, actor, step, form, saved);
    }

    /** The same change as PUT /api/v1/property-steps/{id}; who may send which field is the service's rule. */
    @POST
    @Path("property-steps/{id}")
    public Response updateStep(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                               @FormParam("state") String stateText, @FormParam("completedOn") String completedOnText,
                               @FormParam("note") String note, @FormParam("count") String countText,
                               @FormParam("personId") String personText, @FormParam("organisationId") String organisationText,
                               @FormParam("dueDate") String dueDateText, @FormParam("notApplicableReason") String reason) {
        PropertyStep step = rollouts.step(actor, id);
        if (!rollouts.canUpdate(actor, step)) {
            throw new AccessDeniedException("user " + actor.id() + " may not update property step " + id,
                    "Only the organisation that answers for the step, the rollout's coordinator and administrators update it.");
        }
        FormState form = FormState.empty().with("state", stateText).with("completedOn", completedOnText).with("note", note)
                .with("count", countText).with("personId", personText).with("organisationId", organisationText)
                .with("dueDate", dueDateText).with("notApplicableReason", reason);
        try {
            List<FieldError> problems = new ArrayList<>();
            StepState state = parsed(problems, () -> state(stateText));
            LocalDate completedOn = parsed(problems, () -> FormValues.date(completedOnText, "completedOn"));
            Integer count = step.counted() ? parsed(problems, () -> RolloutPages.whole(countText, "count")) : null;
            Long person = parsed(problems, () -> FormValues.optionalLong(personText, "personId", "error.unknownUser"));
            // Fields a non-manager is not shown are not read: organisation and due date then stay as they are.
            boolean manager = rollouts.canManage(actor, rollouts.get(actor, step.rolloutId()));
            Long organisation = manager ? parsed(problems, () -> FormValues.optionalLong(organisationText, "organisationId",
                    "error.unknownOrganisation")) : null;
            LocalDate dueDate = manager ? parsed(problems, () -> FormValues.date(dueDateText, "dueDate")) : null;
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            PropertyStepInput input = new PropertyStepInput(state, state == StepState.DONE ? completedOn : null, note, count, person,
                    organisation, dueDate, state == StepState.NOT_APPLICABLE ? reason : null);
            rollouts.updateStep(actor, id, input);
            return Redirect.to("/property-steps/" + id + "?saved=true");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(stepPage(request, actor, step, form, false)).build();
        }
    }

    private static StepState state(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("state", "error.required");
        }
        try {
            return StepState.valueOf(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "error.unknownValue");
        }
    }

    private HtmlPage stepPage(HttpServletRequest request, CurrentUser actor, PropertyStep step, FormState form, boolean saved) {
        PageContext context = pages.create(request, actor);
        RolloutTexts texts = new RolloutTexts(messages, context.language(), rollouts.today());
        Rollout rollout = rollouts.get(actor, step.rolloutId());
        boolean manager = rollouts.canManage(actor, rollout);
        // Whether a step applies is the managers' to decide, so its organisation cannot change one that does not.
        boolean canUpdate = rollouts.canUpdate(actor, step) && (manager || step.state() != StepState.NOT_APPLICABLE);
        String description = rollout.steps().stream().filter(s -> s.id() == step.stepId()).map(RolloutStep::description).findFirst()
                .orElse(null);
        String chosenState = form.values().get("state");
        List<StateChoice> states = new ArrayList<>();
        for (StepState state : StepState.values()) {
            if (state != StepState.NOT_APPLICABLE || manager) {
                states.add(new StateChoice(state.name(), "state-" + state.name(), texts.get("rollouts.state." + state.name()),
                        state.name().equals(chosenState)));
            }
        }
        Field completedOn = texts.date("completedOn", "rollouts.step.completedOn", form).hinted(texts.get("rollouts.step.completedOnHint"));
        Field count = step.counted() ? texts.number("count", "rollouts.step.count", form, 0, 100000)
                .hinted(texts.get("rollouts.step.countHint")) : null;
        Field note = texts.textarea("note", "rollouts.step.note", form, 2000).hinted(texts.get("rollouts.step.noteHint"));
        Field person = texts.select("personId", "rollouts.step.person", form, texts.get("rollouts.step.noPerson"),
                people(step, form.values().get("personId"))).hinted(texts.get("rollouts.step.personHint", step.organisationName()));
        Field organisation = null;
        Field dueDate = null;
        Field reason = null;
        if (manager) {
            organisation = texts.groupedSelect("organisationId", "rollouts.step.organisation", form, null,
                    texts.organisationGroups(organisations.allActive(), form.values().get("organisationId")))
                    .hinted(texts.get("rollouts.step.organisationHint"));
            dueDate = texts.date("dueDate", "rollouts.step.dueDate", form);
            reason = texts.text("notApplicableReason", "rollouts.step.reason", form, 500).hinted(texts.get("rollouts.step.reasonHint"));
        }
        StepModel model = new StepModel(step, rollout, description, texts.state(step), texts.date(step.dueDate()),
                step.completedOn() == null ? null : texts.date(step.completedOn()), texts.count(step),
                step.updatedAt() == null ? null : Dates.dateTime(step.updatedAt()), "/rollouts/" + rollout.id() + "#board", canUpdate,
                manager, form, states, form.errors().get("state"), completedOn, count, note, person, organisation, dueDate, reason,
                saved ? texts.get("common.saved") : null, texts.get(rollouts.canUpdate(actor, step)
                        ? "rollouts.step.onlyManagersWhenNotApplicable" : "rollouts.step.whoUpdates"));
        return new HtmlPage(TEMPLATES + "property-step.mustache", context, "rollouts.step.title", model)
                .titled(texts.get("rollouts.step.heading", step.stepName(), step.propertyAddress()));
    }

    /** The active people of the responsible organisation; someone named before who has since left is kept, so it shows. */
    private List<Option> people(PropertyStep step, String chosen) {
        List<Option> options = new ArrayList<>();
        boolean chosenListed = false;
        for (OrganisationMember member : users.activeMembersOf(Set.of(step.organisationId()), PEOPLE)) {
            boolean selected = Long.toString(member.userId()).equals(chosen);
            chosenListed |= selected;
            options.add(new Option(Long.toString(member.userId()), member.name(), selected));
        }
        if (!chosenListed && step.personId() != null && Long.toString(step.personId()).equals(chosen)) {
            options.add(new Option(Long.toString(step.personId()), step.personName(), true));
        }
        return options;
    }

    /** The rollout of a property its managers may change; anyone else is refused before any form is shown. */
    private Rollout managed(CurrentUser actor, RolloutProperty property) {
        Rollout rollout = rollouts.get(actor, property.rolloutId());
        if (!rollouts.canManage(actor, rollout)) {
            throw new AccessDeniedException("user " + actor.id() + " does not manage rollout " + rollout.id(),
                    "Only the rollout's coordinator and administrators change its properties.");
        }
        return rollout;
    }
}
