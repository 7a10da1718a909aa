package se.samtrygg.permissions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import se.samtrygg.activity.ActivityInput;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.area.PlaceInput;
import se.samtrygg.common.Visibility;
import se.samtrygg.common.web.Dates;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.observation.ObservationInput;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.placereport.IsoWeek;
import se.samtrygg.placereport.PlaceReportInput;
import se.samtrygg.placereport.Quarter;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/**
 * The confidentiality boundary as each kind of viewer meets it, over one shared area: its network group has the police
 * and the housing company as members and a coordinator from the municipality (which is not a member itself); the
 * tenants' association is outside the group; the admin belongs to no organisation. The police and the housing company
 * each hold an activity and an observation of every visibility and a NETWORK and an ORGANISATION place report, every
 * one with a marker text of its own in its description or comment.
 *
 * <p>Every viewer gets exactly the records they may read, and nothing of the others, from each record's own pages
 * (200, 403 or 404, exactly) and from every listing: the lists, the search, the CSV exports, the situation picture
 * (page and API), the place reports' week and quarterly ranking. The matrix of {@link PermissionMatrixTest} checks the
 * statuses of every endpoint in fresh scenarios, the changes that succeed included; this test checks what the
 * answers contain, and the refused changes of the group's coordinator and of the other member organisation.
 */
class ConfidentialityMatrixTest {
    private static final String MARKER = Fixtures.unique("konfmatris");

    /** Who reads: a person of each organisation, the group's coordinator, an admin without a membership. */
    enum Viewer {
        POLICE(Holder.POLICE), HOUSING(Holder.HOUSING), OUTSIDE(null), COORDINATOR(null), ADMIN(null);

        final Holder organisation;

        Viewer(Holder organisation) {
            this.organisation = organisation;
        }

        boolean reads(Rec rec) {
            return switch (rec.visibility) {
                case PUBLIC -> true;
                case NETWORK -> this != OUTSIDE;
                case ORGANISATION -> organisation == rec.owner;
            };
        }

        boolean changes(Rec rec) {
            return organisation == rec.owner;
        }
    }

    /** The two member organisations of the area's network group that hold records. */
    enum Holder {
        POLICE, HOUSING
    }

    enum Kind {
        ACTIVITY("/activities/", "/api/v1/activities/"),
        OBSERVATION("/observations/", "/api/v1/observations/"),
        PLACE_REPORT("/place-reports/", "/api/v1/place-reports/");

        final String page;
        final String api;

        Kind(String page, String api) {
            this.page = page;
            this.api = api;
        }
    }

    /**
     * One record of the scenario, with the marker text in its description (a place report's comment); a place report is
     * about a place of its own ({@code place}, whose name is a marker too) and names upcoming events.
     */
    record Rec(Kind kind, Holder owner, Visibility visibility, long id, String marker, String place, String upcomingEvents) {
        @Override
        public String toString() {
            return kind + " of " + owner + " " + visibility + " #" + id;
        }

        /** A link to the record, as in a page's HTML. */
        String link() {
            return "href=\"" + kind.page + id + "\"";
        }
    }

    private static TestServer server;
    private static Fixtures fixtures;
    private static Area area;
    private static final List<Rec> RECORDS = new ArrayList<>();
    private static final Map<Viewer, User> VIEWERS = new HashMap<>();
    private static LocalDate from;
    private static LocalDate to;
    private static IsoWeek week;
    private static Quarter quarter;
    private static long activityType;
    /** The tenants' association, outside the group. */
    private static long tenants;
    private static long observationCategory;

