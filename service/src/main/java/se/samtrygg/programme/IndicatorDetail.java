package se.samtrygg.programme;

import java.util.List;

/**
 * The indicator page: the series the chart and its data table show (oldest first), the status, the breakdown by area,
 * the hand-entered measurements (MANUAL only, newest first; empty for DERIVED) and the comments (newest first).
 */
public record IndicatorDetail(Indicator indicator, List<DataPoint> series, DataPoint latest, Assessment assessment,
                              List<AreaValue> byArea, List<Measurement> measurements, List<ProgressComment> comments) {
}
