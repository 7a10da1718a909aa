package se.samtrygg.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * System time plus an offset that a test can move forward (to let a session expire) and reset; a
 * test whose assertion depends on how much time passes between two requests can also freeze it.
 */
public final class MutableClock extends Clock {
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozenAt;

    /** Stops time where it is now (offset included) until {@link #reset}. */
    public void freeze() {
        frozenAt = instant();
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
        frozenAt = null;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        Instant frozen = frozenAt;
        return frozen != null ? Clock.fixed(frozen, zone) : Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : Instant.now().plus(offset);
    }
}
