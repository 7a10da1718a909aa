package se.samtrygg.observation;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import se.samtrygg.activity.Activity;
import se.samtrygg.activity.ActivityService;
import se.samtrygg.activity.Category;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.activity.CategoryService;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaService;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
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

/**
 * Observations on the web: the list, the short form a partner fills in on a phone right after a walk, one observation with
 * its handover form (or how the handover stands), correcting and deleting it. The rules are {@link ObservationService}'s.
 */
@Hidden
@Path("/observations")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class ObservationPages {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final int DESCRIPTION_IN_LIST = 160;

    private final ObservationService observations;
    private final ActivityService activities;
    private final CategoryService categories;
    private final AreaService areas;
    private final PageContextFactory pages;
    private final Messages messages;

    public ObservationPages(ObservationService observations, ActivityService activities, CategoryService categories, AreaService areas,
                            PageContextFactory pages) {
        this.observations = observations;
        this.activities = activities;
        this.categories = categories;
        this.areas = areas;
        this.pages = pages;
        this.messages = pages.messages();
    }

    /** An observation as a line of the list or the head of its page: everything in words, in the reader's language. */
    public record Line(long id, String category, String where, String observedAt, String organisation, String description,
                       String visibility, boolean handedOver, String handedTo, String state, String due, String closed) {
    }

    public record ListModel(List<Line> items, FormState filter, List<Option> areas, List<Option> categories, List<Option> handover,
                            String activityId, String nextQuery, String notice) {
        public boolean hasItems() {
            return !items.isEmpty();
        }
    }

    /** The places of one area, as an {@code <optgroup>}. */
    public record PlaceGroup(String area, List<Option> places) {
    }

    public record FormModel(boolean creating, Long id, FormState form, List<Option> organisations, String onlyOrganisation,
                            String activity, List<Option> areas, List<PlaceGroup> places, List<Option> categories,
                            List<Option> visibilities, boolean noOrganisation) {
        public boolean chooseOrganisation() {
            return organisations.size() > 1;
        }
    }

    public record ItemModel(Line item, Observation observation, String activity, boolean canChange, boolean canHandOver,
                            FormState handoverForm, List<Option> handoverOrganisations, String notice) {
    }

    public record DeleteModel(Line item) {
    }

    @GET
    public HtmlPage list(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("areaId") String areaId,
                         @QueryParam("activityId") String activityId, @QueryParam("categoryId") String categoryId,
                         @QueryParam("handedOver") String handedOver, @QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("after") String after, @QueryParam("deleted") boolean deleted) {
        PageContext context = pages.create(request, actor);
        Language language = context.language();
        FormState filter = FormState.empty().with("areaId", areaId).with("categoryId", categoryId).with("handedOver", handedOver)
                .with("from", from).with("to", to);
        List<FieldError> problems = new ArrayList<>();
        Long area = parsed(problems, () -> FormValues.optionalLong(areaId, "areaId", "error.unknownValue"));
        Long activity = parsed(problems, () -> FormValues.optionalLong(activityId, "activityId", "error.unknownValue"));
        Long category = parsed(problems, () -> FormValues.optionalLong(categoryId, "categoryId", "error.unknownValue"));
        Long afterId = parsed(problems, () -> FormValues.optionalLong(after, "after", "error.unknownValue"));
        LocalDate fromDate = parsed(problems, () -> FormValues.date(from, "from"));
        LocalDate toDate = parsed(problems, () -> FormValues.date(to, "to"));
        Boolean handed = "yes".equals(handedOver) ? Boolean.TRUE : "no".equals(handedOver) ? Boolean.FALSE : null;
        List<Line> lines = List.of();
        String next = null;
        if (problems.isEmpty()) {
            Page<Observation> page = observations.list(actor, new ObservationFilter(area, activity, category, handed, fromDate, toDate),
                    afterId, Page.DEFAULT_LIMIT);
            lines = page.items().stream().map(o -> line(o, language, true)).toList();
            if (page.nextAfter() != null) {
                next = query(areaId, activityId, categoryId, handedOver, from, to) + "after=" + page.nextAfter();
            }
        } else {
            filter.withErrors(problems, messages, language);
        }
        List<Option> areaOptions = areas.all().stream()
                .map(a -> new Option(Long.toString(a.id()), a.name(), Long.toString(a.id()).equals(areaId))).toList();
        List<Option> categoryOptions = categories.all(CategoryKind.OBSERVATION_CATEGORY).stream()
                .map(c -> new Option(Long.toString(c.id()), c.name(), Long.toString(c.id()).equals(categoryId))).toList();
        List<Option> handover = List.of(
                new Option("", messages.get(language, "observations.filter.handedOverAll"), handed == null),
                new Option("no", messages.get(language, "observations.filter.notHandedOver"), Boolean.FALSE.equals(handed)),
                new Option("yes", messages.get(language, "observations.filter.handedOver"), Boolean.TRUE.equals(handed)));
        String notice = deleted ? messages.get(language, "observations.deleted") : null;
        return new HtmlPage("/se/samtrygg/observation/observations.mustache", context, "observations.listTitle",
                new ListModel(lines, filter, areaOptions, categoryOptions, handover, activity == null ? null : activity.toString(), next,
                        notice));
    }

    @GET
    @Path("new")
    public HtmlPage newForm(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("activityId") String activityId) {
        FormState form = FormState.empty().with("visibility", Visibility.NETWORK.name());
        Long activity = null;
        try {
            activity = FormValues.optionalLong(activityId, "activityId", "error.unknownValue");
        } catch (InvalidInputException e) {
            // a mangled link: the form simply starts without an activity
        }
        Activity from = null;
        if (activity != null) {
            try {
                from = activities.get(actor, activity);
            } catch (NotFoundException e) {
                from = null;
            }
        }
        LocalDateTime now = observations.now().truncatedTo(ChronoUnit.MINUTES);
        if (from != null) {
            LocalDateTime start = ObservationService.local(from.startsAt());
            form.with("activityId", from.id()).with("organisationId", from.organisationId()).with("areaId", from.areaId())
                    .with("placeId", from.placeId()).with("date", start.toLocalDate()).with("time", TIME.format(start));
        } else {
            form.with("date", now.toLocalDate()).with("time", TIME.format(now));
        }
        List<Organisation> own = observations.ownOrganisations(actor);
        if (own.size() == 1) {
            form.with("organisationId", own.get(0).id());
        }
        return formPage(request, actor, true, null, form);
    }

    @POST
    public Response create(@Context HttpServletRequest request, @Auth CurrentUser actor, @FormParam("activityId") String activityId,
                           @FormParam("organisationId") String organisationId, @FormParam("areaId") String areaId,
                           @FormParam("placeId") String placeId, @FormParam("date") String date, @FormParam("time") String time,
                           @FormParam("categoryId") String categoryId, @FormParam("description") String description,
                           @FormParam("visibility") String visibility) {
        FormState form = typed(activityId, organisationId, areaId, placeId, date, time, categoryId, description, visibility);
        try {
            Observation created = observations.create(actor, input(activityId, organisationId, areaId, placeId, date, time, categoryId,
                    description, visibility));
            return Redirect.to("/observations/" + created.id() + "?created=true");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(formPage(request, actor, true, null, form)).build();
        }
    }

    @GET
    @Path("{id}")
    public HtmlPage show(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                         @QueryParam("created") boolean created, @QueryParam("saved") boolean saved,
                         @QueryParam("handedOver") boolean handedOver) {
        Observation observation = observations.get(actor, id);
        FormState handover = FormState.empty().with("title", observations.suggestedTitle(observation));
        String notice = created ? "observations.created" : handedOver ? "observations.handover.done" : saved ? "common.saved" : null;
        return itemPage(request, actor, observation, handover, notice);
    }

    @POST
    @Path("{id}/handover")
    public Response handOver(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                             @FormParam("responsibleOrganisationId") String organisationId, @FormParam("dueDate") String dueDate,
                             @FormParam("title") String title) {
        Observation observation = observations.getOwned(actor, id);
        FormState form = FormState.empty().with("responsibleOrganisationId", organisationId).with("dueDate", dueDate)
                .with("title", title == null ? "" : title);
        try {
            List<FieldError> problems = new ArrayList<>();
            Long organisation = parsed(problems, () -> FormValues.optionalLong(organisationId, "responsibleOrganisationId",
                    "error.unknownValue"));
            LocalDate due = parsed(problems, () -> FormValues.date(dueDate, "dueDate"));
            if (blank(organisationId)) {
                problems.add(new FieldError("responsibleOrganisationId", "error.required"));
            }
            if (blank(title)) {
                problems.add(new FieldError("title", "error.required"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            observations.handOver(actor, id, new HandoverInput(organisation, due, title));
            return Redirect.to("/observations/" + id + "?handedOver=true");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(itemPage(request, actor, observations.get(actor, observation.id()), form, null)).build();
        }
    }

    @GET
    @Path("{id}/edit")
    public HtmlPage edit(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Observation o = observations.getOwned(actor, id);
        LocalDateTime at = ObservationService.local(o.observedAt());
        FormState form = FormState.empty().with("activityId", o.activityId()).with("organisationId", o.organisationId())
                .with("areaId", o.areaId()).with("placeId", o.placeId()).with("date", at.toLocalDate()).with("time", TIME.format(at))
                .with("categoryId", o.categoryId()).with("description", o.description()).with("visibility", o.visibility().name());
        return formPage(request, actor, false, o, form);
    }

    @POST
    @Path("{id}/edit")
    public Response update(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                           @FormParam("activityId") String activityId, @FormParam("areaId") String areaId,
                           @FormParam("placeId") String placeId, @FormParam("date") String date, @FormParam("time") String time,
                           @FormParam("categoryId") String categoryId, @FormParam("description") String description,
                           @FormParam("visibility") String visibility) {
        Observation current = observations.getOwned(actor, id);
        FormState form = typed(activityId, Long.toString(current.organisationId()), areaId, placeId, date, time, categoryId, description,
                visibility);
        try {
            observations.update(actor, id, input(activityId, null, areaId, placeId, date, time, categoryId, description, visibility));
            return Redirect.to("/observations/" + id + "?saved=true");
        } catch (InvalidInputException e) {
            form.withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(formPage(request, actor, false, current, form)).build();
        }
    }

    @GET
    @Path("{id}/delete")
    public HtmlPage confirmDelete(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Observation observation = observations.getOwned(actor, id);
        PageContext context = pages.create(request, actor);
        return new HtmlPage("/se/samtrygg/observation/observation-delete.mustache", context, "observations.deleteTitle",
                new DeleteModel(line(observation, context.language(), false)));
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        try {
            observations.delete(actor, id);
            return Redirect.to("/observations?deleted=true");
        } catch (InvalidInputException e) {
            FormState form = FormState.empty().withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            Observation observation = observations.get(actor, id);
            return Response.status(422).entity(itemPage(request, actor, observation, form, null)).build();
        }
    }

    private HtmlPage itemPage(HttpServletRequest request, CurrentUser actor, Observation observation, FormState handoverForm,
                              String noticeKey) {
        PageContext context = pages.create(request, actor);
        Language language = context.language();
        boolean canChange = observations.canChange(actor, observation);
        String chosen = handoverForm.values().get("responsibleOrganisationId");
        List<Option> organisations = canChange && !observation.handedOver() ? observations.handoverOrganisations().stream()
                .map(o -> new Option(Long.toString(o.id()), o.name(), Long.toString(o.id()).equals(chosen))).toList() : List.of();
        Activity activity = observations.activityOf(actor, observation);
        ItemModel model = new ItemModel(line(observation, language, false), observation, activity == null ? null : activityText(activity),
                canChange, canChange && !observation.handedOver(), handoverForm, organisations,
                noticeKey == null ? null : messages.get(language, noticeKey));
        return new HtmlPage("/se/samtrygg/observation/observation.mustache", context, "observations.title", model)
                .titled(observation.categoryName() + " – " + Dates.dateTime(observation.observedAt()));
    }

    private HtmlPage formPage(HttpServletRequest request, CurrentUser actor, boolean creating, Observation current, FormState form) {
        PageContext context = pages.create(request, actor);
        Language language = context.language();
        List<Organisation> own = observations.ownOrganisations(actor);
        String chosenOrganisation = form.values().get("organisationId");
        List<Option> organisations = own.stream()
                .map(o -> new Option(Long.toString(o.id()), o.name(), Long.toString(o.id()).equals(chosenOrganisation))).toList();
        String onlyOrganisation = current != null ? current.organisationName() : own.size() == 1 ? own.get(0).name() : null;
        String activity = null;
        String activityId = form.values().get("activityId");
        if (activityId != null && !activityId.isBlank()) {
            try {
                activity = activityText(activities.get(actor, Long.parseLong(activityId.strip())));
            } catch (NotFoundException | NumberFormatException e) {
                activity = null; // the service says what is wrong with it beside the field
            }
        }
        String chosenArea = form.values().get("areaId");
        String chosenPlace = form.values().get("placeId");
        List<Area> all = areas.all();
        List<Option> areaOptions = all.stream()
                .map(a -> new Option(Long.toString(a.id()), a.name(), Long.toString(a.id()).equals(chosenArea))).toList();
        List<PlaceGroup> places = all.stream().map(a -> new PlaceGroup(a.name(), areas.places(actor, a.id()).stream()
                        .map(p -> new Option(Long.toString(p.id()), p.name(), Long.toString(p.id()).equals(chosenPlace))).toList()))
                .filter(g -> !g.places().isEmpty()).toList();
        String chosenCategory = form.values().get("categoryId");
        List<Category> usable = new ArrayList<>(categories.active(CategoryKind.OBSERVATION_CATEGORY));
        if (current != null && usable.stream().noneMatch(c -> c.id() == current.categoryId())) {
            // a category retired since stays choosable for the observation that has it
            categories.all(CategoryKind.OBSERVATION_CATEGORY).stream().filter(c -> c.id() == current.categoryId()).forEach(usable::add);
        }
        List<Option> categoryOptions = usable.stream()
                .map(c -> new Option(Long.toString(c.id()), c.name(), Long.toString(c.id()).equals(chosenCategory))).toList();
        String chosenVisibility = Objects.requireNonNullElse(form.values().get("visibility"), Visibility.NETWORK.name());
        List<Option> visibilities = Arrays.stream(Visibility.values())
                .map(v -> new Option(v.name(), messages.get(language, "observations.visibility." + v.name()), v.name().equals(chosenVisibility)))
                .toList();
        FormModel model = new FormModel(creating, current == null ? null : current.id(), form, organisations, onlyOrganisation, activity,
                areaOptions, places, categoryOptions, visibilities, creating && own.isEmpty());
        return new HtmlPage("/se/samtrygg/observation/observation-form.mustache", context,
                creating ? "observations.newTitle" : "observations.editTitle", model);
    }

    private String activityText(Activity activity) {
        return activity.typeName() + ", " + Dates.dateTime(activity.startsAt()) + " (" + activity.areaName() + ")";
    }

    Line line(Observation o, Language language, boolean shortDescription) {
        String where = o.placeName() == null ? o.areaName() : o.placeName() + ", " + o.areaName();
        String description = o.description();
        if (shortDescription && description != null && description.length() > DESCRIPTION_IN_LIST) {
            description = description.substring(0, DESCRIPTION_IN_LIST - 1) + "…";
        }
        return new Line(o.id(), o.categoryName(), where, Dates.dateTime(o.observedAt()), o.organisationName(), description,
                messages.get(language, "observations.visibility." + o.visibility().name()), o.handedOver(), o.handedToOrganisationName(),
                o.actionItemState() == null ? null : messages.get(language, "actionItems.state." + o.actionItemState().name()),
                o.actionItemDueDate() == null ? null : o.actionItemDueDate().toString(),
                o.actionItemClosedAt() == null ? null : Dates.date(o.actionItemClosedAt()));
    }

    private static FormState typed(String activityId, String organisationId, String areaId, String placeId, String date, String time,
                                   String categoryId, String description, String visibility) {
        return FormState.empty().with("activityId", activityId).with("organisationId", organisationId).with("areaId", areaId)
                .with("placeId", placeId).with("date", date).with("time", time).with("categoryId", categoryId)
                .with("description", description).with("visibility", visibility);
    }

    /** The form as typed, every field's problem at once. A blank date and time leave the time to the activity, if any. */
    private static ObservationInput input(String activityId, String organisationId, String areaId, String placeId, String date,
                                          String time, String categoryId, String description, String visibility) {
        List<FieldError> problems = new ArrayList<>();
        Long activity = parsed(problems, () -> FormValues.optionalLong(activityId, "activityId", "error.unknownValue"));
        Long organisation = parsed(problems, () -> FormValues.optionalLong(organisationId, "organisationId", "error.unknownValue"));
        Long area = parsed(problems, () -> FormValues.optionalLong(areaId, "areaId", "error.unknownValue"));
        Long place = parsed(problems, () -> FormValues.optionalLong(placeId, "placeId", "error.unknownValue"));
        Long category = parsed(problems, () -> FormValues.optionalLong(categoryId, "categoryId", "error.unknownValue"));
        LocalDate day = parsed(problems, () -> FormValues.date(date, "date"));
        LocalTime at = parsed(problems, () -> time(time));
        if (at != null && blank(date)) {
            problems.add(new FieldError("date", "error.required"));
        }
        if (day != null && at == null && blank(time)) {
            problems.add(new FieldError("time", "error.required"));
        }
        Visibility chosen = parsed(problems, () -> visibility(visibility));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        LocalDateTime observedAt = day == null || at == null ? null : LocalDateTime.of(day, at);
        return new ObservationInput(activity, organisation, area, place, observedAt, category, description, chosen);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }


    private static LocalTime time(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return LocalTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("time", "error.time");
        }
    }



    private static String query(String... values) {
        String[] names = {"areaId", "activityId", "categoryId", "handedOver", "from", "to"};
        StringBuilder query = new StringBuilder("?");
        for (int i = 0; i < names.length; i++) {
            if (!blank(values[i])) {
                query.append(names[i]).append('=').append(URLEncoder.encode(values[i].strip(), StandardCharsets.UTF_8)).append('&');
            }
        }
        return query.toString();
    }
}
