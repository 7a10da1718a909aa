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
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.samtrygg.area.AreaService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
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
import se.samtrygg.identity.UserService;
import se.samtrygg.common.web.FormValues;
import se.samtrygg.organisation.OrganisationService;

/**
 * A meeting's pages: scheduling and moving it (date and times in Stockholm), cancelling it with a
 * reason, and the agenda, which a coordinator writes in a plain form that keeps every typed line
 * when something is refused.
 */
@Hidden
@Path("/meetings")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class MeetingPages {
    private static final int BLANK_AGENDA_ROWS = 3;
    /**
     * The follow-up shows the items due first; the rest are one link away. A group that has let hundreds of items stay
     * open cannot go through them at one meeting, and the page stays small on a phone.
     */
    static final int FOLLOW_UP_SHOWN = 25;
    /** "Show all" is bounded too; the page says so when the group has more. */
    static final int FOLLOW_UP_ALL = 1000;

    private final MeetingService meetings;
    private final ActionItemService actionItems;
    private final NetworkGroupService groups;
    private final AreaService areas;
    private final OrganisationService organisations;
    private final UserService users;
    private final MinutesService minutes;
    private final AttendanceService attendance;
    private final PageContextFactory pages;
    private final Messages messages;

    public MeetingPages(MeetingService meetings, ActionItemService actionItems, NetworkGroupService groups, AreaService areas,
                        OrganisationService organisations, UserService users, MinutesService minutes, AttendanceService attendance,
                        PageContextFactory pages) {
        this.meetings = meetings;
        this.actionItems = actionItems;
        this.groups = groups;
        this.areas = areas;
        this.organisations = organisations;
        this.users = users;
        this.minutes = minutes;
        this.attendance = attendance;
        this.pages = pages;
        this.messages = pages.messages();
    }

    /** One row of the agenda form; {@code id} is the point's id, blank for a new row, sent back in a hidden field. */
    public record AgendaRow(int number, String id, String title, String minutes, List<Option> presenters, String titleError,
                            String minutesError) {
    }

    public record MeetingModel(Meeting meeting, String when, boolean canManage, List<AgendaRow> agendaRows, List<String> agendaErrors,
                               String notice, List<ActionItemPages.Line> followUp, FollowUpMore followUpMore,
                               List<ActionItemPages.Line> actionItems,
                               FormState actionForm, List<Option> responsibleOrganisations, Records records, String seriesText,
                               ActionItemPages.PersonField personField) {
        public boolean hasAgenda() {
            return !meeting.agenda().isEmpty();
        }

        public boolean agendaHasErrors() {
            return !agendaErrors.isEmpty();
        }

        /** Whether the action item form was sent with "only the responsible organisation", so a refused form keeps it. */
        public boolean organisationVisibilityChosen() {
            return "ORGANISATION".equals(actionForm.values().get("visibility"));
        }

        /** The agenda and action item forms are for a meeting that can still change. */
        public boolean canEditAgenda() {
            return canManage && !meeting.cancelled();
        }

        public boolean hasFollowUp() {
            return !followUp.isEmpty();
        }

        public boolean hasActionItems() {
            return !actionItems.isEmpty();
        }
    }

    /** One agenda point with the minutes the viewer may read, for the meeting page. */
    /** Under a follow-up list that does not show everything: what it shows, and whether "show all" is a link away. */
    public record FollowUpMore(String text, boolean canShowAll) {
    }

    public record PointMinutes(int number, String title, Minutes minutes, String boundary) {
    }

    /** What happened at the meeting, as far as the viewer may read it, and whether they may record it. */
    public record Records(List<PointMinutes> points, Attendance attendance, boolean canWrite) {
        public boolean hasMinutes() {
            return !points.isEmpty();
        }
    }

    public record FormModel(Long id, long networkGroupId, String networkGroupName, boolean creating, FormState form,
                            List<Option> places, boolean recurring, List<Option> repeats, List<Option> invitedPeople) {
        public boolean followingChosen() {
            return "FOLLOWING".equals(form.values().get("scope"));
        }

        public boolean hasInvitedPeople() {
            return !invitedPeople.isEmpty();
        }

        /** The repetition is chosen when scheduling, and changed only for all following meetings of a series. */
        public boolean showsRepeat() {
            return creating || recurring;
        }
    }

    public record CancelModel(Meeting meeting, String when, FormState form) {
    }

    @GET
    @Path("new")
    public HtmlPage newForm(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("networkGroupId") long groupId) {
        NetworkGroup group = groups.get(actor, groupId);
        if (!groups.canManage(actor, groupId)) {
            throw new AccessDeniedException("only the group's coordinators and admins schedule its meetings");
        }
        FormState form = FormState.empty().with("title", messages.get(PageContextFactory.language(request, actor), "meetings.defaultTitle",
                group.name())).with("startTime", "18:00").with("endTime", "19:30").with("repeat", RecurrencePattern.NONE.name())
                .with("repeatUntil", LocalDate.now(MeetingService.ZONE).plusYears(1).toString());
        return form(request, actor, null, group, form, null);
    }

    @POST
    public Response schedule(@Context HttpServletRequest request, @Auth CurrentUser actor, @FormParam("networkGroupId") long groupId,
                             @FormParam("title") String title, @FormParam("date") String date, @FormParam("startTime") String startTime,
                             @FormParam("endTime") String endTime, @FormParam("placeId") String placeId,
                             @FormParam("address") String address, @FormParam("videoLink") String videoLink,
                             @FormParam("repeat") String repeat, @FormParam("repeatUntil") String repeatUntil,
                             @FormParam("invitePeople") String invitePeople) {
        FormState form = typed(title, date, startTime, endTime, placeId, address, videoLink).with("repeat", repeat)
                .with("repeatUntil", repeatUntil).with("invitePeople", invitePeople);
        try {
            Typed typed = input(groupId, title, date, startTime, endTime, placeId, address, videoLink, repeat, repeatUntil, false);
            List<Long> people = people(List.of(), invitePeople);
            Meeting meeting = meetings.schedule(actor, typed.with(people));
            return Redirect.to("/meetings/" + meeting.id() + "?created=true");
        } catch (InvalidInputException e) {
            form.withErrors(formFields(e.errors()), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(form(request, actor, null, groups.get(actor, groupId), form, null)).build();
        }
    }

    @GET
    @Path("{id}")
    public HtmlPage show(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                         @QueryParam("created") boolean created, @QueryParam("saved") boolean saved,
                         @QueryParam("followUp") String followUp) {
        Meeting meeting = meetings.get(actor, id);
        Language language = PageContextFactory.language(request, actor);
        String notice = created ? messages.get(language, "meetings.created") : saved ? messages.get(language, "common.saved") : null;
        return meetingPage(request, actor, meeting, agendaRows(actor, meeting), List.of(), notice, 200,
                "all".equals(followUp) ? FOLLOW_UP_ALL : FOLLOW_UP_SHOWN).entityPage();
    }

    @POST
    @Path("{id}/agenda")
    public Response saveAgenda(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                               @FormParam("id") List<String> ids, @FormParam("title") List<String> titles,
                               @FormParam("presenter") List<String> presenters, @FormParam("minutes") List<String> minutes) {
        List<AgendaItemInput> items = new ArrayList<>();
        List<String[]> typed = new ArrayList<>();
        List<Integer> typedIndex = new ArrayList<>(); // the typed row of each agenda point, for its messages
        List<FieldError> problems = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            String title = titles.get(i);
            String presenter = i < presenters.size() ? presenters.get(i) : "";
            String length = i < minutes.size() ? minutes.get(i) : "";
            String itemId = i < ids.size() && ids.get(i) != null ? ids.get(i).strip() : "";
            if ((title == null || title.isBlank()) && (length == null || length.isBlank())) {
                if (!itemId.isEmpty()) {
                    // A cleared row removes its point; should that be refused, the row comes back as it was typed.
                    typed.add(new String[] {title, presenter, length, itemId});
                }
                continue; // a blank row is no agenda point
            }
            int index = items.size();
            typedIndex.add(typed.size());
            typed.add(new String[] {title, presenter, length, itemId});
            Long parsedId = null;
            if (!itemId.isEmpty()) {
                try {
                    parsedId = Long.valueOf(itemId);
                } catch (NumberFormatException e) {
                    problems.add(new FieldError("agenda[" + index + "].id", "error.unknownAgendaPoint"));
                }
            }
            Integer parsedMinutes = null;
            if (length != null && !length.isBlank()) {
                try {
                    parsedMinutes = Integer.valueOf(length.strip());
                } catch (NumberFormatException e) {
                    problems.add(new FieldError("agenda[" + index + "].durationMinutes", "error.number"));
                }
            }
            Long presenterId = null;
            if (presenter != null && !presenter.isBlank()) {
                try {
                    presenterId = Long.valueOf(presenter.strip());
                } catch (NumberFormatException e) {
                    problems.add(new FieldError("agenda[" + index + "].presenterOrganisationId", "error.unknownValue"));
                }
            }
            items.add(new AgendaItemInput(parsedId, title, presenterId, parsedMinutes));
        }
        Language language = PageContextFactory.language(request, actor);
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            meetings.setAgenda(actor, id, items);
            return Redirect.to("/meetings/" + id + "?saved=true#agenda");
        } catch (InvalidInputException e) {
            Meeting meeting = meetings.get(actor, id);
            Map<String, String> errors = FormState.empty().withErrors(e.errors(), messages, language).errors();
            Presenters choices = presenters(actor, meeting, typed.stream().map(row -> row[1]).toList());
            List<AgendaRow> rows = new ArrayList<>();
            for (int i = 0; i < typed.size(); i++) {
                String[] row = typed.get(i);
                int point = typedIndex.indexOf(i);
                rows.add(new AgendaRow(i + 1, row[3], row[0], row[2], choices.options(row[1]),
                        errors.get("agenda[" + point + "].title"), errors.get("agenda[" + point + "].durationMinutes")));
            }
            addBlankRows(rows, choices);
            return meetingPage(request, actor, meeting, rows, List.copyOf(errors.values()), null, 422, FOLLOW_UP_SHOWN).response();
        }
    }

    @POST
    @Path("{id}/action-items")
    public Response addActionItem(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                                  @FormParam("title") String title, @FormParam("responsibleOrganisationId") String organisationId,
                                  @FormParam("responsibleUserId") String userId, @FormParam("dueDate") String dueDate,
                                  @FormParam("visibility") String visibility) {
        FormState form = FormState.empty().with("title", title).with("responsibleOrganisationId", organisationId)
                .with("responsibleUserId", userId).with("dueDate", dueDate).with("visibility", visibility == null ? "NETWORK" : visibility);
        try {
            actionItems.create(actor, ActionItemPages.input(id, title, organisationId, userId, dueDate, visibility));
            return Redirect.to("/meetings/" + id + "?saved=true#action-items");
        } catch (InvalidInputException e) {
            Language language = PageContextFactory.language(request, actor);
            form.withErrors(e.errors(), messages, language);
            Meeting meeting = meetings.get(actor, id);
            return meetingPage(request, actor, meeting, agendaRows(actor, meeting), List.of(), null, 422, form, FOLLOW_UP_SHOWN).response();
        }
    }

    @GET
    @Path("{id}/edit")
    public HtmlPage edit(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Meeting meeting = managed(actor, id);
        FormState form = typed(meeting.title(), meeting.start().toLocalDate().toString(), time(meeting.start()), time(meeting.end()),
                meeting.placeId() == null ? null : meeting.placeId().toString(), meeting.address(), meeting.videoLink())
                .with("scope", ChangeScope.ONE.name()).with("repeat", "KEEP");
        if (meeting.recurring()) {
            MeetingSeries series = meetings.seriesOf(List.of(meeting)).get(meeting.seriesId());
            form.with("repeatUntil", SeriesText.lastDay(series).map(LocalDate::toString).orElse(""));
        }
        return form(request, actor, id, groups.get(actor, meeting.networkGroupId()), form, meeting);
    }

    @POST
    @Path("{id}")
    public Response update(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                           @FormParam("title") String title, @FormParam("date") String date, @FormParam("startTime") String startTime,
                           @FormParam("endTime") String endTime, @FormParam("placeId") String placeId,
                           @FormParam("address") String address, @FormParam("videoLink") String videoLink,
                           @FormParam("scope") String scope, @FormParam("repeat") String repeat,
                           @FormParam("repeatUntil") String repeatUntil, @FormParam("keepPerson") List<String> keepPeople,
                           @FormParam("invitePeople") String invitePeople) {
        Meeting meeting = meetings.get(actor, id);
        ChangeScope chosenScope = "FOLLOWING".equals(scope) && meeting.recurring() ? ChangeScope.FOLLOWING : ChangeScope.ONE;
        FormState form = typed(title, date, startTime, endTime, placeId, address, videoLink).with("scope", chosenScope.name())
                .with("repeat", repeat).with("repeatUntil", repeatUntil).with("invitePeople", invitePeople);
        try {
            Typed typed = input(meeting.networkGroupId(), title, date, startTime, endTime, placeId, address, videoLink,
                    chosenScope == ChangeScope.FOLLOWING ? repeat : "KEEP", repeatUntil, true);
            List<Long> kept = FormValues.ids(keepPeople, "keepPerson").stream()
                    .filter(person -> meeting.invitedPeople().stream().anyMatch(p -> p.userId() == person)).toList();
            meetings.update(actor, id, typed.with(people(kept, invitePeople)), chosenScope);
            return Redirect.to("/meetings/" + id + "?saved=true");
        } catch (InvalidInputException e) {
            form.withErrors(formFields(e.errors()), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(form(request, actor, id, groups.get(actor, meeting.networkGroupId()), form, meeting)).build();
        }
    }

    @GET
    @Path("{id}/cancel")
    public HtmlPage confirmCancel(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Meeting meeting = managed(actor, id);
        return cancelPage(request, actor, meeting, FormState.empty());
    }

    @POST
    @Path("{id}/cancel")
    public Response cancel(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                           @FormParam("reason") String reason) {
        try {
            meetings.cancel(actor, id, reason);
            return Redirect.to("/meetings/" + id + "?saved=true");
        } catch (InvalidInputException e) {
            FormState form = FormState.empty().with("reason", reason)
                    .withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(cancelPage(request, actor, meetings.get(actor, id), form)).build();
        }
    }

    private Meeting managed(CurrentUser actor, long id) {
        Meeting meeting = meetings.get(actor, id);
        if (!meetings.canManage(actor, meeting)) {
            throw new AccessDeniedException("only the group's coordinators and admins change its meetings");
        }
        return meeting;
    }

    /** A page together with the status it is sent with, so the agenda form can answer 422 and keep its rows. */
    private record Rendered(HtmlPage page, int status) {
        HtmlPage entityPage() {
            return page;
        }

        Response response() {
            return Response.status(status).entity(page).build();
        }
    }

    private Rendered meetingPage(HttpServletRequest request, CurrentUser actor, Meeting meeting, List<AgendaRow> rows, List<String> errors,
                                 String notice, int status, int followUpLimit) {
        return meetingPage(request, actor, meeting, rows, errors, notice, status, FormState.empty().with("visibility", "NETWORK"),
                followUpLimit);
    }

    private Rendered meetingPage(HttpServletRequest request, CurrentUser actor, Meeting meeting, List<AgendaRow> rows, List<String> errors,
                                 String notice, int status, FormState actionForm, int followUpLimit) {
        PageContext context = pages.create(request, actor);
        java.time.LocalDate today = java.time.LocalDate.now(MeetingService.ZONE);
        ActionItemService.FollowUp open = actionItems.followUp(actor, meeting, followUpLimit);
        List<ActionItemPages.Line> followUp = open.items().stream()
                .map(item -> ActionItemPages.line(item, context.language(), messages, today)).toList();
        FollowUpMore followUpMore = open.more()
                ? new FollowUpMore(messages.get(context.language(), "actionItems.followUpFirst", followUpLimit), followUpLimit < FOLLOW_UP_ALL)
                : null;
        List<ActionItemPages.Line> own = actionItems.list(actor, meeting.id(), null, false, false, null, 200).items().stream()
                .map(item -> ActionItemPages.line(item, context.language(), messages, today)).toList();
        String chosen = actionForm.values().get("responsibleOrganisationId");
        List<Option> responsible = organisations.allActive().stream()
                .map(o -> new Option(Long.toString(o.id()), o.name(), Long.toString(o.id()).equals(chosen))).toList();
        // The meeting was shown to this viewer, so its series needs no second check.
        String seriesText = meeting.recurring()
                ? SeriesText.describe(meetings.seriesOf(List.of(meeting)).get(meeting.seriesId()), messages, context.language()) : null;
        boolean canManage = meetings.canManage(actor, meeting);
        ActionItemPages.PersonField personField = canManage ? ActionItemPages.personField(actionItems, actor, meeting.networkGroupId(),
                null, "action-responsibleUserId", actionForm) : null;
        MeetingModel model = new MeetingModel(meeting, when(meeting, context.language()), canManage, rows, errors, notice, followUp,
                followUpMore, own,
                actionForm, responsible, records(actor, meeting, context.language()), seriesText, personField);
        return new Rendered(new HtmlPage("/se/samtrygg/meeting/meeting.mustache", context, "meetings.title", model)
                .titled(meeting.title()), status);
    }

    private Records records(CurrentUser actor, Meeting meeting, Language language) {
        Map<Long, Minutes> written = new java.util.HashMap<>();
        minutes.list(actor, meeting.id()).forEach(m -> written.put(m.agendaItemId(), m));
        List<PointMinutes> points = new ArrayList<>();
        int number = 0;
        for (AgendaItem item : meeting.agenda()) {
            number++;
            Minutes point = written.get(item.id());
            if (point != null) {
                points.add(new PointMinutes(number, item.title(), point, point.organisationOnly()
                        ? messages.get(language, "minutes.onlyWithin", point.organisationName()) : null));
            }
        }
        return new Records(points, attendance.get(actor, meeting.id()), minutes.canWrite(actor, meeting));
    }

    private HtmlPage cancelPage(HttpServletRequest request, CurrentUser actor, Meeting meeting, FormState form) {
        PageContext context = pages.create(request, actor);
        return new HtmlPage("/se/samtrygg/meeting/meeting-cancel.mustache", context, "meetings.cancelTitle",
                new CancelModel(meeting, when(meeting, context.language()), form));
    }

    private HtmlPage form(HttpServletRequest request, CurrentUser actor, Long id, NetworkGroup group, FormState form, Meeting meeting) {
        PageContext context = pages.create(request, actor);
        String chosen = form.values().get("placeId");
        List<Option> places = areas.places(actor, group.areaId()).stream()
                .map(p -> new Option(Long.toString(p.id()), p.name(), Long.toString(p.id()).equals(chosen))).toList();
        String repeat = form.values().get("repeat");
        List<String> patterns = new ArrayList<>();
        if (id != null) {
            patterns.add("KEEP");
        }
        for (RecurrencePattern pattern : RecurrencePattern.values()) {
            if (id == null || pattern != RecurrencePattern.NONE) {
                patterns.add(pattern.name());
            }
        }
        List<Option> repeats = patterns.stream()
                .map(p -> new Option(p, messages.get(context.language(), "meetings.repeat." + p), p.equals(repeat))).toList();
        List<Option> invited = meeting == null ? List.of() : meeting.invitedPeople().stream()
                .map(p -> new Option(Long.toString(p.userId()), p.name(), true)).toList();
        return new HtmlPage("/se/samtrygg/meeting/meeting-form.mustache", context, id == null ? "meetings.newTitle" : "meetings.editTitle",
                new FormModel(id, group.id(), group.name(), id == null, form, places, meeting != null && meeting.recurring(), repeats,
                        invited));
    }

    /** The agenda form's rows: the meeting's points and three blank ones; none for a viewer who cannot change the agenda. */
    private List<AgendaRow> agendaRows(CurrentUser actor, Meeting meeting) {
        if (meeting.cancelled() || !meetings.canManage(actor, meeting)) {
            return List.of();
        }
        Presenters presenters = presenters(actor, meeting, List.of());
        List<AgendaRow> rows = new ArrayList<>();
        for (AgendaItem item : meeting.agenda()) {
            rows.add(new AgendaRow(rows.size() + 1, Long.toString(item.id()), item.title(), item.durationMinutes() == null ? "" : item.durationMinutes().toString(),
                    presenters.options(item.presenterOrganisationId() == null ? "" : item.presenterOrganisationId().toString()),
                    null, null));
        }
        addBlankRows(rows, presenters);
        return rows;
    }

    private static void addBlankRows(List<AgendaRow> rows, Presenters presenters) {
        for (int i = 0; i < BLANK_AGENDA_ROWS; i++) {
            rows.add(new AgendaRow(rows.size() + 1, "", "", "", presenters.options(""), null, null));
        }
    }

    /**
     * Whom each row's presenter select offers: the meeting's own organisations (its group's and the invited), not every
     * organisation of the municipality, which would repeat hundreds of options in every row. A row whose presenter is
     * outside them (chosen before, or through the API) also offers that one, so saving the agenda again keeps it.
     */
    private record Presenters(List<Option> candidates, Set<String> candidateIds, Map<String, String> others) {
        List<Option> options(String chosen) {
            String id = chosen == null ? "" : chosen.strip();
            List<Option> options = new ArrayList<>(candidates.size() + 1);
            if (!id.isEmpty() && !candidateIds.contains(id) && others.containsKey(id)) {
                options.add(new Option(id, others.get(id), true));
            }
            candidates.forEach(o -> options.add(o.value().equals(id) ? new Option(o.value(), o.label(), true) : o));
            return options;
        }
    }

    /** @param typed presenters sent with a refused form, which are shown again even if outside the meeting's organisations */
    private Presenters presenters(CurrentUser actor, Meeting meeting, List<String> typed) {
        List<Option> candidates = meetings.presenterCandidates(actor, meeting.id()).stream()
                .map(o -> new Option(Long.toString(o.organisationId()), o.name(), false)).toList();
        Set<String> candidateIds = candidates.stream().map(Option::value).collect(Collectors.toSet());
        Map<String, String> others = new HashMap<>();
        meeting.agenda().stream().filter(item -> item.presenterOrganisationId() != null)
                .forEach(item -> others.put(item.presenterOrganisationId().toString(), item.presenterName()));
        Set<Long> unnamed = new HashSet<>();
        for (String value : typed) {
            String id = value == null ? "" : value.strip();
            if (!id.isEmpty() && !candidateIds.contains(id) && !others.containsKey(id) && id.matches("\\d{1,18}")) {
                unnamed.add(Long.valueOf(id));
            }
        }
        organisations.findAll(unnamed).forEach(o -> others.put(Long.toString(o.id()), o.name()));
        return new Presenters(candidates, candidateIds, others);
    }

    private String when(Meeting meeting, Language language) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", language.locale());
        return day.format(meeting.start()) + ", " + time(meeting.start()) + "–" + time(meeting.end());
    }

    private static String time(LocalDateTime dateTime) {
        return DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).format(dateTime);
    }

    private static FormState typed(String title, String date, String startTime, String endTime, String placeId, String address,
                                   String videoLink) {
        return FormState.empty().with("title", title).with("date", date).with("startTime", startTime).with("endTime", endTime)
                .with("placeId", placeId).with("address", address).with("videoLink", videoLink);
    }

    /** What the form gave, before the invited people (named by e-mail) are looked up. */
    private record Typed(long groupId, String title, LocalDateTime start, LocalDateTime end, Long placeId, String address,
                         String videoLink, String recurrence) {
        MeetingInput with(List<Long> invitedPeople) {
            return new MeetingInput(groupId, title, start, end, placeId, address, videoLink, null, invitedPeople, recurrence);
        }
    }

    /**
     * Date and times as typed in the form, in Stockholm; a meeting ends on the day it starts. The
     * repetition is one of {@link RecurrencePattern} (or KEEP when changing a series) with its last day.
     */
    private static Typed input(long groupId, String title, String date, String startTime, String endTime, String placeId,
                               String address, String videoLink, String repeat, String repeatUntil, boolean changing) {
        List<FieldError> problems = new ArrayList<>();
        LocalDate day = parse(date, "date", "error.date", LocalDate::parse, problems);
        LocalTime start = parse(startTime, "startTime", "error.time", LocalTime::parse, problems);
        LocalTime end = parse(endTime, "endTime", "error.time", LocalTime::parse, problems);
        Long place = null;
        if (placeId != null && !placeId.isBlank()) {
            try {
                place = Long.valueOf(placeId.strip());
            } catch (NumberFormatException e) {
                problems.add(new FieldError("placeId", "error.unknownValue"));
            }
        }
        RecurrencePattern pattern = null;
        if (!(changing && (repeat == null || "KEEP".equals(repeat)))) {
            try {
                pattern = repeat == null || repeat.isBlank() ? RecurrencePattern.NONE : RecurrencePattern.valueOf(repeat);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldError("repeat", "error.unknownValue"));
            }
        }
        LocalDate lastDay = null;
        if (pattern != null && pattern != RecurrencePattern.NONE) {
            lastDay = parse(repeatUntil, "repeatUntil", "error.date", LocalDate::parse, problems);
            if (lastDay != null && day != null && (lastDay.isBefore(day) || lastDay.isAfter(day.plusYears(SeriesRule.MAX_YEARS)))) {
                problems.add(new FieldError("repeatUntil", "error.recurrenceUntil"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (day != null && start != null && end != null && !end.isAfter(start)) {
            throw new InvalidInputException("endTime", "error.endBeforeStart");
        }
        String recurrence = pattern == null || pattern == RecurrencePattern.NONE ? null : pattern.rrule(day, lastDay);
        if (changing && pattern == RecurrencePattern.NONE) {
            // "no repetition" for all following: the series ends with this meeting.
            recurrence = "FREQ=DAILY;COUNT=1";
        }
        return new Typed(groupId, title, day == null || start == null ? null : day.atTime(start),
                day == null || end == null ? null : day.atTime(end), place, address, videoLink, recurrence);
    }

    /** The people kept on the form and those named by e-mail address, each of whom must have an active account. */
    private List<Long> people(List<Long> kept, String addresses) {
        List<Long> people = new ArrayList<>(kept);
        List<FieldError> problems = new ArrayList<>();
        for (String address : addresses == null ? new String[0] : addresses.split("[,;\\s]+")) {
            if (address.isBlank()) {
                continue;
            }
            users.activeByEmail(address).ifPresentOrElse(person -> people.add(person.id()),
                    () -> problems.add(new FieldError("invitePeople", "error.unknownPersonEmail", address.strip())));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return people;
    }

    /** The service names the API's fields; the form has its own for the repetition and the people. */
    private static List<FieldError> formFields(List<FieldError> errors) {
        return errors.stream().map(e -> switch (e.field()) {
            case "recurrence" -> new FieldError("repeat", e.messageKey(), e.args());
            case "invitedUserIds" -> new FieldError("invitePeople", e.messageKey(), e.args());
            case "start", "end" -> new FieldError("error.meetingYear".equals(e.messageKey()) ? "date" : e.field() + "Time",
                    e.messageKey(), e.args());
            default -> e;
        }).toList();
    }

    private static <T> T parse(String value, String field, String messageKey, java.util.function.Function<String, T> parser,
                               List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldError(field, "error.required"));
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldError(field, messageKey));
            return null;
        }
    }
}
