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
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.Visibility;
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
import se.samtrygg.organisation.OrganisationService;

/**
 * The coordinator's pages for what happened at a meeting: the minutes, written during the meeting
 * in one form with a save button per agenda point (every button saves everything, so saving often
 * is one click, and a refused save shows every typed text again), and the attendance.
 */
@Hidden
@Path("/meetings")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class MinutesPages {
    private static final java.util.regex.Pattern NOTES_FIELD = java.util.regex.Pattern.compile("notes-(\\d{1,18})");
    private final MeetingService meetings;
    private final MinutesService minutes;
    private final AttendanceService attendance;
    private final OrganisationService organisations;
    private final PageContextFactory pages;
    private final Messages messages;

    public MinutesPages(MeetingService meetings, MinutesService minutes, AttendanceService attendance, OrganisationService organisations,
                        PageContextFactory pages) {
        this.meetings = meetings;
        this.minutes = minutes;
        this.attendance = attendance;
        this.organisations = organisations;
        this.pages = pages;
        this.messages = pages.messages();
    }

    /** One agenda point in the minutes form, as stored or as typed. */
    public record PointRow(long id, int number, String title, boolean keptElsewhere, boolean gone, String notes, String decision,
                           boolean organisationOnly, List<Option> organisations, String notesError, String decisionError,
                           String visibilityError, String organisationError) {
        public boolean chooseOrganisation() {
            return organisations.size() > 1;
        }

        public boolean editable() {
            return !keptElsewhere;
        }
    }

    public record MinutesModel(Meeting meeting, String when, List<PointRow> points, FormState form, String notice,
                               int maxNotes, int maxDecision) {
        public boolean hasPoints() {
            return !points.isEmpty();
        }

        /** The error summary: each message links to its field ("points[12].notes" is the field with id "notes-12"). */
        public List<Map<String, String>> errorLinks() {
            List<Map<String, String>> links = new ArrayList<>();
            form.errors().forEach((field, message) -> {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("points\\[(\\d+)]\\.(\\w+)").matcher(field);
                String target = !m.matches() ? "minutes-form"
                        : ("organisationId".equals(m.group(2)) ? "organisation" : m.group(2)) + "-" + m.group(1);
                links.add(Map.of("href", "#" + target, "message", message));
            });
            return links;
        }
    }

    public record PersonBox(String htmlId, long userId, String name, boolean checked) {
    }

    public record OrganisationBox(long organisationId, String name, boolean checked, List<PersonBox> people) {
        public boolean hasPeople() {
            return !people.isEmpty();
        }
    }

    public record AttendanceModel(Meeting meeting, String when, List<OrganisationBox> organisations, List<PersonBox> invitedPeople,
                                  boolean truncated, FormState form) {
        public boolean hasInvitedPeople() {
            return !invitedPeople.isEmpty();
        }
    }

    @GET
    @Path("{id}/minutes")
    public Response minutesForm(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                                @QueryParam("saved") boolean saved) {
        Meeting meeting = writable(actor, id);
        if (meeting.cancelled()) {
            return Redirect.to("/meetings/" + id);
        }
        Language language = PageContextFactory.language(request, actor);
        return Response.ok(minutesPage(request, actor, meeting, Map.of(), FormState.empty(),
                saved ? messages.get(language, "common.saved") : null)).build();
    }

    @POST
    @Path("{id}/minutes")
    public Response saveMinutes(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id, Form form) {
        writable(actor, id); // access before input: someone who may not write never gets the form back
        MultivaluedMap<String, String> fields = form.asMap();
        Map<Long, Typed> typed = new LinkedHashMap<>();
        List<FieldError> problems = new ArrayList<>();
        // Every point the form shows for writing has a notes field, named after its agenda point.
        List<Long> points = fields.keySet().stream().map(NOTES_FIELD::matcher).filter(java.util.regex.Matcher::matches)
                .map(m -> Long.valueOf(m.group(1))).sorted().toList();
        for (Long point : points) {
            String visibility = fields.getFirst("visibility-" + point);
            String organisation = fields.getFirst("organisation-" + point);
            typed.put(point, new Typed(fields.getFirst("notes-" + point), fields.getFirst("decision-" + point), visibility, organisation));
        }
        Map<Long, MinutesInput> inputs = new LinkedHashMap<>();
        typed.forEach((point, t) -> {
            Visibility visibility = null;
            if (t.visibility() != null && !t.visibility().isBlank()) {
                try {
                    visibility = Visibility.valueOf(t.visibility().strip());
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldError("points[" + point + "].visibility", "error.unknownValue"));
                }
            }
            Long organisation = null;
            try {
                organisation = FormValues.optionalLong(t.organisation(), "points[" + point + "].organisationId", "error.unknownValue");
            } catch (InvalidInputException e) {
                problems.addAll(e.errors());
            }
            inputs.put(point, new MinutesInput(t.notes(), t.decision(), visibility, organisation));
        });
        String point = fields.getFirst("save") == null ? "" : fields.getFirst("save").replaceAll("[^0-9]", "");
        String anchor = point.isEmpty() ? "" : "#point-" + point;
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            minutes.writeAll(actor, id, inputs);
            return Redirect.to("/meetings/" + id + "/minutes?saved=true" + anchor);
        } catch (InvalidInputException e) {
            Meeting meeting = meetings.get(actor, id);
            FormState state = FormState.empty().withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(minutesPage(request, actor, meeting, typed, state, null)).build();
        }
    }

    @GET
    @Path("{id}/attendance")
    public Response attendanceForm(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        Meeting meeting = meetings.get(actor, id);
        if (meeting.cancelled() && meetings.canManage(actor, meeting)) {
            return Redirect.to("/meetings/" + id);
        }
        Attendance recorded = attendance.get(actor, id);
        Set<Long> organisationIds = recorded.organisations().stream().map(Attendance.Organisation::organisationId).collect(Collectors.toSet());
        Set<Long> userIds = recorded.people().stream().map(Attendance.Person::userId).collect(Collectors.toSet());
        return Response.ok(attendancePage(request, actor, meeting, organisationIds, userIds, FormState.empty())).build();
    }

    @POST
    @Path("{id}/attendance")
    public Response saveAttendance(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                                   @FormParam("organisationId") List<String> organisationIds, @FormParam("userId") List<String> userIds) {
        Set<Long> chosenOrganisations = new LinkedHashSet<>();
        Set<Long> chosenPeople = new LinkedHashSet<>();
        try {
            chosenOrganisations.addAll(FormValues.ids(organisationIds, "organisationIds"));
            chosenPeople.addAll(FormValues.ids(userIds, "userIds"));
            attendance.record(actor, id, new AttendanceInput(List.copyOf(chosenOrganisations), List.copyOf(chosenPeople)));
            return Redirect.to("/meetings/" + id + "?saved=true#attendance");
        } catch (InvalidInputException e) {
            Meeting meeting = meetings.get(actor, id);
            FormState state = FormState.empty().withErrors(e.errors(), messages, PageContextFactory.language(request, actor));
            return Response.status(422).entity(attendancePage(request, actor, meeting, chosenOrganisations, chosenPeople, state)).build();
        }
    }

    private record Typed(String notes, String decision, String visibility, String organisation) {
    }

    private Meeting writable(CurrentUser actor, long id) {
        Meeting meeting = meetings.get(actor, id);
        if (!meetings.canManage(actor, meeting)) {
            throw new AccessDeniedException("only the group's coordinators and admins write the minutes of meeting " + id);
        }
        return meeting;
    }

    private HtmlPage minutesPage(HttpServletRequest request, CurrentUser actor, Meeting meeting, Map<Long, Typed> typed, FormState form,
                                 String notice) {
        PageContext context = pages.create(request, actor);
        Map<Long, Minutes> stored = minutes.list(actor, meeting.id()).stream().collect(Collectors.toMap(Minutes::agendaItemId, m -> m));
        Set<Long> keptElsewhere = minutes.keptElsewhere(actor, meeting.id());
        List<se.samtrygg.organisation.Organisation> own = organisations.findAll(actor.organisationIds());
        Map<String, String> errors = form.errors();
        List<PointRow> rows = new ArrayList<>();
        for (AgendaItem item : meeting.agenda()) {
            rows.add(row(item.id(), rows.size() + 1, item.title(), keptElsewhere.contains(item.id()), false, stored.get(item.id()),
                    typed.get(item.id()), own, errors));
        }
        Set<Long> onAgenda = meeting.agenda().stream().map(AgendaItem::id).collect(Collectors.toSet());
        // Text typed for a point someone removed meanwhile is shown, not dropped, so it can be copied elsewhere.
        typed.keySet().stream().filter(point -> !onAgenda.contains(point)).forEach(point ->
                rows.add(row(point, rows.size() + 1, messages.get(context.language(), "minutes.removedPoint"), false, true, null,
                        typed.get(point), own, errors)));
        return new HtmlPage("/se/samtrygg/meeting/minutes-form.mustache", context, "minutes.formTitle",
                new MinutesModel(meeting, when(meeting, context.language()), rows, form, notice, MinutesService.MAX_NOTES,
                        MinutesService.MAX_DECISION));
    }

    private static PointRow row(long id, int number, String title, boolean keptElsewhere, boolean gone, Minutes stored, Typed typed,
                                List<se.samtrygg.organisation.Organisation> own, Map<String, String> errors) {
        String prefix = "points[" + id + "].";
        String notes = typed != null ? typed.notes() : stored == null ? "" : stored.notes();
        String decision = typed != null ? typed.decision() : stored == null ? "" : stored.decision();
        boolean organisationOnly = typed != null ? "ORGANISATION".equals(typed.visibility())
                : stored != null && stored.visibility() == Visibility.ORGANISATION;
        String chosen = typed != null ? typed.organisation()
                : stored == null || stored.organisationId() == null ? null : stored.organisationId().toString();
        List<Option> choices = own.stream()
                .map(o -> new Option(Long.toString(o.id()), o.name(), Long.toString(o.id()).equals(chosen))).toList();
        return new PointRow(id, number, title, keptElsewhere, gone, notes == null ? "" : notes, decision == null ? "" : decision,
                organisationOnly, choices, errors.get(prefix + "notes"), errors.get(prefix + "decision"), errors.get(prefix + "visibility"),
                errors.get(prefix + "organisationId"));
    }

    private HtmlPage attendancePage(HttpServletRequest request, CurrentUser actor, Meeting meeting, Set<Long> organisationIds,
                                    Set<Long> userIds, FormState form) {
        PageContext context = pages.create(request, actor);
        AttendanceService.Candidates candidates = attendance.candidates(actor, meeting);
        List<OrganisationBox> boxes = candidates.organisations().stream().map(o -> new OrganisationBox(o.organisationId(), o.name(),
                organisationIds.contains(o.organisationId()), o.people().stream().map(p -> new PersonBox(
                        "person-" + o.organisationId() + "-" + p.userId(), p.userId(), p.name(), userIds.contains(p.userId()))).toList()))
                .toList();
        List<PersonBox> individual = candidates.invitedPeople().stream()
                .map(p -> new PersonBox("person-" + p.userId(), p.userId(), p.name(), userIds.contains(p.userId()))).toList();
        return new HtmlPage("/se/samtrygg/meeting/attendance-form.mustache", context, "attendance.formTitle",
                new AttendanceModel(meeting, when(meeting, context.language()), boxes, individual, candidates.truncated(), form));
    }

    static String when(Meeting meeting, Language language) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", language.locale());
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
        return day.format(meeting.start()) + ", " + time.format(meeting.start()) + "–" + time.format(meeting.end());
    }
}