    @BeforeAll
    static void scenario() {
        server = TestServer.shared();
        fixtures = new Fixtures(server);
        area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
        long square = server.services().areas().addPlace(null, area.id(), new PlaceInput("Torget", null)).id();
        Map<Holder, Organisation> owners = Map.of(Holder.POLICE, fixtures.organisation(), Holder.HOUSING, fixtures.organisation());
        Organisation outside = fixtures.organisation();
        tenants = outside.id();
        Organisation municipality = fixtures.organisation();
        User coordinator = fixtures.user(Set.of(Role.COORDINATOR), municipality);
        server.services().networkGroups().create(null, new NetworkGroupInput(area.id(), Fixtures.unique("Nätverk"),
                List.of(owners.get(Holder.POLICE).id(), owners.get(Holder.HOUSING).id()), List.of(coordinator.id())));
        VIEWERS.put(Viewer.POLICE, fixtures.user(Set.of(Role.PARTNER), owners.get(Holder.POLICE)));
        VIEWERS.put(Viewer.HOUSING, fixtures.user(Set.of(Role.PARTNER), owners.get(Holder.HOUSING)));
        VIEWERS.put(Viewer.OUTSIDE, fixtures.user(Set.of(Role.PARTNER), outside));
        VIEWERS.put(Viewer.COORDINATOR, coordinator);
        VIEWERS.put(Viewer.ADMIN, fixtures.user(Set.of(Role.ADMIN)));

        LocalDate today = LocalDate.now(server.clock().withZone(Dates.ZONE));
        from = today.minusDays(7);
        to = today.plusDays(30);
        week = server.services().placeReports().currentWeek();
        quarter = server.services().placeReports().currentQuarter();
        activityType = server.services().categories().active(CategoryKind.ACTIVITY_TYPE).get(0).id();
        observationCategory = server.services().categories().active(CategoryKind.OBSERVATION_CATEGORY).get(0).id();
        // Upcoming (so that the situation picture lists them) and inside the period
        OffsetDateTime start = today.plusDays(3).atTime(LocalTime.of(18, 0)).atZone(Dates.ZONE).toOffsetDateTime();
        LocalDateTime observed = today.minusDays(1).atTime(20, 0);
        for (Holder owner : Holder.values()) {
            var author = Fixtures.principal(fixtures.user(Set.of(Role.PARTNER), owners.get(owner)));
            for (Visibility visibility : Visibility.values()) {
                String marker = MARKER + "-" + owner + "-" + visibility + "-";
                long activity = server.services().activities().create(author, new ActivityInput(null, area.id(), square, activityType,
                        start, start.plusHours(2), 2, 10, marker + "activity", visibility)).id();
                RECORDS.add(new Rec(Kind.ACTIVITY, owner, visibility, activity, marker + "activity", null, null));
                long observation = server.services().observations().create(author, new ObservationInput(null, null, area.id(), square,
                        observed, observationCategory, marker + "observation", visibility)).id();
                RECORDS.add(new Rec(Kind.OBSERVATION, owner, visibility, observation, marker + "observation", null, null));
                if (visibility != Visibility.PUBLIC) {
                    String place = MARKER + " plats " + owner + " " + visibility;
                    long placeId = server.services().areas().addPlace(null, area.id(), new PlaceInput(place, null)).id();
                    long report = server.services().placeReports().report(author, new PlaceReportInput(null, placeId, week.toString(),
                            2, 1, 3, 0, 0, marker + "events", marker + "report", visibility)).report().id();
                    RECORDS.add(new Rec(Kind.PLACE_REPORT, owner, visibility, report, marker + "report", place, marker + "events"));
                }
            }
        }
    }

    /** Each record's detail, edit and delete pages and API, and each change a viewer may not make, answer exactly. */
    @TestFactory
    Stream<DynamicTest> eachRecordAnswersEveryViewerExactly() {
        return Stream.of(Viewer.values()).map(viewer -> DynamicTest.dynamicTest(viewer.toString(), () -> {
            Http api = api(viewer);
            Http browser = browser(viewer);
            SoftAssertions softly = new SoftAssertions();
            for (Rec rec : RECORDS) {
                int read = viewer.reads(rec) ? 200 : 404;
                int change = viewer.changes(rec) ? 200 : viewer.reads(rec) ? 403 : 404;
                String as = viewer + " → " + rec + " ";
                softly.assertThat(api.getJson(rec.kind.api + rec.id).status()).as(as + "API").isEqualTo(read);
                softly.assertThat(browser.get(rec.kind.page + rec.id).status()).as(as + "page").isEqualTo(read);
                softly.assertThat(browser.get(rec.kind.page + rec.id + "/edit").status()).as(as + "edit page").isEqualTo(change);
                softly.assertThat(browser.get(rec.kind.page + rec.id + "/delete").status()).as(as + "delete page").isEqualTo(change);
                if (viewer.changes(rec)) {
                    continue; // changes that succeed: PermissionMatrixTest, in scenarios of their own
                }
                softly.assertThat(api.sendJson("PUT", rec.kind.api + rec.id, change(rec)).status()).as(as + "PUT").isEqualTo(change);
                softly.assertThat(api.delete(rec.kind.api + rec.id).status()).as(as + "DELETE").isEqualTo(change);
                String form = rec.kind == Kind.ACTIVITY ? rec.kind.page + rec.id : rec.kind.page + rec.id + "/edit";
                softly.assertThat(browser.postForm(form, form(rec)).status()).as(as + "edit form").isEqualTo(change);
                softly.assertThat(browser.postForm(rec.kind.page + rec.id + "/delete", Map.of()).status()).as(as + "delete form")
                        .isEqualTo(change);
                if (rec.kind == Kind.OBSERVATION) {
                    softly.assertThat(api.postJson(rec.kind.api + rec.id + "/handover", Map.of("responsibleOrganisationId", tenants))
                            .status()).as(as + "handover").isEqualTo(change);
                    softly.assertThat(browser.postForm(rec.kind.page + rec.id + "/handover", Map.of("responsibleOrganisationId",
                            Long.toString(tenants))).status()).as(as + "handover form").isEqualTo(change);
                }
            }
            softly.assertAll();
            // and nothing was changed by what was refused
            Http police = api(Viewer.POLICE);
            for (Rec rec : RECORDS) {
                if (Viewer.POLICE.reads(rec)) {
                    assertThat(police.getJson(rec.kind.api + rec.id).body()).as(rec + " after " + viewer + "'s refused changes")
                            .contains(rec.marker);
                }
            }
        }));
    }

