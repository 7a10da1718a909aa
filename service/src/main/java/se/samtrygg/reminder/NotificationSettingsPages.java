package se.samtrygg.reminder;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;
import se.samtrygg.identity.CurrentUser;

/** "Mina aviseringar": one checkbox per kind of reminder, grouped; what is unticked the user no longer gets. */
@Hidden
@Path("/account/notifications")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class NotificationSettingsPages {
    private static final String TEMPLATE = "/se/samtrygg/reminder/notification-settings.mustache";
    private static final List<String> GROUPS = List.of("meetings", "actionItems", "rolloutSteps", "digest");

    private final ReminderSettingsService settings;
    private final PageContextFactory pages;
    private final Messages messages;

    public NotificationSettingsPages(ReminderSettingsService settings, PageContextFactory pages) {
        this.settings = settings;
        this.pages = pages;
        this.messages = pages.messages();
    }

    public record Choice(String kind, String label, String when, boolean receiving) {
    }

    public record Group(String id, String legend, List<Choice> choices) {
    }

    public record Model(List<Group> groups, boolean saved) {
    }

    @GET
    public HtmlPage form(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("saved") boolean saved) {
        return page(request, actor, settings.userOptOuts(actor), saved);
    }

    @POST
    public Response save(@Auth CurrentUser actor, Form posted) {
        List<String> receive = posted.asMap().getOrDefault("receive", List.of());
        Set<ReminderKind> optOuts = EnumSet.noneOf(ReminderKind.class);
        for (ReminderKind kind : ReminderKind.values()) {
            if (!receive.contains(kind.name())) {
                optOuts.add(kind);
            }
        }
        settings.updateUserOptOuts(actor, optOuts);
        return Redirect.to("/account/notifications?saved=true");
    }

    private HtmlPage page(HttpServletRequest request, CurrentUser actor, NotificationSettings current, boolean saved) {
        PageContext context = pages.create(request, actor);
        Language language = context.language();
        List<Group> groups = GROUPS.stream().map(group -> new Group(group, messages.get(language, "notificationSettings.group." + group),
                current.kinds().stream().filter(choice -> choice.group().equals(group))
                        .map(choice -> new Choice(choice.kind().name(), messages.get(language, "reminderKind." + choice.kind().name()),
                                messages.get(language, "reminderWhen." + choice.kind().name()), choice.receiving()))
                        .toList())).toList();
        return new HtmlPage(TEMPLATE, context, "notificationSettings.title", new Model(groups, saved));
    }
}
