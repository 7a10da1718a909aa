package se.samtrygg.programme;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.samtrygg.Services;
import se.samtrygg.activity.ActivityInput;
import se.samtrygg.activity.CategoryInput;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.common.Visibility;
import se.samtrygg.common.web.Dates;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.Role;
import se.samtrygg.meeting.MeetingInput;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/**
 * Counts of periods that have ended are kept for {@code programme.derivedCacheTtl} (five minutes in config.yml): a
 * repeated overview does not ask the activity log or the meetings again for last month, a record back-dated into last
 * month shows once that time has passed, and the period under way is counted on every request. The admin port's
 * metrics say how often the other features were asked. The service's clock stands at noon today (Stockholm), so that
 * moving it five minutes never crosses into another month.
 */
class DerivedValueCacheTest {
    private static final String SOURCE_QUERIES = "se.samtrygg.programme.derived.sourceQueries";
    private static final String CACHE_HITS = "se.samtrygg.programme.derived.cacheHits";

    private final TestServer server = TestServer.shared();
    private final Services services = server.services();
    private final Fixtures fixtures = new Fixtures(server);
    private final ProgrammeService programmes = services.programmes();
    private final Organisation police = fixtures.organisation(OrganisationType.POLICE);
    private final CurrentUser admin = Fixtures.principal(fixtures.user(Set.of(Role.ADMIN), police));
    private final CurrentUser officer = Fixtures.principal(fixtures.user(Set.of(), police));
    private final Http official = new Http(server).bearer(fixtures.token(fixtures.user(Set.of(Role.OFFICIAL),
            fixtures.organisation(OrganisationType.MUNICIPAL_UNIT))));
    private final Area area = services.areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
    private final long walk = activityType("Nattvandring");
    private final long visit = activityType("Fältbesök");
    private LocalDate today;
    private LocalDate lastMonth;
    private long programmeId;

    @BeforeEach
    void noonToday() {
        LocalDate now = LocalDate.now(server.clock().withZone(Dates.ZONE));
        server.clock().advance(Duration.between(server.clock().instant(), now.atTime(12, 0).atZone(Dates.ZONE).toInstant()));
        today = programmes.today();
        lastMonth = today.withDayOfMonth(1).minusMonths(1);
    }

    @AfterEach
    void resetClock() {
        server.clock().reset();
    }

    @Test
    void theOverviewAsksTheSourcesOnceForAPeriodThatHasEnded() {
        log(walk, lastMonth.plusDays(3));
        log(walk, lastMonth.plusDays(20));
        log(visit, lastMonth.plusDays(9));
        log(walk, today);
        meetingHeld(lastMonth.plusDays(14));
        Goal goal = goal();
        Indicator walks = derived(goal, "Nattvandringar", DerivedSource.ACTIVITIES, List.of(walk));
        Indicator visits = derived(goal, "Fältbesök", DerivedSource.ACTIVITIES, List.of(visit));
        Indicator meetings = derived(goal, "Nätverksmöten", DerivedSource.MEETINGS_HELD, List.of());
        Indicator covered = derived(goal, "Lägenheter med Huskurage", DerivedSource.APARTMENTS_COVERED, List.of());

        long asked = metric(SOURCE_QUERIES);
        JsonNode first = overview();
        assertThat(metric(SOURCE_QUERIES) - asked).as("each derived indicator counted once").isEqualTo(4);
        assertThat(latest(first, walks)).isEqualByComparingTo("2");
        assertThat(latest(first, visits)).isEqualByComparingTo("1");
        assertThat(latest(first, meetings)).isEqualByComparingTo("1");
        assertThat(latest(first, covered)).as("no rollouts, no value").isNull();

        asked = metric(SOURCE_QUERIES);
        long hits = metric(CACHE_HITS);
        JsonNode again = overview();
        assertThat(metric(SOURCE_QUERIES) - asked).as("only the apartments covered today, a stock, are counted again").isEqualTo(1);
        assertThat(metric(CACHE_HITS) - hits).isEqualTo(3);
        assertThat(again.at("/indicators")).isEqualTo(first.at("/indicators"));
    }

    @Test
    void aBackdatedActivityShowsInTheOverviewOnceTheCacheTimeHasPassed() {
        log(walk, lastMonth.plusDays(5));
        Goal goal = goal();
        Indicator walks = derived(goal, "Nattvandringar", DerivedSource.ACTIVITIES, List.of(walk));
        assertThat(latest(overview(), walks)).isEqualByComparingTo("1");

        // A walk last month, logged only now.
        log(walk, lastMonth.plusDays(25));
        assertThat(latest(overview(), walks)).as("counted a moment ago").isEqualByComparingTo("1");
        server.clock().advance(Duration.ofMinutes(4));
        assertThat(latest(overview(), walks)).as("four minutes later").isEqualByComparingTo("1");
        server.clock().advance(Duration.ofMinutes(1));
        assertThat(latest(overview(), walks)).as("five minutes after the first count").isEqualByComparingTo("2");
    }