    /**
     * Every listing, search, export and aggregate shows each viewer the records they may read and nothing of the others:
     * not their text, not a link to them, not the place of a place report; hidden ones are counted only.
     */
    @TestFactory
    Stream<DynamicTest> everyListingShowsEachViewerExactlyTheRecordsTheyMayRead() {
        return Stream.of(Viewer.values()).map(viewer -> DynamicTest.dynamicTest(viewer.toString(), () -> {
            Http api = api(viewer);
            Http browser = browser(viewer);
            SoftAssertions softly = new SoftAssertions();
            String period = "?from=" + from + "&to=" + to;

            // The activity log: list, search and export, as API and page
            Http.Response list = api.getJson("/api/v1/activities?areaId=" + area.id());
            shows(softly, viewer, "activity list (API)", Kind.ACTIVITY, list.body(), Rec::marker);
            softly.assertThat(ids(list.json().get("items"))).as(viewer + " activity list ids").containsExactlyInAnyOrderElementsOf(
                    readable(viewer, Kind.ACTIVITY));
            Http.Response search = api.getJson("/api/v1/activities?q=" + MARKER);
            shows(softly, viewer, "activity search (API)", Kind.ACTIVITY, search.body(), Rec::marker);
            softly.assertThat(ids(search.json().get("items"))).as(viewer + " activity search ids").containsExactlyInAnyOrderElementsOf(
                    readable(viewer, Kind.ACTIVITY));
            shows(softly, viewer, "activity export (API)", Kind.ACTIVITY,
                    ok(softly, api.get("/api/v1/activities/export.csv?areaId=" + area.id())), Rec::marker);
            shows(softly, viewer, "activity search export (API)", Kind.ACTIVITY,
                    ok(softly, api.get("/api/v1/activities/export.csv?q=" + MARKER)), Rec::marker);
            shows(softly, viewer, "activity log page", Kind.ACTIVITY, ok(softly, browser.get("/activities?areaId=" + area.id())),
                    Rec::link);
            shows(softly, viewer, "activity search page", Kind.ACTIVITY, ok(softly, browser.get("/activities?q=" + MARKER)), Rec::link);
            shows(softly, viewer, "activity export page", Kind.ACTIVITY,
                    ok(softly, browser.get("/activities/export.csv?areaId=" + area.id())), Rec::marker);
            shows(softly, viewer, "activity search export page", Kind.ACTIVITY,
                    ok(softly, browser.get("/activities/export.csv?q=" + MARKER)), Rec::marker);

            // Observations
            Http.Response observations = api.getJson("/api/v1/observations?areaId=" + area.id());
            shows(softly, viewer, "observation list (API)", Kind.OBSERVATION, observations.body(), Rec::marker);
            softly.assertThat(ids(observations.json().get("items"))).as(viewer + " observation list ids")
                    .containsExactlyInAnyOrderElementsOf(readable(viewer, Kind.OBSERVATION));
            String observationPage = ok(softly, browser.get("/observations?areaId=" + area.id()));
            shows(softly, viewer, "observation list page", Kind.OBSERVATION, observationPage, Rec::marker);
            shows(softly, viewer, "observation list page", Kind.OBSERVATION, observationPage, Rec::link);

            // Place reports: the week (API and page) and the quarterly ranking (API and page)
            Http.Response reports = api.getJson("/api/v1/place-reports?areaId=" + area.id() + "&week=" + week);
            shows(softly, viewer, "place report list (API)", Kind.PLACE_REPORT, reports.body(), Rec::marker);
            softly.assertThat(ids(reports.json().get("items"))).as(viewer + " place report list ids")
                    .containsExactlyInAnyOrderElementsOf(readable(viewer, Kind.PLACE_REPORT));
            String weekPage = ok(softly, browser.get("/place-reports?areaId=" + area.id() + "&week=" + week));
            shows(softly, viewer, "place report week page", Kind.PLACE_REPORT, weekPage, Rec::marker);
            shows(softly, viewer, "place report week page", Kind.PLACE_REPORT, weekPage, Rec::link);
            Http.Response ranking = api.getJson("/api/v1/place-reports/quarterly?areaId=" + area.id() + "&quarter=" + quarter);
            softly.assertThat(ranking.status()).as(viewer + " quarterly ranking (API)").isEqualTo(200);
            String quarterlyPage = ok(softly, browser.get("/place-reports/quarterly?areaId=" + area.id() + "&quarter=" + quarter));
            for (Rec rec : of(Kind.PLACE_REPORT)) {
                int counted = viewer.reads(rec) ? 1 : 0;
                JsonNode place = null;
                for (JsonNode ranked : ranking.json().get("places")) {
                    if (rec.place.equals(ranked.get("placeName").asText())) {
                        place = ranked;
                    }
                }
                softly.assertThat(place == null ? -1 : place.get("current").get("reports").asInt())
                        .as(viewer + " quarterly ranking (API) counts " + rec).isEqualTo(counted);
                softly.assertThat(Pattern.compile("<tr class=\"no-reports\">\\s*<td>[^<]*</td>\\s*<th scope=\"row\">"
                        + Pattern.quote(rec.place) + "</th>").matcher(quarterlyPage).find())
                        .as(viewer + " quarterly ranking page shows " + rec + " as a place without reports").isEqualTo(counted == 0);
            }
            softly.assertThat(ranking.json().get("hiddenReports").asLong()).as(viewer + " quarterly ranking's hidden reports")
                    .isEqualTo(hidden(viewer, Kind.PLACE_REPORT));
            softly.assertThat(ranking.json().get("areas").findValues("areaId").stream().map(JsonNode::asLong).toList())
                    .as(viewer + " quarterly ranking's areas").containsExactly(area.id());
            softly.assertThat(ranking.json().get("areas").get(0).get("current").get("reports").asLong())
                    .as(viewer + " quarterly ranking counts the area's readable reports").isEqualTo(readable(viewer, Kind.PLACE_REPORT).size());
            showsNone(softly, viewer, "quarterly ranking (API)", Kind.PLACE_REPORT, ranking.body(), Rec::marker);
            showsNone(softly, viewer, "quarterly ranking page", Kind.PLACE_REPORT, quarterlyPage, Rec::marker);

            // The situation picture (API and page)
            Http.Response situation = api.getJson("/api/v1/areas/" + area.id() + "/situation" + period);
            softly.assertThat(situation.status()).as(viewer + " situation (API)").isEqualTo(200);
            String situationPage = ok(softly, browser.get("/areas/" + area.id() + "/situation" + period));
            JsonNode picture = situation.json();
            softly.assertThat(ids(picture.get("upcomingActivities"))).as(viewer + " situation's upcoming activities")
                    .containsExactlyInAnyOrderElementsOf(readable(viewer, Kind.ACTIVITY));
            softly.assertThat(ids(picture.get("observations").get("latest"))).as(viewer + " situation's latest observations")
                    .containsExactlyInAnyOrderElementsOf(readable(viewer, Kind.OBSERVATION));
            softly.assertThat(picture.get("activities").get("total").asLong()).as(viewer + " situation's activity count")
                    .isEqualTo(readable(viewer, Kind.ACTIVITY).size());
            softly.assertThat(picture.get("hidden").get("activities").asLong()).as(viewer + " situation's hidden activities")
                    .isEqualTo(hidden(viewer, Kind.ACTIVITY));
            softly.assertThat(picture.get("hidden").get("observations").asLong()).as(viewer + " situation's hidden observations")
                    .isEqualTo(hidden(viewer, Kind.OBSERVATION));
            softly.assertThat(picture.get("hidden").get("placeReports").asLong()).as(viewer + " situation's hidden place reports")
                    .isEqualTo(hidden(viewer, Kind.PLACE_REPORT));
            for (String body : List.of(situation.body(), situationPage)) {
                String view = body == situationPage ? "situation page" : "situation (API)";
                shows(softly, viewer, view, Kind.OBSERVATION, body, Rec::marker);
                shows(softly, viewer, view, Kind.PLACE_REPORT, body, Rec::upcomingEvents);
                shows(softly, viewer, view, Kind.PLACE_REPORT, body, Rec::place);
                showsNone(softly, viewer, view, Kind.ACTIVITY, body, Rec::marker); // counts and upcoming ones, not their text
            }
            shows(softly, viewer, "situation page", Kind.ACTIVITY, situationPage, Rec::link);
            shows(softly, viewer, "situation page", Kind.OBSERVATION, situationPage, Rec::link);
            softly.assertAll();
        }));
    }

