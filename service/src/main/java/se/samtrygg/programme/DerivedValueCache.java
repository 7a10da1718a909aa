package se.samtrygg.programme;

import com.codahale.metrics.Counter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import se.samtrygg.common.Futures;

/**
 * Counts of periods that have ended, kept for a while ({@code programme.derivedCacheTtl}, five minutes by default) so
 * that the overview does not count a month of activities again on every request. A period that has ended changes only
 * when someone back-dates a record into it (an activity logged afterwards, a meeting cancelled afterwards, an action item
 * closed late); such a record shows at most one TTL after it was saved. The period under way is never kept here.
 *
 * <p>Age is measured with the service's clock (tests move it); an entry from a time after now (a clock set back) counts
 * as expired. Bounded: when full, the expired entries go, and if that is not enough, all of them. One per node: nodes do
 * not share it, each is at most one TTL behind. Requests that miss while a count for the same key runs wait for it, so
 * a popular overview right after the TTL passed costs one count, not one per request.
 */
final class DerivedValueCache {
    /** A programme has a few dozen derived indicators; this leaves room for many programmes, periods and breakdowns. */
    static final int MAX_ENTRIES = 4096;

    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Counter hits = new Counter();

    DerivedValueCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    /** How the counts are kept: per area for one period (latest value, breakdown), or summed per period (series). */
    enum View {
        BY_AREA, BY_PERIOD
    }

    /**
     * Everything a count depends on: what is counted (source, areas, activity types, rollouts; lists sorted, so the same
     * areas in another order are the same key), the period length, the first day of the first period and the last day of
     * the last one, and the view.
     */
    record Key(DerivedSource source, List<Long> areaIds, List<Long> activityTypeIds, List<Long> rolloutIds, PeriodLength length,
               LocalDate first, LocalDate last, View view) {
        static Key of(DerivedQuery query, PeriodLength length, LocalDate first, LocalDate last, View view) {
            return new Key(query.source(), sorted(query.areaIds()), sorted(query.activityTypeIds()), sorted(query.rolloutIds()), length,
                    first, last, view);
        }

        private static List<Long> sorted(List<Long> ids) {
            return ids == null ? List.of() : ids.stream().distinct().sorted().toList();
        }
    }

    /** A count, done or under way (requests that miss while it runs wait for it rather than count again). */
    private record Entry(CompletableFuture<Object> value, Instant countedAt) {
    }

    /**
     * The value kept for {@code key} while it is younger than the TTL, else {@code count}'s, kept from now on. The value
     * must not change afterwards (an unmodifiable list or map). No lock is held while counting.
     */
    @SuppressWarnings("unchecked")
    <T> T get(Key key, Supplier<T> count) {
        if (!enabled()) {
            return count.get();
        }
        // Taken before counting: a record saved while the count runs may be missed, and then shows one TTL after it.
        Instant now = clock.instant();
        makeRoom(now);
        Entry mine = new Entry(new CompletableFuture<>(), now);
        Entry kept = entries.compute(key, (k, old) -> old != null && fresh(old, now) ? old : mine);
        if (kept != mine) {
            hits.inc();
            return (T) Futures.join(kept.value());
        }
        try {
            T value = count.get();
            mine.value().complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            // Not kept: the next request counts again. Those that waited for this count fail as it did.
            entries.remove(key, mine);
            mine.value().completeExceptionally(e);
            throw e;
        }
    }

    private void makeRoom(Instant now) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !fresh(e, now));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
    }

    /** False when the TTL is zero: every count is made afresh. */
    boolean enabled() {
        return !ttl.isZero() && !ttl.isNegative();
    }

    private boolean fresh(Entry entry, Instant now) {
        return !now.isBefore(entry.countedAt()) && now.isBefore(entry.countedAt().plus(ttl));
    }

    /** Requests answered from the cache (a metric). */
    Counter hits() {
        return hits;
    }
}
