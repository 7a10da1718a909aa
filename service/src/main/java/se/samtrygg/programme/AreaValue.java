package se.samtrygg.programme;

/** The breakdown by area: an area's latest value (null when it has none). */
public record AreaValue(long areaId, String areaName, DataPoint latest) {
}