    /** The body holds the token of each record of the kind the viewer reads, and none of the others'. */
    private static void shows(SoftAssertions softly, Viewer viewer, String view, Kind kind, String body, Function<Rec, String> token) {
        for (Rec rec : of(kind)) {
            if (viewer.reads(rec)) {
                softly.assertThat(body).as(viewer + " " + view + " shows " + rec).contains(token.apply(rec));
            } else {
                softly.assertThat(body).as(viewer + " " + view + " shows nothing of " + rec).doesNotContain(token.apply(rec));
            }
        }
    }

    /** A view that shows no record of the kind by this token to anyone, however readable: an aggregate, say, shows no text. */
    private static void showsNone(SoftAssertions softly, Viewer viewer, String view, Kind kind, String body, Function<Rec, String> token) {
        for (Rec rec : of(kind)) {
            softly.assertThat(body).as(viewer + " " + view + " never shows " + rec).doesNotContain(token.apply(rec));
        }
    }

    private static String ok(SoftAssertions softly, Http.Response response) {
        softly.assertThat(response.status()).as(response.body().length() > 300 ? response.body().substring(0, 300) : response.body())
                .isEqualTo(200);
        return response.body();
    }

    private static List<Rec> of(Kind kind) {
        return RECORDS.stream().filter(r -> r.kind == kind).toList();
    }

