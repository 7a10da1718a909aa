package se.samtrygg.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * How progress towards a goal or a measure is measured; exactly one of {@code goalId} and {@code measureId} is set.
 * Baseline and target are optional (without both the status is NO_DATA). {@code source} and {@code period} are set for
 * DERIVED indicators only; {@code areas}, {@code activityTypes} and {@code rollouts} are the indicator's own choice (see
 * {@link DerivedQuery} for what an empty list means).
 */
public record Indicator(long id, Long goalId, Long measureId, String name, String description, String unit, Direction direction,
                        BigDecimal baselineValue, LocalDate baselineDate, BigDecimal targetValue, LocalDate targetDate,
                        IndicatorKind kind, DerivedSource source, PeriodLength period, int position, List<Ref> areas,
                        List<Ref> activityTypes, List<Ref> rollouts, StatusOverride override) {
}
