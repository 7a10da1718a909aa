package se.samtrygg.rollout;

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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.FormState;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.Option;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;
import se.samtrygg.identity.Access;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.organisation.OrganisationType;

/**
 * The admins' method templates: a list, and one form per template with its steps as rows. Each row has a number that
 * decides the order on save, so steps are moved without JavaScript; rows left blank or ticked "remove" are dropped.
 */
@Hidden
@Path("/admin/method-templates")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class MethodTemplatePages {
    static final int BLANK_ROWS = 3;
    /** The service names a step's fields {@code steps[i].name}; the form's inputs are {@code step-<row>-name}. */
    private static final Pattern STEP_FIELD = Pattern.compile("steps\\[(\\d+)]\\.(\\w+)");

    private final MethodTemplateService templates;
    private final PageContextFactory pages;
    private final Messages messages;

    public MethodTemplatePages(MethodTemplateService templates, PageContextFactory pages) {
        this.templates = templates;
        this.pages = pages;
        this.messages = pages.messages();
    }

    public record ListRow(long id, String name, int version, int stepCount, boolean active) {
    }

    public record ListModel(List<ListRow> templates) {
        public boolean hasTemplates() {
            return !templates.isEmpty();
        }
    }

    /**
     * One step row of the form as shown, values as typed; its inputs are named by {@code number} (the row's place on the
     * page). Values are never null, so that the template does not fall back to a field of the page around the row.
     */
    public record StepRow(int number, String position, String stepName, String stepDescription, List<Option> types,
                          String offsetDays, boolean covering, boolean counted, boolean remove, String positionError,
                          String stepNameError, String stepDescriptionError, String typeError, String offsetDaysError) {
    }

    /** {@code retired} is the stored template's state; {@code active} the checkbox as shown. */
    public record FormModel(Long id, boolean creating, int version, boolean retired, boolean active, FormState form, List<StepRow> steps,
                            String notice) {
        public String stepsError() {
            return form.errors().get("steps");
        }
    }

    @GET
    public HtmlPage list(@Context HttpServletRequest request, @Auth CurrentUser actor) {
        Access.requireAdmin(actor);
        List<ListRow> rows = templates.list(actor, true).stream()
                .map(t -> new ListRow(t.id(), t.name(), t.version(), t.steps().size(), t.active())).toList();
        return new HtmlPage("/se/samtrygg/rollout/method-templates.mustache", pages.create(request, actor), "methodTemplates.title",
                new ListModel(rows));
    }

    @GET
    @Path("new")
    public HtmlPage newForm(@Context HttpServletRequest request, @Auth CurrentUser actor) {
        Access.requireAdmin(actor);
        PageContext context = pages.create(request, actor);
        List<Typed> rows = new ArrayList<>();
        addBlankRows(rows);
        return formPage(context, null, FormState.empty().with("active", "true"), rows, Map.of(), null);
    }

    @POST
    public Response create(@Context HttpServletRequest request, @Auth CurrentUser actor, @FormParam("name") String name,
                           @FormParam("description") String description, @FormParam("active") String active,
                           @FormParam("position") List<String> positions, @FormParam("stepName") List<String> names,
                           @FormParam("stepDescription") List<String> descriptions, @FormParam("responsibleType") List<String> types,
                           @FormParam("offsetDays") List<String> offsets, @FormParam("covering") List<String> covering,
                           @FormParam("counted") List<String> counted, @FormParam("remove") List<String> remove) {
        Access.requireAdmin(actor);
        List<Typed> rows = typed(positions, names, descriptions, types, offsets, covering, counted, remove);
        Ordered ordered = new Ordered();
        try {
            MethodTemplate created = templates.create(actor, input(name, description, active, rows, ordered));
            return Redirect.to("/admin/method-templates/" + created.id() + "?created=true");
        } catch (InvalidInputException e) {
            return refused(request, actor, null, name, description, active, rows, ordered, e);
        }
    }

    @GET
    @Path("{id}")
    public HtmlPage edit(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                         @QueryParam("created") boolean created, @QueryParam("saved") boolean saved) {
        Access.requireAdmin(actor);
        MethodTemplate template = templates.get(actor, id);
        PageContext context = pages.create(request, actor);
        String notice = created ? messages.get(context.language(), "methodTemplates.created")
                : saved ? messages.get(context.language(), "methodTemplates.saved") : null;
        FormState form = FormState.empty().with("name", template.name()).with("description", template.description())
                .with("active", Boolean.toString(template.active()));
        List<Typed> rows = new ArrayList<>();
        for (TemplateStep step : template.steps()) {
            rows.add(new Typed(rows.size() + 1, Integer.toString(step.position()), step.name(), nonNull(step.description()),
                    step.responsibleType().name(), Integer.toString(step.offsetDays()), step.covering(), step.counted(), false));
        }
        addBlankRows(rows);
        return formPage(context, template, form, rows, Map.of(), notice);
    }

    @POST
    @Path("{id}")
    public Response update(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                           @FormParam("name") String name, @FormParam("description") String description, @FormParam("active") String active,
                           @FormParam("position") List<String> positions, @FormParam("stepName") List<String> names,
                           @FormParam("stepDescription") List<String> descriptions, @FormParam("responsibleType") List<String> types,
                           @FormParam("offsetDays") List<String> offsets, @FormParam("covering") List<String> covering,
                           @FormParam("counted") List<String> counted, @FormParam("remove") List<String> remove) {
        Access.requireAdmin(actor);
        List<Typed> rows = typed(positions, names, descriptions, types, offsets, covering, counted, remove);
        Ordered ordered = new Ordered();
        try {
            templates.update(actor, id, input(name, description, active, rows, ordered));
            return Redirect.to("/admin/method-templates/" + id + "?saved=true");
        } catch (InvalidInputException e) {
            return refused(request, actor, templates.get(actor, id), name, description, active, rows, ordered, e);
        }
    }

    /** One row as the form sent it. {@code number} is its place on the page (1, 2, ...), which the checkboxes send. */
    private record Typed(int number, String position, String name, String description, String type, String offsetDays,
                         boolean covering, boolean counted, boolean remove) {
        boolean blank() {
            return name.isBlank() && description.isBlank() && type.isBlank() && offsetDays.isBlank();
        }
    }

    /** The page row of each step sent to the service, in the order sent, so that its messages land on that row. */
    private static final class Ordered {
        final List<Integer> rowOfStep = new ArrayList<>();
    }

    private static List<Typed> typed(List<String> positions, List<String> names, List<String> descriptions, List<String> types,
                                     List<String> offsets, List<String> covering, List<String> counted, List<String> remove) {
        int count = Math.max(Math.max(names.size(), descriptions.size()), Math.max(positions.size(), Math.max(types.size(), offsets.size())));
        List<Typed> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String number = Integer.toString(i + 1);
            rows.add(new Typed(i + 1, at(positions, i), at(names, i), at(descriptions, i), at(types, i), at(offsets, i),
                    covering.contains(number), counted.contains(number), remove.contains(number)));
        }
        return rows;
    }

    /**
     * The template as typed: rows that are blank or to be removed are left out, the others ordered by their number
     * (rows without one last, in page order). What cannot be read as a number or a type is refused on its row.
     */
    private static MethodTemplateInput input(String name, String description, String active, List<Typed> rows, Ordered ordered) {
        List<FieldError> problems = new ArrayList<>();
        record Kept(Typed row, Integer position, TemplateStepInput step) {
        }
        List<Kept> kept = new ArrayList<>();
        for (Typed row : rows) {
            if (row.remove() || row.blank()) {
                continue;
            }
            String prefix = "step-" + row.number() + "-";
            Integer position = number(row.position(), prefix + "position", problems);
            Integer offset = number(row.offsetDays(), prefix + "offsetDays", problems);
            OrganisationType type = null;
            if (!row.type().isBlank()) {
                try {
                    type = OrganisationType.valueOf(row.type().strip());
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldError(prefix + "responsibleType", "error.unknownValue"));
                }
            }
            kept.add(new Kept(row, position, new TemplateStepInput(row.name(), row.description(), type, offset, row.covering(),
                    row.counted())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        kept.sort(Comparator.comparing((Kept k) -> k.position() == null ? Integer.MAX_VALUE : k.position())
                .thenComparingInt(k -> k.row().number()));
        kept.forEach(k -> ordered.rowOfStep.add(k.row().number()));
        return new MethodTemplateInput(name, description, "true".equals(active), kept.stream().map(Kept::step).toList());
    }

    private Response refused(HttpServletRequest request, CurrentUser actor, MethodTemplate template, String name, String description,
                             String active, List<Typed> rows, Ordered ordered, InvalidInputException e) {
        PageContext context = pages.create(request, actor);
        List<FieldError> onForm = e.errors().stream().map(error -> onForm(error, ordered)).toList();
        FormState form = FormState.empty().with("name", name).with("description", description).with("active", "true".equals(active))
                .withErrors(onForm, messages, context.language());
        return Response.status(422).entity(formPage(context, template, form, rows, form.errors(), null)).build();
    }

    private static FieldError onForm(FieldError error, Ordered ordered) {
        Matcher step = STEP_FIELD.matcher(error.field());
        if (step.matches()) {
            int index = Integer.parseInt(step.group(1));
            if (index < ordered.rowOfStep.size()) {
                return new FieldError("step-" + ordered.rowOfStep.get(index) + "-" + step.group(2), error.messageKey(), error.args());
            }
        }
        return error;
    }

    private HtmlPage formPage(PageContext context, MethodTemplate template, FormState form, List<Typed> rows, Map<String, String> errors,
                              String notice) {
        Language language = context.language();
        List<StepRow> steps = rows.stream().map(row -> {
            String prefix = "step-" + row.number() + "-";
            List<Option> types = java.util.Arrays.stream(OrganisationType.values())
                    .map(t -> new Option(t.name(), messages.get(language, "organisationType." + t.name()), t.name().equals(row.type())))
                    .toList();
            return new StepRow(row.number(), row.position(), row.name(), row.description(), types, row.offsetDays(), row.covering(),
                    row.counted(), row.remove(), errors.get(prefix + "position"), errors.get(prefix + "name"),
                    errors.get(prefix + "description"), errors.get(prefix + "responsibleType"), errors.get(prefix + "offsetDays"));
        }).toList();
        boolean creating = template == null;
        FormModel model = new FormModel(creating ? null : template.id(), creating, creating ? 0 : template.version(),
                !creating && !template.active(), "true".equals(form.values().get("active")), form, steps, notice);
        HtmlPage page = new HtmlPage("/se/samtrygg/rollout/method-template-form.mustache", context,
                creating ? "methodTemplates.newTitle" : "methodTemplates.title", model);
        return creating ? page : page.titled(template.name());
    }

    /** Blank rows numbered after the steps, so that a step typed into one lands last unless given another number. */
    private static void addBlankRows(List<Typed> rows) {
        int last = rows.stream().mapToInt(row -> {
            try {
                return Integer.parseInt(row.position().strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }).max().orElse(0);
        for (int i = 1; i <= BLANK_ROWS; i++) {
            rows.add(new Typed(rows.size() + 1, Integer.toString(last + i), "", "", "", "", false, false, false));
        }
    }

    private static Integer number(String value, String field, List<FieldError> problems) {
        if (value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldError(field, "error.number"));
            return null;
        }
    }

    private static String at(List<String> values, int i) {
        return i < values.size() ? nonNull(values.get(i)) : "";
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
