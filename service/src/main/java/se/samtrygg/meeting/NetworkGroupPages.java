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
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import se.samtrygg.area.AreaService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.InvalidInputException;
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

/** The network groups a person may see, and the forms that coordinators use to run them. */
@Hidden
@Path("/network-groups")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class NetworkGroupPages {
    private static final String FORM = "/se/samtrygg/meeting/network-group-form.mustache";

    private final NetworkGroupService groups;
    private final MeetingService meetings;
    private final AreaService areas;
    private final OrganisationService organisations;
    private final PageContextFactory pages;
    private final Messages messages;

    public NetworkGroupPages(NetworkGroupService groups, MeetingService meetings, AreaService areas, OrganisationService organisations,
                             PageContextFactory pages) {
        this.groups = groups;
        this.meetings = meetings;
        this.areas = areas;
        this.organisations = organisations;
        this.pages = pages;
        this.messages = pages.messages();
    }

    public record ListModel(List<NetworkGroup> groups, boolean canCreate, Long nextAfter) {
        public boolean hasGroups() {
            return !groups.isEmpty();
        }
    }

    public record MeetingLine(long id, String title, String when, boolean cancelled) {
    }

    public record GroupModel(NetworkGroup group, boolean canManage, String notice, List<MeetingLine> upcoming, List<MeetingLine> past) {
        public boolean hasUpcoming() {
            return !upcoming.isEmpty();
        }

        public boolean hasPast() {
            return !past.isEmpty();
        }
    }

    public record FormModel(Long id, boolean creating, FormState form, List<Option> areas, List<Option> organisations,
                            List<Option> coordinators) {
    }

    @GET
    public HtmlPage list(@Context HttpServletRequest request, @Auth CurrentUser actor, @QueryParam("after") Long after) {
        var page = groups.list(actor, null, after, 50);
        return new HtmlPage("/se/samtrygg/meeting/network-groups.mustache", pages.create(request, actor), "networkGroups.title",
                new ListModel(page.items(), groups.canCreate(actor), page.nextAfter()));
    }

    @GET
    @Path("new")
    public HtmlPage newForm(@Context HttpServletRequest request, @Auth CurrentUser actor) {
        if (!groups.canCreate(actor)) {
            throw new AccessDeniedException("admin or coordinator role required");
        }
        Set<Long> coordinators = actor.isCoordinator() ? Set.of(actor.id()) : Set.of();
        return form(request, actor, null, FormState.empty(), null, Set.of(), coordinators);
    }

    @POST
    public Response create(@Context HttpServletRequest request, @Auth CurrentUser actor, @FormParam("areaId") String areaId,
                           @FormParam("name") String name, @FormParam("memberOrganisationIds") List<String> members,
                           @FormParam("coordinatorUserIds") List<String> coordinators) {
        List<Long> memberIds = FormValues.ids(members, "memberOrganisationIds");
        List<Long> coordinatorIds = FormValues.ids(coordinators, "coordinatorUserIds");
        Long area = null;
        try {
            area = FormValues.optionalLong(areaId, "areaId", "error.unknownValue");
            NetworkGroup group = groups.create(actor, new NetworkGroupInput(area, name, memberIds, coordinatorIds));
            return Redirect.to("/network-groups/" + group.id() + "?created=true");
        } catch (InvalidInputException e) {
            FormState form = FormState.empty().with("name", name).withErrors(e.errors(), messages, pages.create(request, actor).language());
            return Response.status(422).entity(form(request, actor, null, form, area, Set.copyOf(memberIds),
                    Set.copyOf(coordinatorIds))).build();
        }
    }

    @GET
    @Path("{id}")
    public HtmlPage show(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                         @QueryParam("created") boolean created, @QueryParam("saved") boolean saved) {
        NetworkGroup group = groups.get(actor, id);
        PageContext context = pages.create(request, actor);
        String notice = created ? messages.get(context.language(), "networkGroups.created")
                : saved ? messages.get(context.language(), "common.saved") : null;
        java.time.format.DateTimeFormatter format = java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm",
                context.language().locale());
        java.util.function.Function<MeetingSummary, MeetingLine> line = m -> new MeetingLine(m.id(), m.title(), format.format(m.start()),
                m.cancelled());
        return new HtmlPage("/se/samtrygg/meeting/network-group.mustache", context, "networkGroups.title",
                new GroupModel(group, groups.canManage(actor, id), notice, meetings.upcoming(actor, id, 10).stream().map(line).toList(),
                        meetings.past(actor, id, 10).stream().map(line).toList())).titled(group.name());
    }

    @GET
    @Path("{id}/edit")
    public HtmlPage edit(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id) {
        NetworkGroup group = groups.get(actor, id);
        if (!groups.canManage(actor, id)) {
            throw new AccessDeniedException("only the group's coordinators and admins manage it");
        }
        return form(request, actor, id, FormState.empty().with("name", group.name()), group.areaId(),
                group.members().stream().map(NetworkGroup.Member::organisationId).collect(Collectors.toSet()),
                group.coordinators().stream().map(NetworkGroup.Coordinator::userId).collect(Collectors.toSet()));
    }

    @POST
    @Path("{id}")
    public Response update(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                           @FormParam("areaId") String areaId, @FormParam("name") String name,
                           @FormParam("memberOrganisationIds") List<String> members,
                           @FormParam("coordinatorUserIds") List<String> coordinators) {
        List<Long> memberIds = FormValues.ids(members, "memberOrganisationIds");
        List<Long> coordinatorIds = FormValues.ids(coordinators, "coordinatorUserIds");
        Long area = null;
        try {
            area = FormValues.optionalLong(areaId, "areaId", "error.unknownValue");
            groups.update(actor, id, new NetworkGroupInput(area, name, memberIds, coordinatorIds));
            return Redirect.to("/network-groups/" + id + "?saved=true");
        } catch (InvalidInputException e) {
            FormState form = FormState.empty().with("name", name).withErrors(e.errors(), messages, pages.create(request, actor).language());
            return Response.status(422).entity(form(request, actor, id, form, area, Set.copyOf(memberIds),
                    Set.copyOf(coordinatorIds))).build();
        }
    }

    private HtmlPage form(HttpServletRequest request, CurrentUser actor, Long id, FormState form, Long areaId, Set<Long> members,
                          Set<Long> coordinators) {
        PageContext context = pages.create(request, actor);
        List<Option> areaOptions = areas.all().stream()
                .map(a -> new Option(Long.toString(a.id()), a.name() + " (" + a.municipality() + ")", areaId != null && a.id() == areaId))
                .toList();
        // The choices are the active ones plus whatever the group already has, so saving never drops a member silently.
        java.util.Map<Long, String> organisationChoices = new java.util.LinkedHashMap<>();
        organisations.allActive().forEach(o -> organisationChoices.put(o.id(), o.name()));
        organisations.findAll(members).forEach(o -> organisationChoices.putIfAbsent(o.id(), o.name()));
        List<Option> organisationOptions = organisationChoices.entrySet().stream()
                .map(e -> new Option(Long.toString(e.getKey()), e.getValue(), members.contains(e.getKey()))).toList();
        java.util.Map<Long, String> coordinatorChoices = new java.util.LinkedHashMap<>();
        groups.coordinatorCandidates().forEach(u -> coordinatorChoices.put(u.id(), u.name()));
        groups.coordinatorNames(coordinators).forEach(u -> coordinatorChoices.putIfAbsent(u.id(), u.name()));
        List<Option> coordinatorOptions = coordinatorChoices.entrySet().stream()
                .map(e -> new Option(Long.toString(e.getKey()), e.getValue(), coordinators.contains(e.getKey()))).toList();
        return new HtmlPage(FORM, context, id == null ? "networkGroups.newTitle" : "networkGroups.editTitle",
                new FormModel(id, id == null, form, areaOptions, organisationOptions, coordinatorOptions));
    }
}
