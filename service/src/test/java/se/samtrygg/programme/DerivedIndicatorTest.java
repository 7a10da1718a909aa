package se.samtrygg.programme;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import se.samtrygg.Services;
import se.samtrygg.activity.ActivityInput;
import se.samtrygg.activity.CategoryInput;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.common.Visibility;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.Role;
import se.samtrygg.meeting.ActionItem;
import se.samtrygg.meeting.ActionItemInput;
import se.samtrygg.meeting.ActionItemState;
import se.samtrygg.meeting.MeetingInput;
import se.samtrygg.meeting.NetworkGroupInput;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.rollout.PropertyInput;
import se.samtrygg.rollout.PropertyStepInput;
import se.samtrygg.rollout.RolloutInput;
import se.samtrygg.rollout.RolloutProperty;
import se.samtrygg.rollout.RolloutService;
import se.samtrygg.rollout.StepState;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * Derived indicators equal what the test counts itself from the records it inserted through the services: for several
 * areas and periods, by month, quarter and year, as a series, as the latest value and by area, with the period under
 * way. Every test makes its own areas and activity types, so what other tests insert never falls in what is counted.
 */
class DerivedIndicatorTest {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** Huskurage's covering steps: the letter to every household and the posters in every stairwell (migration 014). */
    private static final List<Integer> COVERING = List.of(3, 4);

    private final TestServer server = TestServer.shared();
    private final Services services = server.services();
    private final Fixtures fixtures = new Fixtures(server);
    private final DerivedIndicators derived = new DerivedIndicators(services.activities(), services.rollouts(), services.meetings(),
            services.actionItems(), services.areas(), Duration.ofMinutes(5), server.clock());
    private final LocalDate today = LocalDate.now(STOCKHOLM);
    private final Organisation police = fixtures.organisation(OrganisationType.POLICE);
    private final Organisation association = fixtures.organisation();
    private final CurrentUser admin = Fixtures.principal(fixtures.user(Set.of(Role.ADMIN), police));
    private final long groupCoordinator = fixtures.user(Set.of(Role.COORDINATOR), association).id();

    @AfterEach
    void resetClock() {
        server.clock().reset();
    }

    // Activities

    private record Logged(long areaId, long typeId, Instant startsAt, Visibility visibility) {
        LocalDate day() {
            return LocalDate.ofInstant(startsAt, STOCKHOLM);
        }
    }

