package se.samtrygg.meeting;

/**
 * Of an area's action items due in a period (numbered as {@code PeriodBoundaries} numbers them): how many were due and
 * how many of them were done on or before their due day (Europe/Stockholm). Counts only.
 */
public record ActionItemsDue(long areaId, int period, long due, long doneOnTime) {
}
