package se.samtrygg.common;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One page of a keyset-paged list: the items and, when there may be more, the id to pass as
 * {@code ?after=} for the next page.
 */
public record Page<T>(List<T> items, Long nextAfter) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** The DAO fetched {@code limit + 1} rows; the extra one only tells that there is a next page. */
    public static <T> Page<T> of(List<T> fetched, int limit, ToLongFunction<T> id) {
        if (fetched.size() <= limit) {
            return new Page<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Page<>(items, id.applyAsLong(items.get(items.size() - 1)));
    }

    public static int clampLimit(Integer requested) {
        if (requested == null || requested < 1) {
            return DEFAULT_LIMIT;
        }
        return Math.min(requested, MAX_LIMIT);
    }

    public static long afterOrStart(Long after) {
        return after == null ? 0L : after;
    }
}