    @Test
    void activitiesOfTheTypesAndAreasAskedAreCountedPerCalendarPeriodInStockholmIncludingThoseOnlyTheirOrganisationSees() {
        Area sattra = area("Sättra");
        Area brynas = area("Brynäs");
        Area andersberg = area("Andersberg");
        long walk = activityType("Nattvandring");
        long visit = activityType("Fältbesök");
        long other = activityType("Läxhjälp");
        CurrentUser officer = Fixtures.principal(fixtures.user(Set.of(), police));
        CurrentUser volunteer = Fixtures.principal(fixtures.user(Set.of(), association));
        List<Logged> logged = new ArrayList<>();
        Random random = new Random(6L);
        LocalDate from = today.minusDays(430);
        List<Area> areas = List.of(sattra, brynas, andersberg);
        List<Long> types = List.of(walk, visit, other);
        for (int i = 0; i < 120; i++) {
            LocalDate day = from.minusDays(60).plusDays(random.nextInt(490));
            LocalTime time = LocalTime.of(random.nextInt(24), random.nextInt(60));
            boolean byPolice = random.nextBoolean();
            Visibility visibility = byPolice ? (random.nextInt(3) == 0 ? Visibility.NETWORK : Visibility.ORGANISATION)
                    : (random.nextBoolean() ? Visibility.PUBLIC : Visibility.NETWORK);
            logged.add(log(byPolice ? officer : volunteer, areas.get(random.nextInt(3)).id(), types.get(random.nextInt(3)),
                    ZonedDateTime.of(day, time, STOCKHOLM), visibility));
        }
        // Around the boundaries in Stockholm time (which are 22:00 or 23:00 UTC): the first minute of this month and
        // quarter, the last of the month and quarter before, and tomorrow (after the period under way ends).
        LocalDate month = today.withDayOfMonth(1);
        LocalDate quarter = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        for (LocalDate first : List.of(month, quarter)) {
            logged.add(log(officer, sattra.id(), walk, first.atStartOfDay(STOCKHOLM), Visibility.ORGANISATION));
            logged.add(log(officer, sattra.id(), walk, first.minusDays(1).atTime(23, 59).atZone(STOCKHOLM), Visibility.ORGANISATION));
        }
        LocalDate lastQuarter = lastComplete(PeriodLength.QUARTER, today)[0];
        logged.add(log(officer, brynas.id(), visit, lastQuarter.plusDays(10).atTime(14, 0).atZone(STOCKHOLM), Visibility.ORGANISATION));
        logged.add(log(volunteer, brynas.id(), visit, today.plusDays(1).atTime(18, 0).atZone(STOCKHOLM), Visibility.NETWORK));

        assertThat(logged).as("the police's own activities are among those counted")
                .anyMatch(a -> a.visibility() == Visibility.ORGANISATION && a.areaId() == brynas.id() && a.typeId() == visit);
        for (PeriodLength length : PeriodLength.values()) {
            DerivedQuery walksAndVisits = activities(List.of(sattra.id(), brynas.id()), List.of(walk, visit));
            List<DataPoint> series = derived.series(walksAndVisits, length, from, today);
            assertThat(text(series)).as("%s series", length).isEqualTo(text(expectedFlow(length, from, today, (first, last) ->
                    count(logged, a -> (a.areaId() == sattra.id() || a.areaId() == brynas.id()) && (a.typeId() == walk || a.typeId() == visit)
                            && within(a.day(), first, last)))));
            assertThat(series.get(series.size() - 1).partial()).as("the period under way, even on its last day").isTrue();

            DataPoint latest = derived.latest(walksAndVisits, length, today);
            LocalDate[] complete = lastComplete(length, today);
            assertThat(text(List.of(latest))).as("%s latest", length).isEqualTo(text(List.of(new DataPoint(complete[0], complete[1],
                    BigDecimal.valueOf(count(logged, a -> (a.areaId() == sattra.id() || a.areaId() == brynas.id())
                            && (a.typeId() == walk || a.typeId() == visit) && within(a.day(), complete[0], complete[1]))), false))));
            assertThat(series.stream().filter(p -> !p.partial()).reduce((a, b) -> b).orElseThrow()).isEqualTo(latest);

            assertThat(derived.byArea(walksAndVisits, length, today)).as("%s by area", length)
                    .extracting(AreaValue::areaName, v -> v.latest().value().longValue(), v -> v.latest().from())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(brynas.name(), count(logged, a -> a.areaId() == brynas.id()
                                    && (a.typeId() == walk || a.typeId() == visit) && within(a.day(), complete[0], complete[1])), complete[0]),
                            org.assertj.core.groups.Tuple.tuple(sattra.name(), count(logged, a -> a.areaId() == sattra.id()
                                    && (a.typeId() == walk || a.typeId() == visit) && within(a.day(), complete[0], complete[1])), complete[0]));

            // No areas named: every area counts, and the breakdown lists the areas that had any.
            DerivedQuery walksAnywhere = activities(List.of(), List.of(walk));
            assertThat(text(derived.series(walksAnywhere, length, from, today))).isEqualTo(text(expectedFlow(length, from, today,
                    (first, last) -> count(logged, a -> a.typeId() == walk && within(a.day(), first, last)))));
            assertThat(derived.byArea(walksAnywhere, length, today)).extracting(AreaValue::areaId)
                    .containsExactlyInAnyOrderElementsOf(logged.stream().filter(a -> a.typeId() == walk
                            && within(a.day(), complete[0], complete[1])).map(Logged::areaId).distinct().toList());

            // No types named: every type counts.
            DerivedQuery allInAndersberg = activities(List.of(andersberg.id()), List.of());
            LocalDate midPeriod = today.minusDays(200);
            assertThat(text(derived.series(allInAndersberg, length, midPeriod, today))).isEqualTo(text(expectedFlow(length, midPeriod,
                    today, (first, last) -> count(logged, a -> a.areaId() == andersberg.id() && within(a.day(), first, last)))));
        }
        // A series up to a day in the past ends there: nothing after it is counted, and the period it cuts is partial.
        LocalDate past = today.minusDays(100);
        DerivedQuery walks = activities(List.of(sattra.id()), List.of(walk));
        assertThat(text(derived.series(walks, PeriodLength.MONTH, from, past))).isEqualTo(text(expectedFlow(PeriodLength.MONTH, from,
                past, (first, last) -> count(logged, a -> a.areaId() == sattra.id() && a.typeId() == walk && within(a.day(), first, last)))));
        // A named area without any has the value 0.
        Area quiet = area("Stilla");
        assertThat(derived.byArea(activities(List.of(quiet.id()), List.of(walk)), PeriodLength.QUARTER, today))
                .singleElement().satisfies(v -> assertThat(v.latest().value()).isEqualByComparingTo("0"));
    }

    @Test
    void onThePeriodsLastDayThePeriodIsStillUnderWayAndOnlyAPastDayClosesIt() {
        Area sattra = area("Sättra");
        long walk = activityType("Nattvandring");
        CurrentUser officer = Fixtures.principal(fixtures.user(Set.of(), police));
        // The service's today moved to the last day of last month, at noon; a walk that morning and one that evening.
        LocalDate lastDay = today.withDayOfMonth(1).minusDays(1);
        LocalDate monthBefore = lastDay.withDayOfMonth(1).minusDays(1);
        log(officer, sattra.id(), walk, lastDay.atTime(9, 0).atZone(STOCKHOLM), Visibility.NETWORK);
        log(officer, sattra.id(), walk, lastDay.atTime(19, 0).atZone(STOCKHOLM), Visibility.NETWORK);
        log(officer, sattra.id(), walk, monthBefore.atTime(9, 0).atZone(STOCKHOLM), Visibility.NETWORK);
        DerivedQuery walks = activities(List.of(sattra.id()), List.of(walk));
        server.clock().advance(Duration.between(Instant.now(), lastDay.atTime(12, 0).atZone(STOCKHOLM).toInstant()));

        List<DataPoint> series = derived.series(walks, PeriodLength.MONTH, monthBefore, lastDay);
        assertThat(text(series)).containsExactly(monthBefore.withDayOfMonth(1) + ".." + monthBefore + " = 1",
                lastDay.withDayOfMonth(1) + ".." + lastDay + " = 2 (partial)");
        assertThat(text(List.of(derived.latest(walks, PeriodLength.MONTH, lastDay))))
                .containsExactly(monthBefore.withDayOfMonth(1) + ".." + monthBefore + " = 1");
        assertThat(derived.byArea(walks, PeriodLength.MONTH, lastDay)).singleElement()
                .satisfies(v -> assertThat(v.latest().to()).isEqualTo(monthBefore));

        // A past day that ends its period (a past year's report as of 31 December) closes it.
        assertThat(text(derived.series(walks, PeriodLength.MONTH, monthBefore, monthBefore)))
                .containsExactly(monthBefore.withDayOfMonth(1) + ".." + monthBefore + " = 1");
        assertThat(derived.latest(walks, PeriodLength.MONTH, monthBefore).to()).isEqualTo(monthBefore);
    }

    private Logged log(CurrentUser actor, long areaId, long typeId, ZonedDateTime startsAt, Visibility visibility) {
        services.activities().create(actor, new ActivityInput(null, areaId, null, typeId, startsAt.toOffsetDateTime(),
                startsAt.plusHours(2).toOffsetDateTime(), 2, 10, null, visibility));
        return new Logged(areaId, typeId, startsAt.toInstant(), visibility);
    }

    private static DerivedQuery activities(List<Long> areaIds, List<Long> typeIds) {
        return new DerivedQuery(DerivedSource.ACTIVITIES, areaIds, typeIds, List.of());
    }

    // Meetings

    private record Held(long areaId, Instant startsAt, boolean cancelled) {
        LocalDate day() {
            return LocalDate.ofInstant(startsAt, STOCKHOLM);
        }
    }

    @Test
    void meetingsHeldAreTheAreasGroupsMeetingsThatStartedInThePeriodNotCancelledAndNotStillAhead() {
        Area sattra = area("Sättra");
        Area brynas = area("Brynäs");
        Area andersberg = area("Andersberg");
        long sattraGroup = group(sattra);
        long sattraYouthGroup = group(sattra);
        long brynasGroup = group(brynas);
        long andersbergGroup = group(andersberg);
        List<long[]> groups = List.of(new long[] {sattra.id(), sattraGroup}, new long[] {sattra.id(), sattraYouthGroup},
                new long[] {brynas.id(), brynasGroup}, new long[] {andersberg.id(), andersbergGroup});
        List<Held> meetings = new ArrayList<>();
        Random random = new Random(66L);
        LocalDate from = today.minusDays(400);
        for (int i = 0; i < 45; i++) {
            long[] group = groups.get(random.nextInt(groups.size()));
            LocalDateTime start = from.minusDays(30).plusDays(random.nextInt(429)).atTime(8 + random.nextInt(14), 0);
            meetings.add(meeting(group, start, random.nextInt(8) == 0));
        }
        // Around the month's and quarter's first midnight in Stockholm (22:00 or 23:00 UTC), a cancelled one this month,
        // and one still ahead.
        LocalDate quarter = LocalDate.of(today.getYear(), (today.getMonthValue() - 1) / 3 * 3 + 1, 1);
        for (LocalDate first : List.of(today.withDayOfMonth(1), quarter)) {
            meetings.add(meeting(groups.get(0), first.minusDays(1).atTime(23, 30), false));
            meetings.add(meeting(groups.get(2), first.atTime(0, 30), false));
        }
        meetings.add(meeting(groups.get(2), today.withDayOfMonth(1).atTime(12, 0), true));
        meetings.add(meeting(groups.get(2), LocalDateTime.now(STOCKHOLM).plusHours(1), false));
        meetings.add(meeting(groups.get(1), today.plusDays(20).atTime(18, 0), false));
        assertThat(meetings).anyMatch(Held::cancelled);

        Instant now = Instant.now();
        Predicate<Held> held = m -> !m.cancelled() && m.startsAt().isBefore(now);
        DerivedQuery query = new DerivedQuery(DerivedSource.MEETINGS_HELD, List.of(sattra.id(), brynas.id()), List.of(), List.of());
        for (PeriodLength length : PeriodLength.values()) {
            assertThat(text(derived.series(query, length, from, today))).as("%s series", length).isEqualTo(text(expectedFlow(length, from,
                    today, (first, last) -> count(meetings, m -> held.test(m) && m.areaId() != andersberg.id() && within(m.day(), first, last)))));
            LocalDate[] complete = lastComplete(length, today);
            assertThat(derived.latest(query, length, today).value().longValue()).as("%s latest", length).isEqualTo(count(meetings,
                    m -> held.test(m) && m.areaId() != andersberg.id() && within(m.day(), complete[0], complete[1])));
            assertThat(derived.byArea(query, length, today)).as("%s by area", length)
                    .extracting(AreaValue::areaId, v -> v.latest().value().longValue())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(brynas.id(), count(meetings, m -> held.test(m) && m.areaId() == brynas.id()
                                    && within(m.day(), complete[0], complete[1]))),
                            org.assertj.core.groups.Tuple.tuple(sattra.id(), count(meetings, m -> held.test(m) && m.areaId() == sattra.id()
                                    && within(m.day(), complete[0], complete[1]))));
        }
    }

    private Held meeting(long[] group, LocalDateTime start, boolean cancel) {
        long id = services.meetings().schedule(admin, new MeetingInput(group[1], "Nätverksmöte", start, start.plusHours(2), null,
                "Folkets hus", null, null)).id();
        if (cancel) {
            services.meetings().cancel(admin, id, "Ingen lokal");
        }
        return new Held(group[0], start.atZone(STOCKHOLM).toInstant(), cancel);
    }

    private long group(Area area) {
        return services.networkGroups().create(null, new NetworkGroupInput(area.id(), Fixtures.unique("Nätverket " + area.name()),
                List.of(police.id(), association.id()), List.of(groupCoordinator))).id();
    }

    // Action items

    private record Due(long areaId, LocalDate dueDate, ActionItemState state, Instant closedAt) {
        boolean onTime() {
            return state == ActionItemState.DONE && !LocalDate.ofInstant(closedAt, STOCKHOLM).isAfter(dueDate);
        }
    }

    @Test
    void actionItemsClosedOnTimeIsTheShareOfThoseDueInThePeriodDoneByTheEndOfTheirDueDayInStockholm() {
        Area sattra = area("Sättra");
        Area brynas = area("Brynäs");
        Area andersberg = area("Andersberg");
        long sattraMeeting = meetingOf(group(sattra));
        long brynasMeeting = meetingOf(group(brynas));
        long andersbergMeeting = meetingOf(group(andersberg));
        List<long[]> meetings = List.of(new long[] {sattra.id(), sattraMeeting}, new long[] {brynas.id(), brynasMeeting},
                new long[] {andersberg.id(), andersbergMeeting});
        List<Due> items = new ArrayList<>();
        Random random = new Random(666L);
        LocalDate from = today.minusDays(420);
        for (int i = 0; i < 70; i++) {
            long[] meeting = meetings.get(random.nextInt(meetings.size()));
            LocalDate due = from.minusDays(20).plusDays(random.nextInt(435));
            Visibility visibility = random.nextInt(3) == 0 ? Visibility.ORGANISATION : Visibility.NETWORK;
            // Done early, on the evening of the due day (after 22:00 UTC in summer, 23:00 in winter), just after its
            // midnight, a week late; still open; or cancelled.
            int outcome = random.nextInt(6);
            ZonedDateTime closing = switch (outcome) {
                case 0 -> due.minusDays(3).atTime(10, 0).atZone(STOCKHOLM);
                case 1 -> due.atTime(23, 30).atZone(STOCKHOLM);
                case 2 -> due.plusDays(1).atTime(0, 30).atZone(STOCKHOLM);
                case 3 -> due.plusDays(7).atTime(9, 0).atZone(STOCKHOLM);
                default -> null;
            };
            ActionItemState state = closing != null ? ActionItemState.DONE : outcome == 4 ? ActionItemState.IN_PROGRESS : ActionItemState.CANCELLED;
            items.add(actionItem(meeting, due, visibility, state, closing));
        }
        // Something due in the last complete month, quarter and year of both areas, so that each has its latest value there.
        for (PeriodLength length : PeriodLength.values()) {
            LocalDate last = lastComplete(length, today)[1];
            items.add(actionItem(meetings.get(0), last, Visibility.ORGANISATION, ActionItemState.DONE, last.atTime(23, 10).atZone(STOCKHOLM)));
            items.add(actionItem(meetings.get(1), last, Visibility.NETWORK, ActionItemState.DONE, last.plusDays(1).atTime(0, 10).atZone(STOCKHOLM)));
            items.add(actionItem(meetings.get(1), last.minusDays(1), Visibility.NETWORK, ActionItemState.OPEN, null));
        }
        // Items without a due date are never due, whatever became of them.
        actionItem(meetings.get(0), null, Visibility.NETWORK, ActionItemState.DONE, today.minusDays(40).atTime(12, 0).atZone(STOCKHOLM));
        actionItem(meetings.get(1), null, Visibility.ORGANISATION, ActionItemState.OPEN, null);
        assertThat(items).anyMatch(d -> d.onTime() && d.closedAt().isAfter(d.dueDate().atTime(22, 0).atZone(java.time.ZoneOffset.UTC).toInstant()))
                .anyMatch(d -> d.state() == ActionItemState.DONE && !d.onTime());

        DerivedQuery query = new DerivedQuery(DerivedSource.ACTION_ITEMS_CLOSED_ON_TIME, List.of(sattra.id(), brynas.id()), List.of(),
                List.of());
        Predicate<Due> inQuery = d -> d.areaId() != andersberg.id();
        for (PeriodLength length : PeriodLength.values()) {
            List<DataPoint> series = derived.series(query, length, from, today);
            assertThat(text(series)).as("%s series", length).isEqualTo(text(expectedShares(length, from, today, items, inQuery)));
            DataPoint latest = derived.latest(query, length, today);
            assertThat(latest).as("%s latest", length).isEqualTo(series.stream().filter(p -> !p.partial()).reduce((a, b) -> b).orElseThrow());
            LocalDate[] complete = lastComplete(length, today);
            assertThat(latest.to()).isEqualTo(complete[1]);
            assertThat(text(derived.byArea(query, length, today).stream().map(AreaValue::latest).toList())).as("%s by area", length)
                    .isEqualTo(text(List.of(share(items, d -> d.areaId() == brynas.id(), complete[0], complete[1], false),
                            share(items, d -> d.areaId() == sattra.id(), complete[0], complete[1], false))));
        }
        // A month with nothing due has no point, and when it is the last complete one there is no latest value: a share
        // from months ago is not where things stand now.
        Area quiet = area("Stilla");
        long quietMeeting = meetingOf(group(quiet));
        LocalDate lastMonth = today.withDayOfMonth(1).minusMonths(1);
        List<Due> quietItems = List.of(
                actionItem(new long[] {quiet.id(), quietMeeting}, lastMonth.minusMonths(2).plusDays(3), Visibility.NETWORK,
                        ActionItemState.DONE, lastMonth.minusMonths(2).plusDays(3).atTime(23, 50).atZone(STOCKHOLM)),
                actionItem(new long[] {quiet.id(), quietMeeting}, lastMonth.minusMonths(2).plusDays(9), Visibility.ORGANISATION,
                        ActionItemState.DONE, lastMonth.minusMonths(2).plusDays(10).atTime(0, 10).atZone(STOCKHOLM)),
                actionItem(new long[] {quiet.id(), quietMeeting}, lastMonth.minusMonths(2).plusDays(12), Visibility.NETWORK,
                        ActionItemState.DONE, lastMonth.minusMonths(2).plusDays(1).atTime(8, 0).atZone(STOCKHOLM)));
        DerivedQuery quietQuery = new DerivedQuery(DerivedSource.ACTION_ITEMS_CLOSED_ON_TIME, List.of(quiet.id()), List.of(), List.of());
        assertThat(derived.series(quietQuery, PeriodLength.MONTH, lastMonth.minusMonths(4), today)).singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualByComparingTo("66.7"));
        assertThat(derived.latest(quietQuery, PeriodLength.MONTH, today)).isNull();
        assertThat(derived.byArea(quietQuery, PeriodLength.MONTH, today)).singleElement().satisfies(v -> assertThat(v.latest()).isNull());
        assertThat(derived.byArea(new DerivedQuery(DerivedSource.ACTION_ITEMS_CLOSED_ON_TIME, List.of(), List.of(), List.of()),
                PeriodLength.MONTH, today)).as("an area not named is listed only with a value").noneMatch(v -> v.areaId() == quiet.id());
        // As of the last day of that month, a past day, its share is the latest.
        LocalDate thatMonthsEnd = lastMonth.minusMonths(1).minusDays(1);
        assertThat(derived.latest(quietQuery, PeriodLength.MONTH, thatMonthsEnd)).isEqualTo(share(quietItems, d -> true,
                lastMonth.minusMonths(2), thatMonthsEnd, false));
        assertThat(derived.byArea(quietQuery, PeriodLength.MONTH, thatMonthsEnd)).singleElement()
                .satisfies(v -> assertThat(v.latest().value()).isEqualByComparingTo("66.7"));
        Area none = area("Tomma");
        DerivedQuery nothing = new DerivedQuery(DerivedSource.ACTION_ITEMS_CLOSED_ON_TIME, List.of(none.id()), List.of(), List.of());
        assertThat(derived.series(nothing, PeriodLength.QUARTER, from, today)).isEmpty();
        assertThat(derived.latest(nothing, PeriodLength.QUARTER, today)).isNull();
        assertThat(derived.byArea(nothing, PeriodLength.QUARTER, today)).singleElement().satisfies(v -> assertThat(v.latest()).isNull());
    }

    private long meetingOf(long group) {
        LocalDateTime start = today.minusDays(500).atTime(18, 0);
        return services.meetings().schedule(admin, new MeetingInput(group, "Uppstart", start, start.plusHours(2), null, "Folkets hus", null,
                null)).id();
    }

    /** An item, closed at {@code closing} by the server's clock moved there. */
    private Due actionItem(long[] meeting, LocalDate due, Visibility visibility, ActionItemState state, ZonedDateTime closing) {
        long id = services.actionItems().create(admin, new ActionItemInput(meeting[1], "Byt belysning i porten",
                visibility == Visibility.ORGANISATION ? police.id() : association.id(), null, due, visibility)).id();
        ActionItem item = services.actionItems().get(admin, id);
        if (state != ActionItemState.OPEN) {
            if (closing != null) {
                server.clock().advance(Duration.between(Instant.now(), closing.toInstant()));
            }
            item = services.actionItems().setState(admin, id, state);
            server.clock().reset();
        }
        if (closing != null) {
            assertThat(Duration.between(closing.toInstant(), item.closedAt()).abs()).isLessThan(Duration.ofSeconds(5));
        }
        return new Due(meeting[0], due, state, item.closedAt());
    }

    private static List<DataPoint> expectedShares(PeriodLength length, LocalDate from, LocalDate to, List<Due> items, Predicate<Due> which) {
        List<DataPoint> points = new ArrayList<>();
        for (LocalDate[] period : calendarPeriods(length, from, to)) {
            DataPoint point = share(items, which, period[0], period[1], underWay(length, period));
            if (point != null) {
                points.add(point);
            }
        }
        return points;
    }

    private static DataPoint share(List<Due> items, Predicate<Due> which, LocalDate first, LocalDate last, boolean partial) {
        List<Due> due = items.stream().filter(which).filter(d -> d.state() != ActionItemState.CANCELLED)
                .filter(d -> d.dueDate() != null && within(d.dueDate(), first, last)).toList();
        if (due.isEmpty()) {
            return null;
        }
        long onTime = due.stream().filter(Due::onTime).count();
        return new DataPoint(first, last, new BigDecimal(onTime * 100).divide(new BigDecimal(due.size()), 1, RoundingMode.HALF_UP), partial);
    }

    // Rollouts

    private record Property(long id, int apartments) {
    }

    /** When each covering step of a property was done (null: not done), and which were not applicable. */
    private record Covering(Property property, LocalDate letter, LocalDate posters, boolean postersNotApplicable) {
        boolean coveredOn(LocalDate day) {
            boolean letterDone = letter != null && !letter.isAfter(day);
            boolean postersDone = posters != null && !posters.isAfter(day);
            // The rule: at least one covering step done, and every one done or not applicable.
            return (letterDone || postersDone) && letterDone && (postersDone || postersNotApplicable);
        }
    }

    @Test
    void apartmentsCoveredAreTheRolloutsCoverageOnEachPeriodsLastDayAsTheStepsGotDoneOverTheQuarters() {
        Area sattra = area("Sättra");
        Area brynas = area("Brynäs");
        RolloutService rollouts = services.rollouts();
        Organisation owner = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
        CurrentUser coordinator = Fixtures.principal(fixtures.user(Set.of(Role.COORDINATOR)));
        LocalDate start = today.minusDays(420);
        long template = services.methodTemplates().list(coordinator, false).stream().filter(t -> t.name().equals("Huskurage"))
                .findFirst().orElseThrow().id();
        long sattraRollout;
        long brynasRollout;
        List<RolloutProperty> sattraProperties;
        List<RolloutProperty> brynasProperties;
        server.clock().advance(Duration.ofDays(-420));
        try {
            sattraRollout = rollouts.create(coordinator, new RolloutInput(template, sattra.id(), "Huskurage i Sättra", start,
                    start.plusDays(500), null, null, List.of(new PropertyInput("Sättravägen 1", owner.id(), 2, 18),
                    new PropertyInput("Sättravägen 3", owner.id(), 3, 27), new PropertyInput("Sättravägen 5", owner.id(), 1, 9),
                    new PropertyInput("Sättravägen 7", owner.id(), 4, 40)))).id();
            brynasRollout = rollouts.create(coordinator, new RolloutInput(template, brynas.id(), "Huskurage på Brynäs", start,
                    start.plusDays(500), null, null, List.of(new PropertyInput("Brynäsgatan 2", owner.id(), 1, 12)))).id();
        } finally {
            server.clock().reset();
        }
        sattraProperties = rollouts.properties(coordinator, sattraRollout, null, 200).items();
        brynasProperties = rollouts.properties(coordinator, brynasRollout, null, 200).items();
        List<Covering> sattraCovering = List.of(
                covering(coordinator, sattraProperties.get(0), start.plusDays(20), start.plusDays(100), false),
                covering(coordinator, sattraProperties.get(1), start.plusDays(200), null, true),
                covering(coordinator, sattraProperties.get(2), start.plusDays(300), null, false),
                covering(coordinator, sattraProperties.get(3), today.minusDays(10), today.minusDays(3), false));
        List<Covering> brynasCovering = List.of(covering(coordinator, brynasProperties.get(0), start.plusDays(150), start.plusDays(150), false));
        List<Covering> all = new ArrayList<>(sattraCovering);
        all.addAll(brynasCovering);

        DerivedQuery query = new DerivedQuery(DerivedSource.APARTMENTS_COVERED, List.of(), List.of(), List.of(sattraRollout, brynasRollout));
        for (PeriodLength length : PeriodLength.values()) {
            List<DataPoint> expected = new ArrayList<>();
            for (LocalDate[] period : calendarPeriods(length, start, today)) {
                expected.add(new DataPoint(period[0], period[1], BigDecimal.valueOf(covered(all, period[1])), false));
            }
            List<DataPoint> series = derived.series(query, length, start, today);
            assertThat(text(series)).as("%s series", length).isEqualTo(text(expected));
            assertThat(series.stream().map(DataPoint::value).distinct().count()).as("coverage grew over the periods").isGreaterThan(1);
            assertThat(derived.latest(query, length, today)).isEqualTo(new DataPoint(calendarPeriods(length, today, today).get(0)[0], today,
                    BigDecimal.valueOf(covered(all, today)), false));
            assertThat(derived.byArea(query, length, today)).extracting(AreaValue::areaName, v -> v.latest().value().longValue())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(brynas.name(), covered(brynasCovering, today)),
                            org.assertj.core.groups.Tuple.tuple(sattra.name(), covered(sattraCovering, today)));
        }
        LocalDate earlier = start.plusDays(160);
        assertThat(derived.latest(new DerivedQuery(DerivedSource.APARTMENTS_COVERED, List.of(), List.of(), List.of(sattraRollout)),
                PeriodLength.YEAR, earlier).value().longValue()).isEqualTo(covered(sattraCovering, earlier));

        DerivedQuery noRollouts = new DerivedQuery(DerivedSource.APARTMENTS_COVERED, List.of(sattra.id()), List.of(), List.of());
        assertThat(derived.series(noRollouts, PeriodLength.QUARTER, start, today)).isEmpty();
        assertThat(derived.latest(noRollouts, PeriodLength.QUARTER, today)).isNull();
        assertThat(derived.byArea(noRollouts, PeriodLength.QUARTER, today)).isEmpty();
    }

    /** Does the covering steps on their days, each with the server's clock moved to that day; posters maybe not applicable. */
    private Covering covering(CurrentUser coordinator, RolloutProperty property, LocalDate letter, LocalDate posters,
                              boolean postersNotApplicable) {
        RolloutService rollouts = services.rollouts();
        List<LocalDate> days = new ArrayList<>();
        if (letter != null) {
            days.add(letter);
        }
        if (posters != null) {
            days.add(posters);
        }
        days.sort(Comparator.naturalOrder());
        for (LocalDate day : days) {
            server.clock().advance(Duration.between(Instant.now(), day.atTime(12, 0).atZone(STOCKHOLM).toInstant()));
            try {
                if (day.equals(letter)) {
                    rollouts.updateStep(coordinator, stepAt(coordinator, property.id(), COVERING.get(0)),
                            new PropertyStepInput(StepState.DONE, null, null, null, null, null, null, null));
                }
                if (day.equals(posters)) {
                    rollouts.updateStep(coordinator, stepAt(coordinator, property.id(), COVERING.get(1)),
                            new PropertyStepInput(StepState.DONE, null, null, null, null, null, null, null));
                }
            } finally {
                server.clock().reset();
            }
        }
        if (postersNotApplicable) {
            rollouts.updateStep(coordinator, stepAt(coordinator, property.id(), COVERING.get(1)),
                    new PropertyStepInput(StepState.NOT_APPLICABLE, null, null, null, null, null, null, "Egna affischer finns"));
        } else if (posters == null) {
            rollouts.updateStep(coordinator, stepAt(coordinator, property.id(), COVERING.get(1)),
                    new PropertyStepInput(StepState.IN_PROGRESS, null, null, null, null, null, null, null));
        }
        return new Covering(new Property(property.id(), property.apartments()), letter, posters, postersNotApplicable);
    }

    private long stepAt(CurrentUser coordinator, long property, int position) {
        return services.rollouts().property(coordinator, property).steps().stream().filter(s -> s.position() == position).findFirst()
                .orElseThrow().id();
    }

    private static long covered(List<Covering> properties, LocalDate day) {
        return properties.stream().filter(c -> c.coveredOn(day)).mapToLong(c -> c.property().apartments()).sum();
    }

    // Counting in the test

    private interface PeriodCount {
        long count(LocalDate first, LocalDate last);
    }

    private static List<DataPoint> expectedFlow(PeriodLength length, LocalDate from, LocalDate to, PeriodCount count) {
        return calendarPeriods(length, from, to).stream().map(p -> new DataPoint(p[0], p[1], BigDecimal.valueOf(count.count(p[0], p[1])),
                underWay(length, p))).toList();
    }

    /** A period is partial when cut before its natural end, or when that end is not yet in the past (today counts as under way). */
    private static boolean underWay(PeriodLength length, LocalDate[] period) {
        return !period[1].equals(naturalEnd(length, period[0])) || !period[1].isBefore(LocalDate.now(STOCKHOLM));
    }

    /** The calendar periods from the one containing {@code from} to the one containing {@code to}, the last ending at {@code to}. */
    private static List<LocalDate[]> calendarPeriods(PeriodLength length, LocalDate from, LocalDate to) {
        int months = switch (length) {
            case MONTH -> 1;
            case QUARTER -> 3;
            case YEAR -> 12;
        };
        LocalDate first = LocalDate.of(from.getYear(), (from.getMonthValue() - 1) / months * months + 1, 1);
        List<LocalDate[]> periods = new ArrayList<>();
        while (!first.isAfter(to)) {
            LocalDate last = first.plusMonths(months).minusDays(1);
            periods.add(new LocalDate[] {first, last.isAfter(to) ? to : last});
            first = first.plusMonths(months);
        }
        return periods;
    }

    private static LocalDate naturalEnd(PeriodLength length, LocalDate day) {
        LocalDate[] whole = calendarPeriods(length, day, LocalDate.of(2100, 12, 31)).get(0);
        return whole[1];
    }

    /** The last period over by the end of {@code day}, a day before today: on today the period under way is never over. */
    private static LocalDate[] lastComplete(PeriodLength length, LocalDate day) {
        LocalDate end = naturalEnd(length, day);
        LocalDate inside = end.equals(day) && day.isBefore(LocalDate.now(STOCKHOLM)) ? day
                : calendarPeriods(length, day, day).get(0)[0].minusDays(1);
        return new LocalDate[] {calendarPeriods(length, inside, inside).get(0)[0], naturalEnd(length, inside)};
    }

    private static boolean within(LocalDate day, LocalDate first, LocalDate last) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    private static <T> long count(List<T> records, Predicate<T> which) {
        return records.stream().filter(which).count();
    }

    /** Points as text, so a difference reads as the period it is in, and a value's scale counts ("66.7", "12"). */
    private static List<String> text(List<DataPoint> points) {
        return points.stream().map(p -> p == null ? "none" : p.from() + ".." + p.to() + " = " + p.value().toPlainString()
                + (p.partial() ? " (partial)" : "")).toList();
    }

    private Area area(String name) {
        return services.areas().create(null, new AreaInput(Fixtures.unique(name), "Gävle", null));
    }

    private long activityType(String name) {
        return services.categories().create(admin, new CategoryInput(CategoryKind.ACTIVITY_TYPE, Fixtures.unique(name), null, null)).id();
    }
}
