package se.samtrygg.programme;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * The documented status rule (docs/architecture.md, "Programme status"). An indicator's status compares its latest value
 * with where the straight line from baseline to target says it should be by the value's date:
 * <ol>
 * <li>NO_DATA without a baseline (value and date), a target (value and date), or a value dated on or after the baseline
 * date.</li>
 * <li>Once the target date has passed ({@code asOf} after it), only the target counts: ON_TRACK when the latest value
 * reached it (or went beyond, in the better direction), else OFF_TRACK.</li>
 * <li>Before that, the expected value at the latest value's date is interpolated linearly between baseline and target.
 * The shortfall (how far the value lags behind it, in the better direction) is measured against the whole planned
 * change |target − baseline|, or |target| when baseline equals target, or 1 when both are zero: a shortfall of at most
 * 10 % is ON_TRACK, at most 25 % AT_RISK, more OFF_TRACK. Being ahead is ON_TRACK.</li>
 * </ol>
 * A measure's or goal's status is the worst status among its parts that have data (OFF_TRACK worse than AT_RISK worse
 * than ON_TRACK), and NO_DATA when none has: a single lagging indicator is meant to be seen.
 */
public final class StatusRule {
    static final BigDecimal ON_TRACK_SHORTFALL = new BigDecimal("0.10");
    static final BigDecimal AT_RISK_SHORTFALL = new BigDecimal("0.25");

    private StatusRule() {
    }

    public static ProgrammeStatus assess(Indicator indicator, DataPoint latest, LocalDate asOf) {
        return assess(indicator.direction(), indicator.baselineValue(), indicator.baselineDate(), indicator.targetValue(),
                indicator.targetDate(), latest, asOf);
    }

    public static ProgrammeStatus assess(Direction direction, BigDecimal baseline, LocalDate baselineDate, BigDecimal target,
                                         LocalDate targetDate, DataPoint latest, LocalDate asOf) {
        if (baseline == null || baselineDate == null || target == null || targetDate == null || latest == null
                || latest.to().isBefore(baselineDate)) {
            return ProgrammeStatus.NO_DATA;
        }
        int better = direction == Direction.LOWER_IS_BETTER ? -1 : 1;
        BigDecimal value = latest.value();
        if (asOf.isAfter(targetDate)) {
            return value.subtract(target).signum() * better >= 0 ? ProgrammeStatus.ON_TRACK : ProgrammeStatus.OFF_TRACK;
        }
        BigDecimal expected = expectedAt(baseline, baselineDate, target, targetDate, latest.to());
        BigDecimal shortfall = expected.subtract(value).multiply(BigDecimal.valueOf(better));
        if (shortfall.signum() <= 0) {
            return ProgrammeStatus.ON_TRACK;
        }
        BigDecimal share = shortfall.divide(scale(baseline, target), MathContext.DECIMAL64);
        if (share.compareTo(ON_TRACK_SHORTFALL) <= 0) {
            return ProgrammeStatus.ON_TRACK;
        }
        return share.compareTo(AT_RISK_SHORTFALL) <= 0 ? ProgrammeStatus.AT_RISK : ProgrammeStatus.OFF_TRACK;
    }

    /** Where the straight line from baseline to target stands on {@code date} (held at the ends outside them). */
    static BigDecimal expectedAt(BigDecimal baseline, LocalDate baselineDate, BigDecimal target, LocalDate targetDate, LocalDate date) {
        long span = ChronoUnit.DAYS.between(baselineDate, targetDate);
        if (span <= 0 || !date.isBefore(targetDate)) {
            return target;
        }
        long elapsed = Math.max(0, ChronoUnit.DAYS.between(baselineDate, date));
        return baseline.add(target.subtract(baseline).multiply(BigDecimal.valueOf(elapsed))
                .divide(BigDecimal.valueOf(span), MathContext.DECIMAL64));
    }

    private static BigDecimal scale(BigDecimal baseline, BigDecimal target) {
        BigDecimal change = target.subtract(baseline).abs();
        if (change.signum() > 0) {
            return change;
        }
        return target.signum() != 0 ? target.abs() : BigDecimal.ONE;
    }

    /** The worst status among those with data; NO_DATA when none has data. */
    public static ProgrammeStatus combine(Collection<ProgrammeStatus> parts) {
        ProgrammeStatus worst = ProgrammeStatus.NO_DATA;
        for (ProgrammeStatus part : parts) {
            if (part == ProgrammeStatus.NO_DATA) {
                continue;
            }
            if (worst == ProgrammeStatus.NO_DATA || severity(part) > severity(worst)) {
                worst = part;
            }
        }
        return worst;
    }

    private static int severity(ProgrammeStatus status) {
        return switch (status) {
            case ON_TRACK -> 0;
            case AT_RISK -> 1;
            case OFF_TRACK -> 2;
            case NO_DATA -> -1;
        };
    }
}
