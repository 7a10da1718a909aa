package se.samtrygg.meeting;

import static se.samtrygg.common.web.FormValues.parsed;
import static se.samtrygg.common.web.FormValues.visibility;

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
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.Page;
import se.samtrygg.common.Visibility;
import se.samtrygg.common.i18n.Language;
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

/** "My action items", one action item with its comments, the moves its owners make, and its edit form for coordinators. */
@Hidden
@Path("/action-items")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ActionItemPages {
    /** "My action items" a page at a time, oldest first, like the API: the whole list of a busy organisation is hundreds. */
    static final int MINE_PAGE = 50;

    private final ActionItemService actionItems;
    private final PageContextFactory pages;
    private final Messages messages;

    public ActionItemPages(ActionItemService actionItems, PageContextFactory pages) {
        this.actionItems = actionItems;
        this.pages = pages;
        this.messages = pages.messages();
    }

    /** An action item as a line in a list: state and due date in words, overdue marked. */
    /** {@code meetingId} and {@code meeting} are null for an item handed over from an observation. */
    public record Line(long id, String title, String organisation, String person, String due, boolean overdue, String state,
                       String meeting, Long meetingId, String visibility) {
    }

    public record MineModel(List<Line> items, Long nextAfter) {
        public boolean hasItems() {
            return !items.isEmpty();
        }
    }

    /** {@code observationId}: the observation it was handed over from, when the viewer may read it. */
    public record ItemModel(Line item, ActionItem actionItem, boolean canUpdateState, boolean canEdit, List<Option> states,
                            List<ActionItemComment> comments, FormState commentForm, String notice, Long observationId) {
        public boolean hasComments() {
            return !comments.isEmpty();
        }
    }

    /** The people of one organisation in the responsible person select: an {@code <optgroup>}. */
    public record PersonGroup(String organisation, List<Option> people) {
    }

    /**
     * The responsible person select of an action item form (partial action-item-person-field): its element id, the message
     * beside it, and the people to choose from grouped by organisation.
     */
    public record PersonField(String id, String error, List<PersonGroup> groups) {
    }

    public record EditModel(ActionItem item, FormState form, List<Option> organisations, PersonField personField) {
        /** So a refused form keeps "only the responsible organisation". */
        public boolean organisationVisibilityChosen() {
            return "ORGANISATION".equals(form.values().get("visibility"));
        }
    }

    @GET
    @Path("mine")
    public HtmlPage mine(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("after") Long after) {
        PageContext context = pages.create(request, actor);
        Page<ActionItem> page = actionItems.list(actor, null, null, true, true, after, MINE_PAGE);
        List<Line> lines = page.items().stream().map(item -> line(item, context.language())).toList();
        return new HtmlPage("/se/samtrygg/meeting/my-action-items.mustache", context, "actionItems.mineTitle",
                new MineModel(lines, page.nextAfter()));
    }

    @GET
    @Path("{id}")
    public HtmlPage show(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                         @QueryParam("saved") boolean saved) {
        return itemPage(request, actor, id, FormState.empty(), saved ? "common.saved" : null);
    }

    @POST
    @Path("{id}/state")
    public Response setState(@Auth CurrentUser actor, @PathParam("id") long id, @FormParam("state") String state) {
        ActionItemState target;
        try {
            target = ActionItemState.valueOf(state == null ? "" : state);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "error.unknownValue");
        }
        actionItems.setState(actor, id, target);
        return Redirect.to("/action-items/" + id + "?saved=true");
    }

    @POST
    @Path("{id}/comments")
    public Response comment(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                            @FormParam("text") String text) {
        try {
            actionItems.comment(actor, id, text);
            return Redirect.to("/action-items/" + id + "?saved=true#comments");
        } catch (InvalidInputException e) {
            FormState form = FormState.empty().with("text", text)
                    .withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(itemPage(request, actor, id, form, null)).build();
        }
    }

    @GET
    @Path("{id}/edit")
    public HtmlPage edit(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        ActionItem item = actionItems.getEditable(actor, id);
        FormState form = FormState.empty().with("title", item.title())
                .with("responsibleOrganisationId", item.responsibleOrganisationId()).with("responsibleUserId", item.responsibleUserId())
                .with("dueDate", item.dueDate()).with("visibility", item.visibility().name());
        return editPage(request, actor, item, form);
    }

    /** The same change as PUT /api/v1/action-items/{id}, from a plain form; a refused one comes back with every value kept. */
    @POST
    @Path("{id}/edit")
    public Response update(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                           @FormParam("title") String title, @FormParam("responsibleOrganisationId") String organisationId,
                           @FormParam("responsibleUserId") String userId, @FormParam("dueDate") String dueDate,
                           @FormParam("visibility") String visibility) {
        ActionItem item = actionItems.getEditable(actor, id);
        FormState form = FormState.empty().with("title", title).with("responsibleOrganisationId", organisationId)
                .with("responsibleUserId", userId).with("dueDate", dueDate).with("visibility", visibility);
        try {
            actionItems.update(actor, id, input(item.meetingId(), title, organisationId, userId, dueDate, visibility));
            return Redirect.to("/action-items/" + id + "?saved=true");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(editPage(request, actor, item, form)).build();
        }
    }

    private HtmlPage editPage(HttpServletRequest request, CurrentUser actor, ActionItem item, FormState form) {
        PageContext context = pages.create(request, actor);
        String chosenOrganisation = form.values().get("responsibleOrganisationId");
        List<Option> organisations = actionItems.responsibleOrganisations().stream()
                .map(o -> new Option(Long.toString(o.id()), o.name(), Long.toString(o.id()).equals(chosenOrganisation))).toList();
        PersonField person = personField(actionItems, actor, item.networkGroupId(), item.responsibleOrganisationId(), "responsibleUserId",
                form);
        return new HtmlPage("/se/samtrygg/meeting/action-item-form.mustache", context, "actionItems.editTitle",
                new EditModel(item, form, organisations, person));
    }

    /**
     * The person select of an action item form of this group, whose values hold responsibleOrganisationId and
     * responsibleUserId: the people of the group's organisations, of {@code currentOrganisationId} (an item's own; null for a
     * new item) and of the organisation just chosen, should that differ. For the group's coordinators and admins.
     */
    public static PersonField personField(ActionItemService actionItems, CurrentUser actor, Long networkGroupId,
                                          Long currentOrganisationId, String elementId, FormState form) {
        Set<Long> alsoOrganisations = new LinkedHashSet<>();
        if (currentOrganisationId != null) {
            alsoOrganisations.add(currentOrganisationId);
        }
        try {
            Long typed = FormValues.optionalLong(form.values().get("responsibleOrganisationId"), "responsibleOrganisationId",
                    "error.unknownValue");
            if (typed != null) {
                alsoOrganisations.add(typed);
            }
        } catch (InvalidInputException e) {
            // Already said beside the organisation field; the select simply lists the others.
        }
        return personField(elementId, form, actionItems.responsibleCandidates(actor, networkGroupId, alsoOrganisations));
    }

    /** Someone in several of the organisations is selected under the chosen one, so the select shows what was meant. */
    static PersonField personField(String elementId, FormState form, List<ResponsiblePeople> candidates) {
        String organisation = form.values().get("responsibleOrganisationId");
        String person = form.values().get("responsibleUserId");
        String selectUnder = candidates.stream()
                .filter(c -> c.people().stream().anyMatch(p -> Long.toString(p.id()).equals(person)))
                .map(c -> Long.toString(c.organisationId()))
                .reduce((first, other) -> other.equals(organisation) ? other : first).orElse(null);
        List<PersonGroup> groups = candidates.stream().map(c -> new PersonGroup(c.organisationName(), c.people().stream()
                .map(p -> new Option(Long.toString(p.id()), p.name(),
                        Long.toString(p.id()).equals(person) && Long.toString(c.organisationId()).equals(selectUnder)))
                .toList())).toList();
        return new PersonField(elementId, form.errors().get("responsibleUserId"), groups);
    }

    /**
     * An action item as typed in a plain form (the edit page, and the meeting page's "add" form),
     * with every field's problem reported at once. A left-out visibility is the service's to fill in.
     */
    static ActionItemInput input(Long meetingId, String title, String organisationId, String userId, String dueDate,
                                 String visibility) {
        List<FieldError> problems = new ArrayList<>();
        Long organisation = parsed(problems, () -> FormValues.optionalLong(organisationId, "responsibleOrganisationId",
                "error.unknownValue"));
        Long person = parsed(problems, () -> FormValues.optionalLong(userId, "responsibleUserId", "error.unknownValue"));
        LocalDate due = parsed(problems, () -> FormValues.date(dueDate, "dueDate"));
        Visibility chosen = parsed(problems, () -> visibility(visibility));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ActionItemInput(meetingId, title, organisation, person, due, chosen);
    }




    private HtmlPage itemPage(HttpServletRequest request, CurrentUser actor, long id, FormState commentForm, String noticeKey) {
        ActionItem item = actionItems.get(actor, id);
        PageContext context = pages.create(request, actor);
        List<Option> states = Arrays.stream(ActionItemState.values()).filter(s -> s != item.state())
                .map(s -> new Option(s.name(), messages.get(context.language(), "actionItems.moveTo." + s.name()), false)).toList();
        ItemModel model = new ItemModel(line(item, context.language()), item, actionItems.canUpdateState(actor, item),
                actionItems.canEdit(actor, item), states,
                actionItems.comments(actor, id), commentForm, noticeKey == null ? null : messages.get(context.language(), noticeKey),
                actionItems.visibleObservationId(actor, item).orElse(null));
        return new HtmlPage("/se/samtrygg/meeting/action-item.mustache", context, "actionItems.title", model).titled(item.title());
    }

    Line line(ActionItem item, Language language) {
        return line(item, language, messages, LocalDate.now(Dates.ZONE));
    }

    static Line line(ActionItem item, Language language, Messages messages, LocalDate today) {
        boolean overdue = item.dueDate() != null && !item.state().closed() && item.dueDate().isBefore(today);
        return new Line(item.id(), item.title(), item.responsibleOrganisationName(), item.responsibleUserName(),
                item.dueDate() == null ? "" : item.dueDate().toString(), overdue,
                messages.get(language, "actionItems.state." + item.state().name()), item.meetingTitle(), item.meetingId(),
                messages.get(language, "visibility." + item.visibility().name()));
    }
}
