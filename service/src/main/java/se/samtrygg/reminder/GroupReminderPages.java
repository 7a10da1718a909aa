package se.samtrygg.reminder;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.FormState;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;
import se.samtrygg.identity.CurrentUser;

/** A network group's reminder rules: on or off and the days, per kind, beside each default. Its coordinators and admins. */
@Hidden
@Path("/network-groups/{id}/reminders")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class GroupReminderPages {
    private static final String TEMPLATE = "/se/samtrygg/reminder/group-reminders.mustache";

    private final ReminderSettingsService settings;
    private final ReminderService reminders;
    private final PageContextFactory pages;
    private final Messages messages;

    public GroupReminderPages(ReminderSettingsService settings, ReminderService reminders, PageContextFactory pages) {
        this.settings = settings;
        this.reminders = reminders;
        this.pages = pages;
        this.messages = pages.messages();
    }

    /**
     * @param field the field name of the days, also the input's id: {@code rules.KIND.days}
     */
    public record Row(String kind, String label, String when, boolean enabled, boolean hasDays, String field, String days,
                      Integer minDays, Integer maxDays, String defaultText, String error) {
    }

    public record Model(long groupId, String groupName, List<Row> rows, FormState form, boolean saved) {
    }

    @GET
    public HtmlPage form(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                         @QueryParam("saved") boolean saved) {
        GroupReminderSettings current = settings.groupSettings(actor, id);
        FormState form = FormState.empty();
        return page(request, actor, current, form, saved);
    }

    @POST
    public Response save(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id, Form posted) {
        GroupReminderSettings current = settings.groupSettings(actor, id); // 403 before anything posted is looked at
        Map<String, List<String>> values = posted.asMap();
        List<String> enabled = values.getOrDefault("enabled", List.of());
        FormState form = FormState.empty().with("submitted", "true");
        List<FieldError> errors = new ArrayList<>();
        List<ReminderSettingsInput.Rule> rules = new ArrayList<>();
        for (ReminderKind kind : ReminderSettingsService.adjustableKinds()) {
            boolean on = enabled.contains(kind.name());
            form.with("rules." + kind.name() + ".enabled", on);
            Integer days = null;
            if (kind.defaultDays() != null) {
                String field = "rules." + kind.name() + ".days";
                String text = first(values.get(field));
                form.with(field, text);
                if (text != null && !text.isBlank()) {
                    try {
                        days = Integer.valueOf(text.strip());
                    } catch (NumberFormatException e) {
                        int[] bounds = ReminderSettingsService.dayBounds(kind);
                        errors.add(new FieldError(field, "error.reminderSettings.days", bounds[0], bounds[1]));
                    }
                }
            }
            rules.add(new ReminderSettingsInput.Rule(kind, on, days));
        }
        try {
            if (!errors.isEmpty()) {
                // What is not a number is refused here; the rest is checked as the service would, so every error shows at once.
                try {
                    ReminderSettingsService.validate(new ReminderSettingsInput(rules));
                } catch (InvalidInputException more) {
                    errors.addAll(more.errors());
                }
                throw new InvalidInputException(errors);
            }
            reminders.updateGroupSettings(actor, id, new ReminderSettingsInput(rules));
            return Redirect.to("/network-groups/" + id + "/reminders?saved=true");
        } catch (InvalidInputException e) {
            PageContext context = pages.create(request, actor);
            form.withErrors(e.errors(), messages, context.language());
            return Response.status(422).entity(page(request, actor, current, form, false)).build();
        }
    }

    private HtmlPage page(HttpServletRequest request, CurrentUser actor, GroupReminderSettings current, FormState form, boolean saved) {
        PageContext context = pages.create(request, actor);
        Language language = context.language();
        boolean submitted = form.values().containsKey("submitted");
        List<Row> rows = current.rules().stream().map(rule -> {
            String kind = rule.kind().name();
            String field = "rules." + kind + ".days";
            boolean enabled = submitted ? "true".equals(form.values().get("rules." + kind + ".enabled")) : rule.enabled();
            String days = submitted ? form.values().getOrDefault(field, "") : rule.days() == null ? "" : rule.days().toString();
            String defaultText = rule.defaultDays() == null ? messages.get(language, "reminderSettings.defaultOn")
                    : messages.get(language, "reminderSettings.defaultDays", rule.defaultDays());
            return new Row(kind, messages.get(language, "reminderKind." + kind), messages.get(language, "reminderWhen." + kind),
                    enabled, rule.defaultDays() != null, field, days, rule.minDays(), rule.maxDays(), defaultText,
                    form.errors().get(field));
        }).toList();
        return new HtmlPage(TEMPLATE, context, "reminderSettings.title",
                new Model(current.networkGroupId(), current.networkGroupName(), rows, form, saved));
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
