package se.samtrygg.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/** Recurring meetings: a series is scheduled once, and its occurrences are changed or cancelled one at a time or from one on. */
class MeetingSeriesTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sätra"), "Gävle", null));
    private final Organisation housing = fixtures.organisation();
    private final Organisation police = fixtures.organisation();
    private final User coordinator = fixtures.user(Set.of(Role.COORDINATOR));
    private final Http api = new Http(server).bearer(fixtures.token(coordinator));
    private final long group = api.postJson("/api/v1/network-groups", Map.of("areaId", area.id(), "name", "Nätverket",
            "memberOrganisationIds", List.of(housing.id(), police.id()), "coordinatorUserIds", List.of(coordinator.id())))
            .json().get("id").asLong();

    @Test
    void aMonthlySeriesOnTheFirstTuesdayIsAtSixInTheEveningInEveryMonthOfTheYear() {
        JsonNode first = series("2027-01-05T18:00", "2027-01-05T19:30", "FREQ=MONTHLY;BYDAY=1TU;COUNT=12").json();
        List<JsonNode> occurrences = occurrences(first.get("seriesId").asLong());

        assertThat(occurrences).hasSize(12);
        assertThat(occurrences).extracting(o -> o.get("start").asText().substring(0, 16)).containsExactly(
                "2027-01-05T18:00", "2027-02-02T18:00", "2027-03-02T18:00", "2027-04-06T18:00", "2027-05-04T18:00", "2027-06-01T18:00",
                "2027-07-06T18:00", "2027-08-03T18:00", "2027-09-07T18:00", "2027-10-05T18:00", "2027-11-02T18:00", "2027-12-07T18:00");
        assertThat(occurrences).extracting(o -> o.get("end").asText().substring(11, 16)).containsOnly("19:30");
        // The instants differ with the season: 17:00 UTC in winter, 16:00 UTC in summer.
        assertThat(occurrences.get(2).get("startsAt").asText()).isEqualTo("2027-03-02T17:00:00Z");
        assertThat(occurrences.get(3).get("startsAt").asText()).isEqualTo("2027-04-06T16:00:00Z");
        assertThat(occurrences.get(9).get("startsAt").asText()).isEqualTo("2027-10-05T16:00:00Z");
        assertThat(occurrences.get(10).get("startsAt").asText()).isEqualTo("2027-11-02T17:00:00Z");
        assertThat(occurrences).allSatisfy(o -> assertThat(o.get("invitedOrganisations").findValuesAsText("name"))
                .containsExactlyInAnyOrder(housing.name(), police.name()));

        JsonNode series = api.getJson("/api/v1/meetings/series/" + first.get("seriesId").asLong()).json();
        assertThat(series.get("rrule").asText()).isEqualTo("FREQ=MONTHLY;BYDAY=1TU;COUNT=12");
        assertThat(series.get("durationMinutes").asInt()).isEqualTo(90);
    }

    @Test
    void changingOneOccurrenceMovesOnlyThatMeeting() {
        long seriesId = series("2027-02-03T18:00", "2027-02-03T19:00", "FREQ=WEEKLY;INTERVAL=2;COUNT=6").json().get("seriesId").asLong();
        List<JsonNode> before = occurrences(seriesId);
        long third = before.get(2).get("id").asLong();

        JsonNode moved = api.putJson("/api/v1/meetings/" + third, input("2027-03-04T17:00", "2027-03-04T18:00", "Flyttat möte")).json();

        assertThat(moved.get("detached").asBoolean()).isTrue();
        assertThat(moved.get("occurrenceStart").asText()).startsWith("2027-03-03T18:00");
        List<JsonNode> after = occurrences(seriesId);
        assertThat(after).extracting(o -> o.get("start").asText().substring(0, 16)).containsExactly(
                "2027-02-03T18:00", "2027-02-17T18:00", "2027-03-04T17:00", "2027-03-17T18:00", "2027-03-31T18:00", "2027-04-14T18:00");
        assertThat(after).extracting(o -> o.get("title").asText()).containsExactly(
                "Nätverksmöte", "Nätverksmöte", "Flyttat möte", "Nätverksmöte", "Nätverksmöte", "Nätverksmöte");
    }

    @Test
    void changingAllFollowingSplitsTheSeriesAndKeepsTheAgendasOfLaterMeetings() {
        long seriesId = series("2027-01-05T18:00", "2027-01-05T19:00", "FREQ=MONTHLY;BYDAY=1TU;COUNT=6").json().get("seriesId").asLong();
        List<JsonNode> before = occurrences(seriesId);
        long april = before.get(3).get("id").asLong();
        long may = before.get(4).get("id").asLong();
        api.putJson("/api/v1/meetings/" + may + "/agenda", List.of(Map.of("title", "Belysningen vid skolan")));

        JsonNode changed = api.putJson("/api/v1/meetings/" + april + "?scope=FOLLOWING",
                input("2027-04-06T17:00", "2027-04-06T18:30", "Nätverksmöte (ny tid)")).json();

        long newSeries = changed.get("seriesId").asLong();
        assertThat(newSeries).isNotEqualTo(seriesId);
        assertThat(occurrences(seriesId)).extracting(o -> o.get("start").asText().substring(0, 16))
                .containsExactly("2027-01-05T18:00", "2027-02-02T18:00", "2027-03-02T18:00");
        assertThat(api.getJson("/api/v1/meetings/series/" + seriesId).json().get("rrule").asText())
                .isEqualTo("FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270406T155959Z");
        List<JsonNode> following = occurrences(newSeries);
        assertThat(following).extracting(o -> o.get("start").asText().substring(0, 16))
                .containsExactly("2027-04-06T17:00", "2027-05-04T17:00", "2027-06-01T17:00");
        assertThat(following).extracting(o -> o.get("end").asText().substring(11, 16)).containsOnly("18:30");
        assertThat(following.get(0).get("id").asLong()).isEqualTo(april);
        assertThat(following.get(1).get("id").asLong()).as("the May meeting is kept, with its agenda").isEqualTo(may);
        assertThat(following.get(1).get("agenda").findValuesAsText("title")).containsExactly("Belysningen vid skolan");
        assertThat(api.getJson("/api/v1/meetings/series/" + newSeries).json().get("rrule").asText()).isEqualTo("FREQ=MONTHLY;BYDAY=1TU;COUNT=3");
    }

    @Test
    void changingAllFollowingWithANewRuleReplacesTheLaterDates() {
        long seriesId = series("2027-01-05T18:00", "2027-01-05T19:00", "FREQ=MONTHLY;BYDAY=1TU;COUNT=4").json().get("seriesId").asLong();
        long february = occurrences(seriesId).get(1).get("id").asLong();
        long march = occurrences(seriesId).get(2).get("id").asLong();
        api.postJson("/api/v1/meetings/" + march + "/cancel", Map.of("reason", "Sportlov"));
        Map<String, Object> everyOtherWednesday = new java.util.HashMap<>(input("2027-02-03T18:00", "2027-02-03T19:00", "Nätverksmöte"));
        everyOtherWednesday.put("recurrence", "FREQ=WEEKLY;INTERVAL=2;UNTIL=20270317");

        long newSeries = api.putJson("/api/v1/meetings/" + february + "?scope=FOLLOWING", everyOtherWednesday).json().get("seriesId").asLong();

        assertThat(occurrences(newSeries)).extracting(o -> o.get("start").asText().substring(0, 16))
                .containsExactly("2027-02-03T18:00", "2027-02-17T18:00", "2027-03-03T18:00", "2027-03-17T18:00");
        assertThat(occurrences(seriesId)).hasSize(1);
        JsonNode cancelled = api.getJson("/api/v1/meetings/" + march).json();
        assertThat(cancelled.get("status").asText()).as("a cancelled meeting stays, with its reason, outside the series").isEqualTo("CANCELLED");
        assertThat(cancelled.get("seriesId").isNull()).isTrue();
        assertThat(api.getJson("/api/v1/meetings?networkGroupId=" + group).json().get("items")).hasSize(6);
    }

    @Test
    void cancellingOneOccurrenceLeavesTheRestOfTheSeries() {
        long seriesId = series("2027-03-10T18:00", "2027-03-10T19:00", "FREQ=WEEKLY;COUNT=3").json().get("seriesId").asLong();
        long second = occurrences(seriesId).get(1).get("id").asLong();
        api.postJson("/api/v1/meetings/" + second + "/cancel", Map.of("reason", "Sportlov"));
        assertThat(occurrences(seriesId)).extracting(o -> o.get("status").asText()).containsExactly("SCHEDULED", "CANCELLED", "SCHEDULED");
    }

    @Test
    void aRuleThatCannotBeKeptIsRefusedWithAClearMessageAndSchedulesNothing() {
        int before = api.getJson("/api/v1/meetings?networkGroupId=" + group).json().get("items").size();
        for (String rule : List.of("FREQ=MONTHLY;BYDAY=1TU", "varje tisdag", "FREQ=WEEKLY;BYHOUR=9;COUNT=3", "FREQ=HOURLY;COUNT=3",
                "FREQ=DAILY;COUNT=500", "FREQ=WEEKLY;COUNT=3;FOO=1", "FREQ=WEEKLY;COUNT=3;UNTIL=20271231", "FREQ=MONTHLY;BYDAY=1WE;COUNT=3")) {
            Http.Response refused = series("2027-01-05T18:00", "2027-01-05T19:00", rule);
            assertThat(refused.status()).as(rule).isEqualTo(422);
            assertThat(refused.json().get("errors").findValuesAsText("field")).as(rule).containsExactly("recurrence");
            assertThat(refused.json().get("errors").get(0).get("message").asText()).as(rule).isNotBlank();
        }
        assertThat(api.getJson("/api/v1/meetings?networkGroupId=" + group).json().get("items")).hasSize(before);
    }

    @Test
    void aPersonInvitedOnTheirOwnSeesTheMeetingOthersOutsideTheGroupDoNot() {
        User guest = fixtures.user(Set.of(Role.PARTNER), fixtures.organisation());
        User outsider = fixtures.user(Set.of(Role.PARTNER), fixtures.organisation());
        Map<String, Object> body = new java.util.HashMap<>(input("2027-05-11T18:00", "2027-05-11T19:00", "Möte med gäst"));
        body.put("invitedUserIds", List.of(guest.id()));
        JsonNode meeting = api.postJson("/api/v1/meetings", body).json();
        assertThat(meeting.get("invitedPeople").findValuesAsText("name")).containsExactly(guest.name());
        long id = meeting.get("id").asLong();

        assertThat(new Http(server).bearer(fixtures.token(guest)).getJson("/api/v1/meetings/" + id).status()).isEqualTo(200);
        assertThat(new Http(server).bearer(fixtures.token(outsider)).getJson("/api/v1/meetings/" + id).status()).isEqualTo(403);

        body.put("invitedUserIds", List.of(987654321L));
        Http.Response refused = api.postJson("/api/v1/meetings", body);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactly("invitedUserIds");
    }

    @Test
    void aCoordinatorPicksMonthlyOnTheFirstTuesdayInTheFormAndEveryMeetingPageSaysSixInTheEvening() {
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        browser.get("/meetings/new?networkGroupId=" + group);
        Http.Response created = browser.postForm("/meetings", Map.of("networkGroupId", Long.toString(group), "title", "Nätverksmöte",
                "date", "2027-01-05", "startTime", "18:00", "endTime", "19:30", "repeat", "MONTHLY_WEEKDAY", "repeatUntil", "2027-12-31"));
        assertThat(created.status()).isEqualTo(303);
        long first = Long.parseLong(created.location().replaceAll(".*/meetings/(\\d+).*", "$1"));
        long seriesId = api.getJson("/api/v1/meetings/" + first).json().get("seriesId").asLong();
        assertThat(api.getJson("/api/v1/meetings/series/" + seriesId).json().get("rrule").asText())
                .isEqualTo("FREQ=MONTHLY;BYDAY=1TU;UNTIL=20271231T225959Z");

        List<JsonNode> occurrences = occurrences(seriesId);
        assertThat(occurrences).hasSize(12);
        for (JsonNode occurrence : occurrences) {
            String page = browser.get("/meetings/" + occurrence.get("id").asLong()).body();
            assertThat(page).as(occurrence.get("start").asText()).contains("18:00–19:30")
                    .contains("Den första tisdagen varje månad, till och med 7 december 2027");
        }
        assertThat(browser.get("/meetings/" + first).body()).contains("tisdag 5 januari 2027");
        assertThat(browser.get("/meetings/" + occurrences.get(6).get("id").asLong()).body()).contains("tisdag 6 juli 2027");
    }

    @Test
    void theEditFormChangesThisAndAllFollowingMeetingsToANewTime() {
        long seriesId = series("2027-09-07T18:00", "2027-09-07T19:00", "FREQ=MONTHLY;BYDAY=1TU;COUNT=4").json().get("seriesId").asLong();
        long october = occurrences(seriesId).get(1).get("id").asLong();
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        assertThat(browser.get("/meetings/" + october + "/edit").body()).contains("Det här och alla följande möten i serien");

        Http.Response saved = browser.postForm("/meetings/" + october, Map.of("title", "Nätverksmöte", "date", "2027-10-05",
                "startTime", "17:30", "endTime", "19:00", "scope", "FOLLOWING", "repeat", "KEEP"));

        assertThat(saved.status()).isEqualTo(303);
        long newSeries = api.getJson("/api/v1/meetings/" + october).json().get("seriesId").asLong();
        assertThat(occurrences(newSeries)).extracting(o -> o.get("start").asText().substring(0, 16))
                .containsExactly("2027-10-05T17:30", "2027-11-02T17:30", "2027-12-07T17:30");
        assertThat(occurrences(seriesId)).extracting(o -> o.get("start").asText().substring(0, 16)).containsExactly("2027-09-07T18:00");
    }

    @Test
    void aRefusedSeriesFormKeepsWhatWasTypedAndNamesTheUnknownAddress() {
        Http browser = new Http(server).withSession(fixtures.session(coordinator));
        browser.get("/meetings/new?networkGroupId=" + group);
        int before = api.getJson("/api/v1/meetings?networkGroupId=" + group).json().get("items").size();

        Http.Response refused = browser.postForm("/meetings", Map.of("networkGroupId", Long.toString(group), "title", "Trygghetsmöte",
                "date", "2027-03-03", "startTime", "18:00", "endTime", "19:00", "repeat", "EVERY_OTHER_WEEK", "repeatUntil", "2027-01-01",
                "invitePeople", "ingen.alls@example.org"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("value=\"Trygghetsmöte\"").contains("value=\"2027-01-01\"")
                .contains("Ange sista dag för serien").contains("value=\"EVERY_OTHER_WEEK\" selected");

        Http.Response unknown = browser.postForm("/meetings", Map.of("networkGroupId", Long.toString(group), "title", "Trygghetsmöte",
                "date", "2027-03-03", "startTime", "18:00", "endTime", "19:00", "repeat", "NONE", "invitePeople", "ingen.alls@example.org"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("ingen aktiv användare med adressen ingen.alls@example.org");
        assertThat(api.getJson("/api/v1/meetings?networkGroupId=" + group).json().get("items")).hasSize(before);
    }

    private Map<String, Object> input(String start, String end, String title) {
        return Map.of("networkGroupId", group, "title", title, "start", start, "end", end);
    }

    private Http.Response series(String start, String end, String rule) {
        Map<String, Object> body = new java.util.HashMap<>(input(start, end, "Nätverksmöte"));
        body.put("recurrence", rule);
        return api.postJson("/api/v1/meetings", body);
    }

    private List<JsonNode> occurrences(long seriesId) {
        List<JsonNode> all = new ArrayList<>();
        api.getJson("/api/v1/meetings?seriesId=" + seriesId + "&limit=200").json().get("items").forEach(all::add);
        all.sort(java.util.Comparator.comparing(o -> LocalDateTime.parse(o.get("start").asText().substring(0, 16))));
        return all;
    }
}