    private static List<Long> readable(Viewer viewer, Kind kind) {
        return of(kind).stream().filter(viewer::reads).map(Rec::id).toList();
    }

    private static long hidden(Viewer viewer, Kind kind) {
        return of(kind).stream().filter(r -> !viewer.reads(r)).count();
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> ids = new ArrayList<>();
        if (items != null) {
            items.forEach(item -> ids.add(item.get("id").asLong()));
        }
        return ids;
    }

    private static Http api(Viewer viewer) {
        return new Http(server).bearer(fixtures.token(VIEWERS.get(viewer)));
    }

    private static Http browser(Viewer viewer) {
        Http browser = new Http(server).withSession(fixtures.session(VIEWERS.get(viewer)));
        browser.get("/");
        return browser;
    }

    /** A valid change of the record's API, which the viewer is refused before it is looked at. */
    private static Map<String, Object> change(Rec rec) {
        return switch (rec.kind) {
            case ACTIVITY -> Map.of("areaId", area.id(), "typeId", activityType, "startsAt", "2030-03-08T21:00:00+01:00",
                    "endsAt", "2030-03-09T01:00:00+01:00", "description", "Ändrad", "visibility", "PUBLIC");
            case OBSERVATION -> Map.of("areaId", area.id(), "observedAt", "2025-10-04T22:15", "categoryId", observationCategory,
                    "description", "Ändrad", "visibility", "PUBLIC");
            case PLACE_REPORT -> Map.of("vandalism", 0, "littering", 0, "lighting", 0, "gatherings", 0, "incidentsAgainstStaff", 0,
                    "comment", "Ändrad", "visibility", "NETWORK");
        };
    }

    /** The same change as the record's edit form posts it. */
    private static Map<String, String> form(Rec rec) {
        return switch (rec.kind) {
            case ACTIVITY -> Map.of("typeId", Long.toString(activityType), "areaId", Long.toString(area.id()), "date", "2030-03-08",
                    "startTime", "21:00", "endTime", "01:00", "description", "Ändrad", "visibility", "PUBLIC");
            case OBSERVATION -> Map.of("areaId", Long.toString(area.id()), "date", "2025-10-04", "time", "22:15",
                    "categoryId", Long.toString(observationCategory), "description", "Ändrad", "visibility", "PUBLIC");
            case PLACE_REPORT -> Map.of("vandalism", "0", "littering", "0", "lighting", "0", "gatherings", "0",
                    "incidentsAgainstStaff", "0", "comment", "Ändrad", "visibility", "NETWORK");
        };
    }
}
