package se.samtrygg.programme;

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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import se.samtrygg.area.AreaService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
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
import se.samtrygg.programme.ProgrammeTexts.StatusView;
import se.samtrygg.programme.ProgrammeTexts.ValueView;

/**
 * Programme follow-up as officials and politicians read it: the programmes, a programme's tree with every status and
 * latest value, a goal, a measure, an indicator with its trend chart, data table and breakdown by area, progress
 * comments per period, and the printable annual report (and its CSV). The forms inline here are adding a measurement
 * and commenting; the rest of the editing is {@code ProgrammeFormPages}'. The rules are {@link ProgrammeService}'s.
 */
@Hidden
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ProgrammePages {
    private static final String TEMPLATES = "/se/samtrygg/programme/";
    /** The pages a comment form may send the reader back to: a subject's page, the overview or a year's report. */
    private static final Pattern RETURN_TO = Pattern.compile("/(programmes|goals|measures|indicators)/\\d{1,18}"
            + "|/programmes/\\d{1,18}/report\\?year=\\d{4}");

    private final ProgrammeService programmes;
    private final AreaService areas;
    private final PageContextFactory pages;
    private final Messages messages;

    public ProgrammePages(ProgrammeService programmes, AreaService areas, PageContextFactory pages) {
        this.programmes = programmes;
        this.areas = areas;
        this.pages = pages;
        this.messages = pages.messages();
    }

    // What the templates read

    public record ProgrammeLine(long id, String name, String period, String adopted) {
    }

    public record ListModel(List<ProgrammeLine> items, boolean canEdit) {
        public boolean hasItems() {
            return !items.isEmpty();
        }
    }

    public record IndicatorLine(long id, String name, StatusView status, ValueView latest, String baseline, String target,
                                String kind) {
    }

    public record MeasureView(Measure measure, StatusView status, String counts, List<IndicatorLine> indicators) {
        public boolean hasIndicators() {
            return !indicators.isEmpty();
        }
    }

    public record GoalView(Goal goal, StatusView status, String counts, List<IndicatorLine> indicators, List<MeasureView> measures) {
        public boolean hasIndicators() {
            return !indicators.isEmpty();
        }

        public boolean hasMeasures() {
            return !measures.isEmpty();
        }
    }

    public record FocusAreaView(FocusArea focusArea, List<GoalView> goals) {
        public boolean hasGoals() {
            return !goals.isEmpty();
        }
    }

    public record OverviewModel(Programme programme, String period, String adopted, String reportYear, boolean canEdit,
                                List<FocusAreaView> focusAreas) {
        public boolean hasFocusAreas() {
            return !focusAreas.isEmpty();
        }
    }

    public record CommentLine(long id, String period, String text, String author, String date, boolean canDelete) {
    }

    public record PeriodGroup(String label, List<CommentLine> comments) {
    }

    public record YearGroup(String year, List<PeriodGroup> periods) {
    }

    /** A subject's comments by year and quarter, and the form for writing one. */
    public record CommentsView(List<YearGroup> years, boolean canComment, FormState form, String subjectType, long subjectId,
                               String returnTo, List<Option> quarters) {
        public boolean hasComments() {
            return !years.isEmpty();
        }
    }

    public record GoalModel(Programme programme, FocusArea focusArea, GoalView goal, boolean canEdit, CommentsView comments,
                            String notice) {
    }

    public record MeasureModel(Programme programme, FocusArea focusArea, Goal goal, MeasureView measure, String period,
                               boolean canEdit, CommentsView comments, String notice) {
        public boolean hasAreas() {
            return !measure.measure().areas().isEmpty();
        }

        public boolean hasRollouts() {
            return !measure.measure().rollouts().isEmpty();
        }

        public boolean hasActivityTypes() {
            return !measure.measure().activityTypes().isEmpty();
        }
    }

    public record DataRow(String when, String value, boolean partial) {
    }

    public record AreaRow(String area, String value, String when, boolean partial) {
    }

    public record MeasurementRow(long id, String date, String value, String area, String source, String comment, String enteredBy) {
    }

    public record Fact(String label, String value) {
    }

    public record IndicatorModel(Indicator indicator, StatusView status, String backHref, String backLabel, List<Fact> facts,
                                 TrendChart.Chart chart, List<DataRow> rows, List<AreaRow> byArea, boolean manual,
                                 List<MeasurementRow> measurements, boolean canEdit, FormState measurementForm, List<Option> areas,
                                 CommentsView comments, String notice) {
        public boolean hasRows() {
            return !rows.isEmpty();
        }

        public boolean hasByArea() {
            return !byArea.isEmpty();
        }

        public boolean hasMeasurements() {
            return !measurements.isEmpty();
        }

        public boolean canAddMeasurement() {
            return manual && canEdit;
        }
    }

    public record MeasurementDeleteModel(Measurement measurement, String value, String backHref) {
    }

    public record CommentDeleteModel(ProgressComment comment, String period, String backHref) {
    }

    public record ReportIndicator(long id, String name, StatusView status, List<ValueView> values, ValueView latest,
                                  List<CommentLine> comments) {
        public boolean hasValues() {
            return !values.isEmpty();
        }

        public boolean hasComments() {
            return !comments.isEmpty();
        }
    }

    public record ReportMeasure(long id, String name, String responsible, StatusView status, List<ReportIndicator> indicators,
                                List<CommentLine> comments) {
        public String tableId() {
            return "measure-" + id + "-indicators";
        }

        public boolean hasIndicators() {
            return !indicators.isEmpty();
        }

        public boolean hasComments() {
            return !comments.isEmpty();
        }
    }

    public record ReportGoal(long id, String name, StatusView status, List<ReportIndicator> indicators, List<ReportMeasure> measures,
                             List<CommentLine> comments) {
        public String tableId() {
            return "goal-" + id + "-indicators";
        }

        public boolean hasIndicators() {
            return !indicators.isEmpty();
        }

        public boolean hasMeasures() {
            return !measures.isEmpty();
        }

        public boolean hasComments() {
            return !comments.isEmpty();
        }
    }

    public record ReportSection(String name, String description, List<ReportGoal> goals) {
    }

    public record ReportModel(Programme programme, String year, String asOf, FormState yearForm, List<Option> years,
                              List<ReportSection> sections, boolean shown) {
    }

    // The programmes and the overview

    @GET
    @Path("programmes")
    public HtmlPage list(@Context HttpServletRequest request, @Auth CurrentUser actor) {
        PageContext context = pages.create(request, actor);
        ProgrammeTexts texts = texts(context);
        List<ProgrammeLine> lines = programmes.list(actor).stream()
                .map(p -> new ProgrammeLine(p.id(), p.name(), period(texts, p), adopted(texts, p))).toList();
        return new HtmlPage(TEMPLATES + "programmes.mustache", context, "followUp.listTitle",
                new ListModel(lines, programmes.canEdit(actor)));
    }

    @GET
    @Path("programmes/{id}")
    public HtmlPage overview(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        ProgrammeOverview overview = programmes.overview(actor, id);
        PageContext context = pages.create(request, actor);
        ProgrammeTexts texts = texts(context);
        Programme programme = overview.programme();
        List<FocusAreaView> focusAreas = overview.focusAreas().stream()
                .map(f -> new FocusAreaView(f.focusArea(), f.goals().stream().map(g -> goalView(g, texts)).toList())).toList();
        return new HtmlPage(TEMPLATES + "overview.mustache", context, "followUp.listTitle",
                new OverviewModel(programme, period(texts, programme), adopted(texts, programme),
                        Integer.toString(programmes.today().getYear()), programmes.canEdit(actor), focusAreas))
                .titled(programme.name());
    }

    // A goal, a measure, an indicator

    @GET
    @Path("goals/{id}")
    public HtmlPage goal(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                         @QueryParam("commented") boolean commented, @QueryParam("commentDeleted") boolean commentDeleted) {
        return goalPage(request, actor, id, null, notice(commented, commentDeleted));
    }

    @GET
    @Path("measures/{id}")
    public HtmlPage measure(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                            @QueryParam("commented") boolean commented, @QueryParam("commentDeleted") boolean commentDeleted) {
        return measurePage(request, actor, id, null, notice(commented, commentDeleted));
    }

    @GET
    @Path("indicators/{id}")
    public HtmlPage indicator(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                              @QueryParam("commented") boolean commented, @QueryParam("commentDeleted") boolean commentDeleted,
                              @QueryParam("measurementAdded") boolean added, @QueryParam("measurementDeleted") boolean deleted) {
        String notice = added ? "followUp.measurements.added" : deleted ? "followUp.measurements.deleted"
                : notice(commented, commentDeleted);
        return indicatorPage(request, actor, id, FormState.empty().with("measuredOn", programmes.today()), null, notice);
    }

    // Measurements

    @POST
    @Path("indicators/{id}/measurements")
    public Response addMeasurement(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                                   @FormParam("measuredOn") String measuredOn, @FormParam("value") String value,
                                   @FormParam("areaId") String areaId, @FormParam("source") String source,
                                   @FormParam("comment") String comment) {
        FormState form = FormState.empty().with("measuredOn", measuredOn).with("value", value).with("areaId", areaId)
                .with("source", source).with("comment", comment);
        try {
            List<FieldError> problems = new ArrayList<>();
            LocalDate day = parsed(problems, () -> FormValues.date(measuredOn, "measuredOn"));
            BigDecimal number = parsed(problems, () -> FormValues.decimal(value, "value", ProgrammeFormPages.VALUE_INTEGER_DIGITS,
                    ProgrammeFormPages.VALUE_FRACTION_DIGITS));
            Long area = parsed(problems, () -> FormValues.optionalLong(areaId, "areaId", "error.unknownValue"));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            programmes.addMeasurement(actor, id, new MeasurementInput(day, number, area, source, comment));
            return Redirect.to("/indicators/" + id + "?measurementAdded=true#measurements");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(indicatorPage(request, actor, id, form, null, null)).build();
        }
    }

    @GET
    @Path("measurements/{id}/delete")
    public HtmlPage confirmDeleteMeasurement(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Measurement measurement = programmes.getMeasurement(actor, id);
        if (!programmes.canEdit(actor)) {
            throw new AccessDeniedException("only programme editors delete measurements");
        }
        PageContext context = pages.create(request, actor);
        ProgrammeTexts texts = texts(context);
        return new HtmlPage(TEMPLATES + "confirm-delete-measurement.mustache", context, "followUp.measurements.deleteTitle",
                new MeasurementDeleteModel(measurement, texts.number(measurement.value()), "/indicators/" + measurement.indicatorId()));
    }

    @POST
    @Path("measurements/{id}/delete")
    public Response deleteMeasurement(@Auth CurrentUser actor, @PathParam("id") long id) {
        Measurement measurement = programmes.getMeasurement(actor, id);
        programmes.deleteMeasurement(actor, id);
        return Redirect.to("/indicators/" + measurement.indicatorId() + "?measurementDeleted=true#measurements");
    }

    // Progress comments

    @POST
    @Path("progress-comments")
    public Response comment(@Context HttpServletRequest request, @Auth CurrentUser actor, @FormParam("subjectType") String subjectType,
                            @FormParam("subjectId") String subjectId, @FormParam("year") String year,
                            @FormParam("quarter") String quarter, @FormParam("text") String text,
                            @FormParam("returnTo") String returnTo) {
        ProgressSubject subject = subject(subjectType);
        Long subjectKey = FormValues.optionalLong(subjectId, "subjectId", "error.unknownValue");
        if (subjectKey == null) {
            throw new InvalidInputException("subjectId", "error.required");
        }
        FormState form = FormState.empty().with("year", year).with("quarter", quarter).with("text", text);
        try {
            List<FieldError> problems = new ArrayList<>();
            Long chosenYear = parsed(problems, () -> FormValues.optionalLong(year, "year", "error.number"));
            Long chosenQuarter = parsed(problems, () -> FormValues.optionalLong(quarter, "quarter", "error.unknownValue"));
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            programmes.comment(actor, new ProgressCommentInput(subject, subjectKey, toInt(chosenYear), toInt(chosenQuarter), text));
            String back = safeReturnTo(returnTo, ProgrammeTexts.path(subject, subjectKey));
            return Redirect.to(back + (back.contains("?") ? "" : "?commented=true") + "#comments");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            HtmlPage page = switch (subject) {
                case GOAL -> goalPage(request, actor, subjectKey, form, null);
                case MEASURE -> measurePage(request, actor, subjectKey, form, null);
                case INDICATOR -> indicatorPage(request, actor, subjectKey, FormState.empty().with("measuredOn", programmes.today()),
                        form, null);
            };
            return Response.status(422).entity(page).build();
        }
    }

    @GET
    @Path("progress-comments/{id}/delete")
    public HtmlPage confirmDeleteComment(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        ProgressComment comment = programmes.getComment(actor, id);
        if (!programmes.canDelete(actor, comment)) {
            throw new AccessDeniedException("only the author or an admin deletes a comment");
        }
        PageContext context = pages.create(request, actor);
        return new HtmlPage(TEMPLATES + "confirm-delete-comment.mustache", context, "followUp.comments.deleteTitle",
                new CommentDeleteModel(comment, texts(context).quarter(comment.quarter()),
                        ProgrammeTexts.path(comment.subjectType(), comment.subjectId())));
    }

    @POST
    @Path("progress-comments/{id}/delete")
    public Response deleteComment(@Auth CurrentUser actor, @PathParam("id") long id) {
        ProgressComment comment = programmes.getComment(actor, id);
        programmes.deleteComment(actor, id);
        return Redirect.to(ProgrammeTexts.path(comment.subjectType(), comment.subjectId()) + "?commentDeleted=true#comments");
    }

    // The annual report

    @GET
    @Path("programmes/{id}/report")
    public Response report(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                           @QueryParam("year") String year) {
        PageContext context = pages.create(request, actor);
        ProgrammeTexts texts = texts(context);
        FormState yearForm = FormState.empty().with("year", year == null || year.isBlank() ? programmes.today().getYear() : year.strip());
        try {
            int chosen = year(year);
            AnnualReport report = programmes.report(actor, id, chosen);
            List<ReportSection> sections = report.focusAreas().stream().map(s -> section(s, actor, texts)).toList();
            ReportModel model = new ReportModel(report.programme(), Integer.toString(chosen), report.asOf().toString(), yearForm,
                    years(report.programme(), yearForm.values().get("year")), sections, true);
            return Response.ok(new HtmlPage(TEMPLATES + "report.mustache", context, "followUp.report.title", model)
                    .titled(texts.text("followUp.report.pageTitle", report.programme().name(), Integer.toString(chosen)))).build();
        } catch (InvalidInputException e) {
            Programme programme = programmes.get(actor, id);
            yearForm.withErrors(e.errors(), messages, context.language());
            ReportModel model = new ReportModel(programme, yearForm.values().get("year"), null, yearForm,
                    years(programme, yearForm.values().get("year")), List.of(), false);
            return Response.status(422).entity(new HtmlPage(TEMPLATES + "report.mustache", context, "followUp.report.title", model)
                    .titled(texts.text("followUp.report.title") + " – " + programme.name())).build();
        }
    }

    @GET
    @Path("programmes/{id}/report.csv")
    @Produces("text/csv;charset=UTF-8")
    public Response reportCsv(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                              @QueryParam("year") String year) {
        int chosen = year(year);
        AnnualReport report = programmes.report(actor, id, chosen);
        Language language = PageContextFactory.language(request, actor);
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            ReportCsv.write(report, messages, language, writer);
            writer.flush();
        };
        return Response.ok(body, "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"programuppfoljning-" + chosen + ".csv\"").build();
    }

    // Building the pages

    private HtmlPage goalPage(HttpServletRequest request, CurrentUser actor, long id, FormState commentForm, String noticeKey) {
        GoalDetail detail = programmes.goal(actor, id);
        PageContext context = pages.create(request, actor);
        ProgrammeTexts texts = texts(context);
        GoalModel model = new GoalModel(detail.programme(), detail.focusArea(), goalView(detail.node(), texts), programmes.canEdit(actor),
                comments(actor, texts, ProgressSubject.GOAL, id, detail.comments(), commentForm), notice(texts, noticeKey));
        return new HtmlPage(TEMPLATES + "goal.mustache", context, "followUp.goal.title", model).titled(detail.node().goal().name());
    }

    private HtmlPage measurePage(HttpServletRequest request, CurrentUser actor, long id, FormState commentForm, String noticeKey) {
        MeasureDetail detail = programmes.measure(actor, id);
        PageContext context = pages.create(request, actor);
        ProgrammeTexts texts = texts(context);
        Measure measure = detail.node().measure();
        String period = measure.endDate() == null ? texts.text("followUp.measure.openEnded", measure.startDate().toString())
                : texts.text("followUp.period", measure.startDate().toString(), measure.endDate().toString());
        MeasureModel model = new MeasureModel(detail.programme(), detail.focusArea(), detail.goal(), measureView(detail.node(), texts),
                period, programmes.canEdit(actor), comments(actor, texts, ProgressSubject.MEASURE, id, detail.comments(), commentForm),
                notice(texts, noticeKey));
        return new HtmlPage(TEMPLATES + "measure.mustache", context, "followUp.measure.title", model).titled(measure.name());
    }

    private HtmlPage indicatorPage(HttpServletRequest request, CurrentUser actor, long id, FormState measurementForm,
                                   FormState commentForm, String noticeKey) {
        IndicatorDetail detail = programmes.indicator(actor, id);
        PageContext context = pages.create(request, actor);
        ProgrammeTexts texts = texts(context);
        Indicator indicator = detail.indicator();
        boolean manual = indicator.kind() == IndicatorKind.MANUAL;
        List<DataRow> rows = detail.series().stream()
                .map(p -> new DataRow(texts.when(p, indicator.period()), texts.withUnit(p.value(), indicator.unit()), p.partial()))
                .toList();
        List<AreaRow> byArea = detail.byArea().stream().map(a -> a.latest() == null
                ? new AreaRow(a.areaName(), texts.text("followUp.noValue"), "", false)
                : new AreaRow(a.areaName(), texts.withUnit(a.latest().value(), indicator.unit()), texts.when(a.latest(), indicator.period()),
                        a.latest().partial())).toList();
        List<MeasurementRow> measurements = detail.measurements().stream().map(m -> new MeasurementRow(m.id(), m.measuredOn().toString(),
                texts.withUnit(m.value(), indicator.unit()), m.areaName() == null ? texts.text("followUp.measurements.allAreas") : m.areaName(),
                Objects.requireNonNullElse(m.source(), ""), Objects.requireNonNullElse(m.comment(), ""),
                Objects.requireNonNullElse(m.createdByName(), ""))).toList();
        boolean canEdit = programmes.canEdit(actor);
        String chosenArea = measurementForm.values().get("areaId");
        List<Option> areaOptions = manual && canEdit ? areas.all().stream()
                .map(a -> new Option(Long.toString(a.id()), a.name() + " (" + a.municipality() + ")", Long.toString(a.id()).equals(chosenArea)))
                .toList() : List.of();
        String backHref = indicator.goalId() != null ? "/goals/" + indicator.goalId() : "/measures/" + indicator.measureId();
        String backLabel = texts.text(indicator.goalId() != null ? "followUp.indicator.backToGoal" : "followUp.indicator.backToMeasure");
        IndicatorModel model = new IndicatorModel(indicator, texts.status(detail.assessment()), backHref, backLabel,
                facts(indicator, detail.latest(), texts), TrendChart.of(indicator, detail.series(), texts), rows, byArea, manual,
                measurements, canEdit, measurementForm, areaOptions,
                comments(actor, texts, ProgressSubject.INDICATOR, id, detail.comments(), commentForm), notice(texts, noticeKey));
        return new HtmlPage(TEMPLATES + "indicator.mustache", context, "followUp.indicator.title", model).titled(indicator.name());
    }

    private List<Fact> facts(Indicator indicator, DataPoint latest, ProgrammeTexts texts) {
        List<Fact> facts = new ArrayList<>();
        ValueView newest = texts.value(latest, indicator);
        facts.add(new Fact(texts.text("followUp.indicator.latest"), newest == null ? texts.text("followUp.noValue")
                : newest.value() + " (" + newest.when() + ")"));
        facts.add(new Fact(texts.text("followUp.indicator.baseline"), dated(texts, indicator.baselineValue(), indicator.baselineDate(),
                indicator.unit())));
        facts.add(new Fact(texts.text("followUp.indicator.target"), dated(texts, indicator.targetValue(), indicator.targetDate(),
                indicator.unit())));
        facts.add(new Fact(texts.text("followUp.indicator.direction"), texts.text("followUp.direction." + indicator.direction().name())));
        facts.add(new Fact(texts.text("followUp.indicator.unit"), indicator.unit()));
        if (indicator.kind() == IndicatorKind.MANUAL) {
            facts.add(new Fact(texts.text("followUp.indicator.kind"), texts.text("followUp.kind.MANUAL")));
        } else {
            facts.add(new Fact(texts.text("followUp.indicator.kind"), texts.text("followUp.source." + indicator.source().name())));
            facts.add(new Fact(texts.text("followUp.indicator.period"), texts.text("followUp.periodLength." + indicator.period().name())));
            if (!indicator.areas().isEmpty()) {
                facts.add(new Fact(texts.text("followUp.indicator.areas"), names(indicator.areas())));
            }
            if (!indicator.activityTypes().isEmpty()) {
                facts.add(new Fact(texts.text("followUp.indicator.activityTypes"), names(indicator.activityTypes())));
            }
            if (!indicator.rollouts().isEmpty()) {
                facts.add(new Fact(texts.text("followUp.indicator.rollouts"), names(indicator.rollouts())));
            }
        }
        return facts;
    }

    private static String names(List<Ref> refs) {
        return String.join(", ", refs.stream().map(Ref::name).toList());
    }

    private static String dated(ProgrammeTexts texts, BigDecimal value, LocalDate date, String unit) {
        if (value == null) {
            return texts.text("followUp.notSet");
        }
        return date == null ? texts.withUnit(value, unit) : texts.withUnit(value, unit) + " (" + date + ")";
    }

    private GoalView goalView(GoalNode node, ProgrammeTexts texts) {
        List<IndicatorLine> indicators = node.indicators().stream().map(i -> indicatorLine(i, texts)).toList();
        List<MeasureView> measures = node.measures().stream().map(m -> measureView(m, texts)).toList();
        List<ProgrammeStatus> statuses = Stream.concat(node.indicators().stream(),
                node.measures().stream().flatMap(m -> m.indicators().stream())).map(i -> i.assessment().status()).toList();
        return new GoalView(node.goal(), texts.status(node.assessment()), texts.counts(statuses), indicators, measures);
    }

    private MeasureView measureView(MeasureNode node, ProgrammeTexts texts) {
        return new MeasureView(node.measure(), texts.status(node.assessment()),
                texts.counts(node.indicators().stream().map(i -> i.assessment().status()).toList()),
                node.indicators().stream().map(i -> indicatorLine(i, texts)).toList());
    }

    private IndicatorLine indicatorLine(IndicatorSummary summary, ProgrammeTexts texts) {
        Indicator indicator = summary.indicator();
        return new IndicatorLine(indicator.id(), indicator.name(), texts.status(summary.assessment()), texts.value(summary.latest(), indicator),
                dated(texts, indicator.baselineValue(), indicator.baselineDate(), indicator.unit()),
                dated(texts, indicator.targetValue(), indicator.targetDate(), indicator.unit()),
                indicator.kind() == IndicatorKind.MANUAL ? texts.text("followUp.kind.MANUAL") : texts.text("followUp.kind.DERIVED"));
    }

    private CommentsView comments(CurrentUser actor, ProgrammeTexts texts, ProgressSubject subject, long subjectId,
                                  List<ProgressComment> comments, FormState form) {
        Map<Integer, Map<Integer, List<CommentLine>>> byYear = new LinkedHashMap<>();
        for (ProgressComment comment : comments) {
            // the service hands them newest year and quarter first; a year's own comments (no quarter) keyed 0, after its quarters
            byYear.computeIfAbsent(comment.year(), y -> new LinkedHashMap<>())
                    .computeIfAbsent(comment.quarter() == null ? 0 : comment.quarter(), q -> new ArrayList<>())
                    .add(commentLine(actor, texts, comment));
        }
        List<YearGroup> years = byYear.entrySet().stream().map(y -> new YearGroup(Integer.toString(y.getKey()), y.getValue().entrySet()
                .stream().map(q -> new PeriodGroup(texts.quarter(q.getKey() == 0 ? null : q.getKey()), q.getValue())).toList())).toList();
        boolean canComment = programmes.canComment(actor);
        FormState shown = form != null ? form : FormState.empty().with("year", programmes.today().getYear());
        String chosenQuarter = Objects.requireNonNullElse(shown.values().get("quarter"), "");
        List<Option> quarters = new ArrayList<>();
        quarters.add(new Option("", texts.text("followUp.comments.wholeYear"), chosenQuarter.isBlank()));
        for (int q = 1; q <= 4; q++) {
            quarters.add(new Option(Integer.toString(q), texts.quarter(q), chosenQuarter.strip().equals(Integer.toString(q))));
        }
        return new CommentsView(years, canComment, shown, subject.name(), subjectId, ProgrammeTexts.path(subject, subjectId), quarters);
    }

    private CommentLine commentLine(CurrentUser actor, ProgrammeTexts texts, ProgressComment comment) {
        return new CommentLine(comment.id(), texts.quarter(comment.quarter()), comment.text(), comment.authorName(),
                Dates.date(comment.createdAt()), actor != null && programmes.canDelete(actor, comment));
    }

    private ReportSection section(AnnualReport.Section section, CurrentUser actor, ProgrammeTexts texts) {
        return new ReportSection(section.focusArea().name(), section.focusArea().description(), section.goals().stream()
                .map(g -> new ReportGoal(g.goal().id(), g.goal().name(), texts.status(g.assessment()),
                        g.indicators().stream().map(i -> reportIndicator(i, actor, texts)).toList(),
                        g.measures().stream().map(m -> new ReportMeasure(m.measure().id(), m.measure().name(),
                                m.measure().responsibleOrganisationName(), texts.status(m.assessment()),
                                m.indicators().stream().map(i -> reportIndicator(i, actor, texts)).toList(),
                                m.comments().stream().map(c -> commentLine(actor, texts, c)).toList())).toList(),
                        g.comments().stream().map(c -> commentLine(actor, texts, c)).toList())).toList());
    }

    private ReportIndicator reportIndicator(AnnualReport.IndicatorPart part, CurrentUser actor, ProgrammeTexts texts) {
        Indicator indicator = part.indicator();
        return new ReportIndicator(indicator.id(), indicator.name(), texts.status(part.assessment()),
                part.values().stream().map(p -> texts.value(p, indicator)).toList(), texts.value(part.latest(), indicator),
                part.comments().stream().map(c -> commentLine(actor, texts, c)).toList());
    }

    /** The years the picker offers: from the programme's start (not before 2000) to this year, and the one asked for. */
    private List<Option> years(Programme programme, String chosen) {
        int current = programmes.today().getYear();
        int first = Math.max(2000, Math.min(current, programme.periodStart() == null ? current : programme.periodStart().getYear()));
        List<Option> years = new ArrayList<>();
        boolean chosenListed = false;
        for (int y = current; y >= first; y--) {
            boolean selected = Integer.toString(y).equals(chosen);
            chosenListed |= selected;
            years.add(new Option(Integer.toString(y), Integer.toString(y), selected));
        }
        if (!chosenListed && chosen != null && chosen.matches("\\d{4}")) {
            years.add(new Option(chosen, chosen, true));
        }
        return years;
    }

    private int year(String value) {
        if (value == null || value.isBlank()) {
            return programmes.today().getYear();
        }
        Long year = FormValues.optionalLong(value, "year", "error.number");
        if (year < Integer.MIN_VALUE || year > Integer.MAX_VALUE) {
            throw new InvalidInputException("year", "error.number");
        }
        return year.intValue();
    }

    private static ProgressSubject subject(String value) {
        try {
            return ProgressSubject.valueOf(Objects.requireNonNullElse(value, "").strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("subjectType", "error.unknownValue");
        }
    }

    /** Only a page of programme follow-up: never an address elsewhere, whatever the form was made to send. */
    static String safeReturnTo(String returnTo, String fallback) {
        return returnTo != null && RETURN_TO.matcher(returnTo).matches() ? returnTo : fallback;
    }

    private static Integer toInt(Long value) {
        if (value == null) {
            return null;
        }
        return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? Integer.MAX_VALUE : value.intValue();
    }

    private ProgrammeTexts texts(PageContext context) {
        return new ProgrammeTexts(messages, context.language());
    }

    private static String notice(boolean commented, boolean commentDeleted) {
        return commented ? "followUp.comments.added" : commentDeleted ? "followUp.comments.deleted" : null;
    }

    private static String notice(ProgrammeTexts texts, String key) {
        return key == null ? null : texts.text(key);
    }

    private static String period(ProgrammeTexts texts, Programme programme) {
        return texts.text("followUp.period", String.valueOf(programme.periodStart()), String.valueOf(programme.periodEnd()));
    }

    private static String adopted(ProgrammeTexts texts, Programme programme) {
        if (programme.adoptedBy() == null && programme.adoptedOn() == null) {
            return null;
        }
        if (programme.adoptedOn() == null) {
            return programme.adoptedBy();
        }
        return programme.adoptedBy() == null ? programme.adoptedOn().toString()
                : texts.text("followUp.adoptedByOn", programme.adoptedBy(), programme.adoptedOn().toString());
    }
}
