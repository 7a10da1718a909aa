package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ADMIN_ONLY;
import static se.samtrygg.permissions.Endpoint.ADMIN_OR_COORDINATOR;
import static se.samtrygg.permissions.Endpoint.ADMIN_OR_OWN_ORGANISATION;
import static se.samtrygg.permissions.Endpoint.ANY_SIGNED_IN;
import static se.samtrygg.permissions.Endpoint.api;
import static se.samtrygg.permissions.Endpoint.page;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.area.AreaInput;
import se.samtrygg.area.PlaceInput;
import se.samtrygg.identity.Role;
import java.time.LocalDateTime;
import java.time.LocalDate;
import se.samtrygg.common.Visibility;
import se.samtrygg.meeting.ActionItemInput;
import se.samtrygg.meeting.Meeting;
import se.samtrygg.meeting.AgendaItemInput;
import se.samtrygg.meeting.MeetingInput;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.organisation.ContactInput;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * Areas, places, contact people and network groups. In each scenario the network group has the
 * scenario's organisation as its member and a coordinator who is not the actor, so OWN means "my
 * organisation is in the group" and managing it is for admins (a coordinator who runs a group is
 * tested in NetworkGroupTest).
 */
final class CommunityEndpoints {
    /** A calendar feed is its owner's alone, not even an admin's; the scenario's feed belongs to the scenario's user. */
    private static final BiPredicate<Actor, Target> ONLY_ITS_OWNER = (actor, target) -> false;

    private CommunityEndpoints() {
    }

    static void prepare(Scenario scenario, TestServer server, Fixtures fixtures) {
        Scenario.Ids ids = scenario.ids;
        ids.lazy("area", () -> server.services().areas().create(null, new AreaInput(Fixtures.unique("Område"), "Gävle", null)).id());
        ids.lazy("place", () -> server.services().areas().addPlace(null, ids.get("area"), new PlaceInput("Torget", null)).id());
        ids.lazy("contact", () -> server.services().organisations().addContact(null, scenario.organisation,
                new ContactInput("Kim Kontakt", "Fältassistent", "026-17 80 00", null)).id());
        ids.lazy("coordinator", () -> fixtures.user(Set.of(Role.COORDINATOR)).id());
        // A second member organisation, whose records the actors see as another member of the group does (no actor is in it)
        ids.lazy("memberOrganisation", () -> fixtures.organisation().id());
        ids.lazy("memberAuthor", () -> {
            long author = fixtures.user(Set.of(Role.PARTNER)).id();
            server.services().users().addMembership(null, author, ids.get("memberOrganisation"));
            return author;
        });
        ids.lazy("group", () -> server.services().networkGroups().create(null, new NetworkGroupInput(ids.get("area"),
                Fixtures.unique("Nätverk"), List.of(scenario.organisation, ids.get("memberOrganisation")),
                List.of(ids.get("coordinator")))).id());
        ids.lazy("admin", () -> fixtures.user(Set.of(Role.ADMIN)).id());
        ids.lazy("meeting", () -> server.services().meetings().schedule(admin(scenario, server), new MeetingInput(ids.get("group"),
                "Nätverksmöte", LocalDateTime.of(2030, 3, 5, 18, 0), LocalDateTime.of(2030, 3, 5, 19, 30), null, "Sättra centrum",
                null, null)).id());
        ids.lazy("occurrence", () -> {
            Meeting occurrence = server.services().meetings().schedule(admin(scenario, server), new MeetingInput(ids.get("group"),
                    "Nätverksmöte", LocalDateTime.of(2030, 4, 2, 18, 0), LocalDateTime.of(2030, 4, 2, 19, 30), null, null, null, null,
                    null, "FREQ=MONTHLY;BYDAY=1TU;COUNT=2"));
            ids.put("series", occurrence.seriesId());
            return occurrence.id();
        });
        ids.lazy("series", () -> {
            ids.get("occurrence");
            return ids.get("series");
        });
        ids.lazy("agendaItem", () -> server.services().meetings().setAgenda(admin(scenario, server), ids.get("meeting"),
                List.of(new AgendaItemInput("Läget i området", null, 15))).agenda().get(0).id());
        // Handed to an organisation nobody in the matrix belongs to: seeing it depends on the group alone.
        ids.lazy("actionItem", () -> server.services().actionItems().create(admin(scenario, server), new ActionItemInput(
                ids.get("meeting"), "Byt lampan i gångtunneln", scenario.spareOrganisation, null, LocalDate.of(2030, 4, 1),
                Visibility.NETWORK)).id());
        ids.lazy("calendarFeed", () -> server.services().calendarFeeds().issue(server.services().users().principalOf(scenario.user),
                null, "http://localhost/").feed().id());
    }

