package se.samtrygg.common.db;

/** How many records of an area fell in a period (numbered as {@link PeriodBoundaries} numbers them). Counts only. */
public record PeriodCount(long areaId, int period, long records) {
}
