package se.samtrygg.programme;

import static se.samtrygg.common.web.FormValues.parsed;

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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import se.samtrygg.activity.Category;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.activity.CategoryService;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaService;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.Page;
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
import se.samtrygg.identity.Access;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationService;
import se.samtrygg.rollout.Rollout;
import se.samtrygg.rollout.RolloutService;

/**
 * The editing side of programme follow-up: forms for programmes, focus areas, goals, measures and indicators, a confirm
 * page before each delete, and the form that sets a status by hand (or lets the computed one hold again). Every field
 * is shown at once, with hints in words, so the forms work without JavaScript. Only programme editors get them (the
 * rule is {@link Access#requireProgrammeEditor}, the same the service applies); what a form sends is checked by
 * {@link ProgrammeService}, whose messages are shown beside the fields with everything typed kept. The read pages the
 * forms lead back to are {@code ProgrammePages}'.
 */
@Hidden
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ProgrammeFormPages {
    static final String TEMPLATES = "/se/samtrygg/programme/";
    /** Indicator values are stored as DECIMAL(18,4). */
    static final int VALUE_INTEGER_DIGITS = 14;
    static final int VALUE_FRACTION_DIGITS = 4;
    /** Rollouts offered on a form, at most: a municipality has a few dozen, so this is a guard, not a page size. */
    static final int MAX_ROLLOUTS = 1000;
    private static final int NAME_MAX = 200;
    private static final int TEXT_MAX = 4000;
    private static final int UNIT_MAX = 50;
    private static final int JUSTIFICATION_MAX = 2000;
    private static final List<ProgrammeStatus> SETTABLE = List.of(ProgrammeStatus.ON_TRACK, ProgrammeStatus.AT_RISK,
            ProgrammeStatus.OFF_TRACK);

    private final ProgrammeService programmes;
    private final OrganisationService organisations;
    private final AreaService areas;
    private final CategoryService categories;
    private final RolloutService rollouts;
    private final PageContextFactory pages;
    private final Messages messages;

    public ProgrammeFormPages(ProgrammeService programmes, OrganisationService organisations, AreaService areas, CategoryService categories,
                              RolloutService rollouts, PageContextFactory pages) {
        this.programmes = programmes;
        this.organisations = organisations;
        this.areas = areas;
        this.categories = categories;
        this.rollouts = rollouts;
        this.pages = pages;
        this.messages = pages.messages();
    }

    // Models: what the templates form-edit, form-delete and form-status read. Names differ between the levels on purpose:
    // Mustache looks a missing (null) name up in the levels around it.

    /** One input, select or textarea, rendered by the partial form-field. */
    public record Field(String id, String name, String label, String hint, String value, String error, String type, String inputmode,
                        boolean textarea, boolean select, String emptyOption, List<Option> options, Integer maxlength, String css,
                        boolean required) {
        public boolean input() {
            return !textarea && !select;
        }

        public String describedBy() {
            return ids(id, hint, error);
        }

        Field hinted(String text) {
            return new Field(id, name, label, text, value, error, type, inputmode, textarea, select, emptyOption, options, maxlength, css,
                    required);
        }

        Field mandatory() {
            return new Field(id, name, label, hint, value, error, type, inputmode, textarea, select, emptyOption, options, maxlength, css,
                    true);
        }
    }

    /** A radio group or a checkbox list in a fieldset with a legend, rendered by the partial form-choices. */
    public record Choices(String fieldsetId, String name, String legend, String legendHint, String fieldError, boolean radio,
                          List<Choice> items, List<ChoiceGroup> groups, String none) {
        public String describedBy() {
            return ids(fieldsetId, legendHint, fieldError);
        }

        public boolean empty() {
            return items.isEmpty() && groups.isEmpty();
        }

        public boolean hasItems() {
            return !items.isEmpty();
        }

        /** Long lists flow into columns where the screen is wide enough. */
        public boolean grid() {
            return !radio && items.size() > 6;
        }
    }

    /** One radio button or checkbox; {@code note} explains it in words. */
    public record Choice(String choiceId, String value, String text, String note, boolean checked) {
    }

    /** Checkboxes under a sub-legend, such as the rollouts of one area. */
    public record ChoiceGroup(String groupLegend, List<Choice> groupItems) {
    }

    /** Something the form shows but does not change, such as an indicator's kind. */
    public record Fact(String factId, String factLabel, String factText) {
    }

    /** One element of a form section: a field, a fieldset of choices or a fact. */
    public record Block(Field field, Choices choices, Fact fact) {
    }

    public record Section(String sectionHeading, String sectionIntro, List<Block> blocks) {
    }

    public record HiddenValue(String hiddenName, String hiddenValue) {
    }

    public record EditModel(String backHref, String backLabel, String heading, String lead, String action, List<HiddenValue> hidden,
                            List<Section> sections, String submitLabel, String cancelHref, FormState form) {
    }

    public record DeleteModel(String backHref, String backLabel, String heading, List<String> consequences, String blockedText,
                              String action, String confirmLabel, String cancelHref) {
        public boolean blocked() {
            return blockedText != null;
        }
    }

    /** The statuses are rendered as the read pages render them (ProgrammeTexts, the partial status). */
    public record StatusModel(String backHref, String backLabel, String heading, String subjectText, ProgrammeTexts.StatusView computed,
                              ProgrammeTexts.StatusView manual, String justificationText, String setText, Choices statusChoices,
                              Field justification, String action, String cancelHref, FormState form) {
        public boolean overridden() {
            return manual != null;
        }
    }

    // Programmes

    @GET
    @Path("programmes/new")
    public HtmlPage newProgramme(@Context HttpServletRequest request, @Auth CurrentUser actor) {
        Access.requireProgrammeEditor(actor);
        return programmePage(pages.create(request, actor), null, Typed.empty());
    }

    @POST
    @Path("programmes")
    public Response createProgramme(@Context HttpServletRequest request, @Auth CurrentUser actor, Form posted) {
        Access.requireProgrammeEditor(actor);
        Typed typed = Typed.of(posted);
        return store(request, actor, typed,
                () -> "/programmes/" + programmes.create(actor, programmeInput(typed)).id(),
                context -> programmePage(context, null, typed));
    }

    @GET
    @Path("programmes/{id}/edit")
    public HtmlPage editProgramme(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireProgrammeEditor(actor);
        Programme programme = programmes.get(actor, id);
        Typed typed = Typed.empty();
        typed.form().with("name", programme.name()).with("adoptedBy", programme.adoptedBy()).with("adoptedOn", programme.adoptedOn())
                .with("periodStart", programme.periodStart()).with("periodEnd", programme.periodEnd())
                .with("description", programme.description());
        return programmePage(pages.create(request, actor), programme, typed);
    }

    @POST
    @Path("programmes/{id}/edit")
    public Response updateProgramme(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id, Form posted) {
        Access.requireProgrammeEditor(actor);
        Programme programme = programmes.get(actor, id);
        Typed typed = Typed.of(posted);
        return store(request, actor, typed,
                () -> "/programmes/" + programmes.update(actor, id, programmeInput(typed)).id(),
                context -> programmePage(context, programme, typed));
    }

    @GET
    @Path("programmes/{id}/delete")
    public HtmlPage confirmProgrammeDelete(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireProgrammeEditor(actor);
        return programmeDeletePage(pages.create(request, actor), programmes.overview(actor, id), null);
    }

    @POST
    @Path("programmes/{id}/delete")
    public Response deleteProgramme(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireProgrammeEditor(actor);
        return remove(request, actor, () -> {
            programmes.delete(actor, id);
            return "/programmes";
        }, (context, refusal) -> programmeDeletePage(context, programmes.overview(actor, id), refusal));
    }

    private ProgrammeInput programmeInput(Typed typed) {
        List<FieldError> problems = new ArrayList<>();
        LocalDate adoptedOn = parsed(problems, () -> FormValues.date(typed.get("adoptedOn"), "adoptedOn"));
        LocalDate periodStart = parsed(problems, () -> FormValues.date(typed.get("periodStart"), "periodStart"));
        LocalDate periodEnd = parsed(problems, () -> FormValues.date(typed.get("periodEnd"), "periodEnd"));
        refuseIfAny(problems, typed, "name", "periodStart", "periodEnd");
        return new ProgrammeInput(typed.get("name"), typed.get("adoptedBy"), adoptedOn, periodStart, periodEnd, typed.get("description"));
    }

    private HtmlPage programmePage(PageContext context, Programme programme, Typed typed) {
        Texts t = new Texts(context.language());
        boolean creating = programme == null;
        FormState form = typed.form();
        List<Block> blocks = List.of(
                block(t.text("name", "programmeForms.programme.name", form, NAME_MAX).mandatory()),
                block(t.text("adoptedBy", "programmeForms.programme.adoptedBy", form, NAME_MAX)
                        .hinted(t.get("programmeForms.programme.adoptedByHint"))),
                block(t.date("adoptedOn", "programmeForms.programme.adoptedOn", form)),
                block(t.date("periodStart", "programmeForms.programme.periodStart", form).mandatory()),
                block(t.date("periodEnd", "programmeForms.programme.periodEnd", form).mandatory()
                        .hinted(t.get("programmeForms.programme.periodEndHint"))),
                block(t.textarea("description", "programmeForms.description", form, TEXT_MAX)));
        EditModel model = new EditModel(creating ? "/programmes" : "/programmes/" + programme.id(),
                creating ? t.get("nav.programmes") : programme.name(),
                creating ? t.get("programmeForms.programme.newTitle") : t.get("programmeForms.programme.editTitle", programme.name()),
                creating ? t.get("programmeForms.programme.newLead") : null,
                creating ? "/programmes" : "/programmes/" + programme.id() + "/edit", List.of(), List.of(new Section(null, null, blocks)),
                t.get(creating ? "programmeForms.programme.create" : "common.save"), creating ? "/programmes" : "/programmes/" + programme.id(),
                form);
        return page(context, model);
    }

    private HtmlPage programmeDeletePage(PageContext context, ProgrammeOverview overview, String refusal) {
        Texts t = new Texts(context.language());
        Programme programme = overview.programme();
        String blocked = refusal;
        if (blocked == null && !overview.focusAreas().isEmpty()) {
            blocked = t.get("programmeForms.delete.programmeNotEmpty", overview.focusAreas().size());
        }
        DeleteModel model = new DeleteModel("/programmes/" + programme.id(), programme.name(),
                t.get("programmeForms.delete.programmeTitle", programme.name()), List.of(t.get("programmeForms.delete.programmeGoes")),
                blocked, "/programmes/" + programme.id() + "/delete", t.get("programmeForms.delete.programmeConfirm"),
                "/programmes/" + programme.id());
        return deletePage(context, model);
    }

    // Focus areas

    @GET
    @Path("programmes/{id}/focus-areas/new")
    public HtmlPage newFocusArea(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long programmeId) {
        Access.requireProgrammeEditor(actor);
        return focusAreaPage(pages.create(request, actor), programmes.get(actor, programmeId), null, Typed.empty());
    }

    @POST
    @Path("programmes/{id}/focus-areas")
    public Response createFocusArea(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long programmeId,
                                    Form posted) {
        Access.requireProgrammeEditor(actor);
        Programme programme = programmes.get(actor, programmeId);
        Typed typed = Typed.of(posted);
        return store(request, actor, typed, () -> {
            programmes.addFocusArea(actor, programmeId, focusAreaInput(typed));
            return "/programmes/" + programmeId;
        }, context -> focusAreaPage(context, programme, null, typed));
    }

    @GET
    @Path("focus-areas/{id}/edit")
    public HtmlPage editFocusArea(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireProgrammeEditor(actor);
        FocusArea focusArea = programmes.getFocusArea(actor, id);
        Typed typed = Typed.empty();
        typed.form().with("name", focusArea.name()).with("description", focusArea.description()).with("position", focusArea.position());
        return focusAreaPage(pages.create(request, actor), programmes.get(actor, focusArea.programmeId()), focusArea, typed);
    }

    @POST
    @Path("focus-areas/{id}/edit")
    public Response updateFocusArea(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id, Form posted) {
        Access.requireProgrammeEditor(actor);
        FocusArea focusArea = programmes.getFocusArea(actor, id);
        Typed typed = Typed.of(posted);
        return store(request, actor, typed,
                () -> "/programmes/" + programmes.updateFocusArea(actor, id, focusAreaInput(typed)).programmeId(),
                context -> focusAreaPage(context, programmes.get(actor, focusArea.programmeId()), focusArea, typed));
    }

    @GET
    @Path("focus-areas/{id}/delete")
    public HtmlPage confirmFocusAreaDelete(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireProgrammeEditor(actor);
        return focusAreaDeletePage(pages.create(request, actor), actor, programmes.getFocusArea(actor, id), null);
    }

    @POST
    @Path("focus-areas/{id}/delete")
    public Response deleteFocusArea(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireProgrammeEditor(actor);
        FocusArea focusArea = programmes.getFocusArea(actor, id);
        return remove(request, actor, () -> {
            programmes.deleteFocusArea(actor, id);
            return "/programmes/" + focusArea.programmeId();
        }, (context, refusal) -> focusAreaDeletePage(context, actor, focusArea, refusal));
    }

    private static FocusAreaInput focusAreaInput(Typed typed) {
        List<FieldError> problems = new ArrayList<>();
        Integer position = parsed(problems, () -> whole(typed.get("position"), "position"));
        refuseIfAny(problems, typed, "name");
        return new FocusAreaInput(typed.get("name"), typed.get("description"), position);
    }

    private HtmlPage focusAreaPage(PageContext context, Programme programme, FocusArea focusArea, Typed typed) {
        Texts t = new Texts(context.language());
        boolean creating = focusArea == null;
        FormState form = typed.form();
        List<Block> blocks = List.of(
                block(t.text("name", "programmeForms.focusArea.name", form, NAME_MAX).mandatory()
                        .hinted(t.get("programmeForms.focusArea.nameHint"))),
                block(t.textarea("description", "programmeForms.description", form, TEXT_MAX)),
                block(t.position(form, creating)));
        String back = "/programmes/" + programme.id();
        EditModel model = new EditModel(back, programme.name(),
                creating ? t.get("programmeForms.focusArea.newTitle") : t.get("programmeForms.focusArea.editTitle", focusArea.name()),
                t.get("programmeForms.inProgramme", programme.name()),
                creating ? back + "/focus-areas" : "/focus-areas/" + focusArea.id() + "/edit", List.of(),
                List.of(new Section(null, null, blocks)), t.get(creating ? "programmeForms.focusArea.create" : "common.save"), back, form);
        return page(context, model);
    }

    private HtmlPage focusAreaDeletePage(PageContext context, CurrentUser actor, FocusArea focusArea, String refusal) {
        Texts t = new Texts(context.language());
        ProgrammeOverview overview = programmes.overview(actor, focusArea.programmeId());
        int goals = overview.focusAreas().stream().filter(f -> f.focusArea().id() == focusArea.id()).mapToInt(f -> f.goals().size())
                .sum();
        String blocked = refusal != null ? refusal : goals > 0 ? t.get("programmeForms.delete.focusAreaNotEmpty", goals) : null;
        String back = "/programmes/" + focusArea.programmeId();
        DeleteModel model = new DeleteModel(back, overview.programme().name(),
                t.get("programmeForms.delete.focusAreaTitle", focusArea.name()), List.of(t.get("programmeForms.delete.focusAreaGoes")),
                blocked, "/focus-areas/" + focusArea.id() + "/delete", t.get("programmeForms.delete.focusAreaConfirm"), back);
        return deletePage(context, model);
    }

    // Goals

    @GET
    @Path("focus-areas/{id}/goals/new")
    public HtmlPage newGoal(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long focusAreaId) {
        Access.requireProgrammeEditor(actor);
        FocusArea focusArea = programmes.getFocusArea(actor, focusAreaId);
        return goalPage(pages.create(request, actor), programmes.get(actor, focusArea.programmeId()), focusArea, null, Typed.empty());
    }

    @POST
    @Path("focus-areas/{id}/goals")
    public Response createGoal(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long focusAreaId,
                               Form posted) {
        Access.requireProgrammeEditor(actor);
        FocusArea focusArea = programmes.getFocusArea(actor, focusAreaId);
        Typed typed = Typed.of(posted);
        return store(request, actor, typed,
                () -> "/goals/" + programmes.addGoal(actor, focusAreaId, goalInput(typed)).id(),
                context -> goalPage(context, programmes.get(actor, focusArea.programmeId()), focusArea, null, typed));
    }

    @GET
    @Path("goals/{id}/edit")
    public HtmlPage editGoal(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireProgrammeEditor(actor);
        GoalDetail detail = programmes.goal(actor, id);
        Goal goal = detail.node().goal();
        Typed typed = Typed.empty();
        typed.form().with("name", goal.name()).with("description", goal.description()).with("position", goal.position());
        return goalPage(pages.create(request, actor), detail.programme(), detail.focusArea(), goal, typed);
    }

    @POST
    @Path("goals/{id}/edit")
    public Response updateGoal(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id, Form posted) {
        Access.requireProgrammeEditor(actor);
        GoalDetail detail = programmes.goal(actor, id);
        Typed typed = Typed.of(posted);
        return store(request, actor, typed,
                () -> "/goals/" + programmes.updateGoal(actor, id, goalInput(typed)).id(),
                context -> goalPage(context, detail.programme(), detail.focusArea(), detail.node().goal(), typed));
    }

    @GET
    @Path("goals/{id}/delete")
    public HtmlPage confirmGoalDelete(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireProgrammeEditor(actor);
        return goalDeletePage(pages.create(request, actor), programmes.goal(actor, id), null);
    }

    @POST
    @Path("goals/{id}/delete")
    public Response deleteGoal(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireProgrammeEditor(actor);
        GoalDetail detail = programmes.goal(actor, id);
        return remove(request, actor, () -> {
            programmes.deleteGoal(actor, id);
            return "/programmes/" + detail.programme().id();
        }, (context, refusal) -> goalDeletePage(context, programmes.goal(actor, id), refusal));
    }

    private static GoalInput goalInput(Typed typed) {
        List<FieldError> problems = new ArrayList<>();
        Integer position = parsed(problems, () -> whole(typed.get("position"), "position"));
        refuseIfAny(problems, typed, "name");
        return new GoalInput(typed.get("name"), typed.get("description"), position);
    }

    private HtmlPage goalPage(PageContext context, Programme programme, FocusArea focusArea, Goal goal, Typed typed) {
        Texts t = new Texts(context.language());
        boolean creating = goal == null;
        FormState form = typed.form();
        List<Block> blocks = List.of(
                block(t.text("name", "programmeForms.goal.name", form, NAME_MAX).mandatory().hinted(t.get("programmeForms.goal.nameHint"))),
                block(t.textarea("description", "programmeForms.description", form, TEXT_MAX)),
                block(t.position(form, creating)));
        String back = creating ? "/programmes/" + programme.id() : "/goals/" + goal.id();
        EditModel model = new EditModel(back, creating ? programme.name() : goal.name(),
                creating ? t.get("programmeForms.goal.newTitle") : t.get("programmeForms.goal.editTitle", goal.name()),
                t.get("programmeForms.inFocusArea", focusArea.name(), programme.name()),
                creating ? "/focus-areas/" + focusArea.id() + "/goals" : "/goals/" + goal.id() + "/edit", List.of(),
                List.of(new Section(null, null, blocks)), t.get(creating ? "programmeForms.goal.create" : "common.save"), back, form);
        return page(context, model);
    }

    private HtmlPage goalDeletePage(PageContext context, GoalDetail detail, String refusal) {
        Texts t = new Texts(context.language());
        Goal goal = detail.node().goal();
        int indicators = detail.node().indicators().size();
        int measures = detail.node().measures().size();
        String blocked = refusal;
        if (blocked == null && indicators + measures > 0) {
            blocked = t.get("programmeForms.delete.goalNotEmpty", measures, indicators);
        }
        DeleteModel model = new DeleteModel("/goals/" + goal.id(), goal.name(), t.get("programmeForms.delete.goalTitle", goal.name()),
                List.of(t.get("programmeForms.delete.commentsGo", detail.comments().size())), blocked, "/goals/" + goal.id() + "/delete",
                t.get("programmeForms.delete.goalConfirm"), "/goals/" + goal.id());
        return deletePage(context, model);
    }

    // Measures

    @GET
    @Path("goals/{id}/measures/new")
    public HtmlPage newMeasure(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long goalId) {
        Access.requireProgrammeEditor(actor);
        GoalDetail goal = programmes.goal(actor, goalId);
        Typed typed = Typed.empty();
        typed.form().with("startDate", programmes.today());
        return measurePage(pages.create(request, actor), actor, goal, null, typed);
    }

    @POST
    @Path("goals/{id}/measures")
    public Response createMeasure(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long goalId,
                                  Form posted) {
        Access.requireProgrammeEditor(actor);
        GoalDetail goal = programmes.goal(actor, goalId);
        Typed typed = Typed.of(posted);
        return store(request, actor, typed,
                () -> "/measures/" + programmes.addMeasure(actor, goalId, measureInput(typed)).id(),
                context -> measurePage(context, actor, goal, null, typed));
    }

    @GET
    @Path("measures/{id}/edit")
    public HtmlPage editMeasure(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireProgrammeEditor(actor);
        MeasureDetail detail = programmes.measure(actor, id);
        Measure measure = detail.node().measure();
        Typed typed = Typed.empty();
        typed.form().with("name", measure.name()).with("description", measure.description())
                .with("responsibleOrganisationId", measure.responsibleOrganisationId()).with("startDate", measure.startDate())
                .with("endDate", measure.endDate()).with("position", measure.position());
        typed.tick("areaIds", measure.areas()).tick("rolloutIds", measure.rollouts()).tick("activityTypeIds", measure.activityTypes());
        return measurePage(pages.create(request, actor), actor, null, detail, typed);
    }

    @POST
    @Path("measures/{id}/edit")
    public Response updateMeasure(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id, Form posted) {
        Access.requireProgrammeEditor(actor);
        MeasureDetail detail = programmes.measure(actor, id);
        Typed typed = Typed.of(posted);
        return store(request, actor, typed,
                () -> "/measures/" + programmes.updateMeasure(actor, id, measureInput(typed)).id(),
                context -> measurePage(context, actor, null, detail, typed));
    }

    @GET
    @Path("measures/{id}/delete")
    public HtmlPage confirmMeasureDelete(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireProgrammeEditor(actor);
        return measureDeletePage(pages.create(request, actor), programmes.measure(actor, id), null);
    }

    @POST
    @Path("measures/{id}/delete")
    public Response deleteMeasure(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireProgrammeEditor(actor);
        MeasureDetail detail = programmes.measure(actor, id);
        return remove(request, actor, () -> {
            programmes.deleteMeasure(actor, id);
            return "/goals/" + detail.goal().id();
        }, (context, refusal) -> measureDeletePage(context, programmes.measure(actor, id), refusal));
    }

    private static MeasureInput measureInput(Typed typed) {
        List<FieldError> problems = new ArrayList<>();
        Long organisation = parsed(problems, () -> FormValues.optionalLong(typed.get("responsibleOrganisationId"),
                "responsibleOrganisationId", "error.unknownOrganisation"));
        LocalDate start = parsed(problems, () -> FormValues.date(typed.get("startDate"), "startDate"));
        LocalDate end = parsed(problems, () -> FormValues.date(typed.get("endDate"), "endDate"));
        Integer position = parsed(problems, () -> whole(typed.get("position"), "position"));
        List<Long> areaIds = parsed(problems, () -> FormValues.ids(typed.list("areaIds"), "areaIds"));
        List<Long> rolloutIds = parsed(problems, () -> FormValues.ids(typed.list("rolloutIds"), "rolloutIds"));
        List<Long> typeIds = parsed(problems, () -> FormValues.ids(typed.list("activityTypeIds"), "activityTypeIds"));
        refuseIfAny(problems, typed, "name", "responsibleOrganisationId", "startDate");
        return new MeasureInput(typed.get("name"), typed.get("description"), organisation, start, end, position, areaIds, rolloutIds,
                typeIds);
    }

    /** {@code goal} when adding a measure to it, {@code detail} when changing one. */
    private HtmlPage measurePage(PageContext context, CurrentUser actor, GoalDetail goal, MeasureDetail detail, Typed typed) {
        Texts t = new Texts(context.language());
        boolean creating = detail == null;
        FormState form = typed.form();
        Measure measure = creating ? null : detail.node().measure();
        Programme programme = creating ? goal.programme() : detail.programme();
        Goal parent = creating ? goal.node().goal() : detail.goal();
        List<Block> about = List.of(
                block(t.text("name", "programmeForms.measure.name", form, NAME_MAX).mandatory()
                        .hinted(t.get("programmeForms.measure.nameHint"))),
                block(t.textarea("description", "programmeForms.description", form, TEXT_MAX)),
                block(t.select("responsibleOrganisationId", "programmeForms.measure.responsible", form,
                        organisationOptions(measure, form.values().get("responsibleOrganisationId")))
                        .hinted(t.get("programmeForms.measure.responsibleHint")).mandatory()),
                block(t.date("startDate", "programmeForms.measure.startDate", form).mandatory()),
                block(t.date("endDate", "programmeForms.measure.endDate", form).hinted(t.get("programmeForms.measure.endDateHint"))),
                block(t.position(form, creating)));
        List<Block> links = List.of(
                choices(t.checkboxes("areaIds", t.get("programmeForms.measure.areas"), t.get("programmeForms.measure.areasHint"), form,
                        areaChoices(typed), t.get("programmeForms.noAreas"))),
                choices(t.groupedCheckboxes("rolloutIds", t.get("programmeForms.measure.rollouts"),
                        t.get("programmeForms.measure.rolloutsHint"), form, rolloutGroups(actor, t, typed, true, measure == null ? null : measure.id()),
                        t.get("programmeForms.noRollouts"))),
                choices(t.checkboxes("activityTypeIds", t.get("programmeForms.measure.activityTypes"),
                        t.get("programmeForms.measure.activityTypesHint"), form, activityTypeChoices(typed),
                        t.get("programmeForms.noActivityTypes"))));
        String back = creating ? "/goals/" + parent.id() : "/measures/" + measure.id();
        EditModel model = new EditModel(back, creating ? parent.name() : measure.name(),
                creating ? t.get("programmeForms.measure.newTitle") : t.get("programmeForms.measure.editTitle", measure.name()),
                t.get("programmeForms.forGoal", parent.name(), programme.name()),
                creating ? "/goals/" + parent.id() + "/measures" : "/measures/" + measure.id() + "/edit", List.of(),
                List.of(new Section(null, null, about), new Section(t.get("programmeForms.measure.linksHeading"),
                        t.get("programmeForms.measure.linksIntro"), links)),
                t.get(creating ? "programmeForms.measure.create" : "common.save"), back, form);
        return page(context, model);
    }

    private HtmlPage measureDeletePage(PageContext context, MeasureDetail detail, String refusal) {
        Texts t = new Texts(context.language());
        Measure measure = detail.node().measure();
        int indicators = detail.node().indicators().size();
        String blocked = refusal != null ? refusal : indicators > 0 ? t.get("programmeForms.delete.measureNotEmpty", indicators) : null;
        DeleteModel model = new DeleteModel("/measures/" + measure.id(), measure.name(),
                t.get("programmeForms.delete.measureTitle", measure.name()),
                List.of(t.get("programmeForms.delete.commentsGo", detail.comments().size()), t.get("programmeForms.delete.measureLinksGo")),
                blocked, "/measures/" + measure.id() + "/delete", t.get("programmeForms.delete.measureConfirm"), "/measures/" + measure.id());
        return deletePage(context, model);
    }

    // Indicators

    @GET
    @Path("indicators/new")
    public HtmlPage newIndicator(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("goalId") String goalId,
                                 @QueryParam("measureId") String measureId) {
        Access.requireProgrammeEditor(actor);
        Typed typed = Typed.empty();
        typed.form().with("goalId", goalId).with("measureId", measureId).with("kind", IndicatorKind.MANUAL)
                .with("direction", Direction.HIGHER_IS_BETTER).with("period", PeriodLength.QUARTER);
        Owner owner = owner(actor, typed);
        if (owner == NO_OWNER) { // a link made by hand, not a refused form: there is no such page
            throw new NotFoundException("the goal or measure of a new indicator", "goalId=" + goalId + ", measureId=" + measureId);
        }
        return indicatorPage(pages.create(request, actor), actor, owner, null, typed);
    }

    @POST
    @Path("indicators")
    public Response createIndicator(@Context HttpServletRequest request, @Auth CurrentUser actor, Form posted) {
        Access.requireProgrammeEditor(actor);
        Typed typed = Typed.of(posted);
        Owner owner = owner(actor, typed);
        return store(request, actor, typed,
                () -> "/indicators/" + programmes.createIndicator(actor, indicatorInput(typed, owner, null)).id(),
                context -> indicatorPage(context, actor, owner, null, typed));
    }

    @GET
    @Path("indicators/{id}/edit")
    public HtmlPage editIndicator(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireProgrammeEditor(actor);
        Indicator indicator = programmes.indicator(actor, id).indicator();
        // The stored values as the reader types them: "42,5" in Swedish, "42.5" in English.
        ProgrammeTexts texts = new ProgrammeTexts(messages, PageContextFactory.language(request, actor));
        Typed typed = Typed.empty();
        typed.form().with("name", indicator.name()).with("description", indicator.description()).with("unit", indicator.unit())
                .with("direction", indicator.direction()).with("baselineValue", texts.number(indicator.baselineValue()))
                .with("baselineDate", indicator.baselineDate()).with("targetValue", texts.number(indicator.targetValue()))
                .with("targetDate", indicator.targetDate()).with("kind", indicator.kind()).with("source", indicator.source())
                .with("period", indicator.period()).with("position", indicator.position());
        typed.tick("areaIds", indicator.areas()).tick("activityTypeIds", indicator.activityTypes()).tick("rolloutIds", indicator.rollouts());
        return indicatorPage(pages.create(request, actor), actor, ownerOf(actor, indicator), indicator, typed);
    }

    @POST
    @Path("indicators/{id}/edit")
    public Response updateIndicator(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                                    Form posted) {
        Access.requireProgrammeEditor(actor);
        Indicator indicator = programmes.indicator(actor, id).indicator();
        Owner owner = ownerOf(actor, indicator);
        Typed typed = Typed.of(posted);
        typed.form().with("kind", indicator.kind()); // shown, not sent: the kind stays what it is
        return store(request, actor, typed,
                () -> "/indicators/" + programmes.updateIndicator(actor, id, indicatorInput(typed, owner, indicator)).id(),
                context -> indicatorPage(context, actor, owner, indicator, typed));
    }

    @GET
    @Path("indicators/{id}/delete")
    public HtmlPage confirmIndicatorDelete(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireProgrammeEditor(actor);
        return indicatorDeletePage(pages.create(request, actor), programmes.indicator(actor, id), null);
    }

    @POST
    @Path("indicators/{id}/delete")
    public Response deleteIndicator(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Access.requireProgrammeEditor(actor);
        IndicatorDetail detail = programmes.indicator(actor, id);
        Indicator indicator = detail.indicator();
        return remove(request, actor, () -> {
            programmes.deleteIndicator(actor, id);
            return indicator.goalId() != null ? "/goals/" + indicator.goalId() : "/measures/" + indicator.measureId();
        }, (context, refusal) -> indicatorDeletePage(context, detail, refusal));
    }

    /** The goal or measure an indicator belongs to, named for the form. */
    private record Owner(Long goalId, Long measureId, String name, String href) {
    }

    /** A new indicator's form that names no goal or measure, or both, or not by number. */
    private static final Owner NO_OWNER = new Owner(null, null, null, "/programmes");

    /**
     * The owner a new indicator's form names (?goalId= or ?measureId=, or the hidden fields of a posted form);
     * {@link #NO_OWNER} when it names none, both, or not by number. A goal or measure that does not exist is a 404.
     */
    private Owner owner(CurrentUser actor, Typed typed) {
        Long goalId;
        Long measureId;
        try {
            goalId = FormValues.optionalLong(typed.get("goalId"), "goalId", "error.unknownValue");
            measureId = FormValues.optionalLong(typed.get("measureId"), "measureId", "error.unknownValue");
        } catch (InvalidInputException e) {
            return NO_OWNER;
        }
        if ((goalId == null) == (measureId == null)) {
            return NO_OWNER;
        }
        return goalId != null ? goalOwner(actor, goalId) : measureOwner(actor, measureId);
    }

    private Owner ownerOf(CurrentUser actor, Indicator indicator) {
        return indicator.goalId() != null ? goalOwner(actor, indicator.goalId()) : measureOwner(actor, indicator.measureId());
    }

    private Owner goalOwner(CurrentUser actor, long goalId) {
        GoalDetail goal = programmes.goal(actor, goalId);
        return new Owner(goalId, null, goal.node().goal().name(), "/goals/" + goalId);
    }

    private Owner measureOwner(CurrentUser actor, long measureId) {
        MeasureDetail measure = programmes.measure(actor, measureId);
        return new Owner(null, measureId, measure.node().measure().name(), "/measures/" + measureId);
    }

    /**
     * The indicator as typed. A manual indicator has no source, period or lists: those fields are shown to everyone (no
     * script hides them) and left out here when the kind is MANUAL, as the form says.
     */
    private static IndicatorInput indicatorInput(Typed typed, Owner owner, Indicator current) {
        List<FieldError> problems = new ArrayList<>();
        if (current == null && owner == NO_OWNER) {
            problems.add(new FieldError("goalId", "programmeForms.indicator.ownerRequired"));
        }
        Direction direction = parsed(problems, () -> choice(Direction.class, typed.get("direction"), "direction"));
        BigDecimal baseline = parsed(problems, () -> FormValues.decimal(typed.get("baselineValue"), "baselineValue", VALUE_INTEGER_DIGITS,
                VALUE_FRACTION_DIGITS));
        LocalDate baselineDate = parsed(problems, () -> FormValues.date(typed.get("baselineDate"), "baselineDate"));
        BigDecimal target = parsed(problems, () -> FormValues.decimal(typed.get("targetValue"), "targetValue", VALUE_INTEGER_DIGITS,
                VALUE_FRACTION_DIGITS));
        LocalDate targetDate = parsed(problems, () -> FormValues.date(typed.get("targetDate"), "targetDate"));
        IndicatorKind kind = current != null ? current.kind() : parsed(problems, () -> choice(IndicatorKind.class, typed.get("kind"), "kind"));
        Integer position = parsed(problems, () -> whole(typed.get("position"), "position"));
        boolean derived = kind == IndicatorKind.DERIVED;
        DerivedSource source = derived ? parsed(problems, () -> choice(DerivedSource.class, typed.get("source"), "source")) : null;
        PeriodLength period = derived ? parsed(problems, () -> choice(PeriodLength.class, typed.get("period"), "period")) : null;
        List<Long> areaIds = derived ? parsed(problems, () -> FormValues.ids(typed.list("areaIds"), "areaIds")) : List.of();
        List<Long> typeIds = derived ? parsed(problems, () -> FormValues.ids(typed.list("activityTypeIds"), "activityTypeIds")) : List.of();
        List<Long> rolloutIds = derived ? parsed(problems, () -> FormValues.ids(typed.list("rolloutIds"), "rolloutIds")) : List.of();
        boolean creating = current == null;
        List<String> required = new ArrayList<>(List.of("name", "unit", "direction"));
        if (creating) {
            required.add("kind");
        }
        if (derived) {
            required.addAll(List.of("source", "period"));
        }
        refuseIfAny(problems, typed, required.toArray(String[]::new));
        // On a change, owner and kind are left out: they stay as they are.
        return new IndicatorInput(creating ? owner.goalId() : null, creating ? owner.measureId() : null, typed.get("name"),
                typed.get("description"), typed.get("unit"), direction, baseline, baselineDate, target, targetDate, creating ? kind : null,
                source, period, position, areaIds, typeIds, rolloutIds);
    }

    private HtmlPage indicatorPage(PageContext context, CurrentUser actor, Owner owner, Indicator indicator, Typed typed) {
        Texts t = new Texts(context.language());
        boolean creating = indicator == null;
        FormState form = typed.form();
        boolean onMeasure = owner.measureId() != null;
        List<Block> about = List.of(
                block(t.text("name", "programmeForms.indicator.name", form, NAME_MAX).mandatory()
                        .hinted(t.get("programmeForms.indicator.nameHint"))),
                block(t.textarea("description", "programmeForms.description", form, TEXT_MAX)),
                block(t.text("unit", "programmeForms.indicator.unit", form, UNIT_MAX).mandatory()
                        .hinted(t.get("programmeForms.indicator.unitHint"))),
                choices(t.radios("direction", t.get("programmeForms.indicator.direction"), null, form,
                        t.enumChoices("direction", Direction.values(), "programmeForms.indicator.directions.", true, form))),
                block(t.position(form, creating)));
        List<Block> values = List.of(
                block(t.decimal("baselineValue", "programmeForms.indicator.baselineValue", form)),
                block(t.date("baselineDate", "programmeForms.indicator.baselineDate", form)),
                block(t.decimal("targetValue", "programmeForms.indicator.targetValue", form)),
                block(t.date("targetDate", "programmeForms.indicator.targetDate", form)));
        IndicatorKind kind = creating ? null : indicator.kind();
        List<Block> how = creating
                ? List.of(choices(t.radios("kind", t.get("programmeForms.indicator.kind"), null, form,
                        t.enumChoices("kind", IndicatorKind.values(), "programmeForms.indicator.kinds.", true, form))))
                : List.of(new Block(null, null, new Fact("kind", t.get("programmeForms.indicator.kind"),
                        t.get("programmeForms.indicator.kinds." + kind.name()) + ". " + t.get("programmeForms.indicator.kindFixed"))));
        List<Section> sections = new ArrayList<>(List.of(new Section(null, null, about),
                new Section(t.get("programmeForms.indicator.valuesHeading"), t.get("programmeForms.indicator.valuesIntro"), values),
                new Section(t.get("programmeForms.indicator.howHeading"), null, how)));
        if (creating || kind == IndicatorKind.DERIVED) {
            String fallback = onMeasure ? "Measure" : "Goal";
            List<Block> derived = List.of(
                    choices(t.radios("source", t.get("programmeForms.indicator.source"), null, form,
                            t.enumChoices("source", DerivedSource.values(), "programmeForms.indicator.sources.", true, form))),
                    choices(t.radios("period", t.get("programmeForms.indicator.period"), t.get("programmeForms.indicator.periodHint"), form,
                            t.enumChoices("period", PeriodLength.values(), "programmeForms.indicator.periods.", false, form))),
                    choices(t.checkboxes("areaIds", t.get("programmeForms.indicator.areas"),
                            t.get("programmeForms.indicator.areasHint" + fallback), form, areaChoices(typed), t.get("programmeForms.noAreas"))),
                    choices(t.checkboxes("activityTypeIds", t.get("programmeForms.indicator.activityTypes"),
                            t.get("programmeForms.indicator.activityTypesHint" + fallback), form, activityTypeChoices(typed),
                            t.get("programmeForms.noActivityTypes"))),
                    choices(t.groupedCheckboxes("rolloutIds", t.get("programmeForms.indicator.rollouts"),
                            t.get("programmeForms.indicator.rolloutsHint" + fallback), form, rolloutGroups(actor, t, typed, false, null),
                            t.get("programmeForms.noRollouts"))));
            sections.add(new Section(t.get("programmeForms.indicator.derivedHeading"),
                    t.get(creating ? "programmeForms.indicator.derivedIntroNew" : "programmeForms.indicator.derivedIntro"), derived));
        }
        boolean ownerless = owner == NO_OWNER;
        List<HiddenValue> hidden = new ArrayList<>();
        if (creating && !ownerless) {
            hidden.add(onMeasure ? new HiddenValue("measureId", Long.toString(owner.measureId()))
                    : new HiddenValue("goalId", Long.toString(owner.goalId())));
        }
        String back = creating ? owner.href() : "/indicators/" + indicator.id();
        EditModel model = new EditModel(back, creating ? (ownerless ? t.get("nav.programmes") : owner.name()) : indicator.name(),
                creating ? t.get("programmeForms.indicator.newTitle") : t.get("programmeForms.indicator.editTitle", indicator.name()),
                ownerless ? t.get("programmeForms.indicator.ownerRequired")
                        : t.get(onMeasure ? "programmeForms.indicator.forMeasure" : "programmeForms.indicator.forGoal", owner.name()),
                creating ? "/indicators" : "/indicators/" + indicator.id() + "/edit", hidden, sections,
                t.get(creating ? "programmeForms.indicator.create" : "common.save"), back, form);
        return page(context, model);
    }

    private HtmlPage indicatorDeletePage(PageContext context, IndicatorDetail detail, String refusal) {
        Texts t = new Texts(context.language());
        Indicator indicator = detail.indicator();
        List<String> consequences = new ArrayList<>();
        if (indicator.kind() == IndicatorKind.MANUAL) {
            consequences.add(t.get("programmeForms.delete.measurementsGo", detail.measurements().size()));
        } else {
            consequences.add(t.get("programmeForms.delete.derivedStays"));
        }
        consequences.add(t.get("programmeForms.delete.commentsGo", detail.comments().size()));
        DeleteModel model = new DeleteModel("/indicators/" + indicator.id(), indicator.name(),
                t.get("programmeForms.delete.indicatorTitle", indicator.name()), consequences, refusal,
                "/indicators/" + indicator.id() + "/delete", t.get("programmeForms.delete.indicatorConfirm"), "/indicators/" + indicator.id());
        return deletePage(context, model);
    }

    // Status set by hand

    @GET
    @Path("goals/{id}/status")
    public HtmlPage goalStatus(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        return statusForm(request, actor, ProgressSubject.GOAL, id);
    }

    @POST
    @Path("goals/{id}/status")
    public Response setGoalStatus(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id, Form posted) {
        return setStatus(request, actor, ProgressSubject.GOAL, id, posted);
    }

    @GET
    @Path("measures/{id}/status")
    public HtmlPage measureStatus(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        return statusForm(request, actor, ProgressSubject.MEASURE, id);
    }

    @POST
    @Path("measures/{id}/status")
    public Response setMeasureStatus(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                                     Form posted) {
        return setStatus(request, actor, ProgressSubject.MEASURE, id, posted);
    }

    @GET
    @Path("indicators/{id}/status")
    public HtmlPage indicatorStatus(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        return statusForm(request, actor, ProgressSubject.INDICATOR, id);
    }

    @POST
    @Path("indicators/{id}/status")
    public Response setIndicatorStatus(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                                       Form posted) {
        return setStatus(request, actor, ProgressSubject.INDICATOR, id, posted);
    }

    /** A goal, measure or indicator with its assessment now, as the status form shows it. */
    private record Subject(ProgressSubject type, long id, String name, Assessment assessment) {
        String href() {
            return switch (type) {
                case GOAL -> "/goals/" + id;
                case MEASURE -> "/measures/" + id;
                case INDICATOR -> "/indicators/" + id;
            };
        }
    }

    private Subject subject(CurrentUser actor, ProgressSubject type, long id) {
        return switch (type) {
            case GOAL -> {
                GoalNode node = programmes.goal(actor, id).node();
                yield new Subject(type, id, node.goal().name(), node.assessment());
            }
            case MEASURE -> {
                MeasureNode node = programmes.measure(actor, id).node();
                yield new Subject(type, id, node.measure().name(), node.assessment());
            }
            case INDICATOR -> {
                IndicatorDetail detail = programmes.indicator(actor, id);
                yield new Subject(type, id, detail.indicator().name(), detail.assessment());
            }
        };
    }

    private HtmlPage statusForm(HttpServletRequest request, CurrentUser actor, ProgressSubject type, long id) {
        Access.requireProgrammeEditor(actor);
        Subject subject = subject(actor, type, id);
        Typed typed = Typed.empty();
        StatusOverride current = subject.assessment().override();
        if (current != null) {
            typed.form().with("status", current.status()).with("justification", current.justification());
        }
        return statusPage(pages.create(request, actor), subject, typed);
    }

    /** Sets the status by hand, or with {@code clear} lets the computed one hold again. */
    private Response setStatus(HttpServletRequest request, CurrentUser actor, ProgressSubject type, long id, Form posted) {
        Access.requireProgrammeEditor(actor);
        Subject subject = subject(actor, type, id);
        Typed typed = Typed.of(posted);
        if ("true".equals(typed.get("clear"))) {
            programmes.clearOverride(actor, type, id);
            return Redirect.to(subject.href());
        }
        return store(request, actor, typed, () -> {
            List<FieldError> problems = new ArrayList<>();
            ProgrammeStatus status = parsed(problems, () -> choice(ProgrammeStatus.class, typed.get("status"), "status"));
            refuseIfAny(problems, typed, "justification");
            programmes.overrideStatus(actor, type, id, new StatusOverrideInput(status, typed.get("justification")));
            return subject.href();
        }, context -> statusPage(context, subject, typed));
    }

    private HtmlPage statusPage(PageContext context, Subject subject, Typed typed) {
        Texts t = new Texts(context.language());
        ProgrammeTexts texts = new ProgrammeTexts(messages, context.language());
        FormState form = typed.form();
        Assessment assessment = subject.assessment();
        StatusOverride current = assessment.override();
        List<Choice> options = SETTABLE.stream().map(s -> new Choice("status-" + s.name(), s.name(), texts.statusLabel(s),
                t.get("programmeForms.status.meaning." + s.name()), s.name().equals(form.values().get("status")))).toList();
        Choices statusChoices = t.radios("status", t.get("programmeForms.status.choose"), null, form, options);
        Field justification = t.textarea("justification", "programmeForms.status.justification", form, JUSTIFICATION_MAX).mandatory()
                .hinted(t.get("programmeForms.status.justificationHint"));
        String kind = t.get("programmeForms.status.subject." + subject.type().name(), subject.name());
        StatusModel model = new StatusModel(subject.href(), subject.name(), t.get("programmeForms.status.title", subject.name()), kind,
                texts.status(assessment.computed()), current == null ? null : texts.status(current.status()),
                current == null ? null : current.justification(),
                current == null ? null : t.get("programmeForms.status.setBy", nonNull(current.setByName()), Dates.dateTime(current.setAt())),
                statusChoices, justification, subject.href() + "/status", subject.href(), form);
        return new HtmlPage(TEMPLATES + "form-status.mustache", context, "programmeForms.status.pageTitle", model).titled(model.heading());
    }

    // Flow

    /**
     * Runs {@code save} (which parses the form and calls the service) and sends the browser to the page it names; a refusal
     * shows the form again with 422, each message beside its field and everything typed kept.
     */
    private Response store(HttpServletRequest request, CurrentUser actor, Typed typed, Supplier<String> save,
                           Function<PageContext, HtmlPage> form) {
        try {
            return Redirect.to(save.get());
        } catch (InvalidInputException e) {
            PageContext context = pages.create(request, actor);
            typed.form().withErrors(e.errors().stream().map(ProgrammeFormPages::onForm).toList(), messages, context.language());
            return Response.status(422).entity(form.apply(context)).build();
        }
    }

    private interface Refused {
        HtmlPage page(PageContext context, String refusal);
    }

    /** Deletes; a refusal (something still lies under it) shows the confirm page again with the reason. */
    private Response remove(HttpServletRequest request, CurrentUser actor, Supplier<String> delete, Refused refused) {
        try {
            return Redirect.to(delete.get());
        } catch (InvalidInputException e) {
            PageContext context = pages.create(request, actor);
            String reason = String.join(" ", e.errors().stream()
                    .map(error -> messages.get(context.language(), error.messageKey(), error.args())).toList());
            return Response.status(422).entity(refused.page(context, reason)).build();
        }
    }

    /** The service names list entries ("areaIds[2]") and the owner ("goalId"); the form has one place for each. */
    private static FieldError onForm(FieldError error) {
        String field = error.field().replaceAll("\\[\\d+].*$", "");
        if (field.equals("goalId") || field.equals("measureId")) {
            field = "owner";
        }
        return new FieldError(field, error.messageKey(), error.args());
    }

    private HtmlPage page(PageContext context, EditModel model) {
        return new HtmlPage(TEMPLATES + "form-edit.mustache", context, "nav.programmes", model).titled(model.heading());
    }

    private HtmlPage deletePage(PageContext context, DeleteModel model) {
        return new HtmlPage(TEMPLATES + "form-delete.mustache", context, "nav.programmes", model).titled(model.heading());
    }

    /**
     * Refuses the form when a field could not be read. The service checks the rest only when it gets the whole form, so
     * the required fields left blank are named here as well: a typing mistake in one field must not hide an empty one.
     */
    private static void refuseIfAny(List<FieldError> problems, Typed typed, String... required) {
        if (problems.isEmpty()) {
            return;
        }
        for (String field : required) {
            String value = typed.get(field);
            if ((value == null || value.isBlank()) && problems.stream().noneMatch(p -> p.field().equals(field))) {
                problems.add(new FieldError(field, "error.required"));
            }
        }
        throw new InvalidInputException(problems);
    }

    // Choices offered

    private List<Option> organisationOptions(Measure measure, String chosen) {
        List<Organisation> active = new ArrayList<>(organisations.allActive());
        List<Option> options = new ArrayList<>();
        boolean currentListed = measure == null || active.stream().anyMatch(o -> o.id() == measure.responsibleOrganisationId());
        if (!currentListed) { // an organisation made inactive since: shown so the form says what is stored
            options.add(new Option(Long.toString(measure.responsibleOrganisationId()), measure.responsibleOrganisationName(),
                    Long.toString(measure.responsibleOrganisationId()).equals(chosen)));
        }
        active.sort(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER));
        for (Organisation organisation : active) {
            options.add(new Option(Long.toString(organisation.id()), organisation.name(), Long.toString(organisation.id()).equals(chosen)));
        }
        return options;
    }

    private List<Choice> areaChoices(Typed typed) {
        Set<String> ticked = new HashSet<>(typed.list("areaIds"));
        return areas.all().stream()
                .sorted(Comparator.comparing(Area::name, String.CASE_INSENSITIVE_ORDER).thenComparing(Area::municipality))
                .map(a -> new Choice("areaIds-" + a.id(), Long.toString(a.id()), a.name() + " (" + a.municipality() + ")", null,
                        ticked.contains(Long.toString(a.id()))))
                .toList();
    }

    /** Active activity types, and any inactive one already chosen (so that saving does not drop it unseen). */
    private List<Choice> activityTypeChoices(Typed typed) {
        Set<String> ticked = new HashSet<>(typed.list("activityTypeIds"));
        return categories.all(CategoryKind.ACTIVITY_TYPE).stream()
                .filter(c -> c.active() || ticked.contains(Long.toString(c.id())))
                .sorted(Comparator.comparingInt(Category::sortOrder).thenComparing(Category::name))
                .map(c -> new Choice("activityTypeIds-" + c.id(), Long.toString(c.id()), c.name(), null, ticked.contains(Long.toString(c.id()))))
                .toList();
    }

    /**
     * Every rollout, under its area. On a measure's form ({@code measureId} null for a new one) each rollout that already
     * serves another measure says which, since a rollout serves at most one.
     */
    private List<ChoiceGroup> rolloutGroups(CurrentUser actor, Texts t, Typed typed, boolean forMeasure, Long measureId) {
        Set<String> ticked = new HashSet<>(typed.list("rolloutIds"));
        List<Rollout> all = new ArrayList<>();
        Long after = null;
        do {
            Page<Rollout> page = rollouts.list(actor, null, after, Page.MAX_LIMIT);
            all.addAll(page.items());
            after = page.nextAfter();
        } while (after != null && all.size() < MAX_ROLLOUTS);
        // Grouped by area id: two areas may share a name in different municipalities, so the legend names both.
        Map<Long, Area> areaById = new HashMap<>();
        areas.all().forEach(a -> areaById.put(a.id(), a));
        Map<Long, List<Choice>> byArea = new HashMap<>();
        Map<Long, String> areaNames = new HashMap<>();
        all.sort(Comparator.comparing(Rollout::name, String.CASE_INSENSITIVE_ORDER));
        for (Rollout rollout : all) {
            String note = null;
            if (forMeasure) {
                // One query per rollout: ProgrammeService has no batch lookup yet (a municipality has a few dozen rollouts).
                Ref serves = programmes.measureOfRollout(rollout.id()).orElse(null);
                if (serves != null && (measureId == null || serves.id() != measureId)) {
                    note = t.get("programmeForms.rolloutServes", serves.name());
                }
            }
            areaNames.put(rollout.areaId(), rollout.areaName());
            byArea.computeIfAbsent(rollout.areaId(), a -> new ArrayList<>()).add(new Choice("rolloutIds-" + rollout.id(),
                    Long.toString(rollout.id()), rollout.name(), note, ticked.contains(Long.toString(rollout.id()))));
        }
        List<Map.Entry<String, List<Choice>>> named = new ArrayList<>();
        byArea.forEach((areaId, choices) -> {
            Area area = areaById.get(areaId);
            named.add(Map.entry(area == null ? areaNames.get(areaId) : area.name() + " (" + area.municipality() + ")", choices));
        });
        named.sort(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER));
        return named.stream().map(e -> new ChoiceGroup(e.getKey(), e.getValue())).toList();
    }

    // Parsing

    /** A whole number typed in a form; blank is null. The service checks its range. */
    static Integer whole(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "error.number");
        }
    }

    /** A radio button's value; none chosen is null (the service says what is required), a made-up one is refused. */
    static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "error.unknownValue");
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    /** The ids of a field's hint and message, for aria-describedby; null when it has neither. */
    private static String ids(String id, String hint, String error) {
        List<String> ids = new ArrayList<>();
        if (hint != null) {
            ids.add(id + "-hint");
        }
        if (error != null) {
            ids.add(id + "-error");
        }
        return ids.isEmpty() ? null : String.join(" ", ids);
    }

    private static Block block(Field field) {
        return new Block(field, null, null);
    }

    private static Block choices(Choices choices) {
        return new Block(null, choices, null);
    }

    /** A posted form: each field's first value, and every value of the checkbox lists. */
    private record Typed(FormState form, Map<String, List<String>> lists) {
        static Typed empty() {
            return new Typed(FormState.empty(), new HashMap<>());
        }

        static Typed of(Form posted) {
            Typed typed = empty();
            posted.asMap().forEach((name, values) -> {
                if (!name.equals("_csrf") && !values.isEmpty()) {
                    typed.form().with(name, values.get(0));
                    typed.lists().put(name, List.copyOf(values));
                }
            });
            return typed;
        }

        String get(String name) {
            return form.values().get(name);
        }

        List<String> list(String name) {
            return lists.getOrDefault(name, List.of());
        }

        Typed tick(String name, List<Ref> refs) {
            lists.put(name, refs.stream().map(r -> Long.toString(r.id())).toList());
            return this;
        }
    }

    /** The forms' texts and fields in the reader's language. */
    private final class Texts {
        private final Language language;

        Texts(Language language) {
            this.language = language;
        }

        String get(String key, Object... args) {
            return messages.get(language, key, args);
        }

        private Field field(String name, String labelKey, FormState form, String type, String inputmode, boolean textarea,
                            Integer maxlength, String css) {
            return new Field(name, name, get(labelKey), null, form.values().get(name), form.errors().get(name), type, inputmode, textarea,
                    false, null, List.of(), maxlength, css, false);
        }

        Field text(String name, String labelKey, FormState form, int maxlength) {
            return field(name, labelKey, form, "text", null, false, maxlength, null);
        }

        Field textarea(String name, String labelKey, FormState form, int maxlength) {
            return field(name, labelKey, form, null, null, true, maxlength, null);
        }

        Field date(String name, String labelKey, FormState form) {
            return field(name, labelKey, form, "date", null, false, null, "pf-short");
        }

        /** Typed as text, so that a comma is kept: a number input would refuse "42,5" in some browsers. */
        Field decimal(String name, String labelKey, FormState form) {
            return field(name, labelKey, form, "text", "decimal", false, 24, "pf-short").hinted(get("programmeForms.decimalHint"));
        }

        Field position(FormState form, boolean creating) {
            return field("position", "programmeForms.position", form, "text", "numeric", false, 6, "pf-short")
                    .hinted(get(creating ? "programmeForms.positionHintNew" : "programmeForms.positionHint"));
        }

        Field select(String name, String labelKey, FormState form, List<Option> options) {
            return new Field(name, name, get(labelKey), null, null, form.errors().get(name), null, null, false, true, get("common.choose"),
                    options, null, null, false);
        }

        Choices radios(String name, String legend, String legendHint, FormState form, List<Choice> options) {
            return new Choices(name, name, legend, legendHint, form.errors().get(name), true, options, List.of(), null);
        }

        Choices checkboxes(String name, String legend, String legendHint, FormState form, List<Choice> options, String none) {
            return new Choices(name, name, legend, legendHint, form.errors().get(name), false, options, List.of(), none);
        }

        Choices groupedCheckboxes(String name, String legend, String legendHint, FormState form, List<ChoiceGroup> groups, String none) {
            return new Choices(name, name, legend, legendHint, form.errors().get(name), false, List.of(), groups, none);
        }

        /** Radio buttons for an enum's values, each labelled by {@code prefix + value} and, with notes, explained by its ".note". */
        <E extends Enum<E>> List<Choice> enumChoices(String name, E[] values, String prefix, boolean notes, FormState form) {
            String chosen = form.values().get(name);
            List<Choice> choices = new ArrayList<>();
            for (E value : values) {
                choices.add(new Choice(name + "-" + value.name(), value.name(), get(prefix + value.name() + ".label"),
                        notes ? get(prefix + value.name() + ".note") : null, value.name().equals(chosen)));
            }
            return choices;
        }
    }
}
