package se.samtrygg.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.area.PlaceInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

class CalendarTest {
    private static final Pattern FEED_URL = Pattern.compile("id=\"feed-url\"[^>]*value=\"([^\"]+)\"");

    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
    private final long square = server.services().areas().addPlace(null, area.id(), new PlaceInput("Sätra torg", null)).id();
    private final Organisation housing = fixtures.organisation();
    private final Organisation police = fixtures.organisation();
    private final User coordinator = fixtures.user(Set.of(Role.COORDINATOR), police);
    private final Http coordinatorApi = new Http(server).bearer(fixtures.token(coordinator));
    private final String groupName = Fixtures.unique("Nätverket Sättra");
    private final long group = coordinatorApi.postJson("/api/v1/network-groups", Map.of("areaId", area.id(), "name", groupName,
            "memberOrganisationIds", List.of(housing.id(), police.id()))).json().get("id").asLong();
    private final User partner = fixtures.user(Set.of(Role.PARTNER), housing);
    private final Http partnerApi = new Http(server).bearer(fixtures.token(partner));

    @Test
    void aMeetingDownloadsAsACalendarFileInStockholmTimeThatASecondLibraryAccepts() {
        long id = schedule("Nätverksmöte i januari", "2027-01-12T18:00", "2027-01-12T19:30").get("id").asLong();
        Http browser = new Http(server).withSession(fixtures.session(partner));

        Http.Response download = browser.get("/calendar/meetings/" + id + ".ics");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.contentType()).startsWith("text/calendar").containsIgnoringCase("charset=utf-8");
        assertThat(download.header("Content-Disposition").orElse("")).startsWith("attachment").contains(".ics");
        assertThat(download.body()).contains("\r\n").contains("DTSTART;TZID=Europe/Stockholm:20270112T180000")
                .contains("DTEND;TZID=Europe/Stockholm:20270112T193000");

        Ics ics = Ics.parse(download.body());
        assertThat(ics.hasTimezone("Europe/Stockholm")).isTrue();
        assertThat(ics.property(Property.VERSION)).isEqualTo("2.0");
        assertThat(ics.property(Property.METHOD)).isEqualTo("PUBLISH");
        assertThat(ics.property(Property.CALSCALE)).isEqualTo("GREGORIAN");
        assertThat(ics.property(Property.PRODID)).contains("Samtrygg");
        VEvent event = ics.event("meeting-" + id + "@samtrygg");
        assertThat(Ics.instant(event, Property.DTSTART)).hasToString("2027-01-12T17:00:00Z");
        assertThat(Ics.parameter(event, Property.DTSTART, "TZID")).isEqualTo("Europe/Stockholm");
        assertThat(Ics.value(event, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(Ics.value(event, Property.SUMMARY)).isEqualTo("Nätverksmöte i januari");
        assertThat(Ics.value(event, Property.LOCATION)).isEqualTo("Sätra torg, Sätragatan 1");
        assertThat(Ics.value(event, Property.DESCRIPTION)).contains(groupName).contains("https://meet.example.se/natverket")
                .contains(server.url("/meetings/" + id));
        assertThat(Ics.value(event, Property.URL)).isEqualTo(server.url("/meetings/" + id));
        assertThat(Ics.value(event, Property.LAST_MODIFIED)).isNotNull();

        Http.Response api = partnerApi.getJson("/api/v1/calendar/meetings/" + id);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.contentType()).startsWith("text/calendar");
        assertThat(Ics.parse(api.body()).uids()).containsExactly("meeting-" + id + "@samtrygg");

        User outsider = fixtures.user(Set.of(Role.PARTNER), fixtures.organisation());
        assertThat(new Http(server).withSession(fixtures.session(outsider)).get("/calendar/meetings/" + id + ".ics").status())
                .isEqualTo(403);
        Http.Response refused = new Http(server).bearer(fixtures.token(outsider)).getJson("/api/v1/calendar/meetings/" + id);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(partnerApi.getJson("/api/v1/calendar/meetings/987654321").status()).isEqualTo(404);
    }

