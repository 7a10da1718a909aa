package se.samtrygg.programme;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A hand-entered value: date (not in the future) and value required; area, source and comment optional. */
public record MeasurementInput(LocalDate measuredOn, BigDecimal value, Long areaId, String source, String comment) {
}
