package se.samtrygg.placereport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.samtrygg.area.Area;
import se.samtrygg.area.Place;

/**
 * The quarterly view of the weekly place reports, to set priorities: places and areas ranked by how their
 * reports develop. The rule (also on the page and in docs/api.md):
 * <ul>
 *   <li>a report's score is the sum of its five signs (0-15);</li>
 *   <li>a place's level in a quarter is the mean score of the reports of its weeks the viewer may read (a week
 *       belongs to the quarter its Thursday is in); an area's is the mean over all such reports of its places;</li>
 *   <li>development is this quarter's level minus the previous quarter's;</li>
 *   <li>ranked first are those with reports in both quarters, by development (worsening first), then by this quarter's
 *       level (higher first); then those with reports in one quarter only (no comparison), by this quarter's level, then
 *       the previous one's; ties by name. Those with no reports in either quarter get no rank and say "no reports".</li>
 * </ul>
 * Means are compared exactly (as fractions), so two equal means never rank by rounding.
 */
public record QuarterlyRanking(
        String quarter,
        String previousQuarter,
        String firstWeek,
        String lastWeek,
        String previousFirstWeek,
        Long areaId,
        long hiddenReports,
        List<Ranked> places,
        List<Ranked> areas) {

    public enum Trend {
        WORSENING, IMPROVING, UNCHANGED, NO_COMPARISON, NO_REPORTS
    }

    /** The reports of one quarter: how many, their mean score and the mean of each sign (null when there are none). */
    public record Period(int reports, Double meanScore, Map<Sign, Double> signMeans) {
    }

    /** How one sign developed: its mean this quarter and the previous one, and which way it went. */
    public record SignTrend(Sign sign, Double current, Double previous, Trend trend) {
    }

    /** A place ({@code placeId} set) or an area ({@code placeId} null) in its ranking; {@code rank} is null without reports. */
    public record Ranked(Integer rank, long areaId, String areaName, Long placeId, String placeName, Period current,
                         Period previous, Double development, Trend trend, List<SignTrend> signs) {
    }

    /** Sums of one place or area in one quarter. */
    private static final class Sums {
        int count;
        long score;
        final Map<Sign, Long> signs = new EnumMap<>(Sign.class);

        void add(PlaceTotals totals) {
            count += totals.reports();
            score += totals.score();
            for (Sign sign : Sign.values()) {
                signs.merge(sign, totals.sum(sign), Long::sum);
            }
        }

        void add(Sums other) {
            count += other.count;
            score += other.score;
            other.signs.forEach((sign, sum) -> signs.merge(sign, sum, Long::sum));
        }

        Period period() {
            Map<Sign, Double> means = new EnumMap<>(Sign.class);
            if (count > 0) {
                for (Sign sign : Sign.values()) {
                    means.put(sign, signs.getOrDefault(sign, 0L) / (double) count);
                }
            }
            return new Period(count, count == 0 ? null : score / (double) count, means);
        }
    }

    /** A fraction with a positive denominator, compared exactly. */
    private record Fraction(long numerator, long denominator) implements Comparable<Fraction> {
        static Fraction mean(Sums sums) {
            return sums.count == 0 ? null : new Fraction(sums.score, sums.count);
        }

        static Fraction difference(Fraction a, Fraction b) {
            return new Fraction(Math.subtractExact(Math.multiplyExact(a.numerator, b.denominator),
                    Math.multiplyExact(b.numerator, a.denominator)), Math.multiplyExact(a.denominator, b.denominator));
        }

        @Override
        public int compareTo(Fraction other) {
            return Long.compare(Math.multiplyExact(numerator, other.denominator), Math.multiplyExact(other.numerator, denominator));
        }

        double value() {
            return numerator / (double) denominator;
        }
    }

    private record Entry(long areaId, String areaName, Long placeId, String placeName, Sums current, Sums previous) {
        Fraction currentMean() {
            return Fraction.mean(current);
        }

        Fraction previousMean() {
            return Fraction.mean(previous);
        }

        Fraction development() {
            return current.count > 0 && previous.count > 0 ? Fraction.difference(currentMean(), previousMean()) : null;
        }

        int group() {
            if (current.count > 0 && previous.count > 0) {
                return 0;
            }
            return current.count > 0 || previous.count > 0 ? 1 : 2;
        }

        String name() {
            return placeName == null ? areaName : placeName;
        }
    }

    private static final Comparator<Fraction> HIGHER_FIRST = Comparator.nullsLast(Comparator.<Fraction>reverseOrder());

    private static final Comparator<Entry> ORDER = Comparator.comparingInt(Entry::group)
            .thenComparing(Entry::development, HIGHER_FIRST)
            .thenComparing(Entry::currentMean, HIGHER_FIRST)
            .thenComparing(Entry::previousMean, HIGHER_FIRST)
            .thenComparing(Entry::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(Entry::areaName, String.CASE_INSENSITIVE_ORDER)
            .thenComparingLong(e -> e.placeId() == null ? e.areaId() : e.placeId());

    /**
     * Ranks {@code places} (each of one of {@code areas}) from the readable totals of the quarter and the one before.
     */
    public static QuarterlyRanking rank(Quarter quarter, Long areaId, List<Area> areas, List<Place> places, List<PlaceTotals> totals,
                                        long hiddenReports) {
        Map<Long, Area> areaById = new LinkedHashMap<>();
        areas.forEach(a -> areaById.put(a.id(), a));
        Map<Long, Entry> byPlace = new LinkedHashMap<>();
        for (Place place : places) {
            Area area = areaById.get(place.areaId());
            if (area != null) {
                byPlace.put(place.id(), new Entry(area.id(), area.name(), place.id(), place.name(), new Sums(), new Sums()));
            }
        }
        for (PlaceTotals row : totals) {
            Entry entry = byPlace.get(row.placeId());
            if (entry != null) {
                (row.inQuarter() ? entry.current() : entry.previous()).add(row);
            }
        }
        Map<Long, Entry> byArea = new LinkedHashMap<>();
        for (Area area : areas) {
            byArea.put(area.id(), new Entry(area.id(), area.name(), null, null, new Sums(), new Sums()));
        }
        for (Entry place : byPlace.values()) {
            Entry area = byArea.get(place.areaId());
            area.current().add(place.current());
            area.previous().add(place.previous());
        }
        return new QuarterlyRanking(quarter.toString(), quarter.previous().toString(), quarter.firstWeek().toString(),
                quarter.lastWeek().toString(), quarter.previous().firstWeek().toString(), areaId, hiddenReports,
                ranked(byPlace.values()), ranked(byArea.values()));
    }

    private static List<Ranked> ranked(java.util.Collection<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(ORDER);
        List<Ranked> result = new ArrayList<>();
        int rank = 0;
        for (Entry e : sorted) {
            boolean any = e.group() < 2;
            Fraction development = e.development();
            Trend trend = !any ? Trend.NO_REPORTS : development == null ? Trend.NO_COMPARISON : trend(development.numerator());
            result.add(new Ranked(any ? ++rank : null, e.areaId(), e.areaName(), e.placeId(), e.placeName(), e.current().period(),
                    e.previous().period(), development == null ? null : development.value(), trend, signTrends(e)));
        }
        return List.copyOf(result);
    }

    private static List<SignTrend> signTrends(Entry e) {
        List<SignTrend> signs = new ArrayList<>();
        Period current = e.current().period();
        Period previous = e.previous().period();
        for (Sign sign : Sign.values()) {
            Double now = current.signMeans().get(sign);
            Double before = previous.signMeans().get(sign);
            Trend trend;
            if (now == null && before == null) {
                trend = Trend.NO_REPORTS;
            } else if (now == null || before == null) {
                trend = Trend.NO_COMPARISON;
            } else {
                // Exactly, as for the score: sum_now * count_before against sum_before * count_now.
                long a = Math.multiplyExact(e.current().signs.getOrDefault(sign, 0L), (long) e.previous().count);
                long b = Math.multiplyExact(e.previous().signs.getOrDefault(sign, 0L), (long) e.current().count);
                trend = trend(Long.compare(a, b));
            }
            signs.add(new SignTrend(sign, now, before, trend));
        }
        return List.copyOf(signs);
    }

    private static Trend trend(long signum) {
        return signum > 0 ? Trend.WORSENING : signum < 0 ? Trend.IMPROVING : Trend.UNCHANGED;
    }
}