    @Test
    void aPersonalFeedKeepsItsUidsWhenAMeetingIsMovedAndMarksACancelledOne() {
        long moved = schedule("Möte som flyttas", "2027-02-02T18:00", "2027-02-02T19:00").get("id").asLong();
        long cancelled = schedule("Möte som ställs in", "2027-02-09T18:00", "2027-02-09T19:00").get("id").asLong();
        long due = coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", moved, "title", "Byt lampan i gångtunneln",
                "responsibleOrganisationId", housing.id(), "dueDate", "2027-02-20")).json().get("id").asLong();
        String feed = issueByApi(partnerApi, null);

        Http.Response first = anonymous().get(feed);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("text/calendar");
        assertThat(first.header("Cache-Control").orElse("")).contains("private").doesNotContain("public");
        Ics before = Ics.parse(first.body());
        assertThat(before.hasTimezone("Europe/Stockholm")).isTrue();
        assertThat(before.property("X-WR-CALNAME")).contains(partner.name());
        assertThat(before.uids()).contains("meeting-" + moved + "@samtrygg", "meeting-" + cancelled + "@samtrygg",
                "action-item-" + due + "@samtrygg");
        VEvent dueDate = before.event("action-item-" + due + "@samtrygg");
        assertThat(Ics.parameter(dueDate, Property.DTSTART, "VALUE")).isEqualTo("DATE");
        assertThat(Ics.value(dueDate, Property.DTSTART)).isEqualTo("20270220");
        assertThat(Ics.value(dueDate, Property.SUMMARY)).contains("Byt lampan i gångtunneln").startsWith("Åtgärdspunkt");
        assertThat(anonymous().get(feed).body()).as("a second fetch has the same events")
                .satisfies(body -> assertThat(Ics.parse(body).uids()).containsExactlyInAnyOrderElementsOf(before.uids()));

        assertThat(coordinatorApi.putJson("/api/v1/meetings/" + moved, Map.of("networkGroupId", group, "title", "Möte som flyttas",
                "start", "2027-02-03T17:00", "end", "2027-02-03T18:30")).status()).isEqualTo(200);
        assertThat(coordinatorApi.postJson("/api/v1/meetings/" + cancelled + "/cancel", Map.of("reason", "Lokalen är upptagen"))
                .status()).isEqualTo(200);
        coordinatorApi.postJson("/api/v1/action-items/" + due + "/state", Map.of("state", "DONE"));

        Ics after = Ics.parse(anonymous().get(feed).body());
        assertThat(after.uids()).as("the same UIDs, so calendar programs update instead of adding")
                .contains("meeting-" + moved + "@samtrygg", "meeting-" + cancelled + "@samtrygg")
                .doesNotContain("action-item-" + due + "@samtrygg").doesNotHaveDuplicates();
        assertThat(Ics.instant(after.event("meeting-" + moved + "@samtrygg"), Property.DTSTART)).hasToString("2027-02-03T16:00:00Z");
        VEvent gone = after.event("meeting-" + cancelled + "@samtrygg");
        assertThat(Ics.value(gone, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(Ics.value(gone, Property.DESCRIPTION)).contains("Lokalen är upptagen");
    }

    @Test
    void aPartnersFeedHasNoMeetingOfAnotherGroupAndNoPrivateActionItemOfAnotherOrganisation() {
        long ours = schedule("Vårt möte", "2027-03-02T18:00", "2027-03-02T19:00").get("id").asLong();
        long privateItem = coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", ours, "title", "Polisens interna uppgift",
                "responsibleOrganisationId", police.id(), "dueDate", "2027-03-20", "visibility", "ORGANISATION")).json().get("id").asLong();
        long networkItem = coordinatorApi.postJson("/api/v1/action-items", Map.of("meetingId", ours, "title", "Polisens uppgift",
                "responsibleOrganisationId", police.id(), "dueDate", "2027-03-21")).json().get("id").asLong();
        Organisation elsewhere = fixtures.organisation();
        long otherGroup = coordinatorApi.postJson("/api/v1/network-groups", Map.of("areaId", area.id(), "name", Fixtures.unique("Annan"),
                "memberOrganisationIds", List.of(police.id(), elsewhere.id()))).json().get("id").asLong();
        long theirs = coordinatorApi.postJson("/api/v1/meetings", Map.of("networkGroupId", otherGroup, "title", "Deras möte",
                "start", "2027-03-03T18:00", "end", "2027-03-03T19:00")).json().get("id").asLong();

        Ics feed = Ics.parse(anonymous().get(issueByApi(partnerApi, null)).body());
        assertThat(feed.uids()).contains("meeting-" + ours + "@samtrygg")
                .doesNotContain("meeting-" + theirs + "@samtrygg", "action-item-" + privateItem + "@samtrygg",
                        "action-item-" + networkItem + "@samtrygg");
        String policeFeed = issueByApi(coordinatorApi, null);
        assertThat(Ics.parse(anonymous().get(policeFeed).body()).uids()).as("the police's own feed has both groups and its item")
                .contains("meeting-" + ours + "@samtrygg", "meeting-" + theirs + "@samtrygg", "action-item-" + privateItem + "@samtrygg");

        Http.Response refused = partnerApi.postJson("/api/v1/calendar-feeds", Map.of("networkGroupId", otherGroup));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(partnerApi.postJson("/api/v1/calendar-feeds", Map.of("networkGroupId", 987654321L)).status()).isEqualTo(422);
    }

    @Test
    void aRevokedFeedAnswersNotFoundAndAReissuedOneWorks() {
        long id = schedule("Möte", "2027-04-06T18:00", "2027-04-06T19:00").get("id").asLong();
        Http browser = new Http(server).withSession(fixtures.session(partner));
        browser.get("/calendar");
        Http.Response issued = browser.postForm("/calendar/subscriptions", Map.of());
        assertThat(issued.status()).isEqualTo(200);
        String first = feedUrl(issued.body());
        assertThat(anonymous().get(first).status()).isEqualTo(200);
        assertThat(browser.get("/calendar").body()).as("the secret is shown once").doesNotContain(first.substring(first.lastIndexOf('=') + 1));

        String second = feedUrl(browser.postForm("/calendar/subscriptions", Map.of()).body());
        assertThat(second).isNotEqualTo(first);
        Http.Response old = anonymous().get(first);
        assertThat(old.status()).as("re-issuing revokes the previous address").isEqualTo(404);
        assertThat(old.contentType()).startsWith("text/plain");
        assertThat(old.body()).hasSizeLessThan(200).doesNotContain("Exception").doesNotContain("at se.samtrygg");
        assertThat(Ics.parse(anonymous().get(second).body()).uids()).contains("meeting-" + id + "@samtrygg");

        JsonNode feeds = partnerApi.getJson("/api/v1/calendar-feeds").json().get("items");
        assertThat(feeds).hasSize(2);
        assertThat(feeds.toString()).doesNotContain(second.substring(second.lastIndexOf('/') + 1)).doesNotContain("token");
        long active = feeds.get(1).get("id").asLong();
        assertThat(feeds.get(0).get("revokedAt").isNull()).isFalse();

        Http.Response confirm = browser.get("/calendar/subscriptions/" + active + "/revoke");
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.body()).contains("action=\"/calendar/subscriptions/" + active + "/revoke\"").contains("name=\"_csrf\"");
        User stranger = fixtures.user(Set.of(Role.PARTNER), housing);
        assertThat(new Http(server).withSession(fixtures.session(stranger)).get("/calendar/subscriptions/" + active + "/revoke").status())
                .as("another user's feed").isEqualTo(403);
        assertThat(new Http(server).bearer(fixtures.token(stranger)).delete("/api/v1/calendar-feeds/" + active).status()).isEqualTo(403);
        assertThat(anonymous().get(second).status()).isEqualTo(200);

        Http.Response revoked = browser.postForm("/calendar/subscriptions/" + active + "/revoke", Map.of());
        assertThat(revoked.status()).isEqualTo(303);
        assertThat(revoked.location()).contains("/calendar?revoked=true");
        assertThat(anonymous().get(second).status()).isEqualTo(404);
        assertThat(anonymous().get("/calendar/feed.ics?token=" + "x".repeat(43)).status()).isEqualTo(404);
        assertThat(anonymous().get("/calendar/feed.ics?token=kort").status()).isEqualTo(404);

        String third = issueByApi(partnerApi, null);
        assertThat(anonymous().get(third).status()).as("a new one can be issued after revoking").isEqualTo(200);
    }

    @Test
    void aGroupFeedStopsWhenItsOwnerNoLongerSeesTheGroupAndEveryFeedStopsWhenTheOwnerIsDeactivated() {
        long id = schedule("Gruppens möte", "2027-05-04T18:00", "2027-05-04T19:00").get("id").asLong();
        User member = fixtures.user(Set.of(Role.PARTNER), housing);
        Http memberApi = new Http(server).bearer(fixtures.token(member));
        String groupFeed = issueByApi(memberApi, group);
        String personalFeed = issueByApi(memberApi, null);
        Ics ics = Ics.parse(anonymous().get(groupFeed).body());
        assertThat(ics.property("X-WR-CALNAME")).contains(groupName);
        assertThat(ics.uids()).containsExactly("meeting-" + id + "@samtrygg");

        User admin = fixtures.user(Set.of(Role.ADMIN));
        long membership = server.services().users().memberships(Fixtures.principal(admin), member.id(), null, null, 10).items().get(0).id();
        server.services().users().removeMembership(Fixtures.principal(admin), membership);
        assertThat(anonymous().get(groupFeed).status()).isEqualTo(404);
        assertThat(Ics.parse(anonymous().get(personalFeed).body()).uids()).as("the personal feed follows the owner's rights")
                .doesNotContain("meeting-" + id + "@samtrygg");

        server.services().users().setActive(Fixtures.principal(admin), member.id(), false);
        assertThat(anonymous().get(personalFeed).status()).isEqualTo(404);
    }

    @Test
    void theMonthCalendarShowsMyMeetingsWithWeekNumbersAndACancelledOneInWords() {
        long kept = schedule("Januarimötet", "2027-01-19T18:00", "2027-01-19T19:00").get("id").asLong();
        long dropped = schedule("Inställda mötet", "2027-01-26T18:00", "2027-01-26T19:00").get("id").asLong();
        coordinatorApi.postJson("/api/v1/meetings/" + dropped + "/cancel", Map.of("reason", "Sjukdom"));
        Http browser = new Http(server).withSession(fixtures.session(partner));

        Http.Response page = browser.get("/calendar?month=2027-01");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Januari 2027").contains("href=\"/meetings/" + kept + "\"").contains("Januarimötet")
                .contains("<del>Inställda mötet</del> <strong class=\"cancelled-label\">Inställt</strong>")
                .contains("Vecka 3").contains("Vecka 4").contains("datetime=\"2027-01-19\"")
                .contains("href=\"/calendar?month=2026-12\"").contains("href=\"/calendar?month=2027-02\"")
                .contains("name=\"_csrf\"");
        assertThat(page.body().indexOf("<abbr title=\"måndag\">")).as("weeks begin on Monday")
                .isLessThan(page.body().indexOf("<abbr title=\"söndag\">"));
        assertThat(browser.get("/calendar").body()).as("today is marked in the current month").contains("aria-current=\"date\"");
        assertThat(browser.get("/calendar?month=januari").status()).isEqualTo(400);

        User outsider = fixtures.user(Set.of(Role.PARTNER), fixtures.organisation());
        assertThat(new Http(server).withSession(fixtures.session(outsider)).get("/calendar?month=2027-01").body())
                .doesNotContain("Januarimötet");
        assertThat(anonymous().get("/calendar").location()).contains("/login");
    }

    @Test
    void aMonthlySixOClockSeriesIsAtSixLocalTimeInEveryMeetingOfTheYearOnThePagesInTheApiAndInTheFeed() {
        long seriesId = coordinatorApi.postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "Nätverksmöte",
                "start", "2027-01-05T18:00", "end", "2027-01-05T19:30", "recurrence", "FREQ=MONTHLY;BYDAY=1TU;UNTIL=20271231T225959Z"))
                .json().get("seriesId").asLong();
        java.time.LocalTime six = java.time.LocalTime.of(18, 0);

        List<JsonNode> api = meetingsOfGroup();
        assertThat(api).hasSize(12);
        assertThat(api).allSatisfy(m -> assertThat(java.time.Instant.parse(m.get("startsAt").asText()).atZone(IcsWriter.ZONE).toLocalTime())
                .as(m.get("startsAt").asText()).isEqualTo(six));
        assertThat(api).extracting(m -> m.get("start").asText().substring(11, 16)).containsOnly("18:00");
        assertThat(api.stream().map(m -> m.get("startsAt").asText().substring(11, 13)).distinct().toList())
                .as("the UTC hour moves with summer time").containsExactlyInAnyOrder("17", "16");

        Http browser = new Http(server).withSession(fixtures.session(partner));
        for (JsonNode meeting : api) {
            assertThat(browser.get("/meetings/" + meeting.get("id").asLong()).body()).as(meeting.get("start").asText())
                    .contains("18:00–19:30");
        }
        String calendar = browser.get("/calendar?month=2027-07").body();
        assertThat(calendar).contains("18:00");

        java.time.ZonedDateTime from = java.time.ZonedDateTime.of(2027, 1, 1, 0, 0, 0, 0, IcsWriter.ZONE);
        List<Ics.Occurrence> feed = Ics.parse(anonymous().get(issueByApi(partnerApi, null)).body())
                .expand("series-" + seriesId + "@samtrygg", from, from.plusYears(1));
        assertThat(feed).hasSize(12);
        assertThat(feed).allSatisfy(o -> assertThat(o.start().atZone(IcsWriter.ZONE).toLocalTime()).as(o.start().toString()).isEqualTo(six));
        assertThat(feed).extracting(Ics.Occurrence::start)
                .isEqualTo(api.stream().map(m -> java.time.Instant.parse(m.get("startsAt").asText())).toList());
    }

    @Test
    void aSeriesWithOneMovedAndOneCancelledOccurrenceExpandsInACalendarProgramToExactlyTheMeetingsTheApiShows() {
        JsonNode first = coordinatorApi.postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "Nätverksmöte",
                "start", "2027-01-05T18:00", "end", "2027-01-05T19:30", "placeId", square,
                "recurrence", "FREQ=MONTHLY;BYDAY=1TU;COUNT=12")).json();
        long seriesId = first.get("seriesId").asLong();
        List<JsonNode> occurrences = meetingsOfGroup();
        assertThat(occurrences).hasSize(12);
        long moved = occurrences.get(2).get("id").asLong();
        long cancelled = occurrences.get(4).get("id").asLong();
        assertThat(coordinatorApi.putJson("/api/v1/meetings/" + moved, Map.of("networkGroupId", group, "title", "Flyttat möte",
                "start", "2027-03-03T17:00", "end", "2027-03-03T18:30")).status()).isEqualTo(200);
        assertThat(coordinatorApi.postJson("/api/v1/meetings/" + cancelled + "/cancel", Map.of("reason", "Påsklov")).status())
                .isEqualTo(200);
        List<Ics.Occurrence> expected = meetingsOfGroup().stream().map(m -> new Ics.Occurrence(
                java.time.Instant.parse(m.get("startsAt").asText()), "CANCELLED".equals(m.get("status").asText())))
                .sorted(java.util.Comparator.comparing(Ics.Occurrence::start)).toList();
        String uid = "series-" + seriesId + "@samtrygg";
        java.time.ZonedDateTime from = java.time.ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, IcsWriter.ZONE);
        java.time.ZonedDateTime to = from.plusYears(3);

        for (String feed : List.of(issueByApi(partnerApi, null), issueByApi(partnerApi, group))) {
            Ics ics = Ics.parse(anonymous().get(feed).body());
            assertThat(ics.uids()).as("one master and one override each for the moved and the cancelled occurrence")
                    .containsExactlyInAnyOrder(uid, uid, uid);
            VEvent master = ics.event(uid);
            assertThat(Ics.value(master, Property.RRULE).split(";")).as("the stored rule, its parts in any order")
                    .containsExactlyInAnyOrder("FREQ=MONTHLY", "BYDAY=1TU", "COUNT=12");
            assertThat(Ics.parameter(master, Property.DTSTART, "TZID")).isEqualTo("Europe/Stockholm");
            assertThat(Ics.value(master, Property.DTSTART)).isEqualTo("20270105T180000");
            assertThat(ics.expand(uid, from, to)).as("the occurrences a calendar program shows").isEqualTo(expected);
        }
        assertThat(expected).filteredOn(Ics.Occurrence::cancelled).hasSize(1);
        Http pages = new Http(server).withSession(fixtures.session(partner));
        for (JsonNode meeting : meetingsOfGroup()) {
            String page = pages.get("/meetings/" + meeting.get("id").asLong()).body();
            assertThat(page).as("the meeting page shows the time the feed gives").contains(meeting.get("start").asText().substring(11, 16) + "–");
            assertThat(page.contains("Mötet är inställt.")).as("the page says cancelled as the feed does")
                    .isEqualTo("CANCELLED".equals(meeting.get("status").asText()));
        }
        assertThat(expected.get(2).start()).hasToString("2027-03-03T16:00:00Z");
        assertThat(expected.get(5).start()).as("summer time").hasToString("2027-06-01T16:00:00Z");

        Http browser = new Http(server).withSession(fixtures.session(partner));
        Ics one = Ics.parse(browser.get("/calendar/meetings/" + moved + ".ics").body());
        VEvent occurrence = one.events().get(0);
        assertThat(Ics.value(occurrence, Property.UID)).as("the occurrence matches the same event in a feed").isEqualTo(uid);
        assertThat(Ics.value(occurrence, Property.RECURRENCE_ID)).isEqualTo("20270302T180000");
        assertThat(Ics.parameter(occurrence, Property.RECURRENCE_ID, "TZID")).isEqualTo("Europe/Stockholm");
        assertThat(Ics.value(occurrence, Property.DTSTART)).isEqualTo("20270303T170000");
        Ics plain = Ics.parse(browser.get("/calendar/meetings/" + occurrences.get(1).get("id").asLong() + ".ics").body());
        assertThat(Ics.value(plain.events().get(0), Property.RECURRENCE_ID)).isEqualTo("20270202T180000");
    }

    @Test
    void aSeriesChangedFromOneOccurrenceOnBecomesTwoSeriesThatTogetherGiveTheMeetingsTheApiShows() {
        long oldSeries = coordinatorApi.postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", "Nätverksmöte",
                "start", "2027-01-05T18:00", "end", "2027-01-05T19:00", "recurrence", "FREQ=MONTHLY;BYDAY=1TU;COUNT=6"))
                .json().get("seriesId").asLong();
        long april = meetingsOfGroup().get(3).get("id").asLong();
        long newSeries = coordinatorApi.putJson("/api/v1/meetings/" + april + "?scope=FOLLOWING", Map.of("networkGroupId", group,
                "title", "Nätverksmöte (ny tid)", "start", "2027-04-06T17:00", "end", "2027-04-06T18:30")).json().get("seriesId").asLong();
        List<java.time.Instant> expected = meetingsOfGroup().stream().map(m -> java.time.Instant.parse(m.get("startsAt").asText()))
                .sorted().toList();

        Ics ics = Ics.parse(anonymous().get(issueByApi(partnerApi, group)).body());
        java.time.ZonedDateTime from = java.time.ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, IcsWriter.ZONE);
        List<java.time.Instant> shown = java.util.stream.Stream.concat(
                ics.expand("series-" + oldSeries + "@samtrygg", from, from.plusYears(3)).stream(),
                ics.expand("series-" + newSeries + "@samtrygg", from, from.plusYears(3)).stream())
                .map(Ics.Occurrence::start).sorted().toList();
        assertThat(shown).isEqualTo(expected).hasSize(6);
    }

    @Test
    void theApiDocumentDescribesTheCalendarRoutesButNotTheFeedItself() {
        JsonNode paths = anonymous().getJson("/api/openapi.json").json().get("paths");
        assertThat(paths.has("/api/v1/calendar-feeds")).isTrue();
        assertThat(paths.has("/api/v1/calendar-feeds/{id}")).isTrue();
        assertThat(paths.at("/~1api~1v1~1calendar~1meetings~1{id}/get/responses").toString()).contains("text/calendar");
        assertThat(paths.toString()).doesNotContain("/calendar/feed.ics");
    }

    private JsonNode schedule(String title, String start, String end) {
        Http.Response response = coordinatorApi.postJson("/api/v1/meetings", Map.of("networkGroupId", group, "title", title, "start", start,
                "end", end, "placeId", square, "address", "Sätragatan 1", "videoLink", "https://meet.example.se/natverket"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private List<JsonNode> meetingsOfGroup() {
        List<JsonNode> meetings = new java.util.ArrayList<>();
        coordinatorApi.getJson("/api/v1/meetings?networkGroupId=" + group + "&limit=200").json().get("items").forEach(meetings::add);
        meetings.sort(java.util.Comparator.comparing(m -> m.get("startsAt").asText()));
        return meetings;
    }

    /** Issues a feed through the API and answers its path on this server. */
    private String issueByApi(Http api, Long groupId) {
        Http.Response response = api.postJson("/api/v1/calendar-feeds", groupId == null ? Map.of() : Map.of("networkGroupId", groupId));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        String url = response.json().get("url").asText();
        assertThat(url).startsWith(server.url("/calendar/feed.ics?token="));
        return url.substring(server.url("").length());
    }

    private String feedUrl(String page) {
        Matcher matcher = FEED_URL.matcher(page);
        assertThat(matcher.find()).as("the page shows the new address").isTrue();
        // The page escapes the address as HTML (the "=" of the query too).
        String url = matcher.group(1).replace("&#61;", "=").replace("&#x3D;", "=").replace("&amp;", "&");
        return url.substring(server.url("").length());
    }

    private Http anonymous() {
        return new Http(server);
    }
}
