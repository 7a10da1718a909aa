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
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.Page;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.FormState;
import se.samtrygg.common.web.FormValues;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.Option;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.UserService;
import se.samtrygg.identity.UserSummary;
import se.samtrygg.organisation.OrganisationService;
import se.samtrygg.programme.ProgrammeService;
import se.samtrygg.programme.Ref;
import se.samtrygg.rollout.RolloutTexts.Field;
import se.samtrygg.rollout.RolloutTexts.OptionGroup;
import se.samtrygg.rollout.RolloutTexts.ProgressView;
import se.samtrygg.rollout.RolloutTexts.StateView;

/**
 * Rollouts on the web: the rollouts with their progress per area, starting one, the board of a rollout (properties × steps,
 * with the form that marks one step done for many properties at once), "my rollout steps", and the managers' forms for the
 * rollout, a new property and a step's responsible organisation. The rules are {@link RolloutService}'s.
 */
@Hidden
@Path("/rollouts")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class RolloutPages {
    static final String TEMPLATES = "/se/samtrygg/rollout/";
    /** Rows of the board per page: a big rollout is paged rather than sent whole. */
    static final int BOARD_ROWS = 100;
    static final int LIST_ROWS = 20;
    static final int MY_STEPS = 100;
    /** Blank property rows on the new rollout form; more are added on the board afterwards. */
    static final int PROPERTY_ROWS = 8;
    /** At most this many typed rows are read back from a posted form. */
    private static final int MAX_PROPERTY_ROWS = 100;
    private static final Pattern PROPERTY_FIELD = Pattern.compile("^properties\\[(\\d+)](.*)$");

    private final RolloutService rollouts;
    private final MethodTemplateService templates;
    private final AreaService areas;
    private final OrganisationService organisations;
    private final UserService users;
    private final ProgrammeService programmes;
    private final PageContextFactory pages;
    private final Messages messages;

    public RolloutPages(RolloutService rollouts, MethodTemplateService templates, AreaService areas, OrganisationService organisations,
                        UserService users, ProgrammeService programmes, PageContextFactory pages) {
        this.rollouts = rollouts;
        this.templates = templates;
        this.areas = areas;
        this.organisations = organisations;
        this.users = users;
        this.programmes = programmes;
        this.pages = pages;
        this.messages = pages.messages();
    }

    // Models

    public record AreaRow(String name, int rollouts, ProgressView progress, String href) {
    }

    public record RolloutLine(long id, String name, String template, String area, String period, String coordinator,
                              ProgressView progress) {
    }

    public record ListModel(List<Option> areas, String areaError, List<AreaRow> areaRows, List<RolloutLine> rollouts, boolean canCreate,
                            String nextHref, String firstHref, boolean filtered) {
        public boolean hasAreaRows() {
            return !areaRows.isEmpty();
        }

        public boolean hasRollouts() {
            return !rollouts.isEmpty();
        }
    }

    /** One step of "my rollout steps". */
    public record StepLine(long id, String step, String rollout, long rolloutId, String address, String organisation, String due,
                           boolean overdue, StateView state, String person) {
    }

    public record MineModel(List<StepLine> steps, boolean noOrganisation, String nextHref, String firstHref) {
        public boolean hasSteps() {
            return !steps.isEmpty();
        }
    }

    /** One property row of the new rollout form: a group of fields under "Fastighet 3". */
    public record PropertyRow(String legend, Field address, Field owner, Field stairwells, Field apartments) {
    }

    public record NewModel(FormState form, Field template, Field area, Field name, Field start, Field target, Field coordinator,
                           List<PropertyRow> rows, boolean noTemplates) {
    }

    public record StepHeader(long id, int position, String name, String description, String responsible, boolean covering,
                             boolean counted, String offset, String assignHref) {
    }

    public record Cell(long id, StateView state, String count, boolean updatable) {
    }

    public record BoardRow(long id, String address, String owner, String size, boolean covered, String coveredText, boolean pickable,
                           boolean picked, List<Cell> cells) {
    }

    /** The board's form: which step, and which properties (ticked in the rows), done on which day, with what count. */
    public record BulkForm(FormState form, Field step, Field completedOn, Field count) {
    }

    /** {@code measure}: the programme measure the rollout serves, if any. */
    public record BoardModel(Rollout rollout, Ref measure, String template, String period, ProgressView progress, List<StepHeader> steps,
                             List<BoardRow> rows, boolean canManage, boolean canMark, BulkForm bulk, String notice, String nextHref,
                             String firstHref, String after) {
        public boolean hasRows() {
            return !rows.isEmpty();
        }
    }

    public record EditModel(Rollout rollout, FormState form, Field name, Field start, Field target, Field coordinator) {
    }

    public record PropertyFormModel(Rollout rollout, RolloutProperty property, FormState form, Field address, Field owner,
                                    Field stairwells, Field apartments, String action, String cancelHref) {
    }

    public record AssignModel(Rollout rollout, StepHeader step, FormState form, Field organisation) {
    }

    // The rollouts

    @GET
    public HtmlPage list(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("areaId") String areaIdText,
                         @QueryParam("after") String afterText) {
        PageContext context = pages.create(request, actor);
        RolloutTexts texts = texts(context.language());
        String areaError = null;
        Long areaId = null;
        Long after = null;
        try {
            areaId = FormValues.optionalLong(areaIdText, "areaId", "error.unknownArea");
            after = FormValues.optionalLong(afterText, "after", "error.unknownValue");
        } catch (InvalidInputException e) {
            areaError = texts.get(e.errors().get(0).messageKey());
        }
        Long wanted = areaId;
        if (wanted != null && areas.all().stream().noneMatch(a -> a.id() == wanted)) {
            areaError = texts.get("error.unknownArea");
            areaId = null;
        }
        List<AreaRow> areaRows = rollouts.areaProgress(actor, areaId).stream()
                .map(a -> new AreaRow(a.areaName(), a.rollouts(), texts.progress("area-" + a.areaId(), a.progress()),
                        "/rollouts?areaId=" + a.areaId()))
                .toList();
        Page<Rollout> page = rollouts.list(actor, areaId, after, LIST_ROWS);
        List<RolloutLine> lines = page.items().stream().map(r -> new RolloutLine(r.id(), r.name(),
                texts.get("rollouts.templateVersion", r.templateName(), r.templateVersion()), r.areaName(),
                texts.get("rollouts.period", texts.date(r.startDate()), texts.date(r.targetDate())), r.coordinatorName(),
                texts.progress("rollout-" + r.id(), r.progress()))).toList();
        String base = "/rollouts?" + (areaId == null ? "" : "areaId=" + areaId + "&");
        ListModel model = new ListModel(areaOptions(areaId), areaError, areaRows, lines, rollouts.canCreate(actor),
                page.nextAfter() == null ? null : base + "after=" + page.nextAfter(), after == null ? null : base.substring(0, base.length() - 1),
                areaId != null);
        return new HtmlPage(TEMPLATES + "rollouts.mustache", context, "rollouts.title", model);
    }

    @GET
    @Path("mine")
    public HtmlPage mine(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("after") String afterText) {
        PageContext context = pages.create(request, actor);
        RolloutTexts texts = texts(context.language());
        Long after;
        try {
            after = FormValues.optionalLong(afterText, "after", "error.unknownValue");
        } catch (InvalidInputException e) {
            after = null;
        }
        Page<PropertyStep> page = rollouts.mySteps(actor, after, MY_STEPS);
        List<StepLine> lines = page.items().stream().map(s -> new StepLine(s.id(), s.position() + ". " + s.stepName(), s.rolloutName(),
                s.rolloutId(), s.propertyAddress(), s.organisationName(), texts.date(s.dueDate()), s.overdue(), texts.state(s),
                s.personName())).toList();
        MineModel model = new MineModel(lines, actor.organisationIds().isEmpty(),
                page.nextAfter() == null ? null : "/rollouts/mine?after=" + page.nextAfter(), after == null ? null : "/rollouts/mine");
        return new HtmlPage(TEMPLATES + "my-steps.mustache", context, "rollouts.mineTitle", model);
    }

    // Starting a rollout

    @GET
    @Path("new")
    public HtmlPage newRollout(@Context HttpServletRequest request, @Auth CurrentUser actor) {
        requireCreator(actor);
        FormState form = FormState.empty().with("startDate", rollouts.today());
        List<MethodTemplate> active = templates.list(actor, false);
        if (active.size() == 1) {
            form.with("templateId", active.get(0).id());
        }
        if (actor.isCoordinator()) {
            form.with("coordinatorId", actor.id());
        }
        return newPage(request, actor, form, PROPERTY_ROWS);
    }

    /** The same as POST /api/v1/rollouts; blank property rows are left out, a refused form comes back with every value kept. */
    @POST
    public Response create(@Context HttpServletRequest request, @Auth CurrentUser actor, Form posted) {
        requireCreator(actor);
        FormState form = formOf(posted);
        int typedRows = typedPropertyRows(form);
        List<FieldError> problems = new ArrayList<>();
        Long templateId = parsed(problems, () -> FormValues.optionalLong(form.values().get("templateId"), "templateId",
                "error.unknownValue"));
        Long areaId = parsed(problems, () -> FormValues.optionalLong(form.values().get("areaId"), "areaId", "error.unknownArea"));
        Long coordinatorId = parsed(problems, () -> FormValues.optionalLong(form.values().get("coordinatorId"), "coordinatorId",
                "error.unknownUser"));
        LocalDate start = parsed(problems, () -> FormValues.date(form.values().get("startDate"), "startDate"));
        LocalDate target = parsed(problems, () -> FormValues.date(form.values().get("targetDate"), "targetDate"));
        List<PropertyInput> properties = new ArrayList<>();
        List<Integer> rowOfProperty = new ArrayList<>(); // the typed row of each property sent, for the service's messages
        for (int row = 0; row < typedRows; row++) {
            String prefix = "properties[" + row + "].";
            String address = form.values().get(prefix + "address");
            String owner = form.values().get(prefix + "ownerOrganisationId");
            String stairwells = form.values().get(prefix + "stairwells");
            String apartments = form.values().get(prefix + "apartments");
            if (blank(address) && blank(owner) && blank(stairwells) && blank(apartments)) {
                continue; // a blank row is no property
            }
            rowOfProperty.add(row);
            properties.add(new PropertyInput(address,
                    parsed(problems, () -> FormValues.optionalLong(owner, prefix + "ownerOrganisationId", "error.unknownOrganisation")),
                    parsed(problems, () -> whole(stairwells, prefix + "stairwells")),
                    parsed(problems, () -> whole(apartments, prefix + "apartments"))));
        }
        Language language = PageContextFactory.language(request, actor);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            Rollout rollout = rollouts.create(actor, new RolloutInput(templateId, areaId, form.values().get("name"), start, target,
                    coordinatorId, List.of(), properties));
            return Redirect.to("/rollouts/" + rollout.id() + "?saved=created");
        } catch (InvalidInputException e) {
            boolean fromService = problems.isEmpty();
            List<FieldError> errors = e.errors().stream().map(error -> fromService ? onTypedRow(error, rowOfProperty) : error).toList();
            form.withErrors(errors, messages, language);
            return Response.status(422).entity(newPage(request, actor, form, Math.max(PROPERTY_ROWS, typedRows))).build();
        }
    }

    /** The service counts the properties it was sent; the form shows the rows as typed, blank ones included. */
    private static FieldError onTypedRow(FieldError error, List<Integer> rowOfProperty) {
        Matcher matcher = PROPERTY_FIELD.matcher(error.field());
        if (matcher.matches()) {
            int index = Integer.parseInt(matcher.group(1));
            if (index < rowOfProperty.size()) {
                return new FieldError("properties[" + rowOfProperty.get(index) + "]" + matcher.group(2), error.messageKey(), error.args());
            }
        }
        return error;
    }

    private HtmlPage newPage(HttpServletRequest request, CurrentUser actor, FormState form, int rows) {
        PageContext context = pages.create(request, actor);
        RolloutTexts texts = texts(context.language());
        List<MethodTemplate> active = templates.list(actor, false);
        String chosenTemplate = form.values().get("templateId");
        Field template = texts.select("templateId", "rollouts.template", form, texts.get("common.choose"), active.stream()
                .map(t -> new Option(Long.toString(t.id()), t.name(), Long.toString(t.id()).equals(chosenTemplate))).toList())
                .mandatory();
        Field area = texts.select("areaId", "rollouts.area", form, texts.get("common.choose"),
                areaOptions(idOrNull(form.values().get("areaId")))).mandatory();
        Field name = texts.text("name", "rollouts.name", form, 200).hinted(texts.get("rollouts.nameHint"));
        Field start = texts.date("startDate", "rollouts.startDate", form).mandatory();
        Field target = texts.date("targetDate", "rollouts.targetDate", form).hinted(texts.get("rollouts.targetDateHint")).mandatory();
        Field coordinator = coordinatorField(texts, form, actor, null);
        List<PropertyRow> propertyRows = new ArrayList<>();
        List<se.samtrygg.organisation.Organisation> owners = organisations.allActive();
        for (int row = 0; row < rows; row++) {
            propertyRows.add(propertyRow(texts, form, owners, "properties[" + row + "].",
                    texts.get("rollouts.propertyLegend", row + 1)));
        }
        NewModel model = new NewModel(form, template, area, name, start, target, coordinator, propertyRows, active.isEmpty());
        return new HtmlPage(TEMPLATES + "rollout-new.mustache", context, "rollouts.newTitle", model);
    }

    /** The four fields of a property, named with {@code prefix} ("properties[2]." on the new rollout form, "" alone). */
    static PropertyRow propertyRow(RolloutTexts texts, FormState form, List<se.samtrygg.organisation.Organisation> owners, String prefix,
                                   String legend) {
        Field address = texts.text(prefix + "address", "rollouts.address", form, 200);
        Field owner = texts.groupedSelect(prefix + "ownerOrganisationId", "rollouts.owner", form, texts.get("common.choose"),
                texts.organisationGroups(owners, form.values().get(prefix + "ownerOrganisationId")));
        Field stairwells = texts.number(prefix + "stairwells", "rollouts.stairwells", form, 1, 1000);
        Field apartments = texts.number(prefix + "apartments", "rollouts.apartments", form, 0, 100000);
        return new PropertyRow(legend, address, owner, stairwells, apartments);
    }

    // The board

    @GET
    @Path("{id}")
    public HtmlPage board(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                          @QueryParam("after") String afterText, @QueryParam("saved") String saved,
                          @QueryParam("marked") String marked) {
        Rollout rollout = rollouts.get(actor, id);
        Language language = PageContextFactory.language(request, actor);
        RolloutTexts texts = texts(language);
        String notice = null;
        if ("created".equals(saved)) {
            notice = texts.get("rollouts.created");
        } else if ("removed".equals(saved)) {
            notice = texts.get("rollouts.propertyRemoved");
        } else if ("property".equals(saved)) {
            notice = texts.get("rollouts.propertyAdded");
        } else if (saved != null) {
            notice = texts.get("common.saved");
        }
        if (marked != null && marked.strip().matches("\\d{1,6}")) {
            int count = Integer.parseInt(marked.strip());
            notice = count == 0 ? texts.get("rollouts.markedNone") : count == 1 ? texts.get("rollouts.markedOne")
                    : texts.get("rollouts.marked", count);
        }
        FormState bulk = FormState.empty().with("completedOn", rollouts.today());
        return boardPage(request, actor, rollout, afterOf(afterText), bulk, List.of(), notice);
    }

    /** The same as POST /api/v1/rollouts/{id}/steps-done: all ticked properties or none. */
    @POST
    @Path("{id}/steps-done")
    public Response markDone(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                             @FormParam("stepId") String stepIdText, @FormParam("propertyIds") List<String> propertyIdTexts,
                             @FormParam("completedOn") String completedOnText, @FormParam("count") String countText,
                             @FormParam("after") String afterText) {
        Rollout rollout = rollouts.get(actor, id);
        FormState form = FormState.empty().with("stepId", stepIdText).with("completedOn", completedOnText).with("count", countText);
        List<Long> ticked = List.of();
        Language language = PageContextFactory.language(request, actor);
        try {
            List<FieldError> problems = new ArrayList<>();
            Long stepId = parsed(problems, () -> FormValues.optionalLong(stepIdText, "stepId", "error.unknownValue"));
            ticked = Objects.requireNonNullElse(parsed(problems, () -> FormValues.ids(propertyIdTexts, "propertyIds")), List.of());
            LocalDate completedOn = parsed(problems, () -> FormValues.date(completedOnText, "completedOn"));
            Integer count = parsed(problems, () -> whole(countText, "count"));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            if (stepId != null) {
                refuseMixedChoice(actor, rollout, stepId, ticked);
            }
            int done = rollouts.markDone(actor, id, new StepsDone(stepId, ticked, completedOn, count));
            Long after = afterOf(afterText);
            return Redirect.to("/rollouts/" + id + "?marked=" + done + (after == null ? "" : "&after=" + after) + "#board");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, language);
            return Response.status(422).entity(boardPage(request, actor, rollout, afterOf(afterText), form, ticked, null)).build();
        }
    }

    /**
     * Someone who answers for the step in some of the ticked properties but not in all is told which ones, rather than shown
     * "access denied"; someone who answers for it in none of them is refused by the service.
     */
    private void refuseMixedChoice(CurrentUser actor, Rollout rollout, long stepId, List<Long> ticked) {
        if (rollouts.canManage(actor, rollout)) {
            return;
        }
        List<String> notTheirs = new ArrayList<>();
        boolean anyTheirs = false;
        for (long propertyId : ticked) {
            RolloutProperty property;
            try {
                property = rollouts.property(actor, propertyId);
            } catch (NotFoundException e) {
                return; // the service says so
            }
            PropertyStep step = property.steps().stream().filter(s -> s.stepId() == stepId).findFirst().orElse(null);
            if (step == null || property.rolloutId() != rollout.id()) {
                return;
            }
            if (rollouts.canUpdate(actor, rollout, step)) {
                anyTheirs = true;
            } else {
                notTheirs.add(property.address() + " (" + step.organisationName() + ")");
            }
        }
        if (anyTheirs && !notTheirs.isEmpty()) {
            throw new InvalidInputException("propertyIds", "error.rollouts.notYourStep", String.join(", ", notTheirs));
        }
    }

    private HtmlPage boardPage(HttpServletRequest request, CurrentUser actor, Rollout rollout, Long after, FormState bulkForm,
                               List<Long> ticked, String notice) {
        PageContext context = pages.create(request, actor);
        RolloutTexts texts = texts(context.language());
        boolean manager = rollouts.canManage(actor, rollout);
        Page<RolloutProperty> page = rollouts.properties(actor, rollout.id(), after, BOARD_ROWS);
        Map<Long, Boolean> markable = new LinkedHashMap<>(); // step id → the viewer may mark it in some row shown
        List<BoardRow> rows = new ArrayList<>();
        for (RolloutProperty property : page.items()) {
            boolean pickable = false;
            List<Cell> cells = new ArrayList<>();
            for (PropertyStep step : property.steps()) {
                boolean updatable = rollouts.canUpdate(actor, rollout, step);
                if (updatable && step.state().open()) {
                    pickable = true;
                    markable.put(step.stepId(), true);
                }
                cells.add(new Cell(step.id(), texts.state(step), texts.count(step), updatable));
            }
            rows.add(new BoardRow(property.id(), property.address(), property.ownerOrganisationName(),
                    texts.get("rollouts.size", property.apartments(), property.stairwells()), property.covered(),
                    texts.get(property.covered() ? "rollouts.coveredYes" : "rollouts.coveredNo"), pickable,
                    ticked.contains(property.id()), cells));
        }
        List<StepHeader> steps = rollout.steps().stream().map(s -> header(texts, rollout, s, manager)).toList();
        String chosenStep = bulkForm.values().get("stepId");
        List<Option> stepOptions = rollout.steps().stream().filter(s -> markable.containsKey(s.id()))
                .map(s -> new Option(Long.toString(s.id()), s.position() + ". " + s.name(), Long.toString(s.id()).equals(chosenStep)))
                .toList();
        BulkForm bulk = new BulkForm(bulkForm,
                texts.select("stepId", "rollouts.bulk.step", bulkForm, texts.get("common.choose"), stepOptions).mandatory(),
                texts.date("completedOn", "rollouts.bulk.completedOn", bulkForm).hinted(texts.get("rollouts.bulk.completedOnHint")),
                texts.number("count", "rollouts.bulk.count", bulkForm, 0, 100000).hinted(texts.get("rollouts.bulk.countHint")));
        String base = "/rollouts/" + rollout.id();
        Ref measure = programmes.measureOfRollout(rollout.id()).orElse(null);
        BoardModel model = new BoardModel(rollout, measure,
                texts.get("rollouts.templateVersion", rollout.templateName(), rollout.templateVersion()),
                texts.get("rollouts.period", texts.date(rollout.startDate()), texts.date(rollout.targetDate())),
                texts.progress("rollout", rollout.progress()), steps, rows, manager, !stepOptions.isEmpty(), bulk, notice,
                page.nextAfter() == null ? null : base + "?after=" + page.nextAfter() + "#board", after == null ? null : base + "#board",
                after == null ? null : Long.toString(after));
        return new HtmlPage(TEMPLATES + "board.mustache", context, "rollouts.boardTitle", model).titled(rollout.name());
    }

    private static StepHeader header(RolloutTexts texts, Rollout rollout, RolloutStep step, boolean manager) {
        return new StepHeader(step.id(), step.position(), step.name(), step.description(), texts.responsible(step), step.covering(),
                step.counted(), texts.get("rollouts.offset", step.offsetDays()),
                manager ? "/rollouts/" + rollout.id() + "/steps/" + step.id() : null);
    }

    // Managing a rollout

    @GET
    @Path("{id}/edit")
    public HtmlPage edit(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Rollout rollout = managed(actor, id);
        FormState form = FormState.empty().with("name", rollout.name()).with("startDate", rollout.startDate())
                .with("targetDate", rollout.targetDate()).with("coordinatorId", rollout.coordinatorId());
        return editPage(request, actor, rollout, form);
    }

    /** The same change as PUT /api/v1/rollouts/{id}. */
    @POST
    @Path("{id}/edit")
    public Response update(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                           @FormParam("name") String name, @FormParam("startDate") String startDate,
                           @FormParam("targetDate") String targetDate, @FormParam("coordinatorId") String coordinatorId) {
        Rollout rollout = managed(actor, id);
        FormState form = FormState.empty().with("name", name).with("startDate", startDate).with("targetDate", targetDate)
                .with("coordinatorId", coordinatorId);
        try {
            List<FieldError> problems = new ArrayList<>();
            LocalDate start = parsed(problems, () -> FormValues.date(startDate, "startDate"));
            LocalDate target = parsed(problems, () -> FormValues.date(targetDate, "targetDate"));
            Long coordinator = parsed(problems, () -> FormValues.optionalLong(coordinatorId, "coordinatorId", "error.unknownUser"));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            rollouts.update(actor, id, new RolloutChange(name, start, target, coordinator));
            return Redirect.to("/rollouts/" + id + "?saved=true");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(editPage(request, actor, rollout, form)).build();
        }
    }

    private HtmlPage editPage(HttpServletRequest request, CurrentUser actor, Rollout rollout, FormState form) {
        PageContext context = pages.create(request, actor);
        RolloutTexts texts = texts(context.language());
        EditModel model = new EditModel(rollout, form, texts.text("name", "rollouts.name", form, 200).mandatory(),
                texts.date("startDate", "rollouts.startDate", form).hinted(texts.get("rollouts.startDateMoves")).mandatory(),
                texts.date("targetDate", "rollouts.targetDate", form).mandatory(),
                coordinatorField(texts, form, actor, rollout.coordinatorId()));
        return new HtmlPage(TEMPLATES + "rollout-edit.mustache", context, "rollouts.editTitle", model);
    }

    @GET
    @Path("{id}/properties/new")
    public HtmlPage newProperty(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Rollout rollout = managed(actor, id);
        return propertyPage(request, actor, rollout, FormState.empty());
    }

    /** The same as POST /api/v1/rollouts/{id}/properties: the new property's steps are due counted from today. */
    @POST
    @Path("{id}/properties")
    public Response addProperty(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                                @FormParam("address") String address, @FormParam("ownerOrganisationId") String owner,
                                @FormParam("stairwells") String stairwells, @FormParam("apartments") String apartments) {
        Rollout rollout = managed(actor, id);
        FormState form = FormState.empty().with("address", address).with("ownerOrganisationId", owner).with("stairwells", stairwells)
                .with("apartments", apartments);
        try {
            rollouts.addProperty(actor, id, propertyInput(address, owner, stairwells, apartments));
            return Redirect.to("/rollouts/" + id + "?saved=property#board");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(propertyPage(request, actor, rollout, form)).build();
        }
    }

    private HtmlPage propertyPage(HttpServletRequest request, CurrentUser actor, Rollout rollout, FormState form) {
        PageContext context = pages.create(request, actor);
        RolloutTexts texts = texts(context.language());
        PropertyRow fields = propertyRow(texts, form, organisations.allActive(), "", null);
        PropertyFormModel model = new PropertyFormModel(rollout, null, form, fields.address().mandatory(), fields.owner().mandatory(),
                fields.stairwells().mandatory(), fields.apartments().mandatory(), "/rollouts/" + rollout.id() + "/properties",
                "/rollouts/" + rollout.id());
        return new HtmlPage(TEMPLATES + "property-form.mustache", context, "rollouts.addPropertyTitle", model);
    }

    /** A property as typed in a plain form, every field's problem at once. */
    static PropertyInput propertyInput(String address, String owner, String stairwells, String apartments) {
        List<FieldError> problems = new ArrayList<>();
        Long ownerId = parsed(problems, () -> FormValues.optionalLong(owner, "ownerOrganisationId", "error.unknownOrganisation"));
        Integer stairwellCount = parsed(problems, () -> whole(stairwells, "stairwells"));
        Integer apartmentCount = parsed(problems, () -> whole(apartments, "apartments"));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new PropertyInput(address, ownerId, stairwellCount, apartmentCount);
    }

    @GET
    @Path("{id}/steps/{stepId}")
    public HtmlPage assign(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                           @PathParam("stepId") long stepId) {
        Rollout rollout = managed(actor, id);
        RolloutStep step = stepOf(rollout, stepId);
        FormState form = FormState.empty().with("organisationId", step.organisationId());
        return assignPage(request, actor, rollout, step, form);
    }

    /** The same as PUT /api/v1/rollouts/{id}/steps/{stepId}: the step's open property steps follow. */
    @POST
    @Path("{id}/steps/{stepId}")
    public Response reassign(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                             @PathParam("stepId") long stepId, @FormParam("organisationId") String organisationId) {
        Rollout rollout = managed(actor, id);
        RolloutStep step = stepOf(rollout, stepId);
        FormState form = FormState.empty().with("organisationId", organisationId);
        try {
            Long organisation = FormValues.optionalLong(organisationId, "organisationId", "error.unknownOrganisation");
            rollouts.assignStep(actor, id, stepId, organisation);
            return Redirect.to("/rollouts/" + id + "?saved=true#steps");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(assignPage(request, actor, rollout, step, form)).build();
        }
    }

    private HtmlPage assignPage(HttpServletRequest request, CurrentUser actor, Rollout rollout, RolloutStep step, FormState form) {
        PageContext context = pages.create(request, actor);
        RolloutTexts texts = texts(context.language());
        Field organisation = texts.groupedSelect("organisationId", "rollouts.assign.organisation", form,
                texts.get("rollouts.assign.owner"), texts.organisationGroups(organisations.allActive(), form.values().get("organisationId")))
                .hinted(texts.get("rollouts.assign.hint"));
        AssignModel model = new AssignModel(rollout, header(texts, rollout, step, true), form, organisation);
        return new HtmlPage(TEMPLATES + "step-assign.mustache", context, "rollouts.assign.title", model);
    }

    // Helpers

    /** A rollout its managers (its coordinator, admins) may change; anyone else is refused before any form is shown. */
    private Rollout managed(CurrentUser actor, long id) {
        Rollout rollout = rollouts.get(actor, id);
        if (!rollouts.canManage(actor, rollout)) {
            throw new AccessDeniedException("user " + actor.id() + " does not manage rollout " + id,
                    "Only the rollout's coordinator and administrators change it.");
        }
        return rollout;
    }

    private void requireCreator(CurrentUser actor) {
        if (!rollouts.canCreate(actor)) {
            throw new AccessDeniedException("user " + actor.id() + " may not start rollouts",
                    "Coordinators and administrators start rollouts.");
        }
    }

    private static RolloutStep stepOf(Rollout rollout, long stepId) {
        return rollout.steps().stream().filter(s -> s.id() == stepId).findFirst()
                .orElseThrow(() -> new NotFoundException("rollout step", stepId));
    }

    /**
     * The coordinator select: people with the coordinator role, the one the rollout has (who may be an admin), and an admin
     * choosing, who may name themselves.
     */
    private Field coordinatorField(RolloutTexts texts, FormState form, CurrentUser actor, Long current) {
        Map<Long, String> people = new LinkedHashMap<>();
        for (UserSummary user : users.activeWithRole(Role.COORDINATOR)) {
            people.put(user.id(), user.name());
        }
        List<Long> also = new ArrayList<>();
        if (current != null && !people.containsKey(current)) {
            also.add(current);
        }
        if (actor.isAdmin() && !people.containsKey(actor.id())) {
            also.add(actor.id());
        }
        for (UserSummary user : users.summaries(also)) {
            people.put(user.id(), user.name());
        }
        String chosen = form.values().get("coordinatorId");
        List<Option> options = people.entrySet().stream().sorted(Map.Entry.comparingByValue())
                .map(p -> new Option(Long.toString(p.getKey()), p.getValue(), Long.toString(p.getKey()).equals(chosen))).toList();
        return texts.select("coordinatorId", "rollouts.coordinator", form, texts.get("common.choose"), options)
                .hinted(texts.get("rollouts.coordinatorHint")).mandatory();
    }

    private List<Option> areaOptions(Long chosen) {
        List<Area> all = areas.all();
        return all.stream().map(a -> new Option(Long.toString(a.id()), a.name() + " (" + a.municipality() + ")",
                chosen != null && chosen == a.id())).toList();
    }

    private RolloutTexts texts(Language language) {
        return new RolloutTexts(messages, language, rollouts.today());
    }

    static FormState formOf(Form posted) {
        FormState form = FormState.empty();
        posted.asMap().forEach((name, values) -> {
            if (!name.equals("_csrf") && !values.isEmpty()) {
                form.with(name, values.get(0));
            }
        });
        return form;
    }

    /** How many property rows the form sent: the highest row number typed, at most {@link #MAX_PROPERTY_ROWS}. */
    private static int typedPropertyRows(FormState form) {
        int rows = 0;
        for (String name : form.values().keySet()) {
            Matcher matcher = PROPERTY_FIELD.matcher(name);
            if (matcher.matches() && matcher.group(1).length() <= 3) {
                rows = Math.max(rows, Integer.parseInt(matcher.group(1)) + 1);
            }
        }
        return Math.min(rows, MAX_PROPERTY_ROWS);
    }

    /** A whole number typed in a form; blank is null. The service checks its range. */
    static Integer whole(String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "error.number");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Long idOrNull(String value) {
        try {
            return FormValues.optionalLong(value, "id", "error.unknownValue");
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private static Long afterOf(String value) {
        return idOrNull(value);
    }
}
