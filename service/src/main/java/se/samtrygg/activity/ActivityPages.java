package se.samtrygg.activity;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.glassfish.jersey.media.multipart.FormDataMultiPart;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaService;
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
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationService;

/** The activity log: the list with its filters, the short logging form, one activity, its correction and deletion, CSV out and in. */
@Hidden
@Path("/activities")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ActivityPages {
    private final ActivityService activities;
    private final CategoryService categories;
    private final AreaService areas;
    private final OrganisationService organisations;
    private final PageContextFactory pages;
    private final Messages messages;
    private final Executor importExecutor;

    /** {@code importExecutor} runs the imports that "store" starts: a small pool that Dropwizard stops with the server. */
    public ActivityPages(ActivityService activities, CategoryService categories, AreaService areas, OrganisationService organisations,
                         PageContextFactory pages, Executor importExecutor) {
        this.importExecutor = importExecutor;
        this.activities = activities;
        this.categories = categories;
        this.areas = areas;
        this.organisations = organisations;
        this.pages = pages;
        this.messages = pages.messages();
    }

    /** An activity as a line of the log and as the facts of its own page. */
    public record Line(long id, String type, String area, String place, String date, String time, String organisation,
                       Integer staff, Integer reached, String description, String visibility) {
    }

    public record ListModel(List<Line> activities, FormState filter, List<Option> areas, List<Option> types,
                            List<Option> organisations, boolean mine, String query, String nextPage, boolean canLog,
                            String notice) {
        public boolean hasActivities() {
            return !activities.isEmpty();
        }
    }

    public record ShowModel(Line line, Activity activity, boolean canEdit, String createdBy, String notice) {
    }

    /** The places of one area in the place select: an {@code <optgroup>}. */
    public record PlaceGroup(String area, List<Option> places) {
    }

    public record FormModel(Long id, boolean creating, FormState form, List<Option> organisations, boolean choosesOrganisation,
                            List<Option> types, List<Option> areas, List<PlaceGroup> places, List<Option> visibilities) {
    }

    public record DeleteModel(Line line, Activity activity, FormState form) {
    }

    public record ImportProblem(int row, String column, String message) {
    }

    public record ImportModel(FormState form, List<Option> organisations, boolean choosesOrganisation, boolean checked,
                              boolean valid, int rows, List<ImportProblem> problems, String stored, String fileHint) {
        public boolean hasProblems() {
            return !problems.isEmpty();
        }
    }

    /** An import's status page: {@code running} pages refresh themselves while {@code autoRefresh}. */
    public record ImportStatusModel(long id, boolean running, boolean done, boolean failed, int total, int doneRows, String progress,
                                    String outcome, List<String> details, String startedAt, String logLink, boolean autoRefresh) {
    }

    // The log

    @GET
    public HtmlPage list(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("areaId") String areaId,
                         @QueryParam("organisationId") String organisationId, @QueryParam("typeId") String typeId,
                         @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("q") String q,
                         @QueryParam("mine") boolean mine, @QueryParam("after") Long after, @QueryParam("deleted") boolean deleted) {
        PageContext context = pages.create(request, actor);
        FormState form = FormState.empty().with("areaId", areaId).with("organisationId", organisationId).with("typeId", typeId)
                .with("from", from).with("to", to).with("q", q);
        List<Line> lines = List.of();
        String next = null;
        try {
            ActivityFilter filter = ActivityFilter.parse(areaId, organisationId, typeId, from, to, q, mine);
            Page<Activity> page = activities.list(actor, filter, after, Page.DEFAULT_LIMIT);
            lines = page.items().stream().map(a -> line(a, context.language())).toList();
            if (page.nextAfter() != null) {
                next = "/activities?" + query(areaId, organisationId, typeId, from, to, q, mine) + "&after=" + page.nextAfter();
            }
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, context.language());
        }
        List<Option> areaOptions = areas.all().stream().map(a -> option(a.id(), a.name(), areaId)).toList();
        List<Option> typeOptions = categories.all(CategoryKind.ACTIVITY_TYPE).stream().map(c -> option(c.id(), c.name(), typeId)).toList();
        List<Option> organisationOptions = organisations.allActive().stream().map(o -> option(o.id(), o.name(), organisationId)).toList();
        ListModel model = new ListModel(lines, form, areaOptions, typeOptions, organisationOptions, mine,
                query(areaId, organisationId, typeId, from, to, q, mine), next, activities.canLog(actor),
                deleted ? messages.get(context.language(), "activities.deleted") : null);
        return new HtmlPage("/se/samtrygg/activity/activities.mustache", context, "activities.title", model);
    }

    @GET
    @Path("export.csv")
    @Produces("text/csv;charset=UTF-8")
    public Response export(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("areaId") String areaId,
                           @QueryParam("organisationId") String organisationId, @QueryParam("typeId") String typeId,
                           @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("q") String q,
                           @QueryParam("mine") boolean mine) {
        ActivityFilter filter = ActivityFilter.parse(areaId, organisationId, typeId, from, to, q, mine);
        return ActivityExport.response(activities, messages, actor, PageContextFactory.language(request, actor), filter);
    }

    // Logging

    @GET
    @Path("new")
    public HtmlPage newActivity(@Context HttpServletRequest request, @Auth CurrentUser actor,
                                @QueryParam("organisationId") Long organisationId) {
        requireCanLogFor(actor, organisationId);
        FormState form = FormState.empty().with("organisationId", organisationId).with("date", activities.today()).with("startTime", "18:00").with("endTime", "21:00").with("visibility", "NETWORK");
        return formPage(request, actor, null, form);
    }

    @POST
    public Response create(@Context HttpServletRequest request, @Auth CurrentUser actor, @FormParam("organisationId") String organisationId,
                           @FormParam("typeId") String typeId, @FormParam("areaId") String areaId, @FormParam("placeId") String placeId,
                           @FormParam("date") String date, @FormParam("startTime") String startTime, @FormParam("endTime") String endTime,
                           @FormParam("staffCount") String staffCount, @FormParam("reachedCount") String reachedCount,
                           @FormParam("description") String description, @FormParam("visibility") String visibility) {
        FormState form = typed(organisationId, typeId, areaId, placeId, date, startTime, endTime, staffCount, reachedCount, description,
                visibility);
        try {
            Activity activity = activities.create(actor, input(organisationId, typeId, areaId, placeId, date, startTime, endTime,
                    staffCount, reachedCount, description, visibility));
            return Redirect.to("/activities/" + activity.id() + "?saved=true");
        } catch (InvalidInputException e) {
            form.withErrors(onForm(e.errors()), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(formPage(request, actor, null, form)).build();
        }
    }

    // One activity

    @GET
    @Path("{id}")
    public HtmlPage show(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                         @QueryParam("saved") boolean saved) {
        Activity activity = activities.get(actor, id);
        PageContext context = pages.create(request, actor);
        String createdBy = activity.createdByName() == null ? null
                : messages.get(context.language(), "activities.loggedBy", activity.createdByName());
        ShowModel model = new ShowModel(line(activity, context.language()), activity, activities.canEdit(actor, activity), createdBy,
                saved ? messages.get(context.language(), "common.saved") : null);
        return new HtmlPage("/se/samtrygg/activity/activity.mustache", context, "activities.title", model).titled(activity.typeName());
    }

    @GET
    @Path("{id}/edit")
    public HtmlPage edit(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Activity a = activities.getEditable(actor, id);
        LocalTime start = a.startsAt().atZone(Dates.ZONE).toLocalTime();
        LocalTime end = a.endsAt().atZone(Dates.ZONE).toLocalTime();
        FormState form = FormState.empty().with("typeId", a.typeId()).with("areaId", a.areaId()).with("placeId", a.placeId())
                .with("date", a.startsAt().atZone(Dates.ZONE).toLocalDate()).with("startTime", start.toString())
                .with("endTime", end.toString()).with("staffCount", a.staffCount()).with("reachedCount", a.reachedCount())
                .with("description", a.description()).with("visibility", a.visibility().name());
        return formPage(request, actor, a, form);
    }

    @POST
    @Path("{id}")
    public Response update(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                           @FormParam("typeId") String typeId, @FormParam("areaId") String areaId, @FormParam("placeId") String placeId,
                           @FormParam("date") String date, @FormParam("startTime") String startTime, @FormParam("endTime") String endTime,
                           @FormParam("staffCount") String staffCount, @FormParam("reachedCount") String reachedCount,
                           @FormParam("description") String description, @FormParam("visibility") String visibility) {
        Activity current = activities.getEditable(actor, id);
        FormState form = typed(null, typeId, areaId, placeId, date, startTime, endTime, staffCount, reachedCount, description, visibility);
        try {
            activities.update(actor, id, input(null, typeId, areaId, placeId, date, startTime, endTime, staffCount, reachedCount,
                    description, visibility));
            return Redirect.to("/activities/" + id + "?saved=true");
        } catch (InvalidInputException e) {
            form.withErrors(onForm(e.errors()), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(formPage(request, actor, current, form)).build();
        }
    }

    @GET
    @Path("{id}/delete")
    public HtmlPage confirmDelete(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        return deletePage(request, actor, activities.getEditable(actor, id), FormState.empty());
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Activity activity = activities.getEditable(actor, id);
        try {
            activities.delete(actor, id);
            return Redirect.to("/activities?deleted=true");
        } catch (InvalidInputException e) {
            FormState form = FormState.empty().withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(deletePage(request, actor, activity, form)).build();
        }
    }

    // Import

    @GET
    @Path("import")
    public HtmlPage importForm(@Context HttpServletRequest request, @Auth CurrentUser actor,
                               @QueryParam("organisationId") Long organisationId) {
        requireCanLogFor(actor, organisationId);
        return importPage(request, actor, FormState.empty().with("organisationId", organisationId), false, null, null);
    }

    /** Someone in no organisation logs nothing; a link may name the organisation to log for, which must be one's own. */
    private void requireCanLogFor(CurrentUser actor, Long organisationId) {
        if (!activities.canLog(actor) || (organisationId != null && !actor.isMemberOf(organisationId))) {
            throw new se.samtrygg.common.AccessDeniedException("user " + actor.id() + " cannot log for organisation " + organisationId);
        }
    }

    /**
     * The pasted form. "check" looks at every row and stores nothing; "store" looks again and, when every
     * row is right, starts the import in the background and sends the browser to its status page.
     */
    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response importCsv(@Context HttpServletRequest request, @Auth CurrentUser actor,
                              @FormParam("organisationId") String organisationId, @FormParam("csv") String csv,
                              @FormParam("store") String store) {
        return importFrom(request, actor, organisationId, csv, store != null, false);
    }

    /** The same with a file: a chosen file wins over the text area, whose content is what "store" sends after a check. */
    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @ImportUploadLimit.Limited
    public Response importUpload(@Context HttpServletRequest request, @Auth CurrentUser actor, FormDataMultiPart form) {
        String file = Uploads.text(form.getField("file"));
        boolean fromFile = file != null && !file.isBlank();
        return importFrom(request, actor, Uploads.text(form.getField("organisationId")),
                fromFile ? file : Uploads.text(form.getField("csv")), form.getField("store") != null, fromFile);
    }

    private Response importFrom(HttpServletRequest request, CurrentUser actor, String organisationId, String csv, boolean store,
                                boolean fromFile) {
        // What was checked is shown in the text area, so that "store" sends exactly that without choosing the file again.
        FormState form = FormState.empty().with("organisationId", organisationId).with("csv", csv);
        Language language = PageContextFactory.language(request, actor);
        try {
            Long organisation = FormValues.optionalLong(organisationId, "organisationId", "error.unknownValue");
            List<ActivityCsv.Row> rows = ActivityCsv.rows(csv);
            ActivityService.ImportResult result = activities.importRows(actor, organisation, rows, false);
            if (store && result.valid()) {
                ActivityImport started = activities.startImport(actor, organisation, rows, importExecutor);
                return Redirect.to("/activities/import/" + started.id());
            }
            return Response.status(result.valid() ? 200 : 422).entity(importPage(request, actor, form, true, result, null)).build();
        } catch (InvalidInputException e) {
            String field = fromFile ? "file" : "csv";
            form.withErrors(e.errors().stream().map(err -> "file".equals(err.field()) ? new FieldError(field, err.messageKey(),
                    err.args().toArray()) : err).toList(), messages, language);
            return Response.status(422).entity(importPage(request, actor, form, false, null, null)).build();
        }
    }

    /** The import page again, saying that the file was too large (the body was not read). */
    HtmlPage fileTooLarge(HttpServletRequest request, CurrentUser actor) {
        FormState form = FormState.empty().withErrors(List.of(new FieldError("file", "error.importFileTooLarge",
                ImportUploadLimit.MAX_MEGABYTES)), messages, PageContextFactory.language(request, actor));
        return importPage(request, actor, form, false, null, null);
    }

    /**
     * How far an import has come. It refreshes itself every two seconds while the import runs only when
     * asked to ({@code ?refresh=on}): a page that reloads by itself must be the reader's choice (WCAG 2.2.1).
     */
    @GET
    @Path("import/{id}")
    public HtmlPage importStatus(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                                 @QueryParam("refresh") String refresh) {
        ActivityImport status = activities.importStatus(actor, id);
        PageContext context = pages.create(request, actor);
        Language language = context.language();
        boolean autoRefresh = status.running() && "on".equals(refresh);
        String progress = messages.get(language, "activities.importProgress", status.done(), status.total());
        String outcome = null;
        List<String> details = new ArrayList<>();
        switch (status.state()) {
            case RUNNING -> outcome = messages.get(language, autoRefresh ? "activities.importRunning" : "activities.importRunningManual");
            case DONE -> outcome = messages.get(language, "activities.importStored", status.done());
            case FAILED -> {
                outcome = messages.get(language, "activities.importFailed");
                String reason = messages.get(language, status.errorKey(), status.errorArgs().toArray());
                if (status.errorRow() != null) {
                    details.add(messages.get(language, "activities.importFailedRow", status.errorRow(),
                            messages.get(language, "activities.csv." + status.errorColumn()), reason));
                    details.add(messages.get(language, "activities.importFailedCount", status.errorCount()));
                } else {
                    details.add(reason);
                }
            }
        }
        ImportStatusModel model = new ImportStatusModel(status.id(), status.running(), status.state() == ActivityImport.State.DONE,
                status.state() == ActivityImport.State.FAILED, status.total(), status.done(), progress, outcome, details,
                messages.get(language, "activities.importStartedAt", Dates.dateTime(status.startedAt())),
                "/activities?organisationId=" + status.organisationId(), autoRefresh);
        return new HtmlPage("/se/samtrygg/activity/activity-import-status.mustache", context, "activities.importStatusTitle", model);
    }

    // Pages

    private HtmlPage formPage(HttpServletRequest request, CurrentUser actor, Activity current, FormState form) {
        PageContext context = pages.create(request, actor);
        Map<String, String> v = form.values();
        List<Organisation> own = organisations.findAll(actor.organisationIds());
        List<Option> organisationOptions = own.stream().map(o -> option(o.id(), o.name(), v.get("organisationId"))).toList();
        List<Category> types = new ArrayList<>(categories.active(CategoryKind.ACTIVITY_TYPE));
        if (current != null && types.stream().noneMatch(t -> t.id() == current.typeId())) {
            types.add(0, new Category(current.typeId(), CategoryKind.ACTIVITY_TYPE, current.typeName(), 0, false));
        }
        List<Option> typeOptions = types.stream().map(t -> option(t.id(), t.name(), v.get("typeId"))).toList();
        List<Area> allAreas = areas.all();
        List<Option> areaOptions = allAreas.stream().map(a -> option(a.id(), a.name(), v.get("areaId"))).toList();
        List<PlaceGroup> placeGroups = allAreas.stream().map(a -> new PlaceGroup(a.name(), areas.places(actor, a.id()).stream()
                .map(p -> option(p.id(), p.name(), v.get("placeId"))).toList())).filter(g -> !g.places().isEmpty()).toList();
        String chosen = v.getOrDefault("visibility", "NETWORK");
        List<Option> visibilities = Arrays.stream(Visibility.values()).map(vis -> new Option(vis.name(),
                messages.get(context.language(), "activities.visibilityOption." + vis.name()), vis.name().equals(chosen))).toList();
        FormModel model = new FormModel(current == null ? null : current.id(), current == null, form, organisationOptions,
                current == null && own.size() > 1, typeOptions, areaOptions, placeGroups, visibilities);
        return new HtmlPage("/se/samtrygg/activity/activity-form.mustache", context,
                current == null ? "activities.newTitle" : "activities.editTitle", model);
    }

    private HtmlPage deletePage(HttpServletRequest request, CurrentUser actor, Activity activity, FormState form) {
        PageContext context = pages.create(request, actor);
        return new HtmlPage("/se/samtrygg/activity/activity-delete.mustache", context, "activities.deleteTitle",
                new DeleteModel(line(activity, context.language()), activity, form));
    }

    private HtmlPage importPage(HttpServletRequest request, CurrentUser actor, FormState form, boolean checked,
                                ActivityService.ImportResult result, String stored) {
        PageContext context = pages.create(request, actor);
        List<Organisation> own = organisations.findAll(actor.organisationIds());
        List<Option> organisationOptions = own.stream().map(o -> option(o.id(), o.name(), form.values().get("organisationId"))).toList();
        List<ImportProblem> problems = result == null ? List.of() : result.errors().stream().limit(500)
                .map(e -> new ImportProblem(e.row(), messages.get(context.language(), "activities.csv." + e.column()),
                        messages.get(context.language(), e.error().messageKey(), e.error().args()))).toList();
        String storedNotice = result != null && result.stored()
                ? messages.get(context.language(), "activities.importStored", result.rows()) : stored;
        String validNotice = result != null && result.valid() && !result.stored()
                ? messages.get(context.language(), "activities.importValid", result.rows()) : null;
        String invalidNotice = result != null && !result.valid()
                ? messages.get(context.language(), "activities.importInvalid", result.errors().size()) : null;
        form.with("validNotice", validNotice).with("invalidNotice", invalidNotice);
        ImportModel model = new ImportModel(form, organisationOptions, own.size() > 1, checked,
                result != null && result.valid() && !result.stored(), result == null ? 0 : result.rows(), problems, storedNotice,
                messages.get(context.language(), "activities.importFileHint", ImportUploadLimit.MAX_MEGABYTES));
        return new HtmlPage("/se/samtrygg/activity/activity-import.mustache", context, "activities.importTitle", model);
    }

    Line line(Activity a, Language language) {
        String startTime = Dates.dateTime(a.startsAt()).substring(11);
        String endTime = Dates.dateTime(a.endsAt()).substring(11);
        return new Line(a.id(), a.typeName(), a.areaName(), a.placeName(), Dates.date(a.startsAt()), startTime + "–" + endTime,
                a.organisationName(), a.staffCount(), a.reachedCount(), a.description(),
                messages.get(language, "activities.visibilityShort." + a.visibility().name()));
    }

    private static Option option(long id, String label, String chosen) {
        return new Option(Long.toString(id), label, Long.toString(id).equals(chosen));
    }

    private static String query(String areaId, String organisationId, String typeId, String from, String to, String q, boolean mine) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("areaId", areaId);
        params.put("organisationId", organisationId);
        params.put("typeId", typeId);
        params.put("from", from);
        params.put("to", to);
        params.put("q", q);
        params.put("mine", mine ? "true" : null);
        StringBuilder query = new StringBuilder();
        params.forEach((key, value) -> {
            if (value != null && !value.isBlank()) {
                query.append(query.length() == 0 ? "" : "&").append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static FormState typed(String organisationId, String typeId, String areaId, String placeId, String date, String startTime,
                                   String endTime, String staffCount, String reachedCount, String description, String visibility) {
        return FormState.empty().with("organisationId", organisationId).with("typeId", typeId).with("areaId", areaId)
                .with("placeId", placeId).with("date", date).with("startTime", startTime).with("endTime", endTime)
                .with("staffCount", staffCount).with("reachedCount", reachedCount).with("description", description)
                .with("visibility", visibility);
    }

    /** The service speaks of startsAt and endsAt; the form has a date and two times. */
    private static List<FieldError> onForm(List<FieldError> errors) {
        return errors.stream().map(e -> switch (e.field()) {
            case "startsAt" -> new FieldError("date", e.messageKey(), e.args().toArray());
            case "endsAt" -> new FieldError("endTime", e.messageKey(), e.args().toArray());
            default -> e;
        }).toList();
    }

    /** The activity as typed in the form, every unreadable field reported at once; the rules are the service's. */
    static ActivityInput input(String organisationId, String typeId, String areaId, String placeId, String date, String startTime,
                               String endTime, String staffCount, String reachedCount, String description, String visibility) {
        List<FieldError> problems = new ArrayList<>();
        Long organisation = parsed(problems, organisationId, "organisationId", "error.unknownValue", Long::valueOf);
        Long type = parsed(problems, typeId, "typeId", "error.unknownValue", Long::valueOf);
        Long area = parsed(problems, areaId, "areaId", "error.unknownValue", Long::valueOf);
        Long place = parsed(problems, placeId, "placeId", "error.unknownValue", Long::valueOf);
        LocalDate day = parsed(problems, date, "date", "error.date", LocalDate::parse);
        LocalTime start = parsed(problems, startTime, "startTime", "error.time", LocalTime::parse);
        LocalTime end = parsed(problems, endTime, "endTime", "error.time", LocalTime::parse);
        Integer staff = parsed(problems, staffCount, "staffCount", "error.number", Integer::valueOf);
        Integer reached = parsed(problems, reachedCount, "reachedCount", "error.number", Integer::valueOf);
        Visibility chosen = parsed(problems, visibility, "visibility", "error.unknownValue", Visibility::valueOf);
        if (day == null && (date == null || date.isBlank())) {
            problems.add(new FieldError("date", "error.required"));
        }
        if (start == null && (startTime == null || startTime.isBlank())) {
            problems.add(new FieldError("startTime", "error.required"));
        }
        if (end == null && (endTime == null || endTime.isBlank())) {
            problems.add(new FieldError("endTime", "error.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        ActivityTimes times = ActivityTimes.of(day, start, end);
        return new ActivityInput(organisation, area, place, type, times.startsAt(), times.endsAt(), staff, reached, description, chosen);
    }

    private static <T> T parsed(List<FieldError> problems, String value, String field, String messageKey, Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (DateTimeParseException | IllegalArgumentException e) {
            problems.add(new FieldError(field, messageKey));
            return null;
        }
    }
}