    @Test
    void anActivityInThePeriodUnderWayShowsAtOnceWhileEndedPeriodsComeFromTheCache() {
        log(walk, lastMonth.plusDays(2));
        log(walk, lastMonth.minusMonths(1).plusDays(2));
        log(walk, today);
        Goal goal = goal();
        Indicator walks = derived(goal, "Nattvandringar", DerivedSource.ACTIVITIES, List.of(walk));
        JsonNode before = indicator(walks);
        assertThat(before.at("/latest/value").decimalValue()).isEqualByComparingTo("1");
        assertThat(values(before.get("series"))).endsWith("1", "1", "1 (partial)");

        log(walk, today);
        long asked = metric(SOURCE_QUERIES);
        JsonNode after = indicator(walks);
        assertThat(values(after.get("series"))).as("this month counted now, the months before kept").endsWith("1", "1", "2 (partial)");
        assertThat(metric(SOURCE_QUERIES) - asked).as("only the month under way").isEqualTo(1);
        assertThat(after.get("byArea")).isEqualTo(before.get("byArea"));
    }

    // Helpers

    private void log(long type, LocalDate day) {
        ZonedDateTime start = day.atTime(9, 0).atZone(Dates.ZONE);
        services.activities().create(officer, new ActivityInput(null, area.id(), null, type, start.toOffsetDateTime(),
                start.plusHours(2).toOffsetDateTime(), 2, 10, null, Visibility.NETWORK));
    }

    private void meetingHeld(LocalDate day) {
        long group = services.networkGroups().create(null, new NetworkGroupInput(area.id(), Fixtures.unique("Nätverket"),
                List.of(police.id()), List.of(fixtures.user(Set.of(Role.COORDINATOR), police).id()))).id();
        services.meetings().schedule(admin, new MeetingInput(group, "Nätverksmöte", day.atTime(18, 0), day.atTime(20, 0), null,
                "Folkets hus", null, null));
    }

    private long activityType(String name) {
        return services.categories().create(admin, new CategoryInput(CategoryKind.ACTIVITY_TYPE, Fixtures.unique(name), null, null)).id();
    }

    private Goal goal() {
        Programme programme = programmes.create(null, new ProgrammeInput(Fixtures.unique("Program för trygghet"), "Kommunfullmäktige",
                today.minusYears(1), today.minusYears(1).withDayOfYear(1), today.plusYears(3), null));
        programmeId = programme.id();
        FocusArea focusArea = programmes.addFocusArea(null, programme.id(), new FocusAreaInput("Trygghet", null, null));
        return programmes.addGoal(null, focusArea.id(), new GoalInput("En kommun fri från våld", null, null));
    }

    private Indicator derived(Goal goal, String name, DerivedSource source, List<Long> types) {
        return programmes.createIndicator(null, new IndicatorInput(goal.id(), null, name, null, "st", Direction.HIGHER_IS_BETTER,
                BigDecimal.ZERO, lastMonth.minusMonths(1), BigDecimal.TEN, today.plusYears(1), IndicatorKind.DERIVED, source,
                PeriodLength.MONTH, null, List.of(area.id()), types, List.of()));
    }

    /** The node of the programme's one goal in the overview, read over the API. */
    private JsonNode overview() {
        Http.Response response = official.getJson("/api/v1/programmes/" + programmeId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().at("/focusAreas/0/goals/0");
    }

    private JsonNode indicator(Indicator indicator) {
        Http.Response response = official.getJson("/api/v1/indicators/" + indicator.id());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static BigDecimal latest(JsonNode goalNode, Indicator indicator) {
        for (JsonNode summary : goalNode.get("indicators")) {
            if (summary.at("/indicator/id").asLong() == indicator.id()) {
                JsonNode value = summary.at("/latest/value");
                return value.isMissingNode() || value.isNull() ? null : value.decimalValue();
            }
        }
        throw new AssertionError("no indicator " + indicator.id() + " in " + goalNode);
    }

    private static List<String> values(JsonNode series) {
        return java.util.stream.StreamSupport.stream(series.spliterator(), false)
                .map(p -> p.get("value").decimalValue().toPlainString() + (p.get("partial").asBoolean() ? " (partial)" : "")).toList();
    }

    private long metric(String counter) {
        return new Http(server.adminUrl("")).getJson("/metrics").json().at("/counters/" + counter + "/count").asLong();
    }
}