    private static CurrentUser admin(Scenario scenario, TestServer server) {
        return server.services().users().principalOf(scenario.ids.get("admin"));
    }

    static List<Endpoint> all() {
        return List.of(
                // Areas and places
                api("GET", "/api/v1/areas", ANY_SIGNED_IN),
                api("POST", "/api/v1/areas", s -> Map.of("name", Fixtures.unique("Område"), "municipality", "Gävle"), ADMIN_ONLY),
                api("GET", "/api/v1/areas/{area}", ANY_SIGNED_IN),
                api("PUT", "/api/v1/areas/{area}", s -> Map.of("name", Fixtures.unique("Område"), "municipality", "Gävle",
                        "description", "Ny beskrivning"), ADMIN_ONLY),
                api("GET", "/api/v1/areas/{area}/places", ANY_SIGNED_IN),
                api("POST", "/api/v1/areas/{area}/places", s -> Map.of("name", Fixtures.unique("Plats")), ADMIN_OR_COORDINATOR),
                api("GET", "/api/v1/places/{place}", ANY_SIGNED_IN),
                api("PUT", "/api/v1/places/{place}", s -> Map.of("name", Fixtures.unique("Plats"), "address", "Sätragatan 1"),
                        ADMIN_OR_COORDINATOR),
                page("GET", "/areas", ANY_SIGNED_IN),
                page("GET", "/areas/new", ADMIN_ONLY),
                page("POST", "/areas", s -> Map.of("name", Fixtures.unique("Område"), "municipality", "Gävle"), ADMIN_ONLY),
                page("GET", "/areas/{area}", ANY_SIGNED_IN),
                page("GET", "/areas/{area}/edit", ADMIN_ONLY),
                page("POST", "/areas/{area}", s -> Map.of("name", Fixtures.unique("Område"), "municipality", "Gävle"), ADMIN_ONLY),
                page("POST", "/areas/{area}/places", s -> Map.of("name", Fixtures.unique("Plats")), ADMIN_OR_COORDINATOR),
                page("GET", "/places/{place}/edit", ADMIN_OR_COORDINATOR),
                page("POST", "/places/{place}", s -> Map.of("name", Fixtures.unique("Plats")), ADMIN_OR_COORDINATOR),
                // Situation picture: everyone signed in; what each sees is filtered by the confidentiality rules (SituationTest)
                api("GET", "/api/v1/areas/{area}/situation", ANY_SIGNED_IN),
                api("GET", "/api/v1/areas/{area}/situation?from=2030-01-01&to=2030-12-31", ANY_SIGNED_IN),
                page("GET", "/areas/{area}/situation", ANY_SIGNED_IN),
                page("GET", "/areas/{area}/situation?from=2030-03-01&to=2030-03-31", ANY_SIGNED_IN),

                // Contact people
                api("GET", "/api/v1/organisations/{organisation}/contacts", ANY_SIGNED_IN),
                api("POST", "/api/v1/organisations/{organisation}/contacts", s -> Map.of("name", "Ny Kontakt",
                        "email", "kontakt@test.samtrygg.se"), ADMIN_OR_OWN_ORGANISATION),
                api("GET", "/api/v1/contacts/{contact}", ANY_SIGNED_IN),
                api("PUT", "/api/v1/contacts/{contact}", s -> Map.of("name", "Ändrad Kontakt", "phone", "070-123 45 67"),
                        ADMIN_OR_OWN_ORGANISATION),
                api("DELETE", "/api/v1/contacts/{contact}", ADMIN_OR_OWN_ORGANISATION),
                page("GET", "/organisations", ANY_SIGNED_IN),
                page("GET", "/organisations/{organisation}", ANY_SIGNED_IN),
                page("POST", "/organisations/{organisation}/contacts", s -> Map.of("name", "Ny Kontakt", "phone", "026-10 00 00"),
                        ADMIN_OR_OWN_ORGANISATION),
                page("GET", "/contacts/{contact}/edit", ADMIN_OR_OWN_ORGANISATION),
                page("POST", "/contacts/{contact}", s -> Map.of("name", "Ändrad Kontakt", "phone", "026-10 00 00"),
                        ADMIN_OR_OWN_ORGANISATION),
                page("GET", "/contacts/{contact}/delete", ADMIN_OR_OWN_ORGANISATION),
                page("POST", "/contacts/{contact}/delete", ADMIN_OR_OWN_ORGANISATION),

                // Network groups
                api("GET", "/api/v1/network-groups", ANY_SIGNED_IN),
                api("POST", "/api/v1/network-groups", s -> Map.of("areaId", s.ids.get("area"), "name", Fixtures.unique("Nätverk"),
                        "memberOrganisationIds", List.of(s.organisation), "coordinatorUserIds", List.of(s.ids.get("coordinator"))),
                        ADMIN_OR_COORDINATOR),
                api("GET", "/api/v1/network-groups/{group}", ADMIN_OR_OWN_ORGANISATION),
                api("PUT", "/api/v1/network-groups/{group}", s -> Map.of("areaId", s.ids.get("area"), "name", Fixtures.unique("Nätverk"),
                        "memberOrganisationIds", List.of(s.organisation, s.spareOrganisation),
                        "coordinatorUserIds", List.of(s.ids.get("coordinator"))), ADMIN_ONLY),
                page("GET", "/network-groups", ANY_SIGNED_IN),
                page("GET", "/network-groups/new", ADMIN_OR_COORDINATOR),
                page("POST", "/network-groups", s -> Map.of("areaId", Long.toString(s.ids.get("area")), "name", Fixtures.unique("Nätverk"),
                        "memberOrganisationIds", Long.toString(s.organisation),
                        "coordinatorUserIds", Long.toString(s.ids.get("coordinator"))), ADMIN_OR_COORDINATOR),
                page("GET", "/network-groups/{group}", ADMIN_OR_OWN_ORGANISATION),
                page("GET", "/network-groups/{group}/edit", ADMIN_ONLY),
                page("POST", "/network-groups/{group}", s -> Map.of("areaId", Long.toString(s.ids.get("area")),
                        "name", Fixtures.unique("Nätverk"), "memberOrganisationIds", Long.toString(s.organisation),
                        "coordinatorUserIds", Long.toString(s.ids.get("coordinator"))), ADMIN_ONLY),

                // Meetings: the scenario's group is run by someone else, so only admins manage its meetings
                api("GET", "/api/v1/meetings", ANY_SIGNED_IN),
                api("GET", "/api/v1/meetings?networkGroupId={group}", ANY_SIGNED_IN),
                api("POST", "/api/v1/meetings", s -> Map.of("networkGroupId", s.ids.get("group"), "title", "Extra möte",
                        "start", "2030-04-02T18:00", "end", "2030-04-02T19:00"), ADMIN_ONLY),
                api("GET", "/api/v1/meetings/{meeting}", ADMIN_OR_OWN_ORGANISATION),
                api("GET", "/api/v1/meetings?seriesId={series}", ANY_SIGNED_IN),
                api("GET", "/api/v1/meetings/series/{series}", ADMIN_OR_OWN_ORGANISATION),
                api("PUT", "/api/v1/meetings/{occurrence}?scope=FOLLOWING", s -> Map.of("networkGroupId", s.ids.get("group"),
                        "title", "Ny tid för resten", "start", "2030-04-02T17:00", "end", "2030-04-02T18:30"), ADMIN_ONLY),
                api("PUT", "/api/v1/meetings/{meeting}", s -> Map.of("networkGroupId", s.ids.get("group"), "title", "Flyttat möte",
                        "start", "2030-03-12T18:00", "end", "2030-03-12T19:30"), ADMIN_ONLY),
                api("POST", "/api/v1/meetings/{meeting}/cancel", s -> Map.of("reason", "Lokalen är upptagen"), ADMIN_ONLY),
                api("PUT", "/api/v1/meetings/{meeting}/agenda", s -> List.of(Map.of("title", "Läget i området")), ADMIN_ONLY),
                page("GET", "/meetings/new?networkGroupId={group}", ADMIN_ONLY),
                page("POST", "/meetings", s -> Map.of("networkGroupId", Long.toString(s.ids.get("group")), "title", "Extra möte",
                        "date", "2030-04-02", "startTime", "18:00", "endTime", "19:00"), ADMIN_ONLY),
                page("GET", "/meetings/{meeting}", ADMIN_OR_OWN_ORGANISATION),
                page("GET", "/meetings/{meeting}/edit", ADMIN_ONLY),
                page("POST", "/meetings/{meeting}", s -> Map.of("title", "Flyttat möte", "date", "2030-03-12", "startTime", "18:00",
                        "endTime", "19:30"), ADMIN_ONLY),
                page("GET", "/meetings/{meeting}/cancel", ADMIN_ONLY),
                page("POST", "/meetings/{meeting}/cancel", s -> Map.of("reason", "Lokalen är upptagen"), ADMIN_ONLY),
                page("POST", "/meetings/{meeting}/agenda", s -> Map.of("title", "Läget i området", "minutes", "15"), ADMIN_ONLY),
                page("POST", "/meetings/{meeting}/action-items", s -> Map.of("title", "Röj buskaget", "responsibleOrganisationId",
                        Long.toString(s.spareOrganisation), "dueDate", "2030-05-01", "visibility", "NETWORK"), ADMIN_ONLY),

                // Minutes, decisions and attendance: read by whoever sees the meeting, written by the group's
                // coordinators and admins (here only admins, as above)
                api("GET", "/api/v1/meetings/{meeting}/minutes", ADMIN_OR_OWN_ORGANISATION),
                api("PUT", "/api/v1/meetings/{meeting}/minutes/{agendaItem}", s -> Map.of("notes", "Lugnt sedan förra mötet",
                        "decision", "Fortsätt nattvandringarna", "visibility", "NETWORK"), ADMIN_ONLY),
                api("GET", "/api/v1/meetings/{meeting}/decisions", ADMIN_OR_OWN_ORGANISATION),
                api("GET", "/api/v1/meetings/{meeting}/attendance", ADMIN_OR_OWN_ORGANISATION),
                api("PUT", "/api/v1/meetings/{meeting}/attendance", s -> Map.of("organisationIds", List.of(s.organisation),
                        "userIds", List.of(s.user)), ADMIN_ONLY),
                page("GET", "/meetings/{meeting}/minutes", ADMIN_ONLY),
                page("POST", "/meetings/{meeting}/minutes", s -> Map.of("notes-" + s.ids.get("agendaItem"), "Lugnt sedan förra mötet",
                        "visibility-" + s.ids.get("agendaItem"), "NETWORK", "save", Long.toString(s.ids.get("agendaItem"))), ADMIN_ONLY),
                page("GET", "/meetings/{meeting}/attendance", ADMIN_ONLY),
                page("POST", "/meetings/{meeting}/attendance", s -> Map.of("organisationId", Long.toString(s.organisation),
                        "userId", Long.toString(s.user)), ADMIN_ONLY),

                // Action items: responsible is an organisation outside the matrix, so only admins (and the group's
                // coordinator, who is not an actor here) move them along
                api("GET", "/api/v1/action-items", ANY_SIGNED_IN),
                api("GET", "/api/v1/action-items?mine=true&open=true", ANY_SIGNED_IN),
                api("GET", "/api/v1/action-items?meetingId={meeting}", ANY_SIGNED_IN),
                api("POST", "/api/v1/action-items", s -> Map.of("meetingId", s.ids.get("meeting"), "title", "Röj buskaget",
                        "responsibleOrganisationId", s.spareOrganisation), ADMIN_ONLY),
                api("GET", "/api/v1/action-items/{actionItem}", ADMIN_OR_OWN_ORGANISATION),
                api("PUT", "/api/v1/action-items/{actionItem}", s -> Map.of("meetingId", s.ids.get("meeting"), "title", "Byt alla lampor",
                        "responsibleOrganisationId", s.spareOrganisation, "dueDate", "2030-04-15"), ADMIN_ONLY),
                api("POST", "/api/v1/action-items/{actionItem}/state", s -> Map.of("state", "DONE"), ADMIN_ONLY),
                api("GET", "/api/v1/action-items/{actionItem}/comments", ADMIN_OR_OWN_ORGANISATION),
                api("POST", "/api/v1/action-items/{actionItem}/comments", s -> Map.of("text", "Beställd"), ADMIN_OR_OWN_ORGANISATION),
                page("GET", "/action-items/mine", ANY_SIGNED_IN),
                page("GET", "/action-items/{actionItem}", ADMIN_OR_OWN_ORGANISATION),
                page("POST", "/action-items/{actionItem}/state", s -> Map.of("state", "IN_PROGRESS"), ADMIN_ONLY),
                page("POST", "/action-items/{actionItem}/comments", s -> Map.of("text", "Beställd"), ADMIN_OR_OWN_ORGANISATION),

                // Editing an action item on its page: like the PUT above, for the group's coordinators (not an actor here) and admins
                page("GET", "/action-items/{actionItem}/edit", ADMIN_ONLY),
                page("POST", "/action-items/{actionItem}/edit", s -> Map.of("title", "Byt alla lampor", "responsibleOrganisationId",
                        Long.toString(s.spareOrganisation), "responsibleUserId", "", "dueDate", "2030-04-15", "visibility", "NETWORK"),
                        ADMIN_ONLY),
                // Calendar: a meeting as .ics for whoever sees it; feeds are issued by anyone for themselves (a group's
                // only by those who see the group), and seen or revoked by their owner alone. The feed itself
                // (GET /calendar/feed.ics?token={token}) answers without sign-in: PermissionMatrixTest.PUBLIC.
                api("GET", "/api/v1/calendar/meetings/{meeting}", ADMIN_OR_OWN_ORGANISATION),
                api("GET", "/api/v1/calendar-feeds", ANY_SIGNED_IN),
                api("POST", "/api/v1/calendar-feeds", s -> Map.of(), ANY_SIGNED_IN),
                api("POST", "/api/v1/calendar-feeds", s -> Map.of("networkGroupId", s.ids.get("group")), ADMIN_OR_OWN_ORGANISATION),
                api("GET", "/api/v1/calendar-feeds/{calendarFeed}", ONLY_ITS_OWNER),
                api("DELETE", "/api/v1/calendar-feeds/{calendarFeed}", ONLY_ITS_OWNER),
                page("GET", "/calendar", ANY_SIGNED_IN),
                page("GET", "/calendar?month=2030-03", ANY_SIGNED_IN),
                page("GET", "/calendar/meetings/{meeting}.ics", ADMIN_OR_OWN_ORGANISATION),
                page("POST", "/calendar/subscriptions", ANY_SIGNED_IN),
                page("POST", "/calendar/subscriptions", s -> Map.of("networkGroupId", Long.toString(s.ids.get("group"))),
                        ADMIN_OR_OWN_ORGANISATION),
                page("GET", "/calendar/subscriptions/{calendarFeed}/revoke", ONLY_ITS_OWNER),
                page("POST", "/calendar/subscriptions/{calendarFeed}/revoke", ONLY_ITS_OWNER));
    }
}
