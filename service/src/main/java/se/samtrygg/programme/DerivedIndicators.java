package se.samtrygg.programme;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import se.samtrygg.activity.ActivityService;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaService;
import se.samtrygg.common.db.PeriodBoundaries;
import se.samtrygg.common.db.PeriodCount;
import se.samtrygg.common.web.Dates;
import se.samtrygg.meeting.ActionItemService;
import se.samtrygg.meeting.ActionItemsDue;
import se.samtrygg.meeting.MeetingService;
import se.samtrygg.rollout.RolloutCoverage;
import se.samtrygg.rollout.RolloutService;

/**
 * Values of DERIVED indicators, counted live from the records of other features through their services (never their
 * DAOs). Periods are calendar months, quarters or years in Europe/Stockholm. Only counts and sums leave those
 * services: ORGANISATION-visible records are counted, never listed.
 *
 * <p>Cost: every method asks each service a bounded number of grouped queries, whatever the number of periods or areas
 * (the services count all periods of a series in one query, grouped by period and area). For APARTMENTS_COVERED the
 * query's areas play no part: its rollouts decide, and its breakdown is by their areas.
 *
 * <p>Counts of periods that have ended are kept for a while in a {@link DerivedValueCache} (a back-dated record shows
 * at most one TTL late), so a repeated overview asks the other features nothing for them; the period under way and
 * APARTMENTS_COVERED (a stock as of the day asked, from the few rows of the rollouts named, cheap) are counted every time.
 */
public final class DerivedIndicators {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ActivityService activities;
    private final RolloutService rollouts;
    private final MeetingService meetings;
    private final ActionItemService actionItems;
    private final AreaService areas;
    private final Clock clock;
    private final DerivedValueCache cache;
    private final Counter sourceQueries = new Counter();

    /** {@code cacheTtl}: how long counts of ended periods are reused (zero: never). */
    public DerivedIndicators(ActivityService activities, RolloutService rollouts, MeetingService meetings, ActionItemService actionItems,
                             AreaService areas, Duration cacheTtl, Clock clock) {
        this.activities = activities;
        this.rollouts = rollouts;
        this.meetings = meetings;
        this.actionItems = actionItems;
        this.areas = areas;
        this.clock = clock;
        this.cache = new DerivedValueCache(cacheTtl, clock);
    }

    /**
     * For the admin port: {@code sourceQueries}, how many times another feature's service was asked for counts;
     * {@code cacheHits}, how many counts of ended periods were reused instead.
     */
    public MetricSet metrics() {
        Map<String, Metric> metrics = Map.of("sourceQueries", sourceQueries, "cacheHits", cache.hits());
        return () -> metrics;
    }

