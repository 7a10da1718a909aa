package se.samtrygg.meeting;

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
import java.util.Arrays;
import java.util.List;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.Dates;
import se.samtrygg.common.web.FormState;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.Option;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;
import se.samtrygg.identity.CurrentUser;

/** "My action items", one action item with its comments, and the moves its owners make. */
@Hidden
@Path("/action-items")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ActionItemPages {
    private final ActionItemService actionItems;
    private final PageContextFactory pages;
    private final Messages messages;

    public ActionItemPages(ActionItemService actionItems, PageContextFactory pages) {
        this.actionItems = actionItems;
        this.pages = pages;
        this.messages = pages.messages();
    }

    /** An action item as a line in a list: state and due date in words, overdue marked. */
    public record Line(long id, String title, String organisation, String person, String due, boolean overdue, String state,
                       String meeting, long meetingId, String visibility) {
    }

    public record MineModel(List<Line> items) {
        public boolean hasItems() {
            return !items.isEmpty();
        }
    }

    public record ItemModel(Line item, ActionItem actionItem, boolean canUpdateState, List<Option> states, List<ActionItemComment> comments,
                            FormState commentForm, String notice) {
        public boolean hasComments() {
            return !comments.isEmpty();
        }
    }

    @GET
    @Path("mine")
    public HtmlPage mine(@Context HttpServletRequest request, @Auth CurrentUser actor) {
        PageContext context = pages.create(request, actor);
        List<Line> lines = actionItems.list(actor, null, null, true, true, null, 200).items().stream()
                .map(item -> line(item, context.language())).toList();
        return new HtmlPage("/se/samtrygg/meeting/my-action-items.mustache", context, "actionItems.mineTitle", new MineModel(lines));
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

    private HtmlPage itemPage(HttpServletRequest request, CurrentUser actor, long id, FormState commentForm, String noticeKey) {
        ActionItem item = actionItems.get(actor, id);
        PageContext context = pages.create(request, actor);
        List<Option> states = Arrays.stream(ActionItemState.values()).filter(s -> s != item.state())
                .map(s -> new Option(s.name(), messages.get(context.language(), "actionItems.moveTo." + s.name()), false)).toList();
        ItemModel model = new ItemModel(line(item, context.language()), item, actionItems.canUpdateState(actor, item), states,
                actionItems.comments(actor, id), commentForm, noticeKey == null ? null : messages.get(context.language(), noticeKey));
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
