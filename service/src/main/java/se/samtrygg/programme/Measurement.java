package se.samtrygg.programme;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A value of a MANUAL indicator entered by hand; {@code areaId} set when it is one area's value (the breakdown). */
public record Measurement(long id, long indicatorId, LocalDate measuredOn, BigDecimal value, Long areaId, String areaName, String source,
                          String comment, Long createdBy, String createdByName, Instant createdAt) {
}