    /** Today in Sweden, by the service's clock: the period containing it is under way, even on its last day. */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(Dates.ZONE));
    }

    /**
     * One point per period, oldest first, from the period that contains {@code from} through the one that contains
     * {@code to} (usually today). A period after {@code to}'s is never counted; the period that contains {@code to} ends
     * at {@code to} and, for the flow sources (all but APARTMENTS_COVERED), is marked {@code partial} unless {@code to} is
     * its last day and that day is before today (Europe/Stockholm, the service's clock): on its last day a period is still
     * under way (activities later that day, meetings not yet held, items due today still open). A period without a value
     * (ACTION_ITEMS_CLOSED_ON_TIME with nothing due, APARTMENTS_COVERED without rollouts) has no point.
     */
    public List<DataPoint> series(DerivedQuery query, PeriodLength period, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return List.of();
        }
        List<Period> periods = periods(period, from, to, today());
        return switch (query.source()) {
            case ACTIVITIES, MEETINGS_HELD -> {
                Map<Integer, Long> counts = byPeriod(query, period, periods, some -> sumByPeriod(countFlow(query, some)));
                List<DataPoint> points = new ArrayList<>();
                for (int i = 0; i < periods.size(); i++) {
                    points.add(periods.get(i).point(count(counts.getOrDefault(i, 0L))));
                }
                yield points;
            }
            case ACTION_ITEMS_CLOSED_ON_TIME -> {
                Map<Integer, Due> due = byPeriod(query, period, periods, some -> dueByPeriod(countDue(query, some)));
                List<DataPoint> points = new ArrayList<>();
                for (int i = 0; i < periods.size(); i++) {
                    Due d = due.get(i);
                    if (d != null) {
                        points.add(periods.get(i).point(d.share()));
                    }
                }
                yield points;
            }
            case APARTMENTS_COVERED -> {
                Map<LocalDate, Long> covered = new HashMap<>();
                List<LocalDate> days = periods.stream().map(Period::last).toList();
                coverage(query, days).forEach(c -> covered.merge(c.day(), c.apartments(), Long::sum));
                // A stock is whole on any day: the period under way has its value on {@code to}, not a partial one.
                yield covered.isEmpty() ? List.of()
                        : periods.stream().map(p -> new DataPoint(p.first(), p.last(), count(covered.get(p.last())), false)).toList();
            }
        };
    }

    /**
     * The latest value that is not partial, as of {@code asOf}: the last complete period's for flow sources (a period is
     * complete when its last day is on or before {@code asOf} and before today, so the period under way never is, even on
     * its last day), the value on {@code asOf} for APARTMENTS_COVERED; null when there is none. Cheap enough to call for every indicator of the
     * overview (a bounded number of aggregate queries, no series).
     */
    public DataPoint latest(DerivedQuery query, PeriodLength period, LocalDate asOf) {
        return switch (query.source()) {
            case ACTIVITIES, MEETINGS_HELD -> {
                Period complete = lastComplete(period, asOf, today());
                yield complete.point(count(sumByPeriod(flowOf(query, period, complete)).getOrDefault(0, 0L)));
            }
            case ACTION_ITEMS_CLOSED_ON_TIME -> {
                // Only the last complete period: a share from years ago is not where things stand, so nothing due there
                // is no value (NO_DATA), however much was due before.
                Period complete = lastComplete(period, asOf, today());
                Due due = dueByPeriod(dueOf(query, period, complete)).get(0);
                yield due == null ? null : complete.point(due.share());
            }
            case APARTMENTS_COVERED -> {
                List<RolloutCoverage> coverage = coverage(query, List.of(asOf));
                yield coverage.isEmpty() ? null : new DataPoint(startOf(period, asOf), asOf,
                        count(coverage.stream().mapToLong(RolloutCoverage::apartments).sum()), false);
            }
        };
    }

    /**
     * The breakdown: for each area of the query (every area with a value when the query names none; for
     * APARTMENTS_COVERED the areas of its rollouts), by area name, the latest value as {@link #latest} defines it.
     */
    public List<AreaValue> byArea(DerivedQuery query, PeriodLength period, LocalDate asOf) {
        List<Long> named = ids(query.areaIds());
        Map<Long, DataPoint> latest = new HashMap<>();
        Set<Long> shown = new LinkedHashSet<>(query.source() == DerivedSource.APARTMENTS_COVERED ? List.of() : named);
        switch (query.source()) {
            case ACTIVITIES, MEETINGS_HELD -> {
                Period complete = lastComplete(period, asOf, today());
                Map<Long, Long> counts = new HashMap<>();
                flowOf(query, period, complete).forEach(c -> counts.merge(c.areaId(), c.records(), Long::sum));
                shown.addAll(counts.keySet());
                // A named area without any has the value 0; an unnamed one is not listed.
                shown.forEach(area -> latest.put(area, complete.point(count(counts.getOrDefault(area, 0L)))));
            }
            case ACTION_ITEMS_CLOSED_ON_TIME -> {
                // As latest: the last complete period only. A named area with nothing due there has no value; an unnamed
                // one is not listed.
                Period complete = lastComplete(period, asOf, today());
                Map<Long, Due> due = new HashMap<>();
                dueOf(query, period, complete).forEach(row -> due.merge(row.areaId(), new Due(row.due(), row.doneOnTime()), Due::plus));
                shown.addAll(due.keySet());
                due.forEach((area, d) -> latest.put(area, complete.point(d.share())));
            }
            case APARTMENTS_COVERED -> {
                Map<Long, Long> covered = new HashMap<>();
                coverage(query, List.of(asOf)).forEach(c -> covered.merge(c.areaId(), c.apartments(), Long::sum));
                shown.addAll(covered.keySet());
                covered.forEach((area, apartments) -> latest.put(area, new DataPoint(startOf(period, asOf), asOf, count(apartments), false)));
            }
        }
        Map<Long, Area> known = new HashMap<>();
        areas.all().forEach(a -> known.put(a.id(), a));
        return shown.stream().filter(known::containsKey)
                .map(area -> new AreaValue(area, known.get(area).name(), latest.get(area)))
                .sorted(Comparator.comparing(AreaValue::areaName).thenComparingLong(AreaValue::areaId))
                .toList();
    }

    // Ended periods from the cache

    /** The counts per area of one whole period (from the cache once it has ended). */
    private List<PeriodCount> flowOf(DerivedQuery query, PeriodLength length, Period whole) {
        return ended(length, whole) ? cache.get(DerivedValueCache.Key.of(query, length, whole.first(), whole.last(),
                DerivedValueCache.View.BY_AREA), () -> List.copyOf(countFlow(query, List.of(whole)))) : countFlow(query, List.of(whole));
    }

    /** The action items due per area in one whole period (from the cache once it has ended). */
    private List<ActionItemsDue> dueOf(DerivedQuery query, PeriodLength length, Period whole) {
        return ended(length, whole) ? cache.get(DerivedValueCache.Key.of(query, length, whole.first(), whole.last(),
                DerivedValueCache.View.BY_AREA), () -> List.copyOf(countDue(query, List.of(whole)))) : countDue(query, List.of(whole));
    }

    /**
     * Values per period, numbered as {@code periods}: those of the ended periods at the front (all but a last one still
     * under way or cut short) from the cache as one entry, the rest counted now.
     */
    private <V> Map<Integer, V> byPeriod(DerivedQuery query, PeriodLength length, List<Period> periods,
                                         Function<List<Period>, Map<Integer, V>> count) {
        int closed = 0;
        while (closed < periods.size() && ended(length, periods.get(closed))) {
            closed++;
        }
        if (closed == 0 || !cache.enabled()) {
            // Nothing to keep, or nowhere to keep it: one query for the whole series.
            return count.apply(periods);
        }
        List<Period> over = periods.subList(0, closed);
        Supplier<Map<Integer, V>> countOver = () -> Map.copyOf(count.apply(over));
        Map<Integer, V> values = new HashMap<>(cache.get(DerivedValueCache.Key.of(query, length, over.get(0).first(),
                over.get(closed - 1).last(), DerivedValueCache.View.BY_PERIOD), countOver));
        if (closed < periods.size()) {
            int offset = closed;
            count.apply(periods.subList(closed, periods.size())).forEach((i, value) -> values.put(i + offset, value));
        }
        return values;
    }

    /** Whole and over before today: its count changes only by a back-dated record. */
    private boolean ended(PeriodLength length, Period period) {
        return period.equals(whole(length, period.first())) && period.last().isBefore(today());
    }

    // Asking the other features

    private List<PeriodCount> countFlow(DerivedQuery query, List<Period> periods) {
        sourceQueries.inc();
        PeriodBoundaries<Instant> boundaries = boundaries(periods, day -> day.atStartOfDay(Dates.ZONE).toInstant());
        return query.source() == DerivedSource.ACTIVITIES
                ? activities.countByAreaAndPeriod(ids(query.areaIds()), ids(query.activityTypeIds()), boundaries)
                : meetings.countHeldByAreaAndPeriod(ids(query.areaIds()), boundaries);
    }

    private List<ActionItemsDue> countDue(DerivedQuery query, List<Period> periods) {
        sourceQueries.inc();
        return actionItems.countDueByAreaAndPeriod(ids(query.areaIds()), boundaries(periods, day -> day));
    }

    private List<RolloutCoverage> coverage(DerivedQuery query, List<LocalDate> days) {
        sourceQueries.inc();
        return rollouts.coveredApartments(ids(query.rolloutIds()), days);
    }

    /** The periods' first days and the day after the last one, as the services take them: midnights or days. */
    private static <T extends Comparable<? super T>> PeriodBoundaries<T> boundaries(List<Period> periods, Function<LocalDate, T> at) {
        List<T> boundaries = new ArrayList<>();
        periods.forEach(p -> boundaries.add(at.apply(p.first())));
        boundaries.add(at.apply(periods.get(periods.size() - 1).last().plusDays(1)));
        return new PeriodBoundaries<>(boundaries);
    }

    private static Map<Integer, Long> sumByPeriod(List<PeriodCount> counts) {
        Map<Integer, Long> sums = new HashMap<>();
        counts.forEach(c -> sums.merge(c.period(), c.records(), Long::sum));
        return sums;
    }

    private static Map<Integer, Due> dueByPeriod(List<ActionItemsDue> rows) {
        Map<Integer, Due> sums = new HashMap<>();
        rows.forEach(row -> sums.merge(row.period(), new Due(row.due(), row.doneOnTime()), Due::plus));
        return sums;
    }

    private static List<Long> ids(Collection<Long> ids) {
        return ids == null ? List.of() : List.copyOf(ids);
    }

    private static BigDecimal count(long count) {
        return BigDecimal.valueOf(count);
    }

    /** Items due in a period and those done on time; the share done on time in percent, one decimal. */
    private record Due(long due, long doneOnTime) {
        Due plus(Due other) {
            return new Due(due + other.due, doneOnTime + other.doneOnTime);
        }

        BigDecimal share() {
            return BigDecimal.valueOf(doneOnTime).multiply(HUNDRED).divide(BigDecimal.valueOf(due), 1, RoundingMode.HALF_UP);
        }
    }

    // Periods

    /** A calendar period; {@code last} is cut at the day asked for when the period is still under way ({@code partial}). */
    record Period(LocalDate first, LocalDate last, boolean partial) {
        DataPoint point(BigDecimal value) {
            return new DataPoint(first, last, value, partial);
        }
    }

    /**
     * The periods from the one containing {@code from} through the one containing {@code to}, the last cut at {@code to}
     * and partial unless it ends on {@code to} and {@code to} is before {@code today}.
     */
    static List<Period> periods(PeriodLength length, LocalDate from, LocalDate to, LocalDate today) {
        List<Period> periods = new ArrayList<>();
        for (LocalDate start = startOf(length, from); !start.isAfter(to); start = next(length, start)) {
            LocalDate end = next(length, start).minusDays(1);
            periods.add(end.isAfter(to) ? new Period(start, to, true) : new Period(start, end, !end.isBefore(today)));
        }
        return periods;
    }

    /**
     * The last period that is over by the end of {@code asOf}: the one containing it when {@code asOf} is its last day
     * and before {@code today} (on its last day the period under way is not over), else the one before.
     */
    static Period lastComplete(PeriodLength length, LocalDate asOf, LocalDate today) {
        Period containing = whole(length, asOf);
        return containing.last().equals(asOf) && asOf.isBefore(today) ? containing : whole(length, containing.first().minusDays(1));
    }

    /** The whole period containing {@code day}. */
    static Period whole(PeriodLength length, LocalDate day) {
        LocalDate start = startOf(length, day);
        return new Period(start, next(length, start).minusDays(1), false);
    }

    static LocalDate startOf(PeriodLength length, LocalDate day) {
        return switch (length) {
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    private static LocalDate next(PeriodLength length, LocalDate start) {
        return switch (length) {
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }
}
