package se.samtrygg.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A new or changed indicator. On a change, {@code goalId}, {@code measureId} and {@code kind} must stay as they were
 * (left out = unchanged). DERIVED needs {@code source} and {@code period}; APARTMENTS_COVERED counts apartments and
 * ACTION_ITEMS_CLOSED_ON_TIME a share in percent, whatever unit is given. Null lists are empty.
 */
public record IndicatorInput(Long goalId, Long measureId, String name, String description, String unit, Direction direction,
                             BigDecimal baselineValue, LocalDate baselineDate, BigDecimal targetValue, LocalDate targetDate,
                             IndicatorKind kind, DerivedSource source, PeriodLength period, Integer position, List<Long> areaIds,
                             List<Long> activityTypeIds, List<Long> rolloutIds) {
}
