package se.samtrygg.common.db;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Consecutive periods given by their boundaries, {@code [b0, b1), [b1, b2), ...}: instants (midnights in
 * Europe/Stockholm) or days. A query counts in {@code [from(), until())} and groups by {@link #periodOf}, the number of the
 * period a value falls in (0 for the first): so a series of any length costs one query, not one per period.
 */
public record PeriodBoundaries<T extends Comparable<? super T>>(List<T> boundaries) {

    public PeriodBoundaries {
        if (boundaries.size() < 2) {
            throw new IllegalArgumentException("a period needs a start and an end");
        }
        for (int i = 1; i < boundaries.size(); i++) {
            if (boundaries.get(i).compareTo(boundaries.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("boundaries must increase: " + boundaries);
            }
        }
        boundaries = List.copyOf(boundaries);
    }

    public static <T extends Comparable<? super T>> PeriodBoundaries<T> single(T from, T until) {
        return new PeriodBoundaries<>(List.of(from, until));
    }

    public T from() {
        return boundaries.get(0);
    }

    public T until() {
        return boundaries.get(boundaries.size() - 1);
    }

    public int periods() {
        return boundaries.size() - 1;
    }

    /** The period number of a value in {@code [from(), until())}: its parameters are {@link #steps()}'s. */
    public SqlSteps steps() {
        return new SqlSteps("periodEnd", boundaries.subList(1, boundaries.size() - 1), IntStream.range(0, periods()).boxed().toList());
    }
}
