package se.samtrygg.programme;

import java.util.List;

/** A measure in the overview, with its status and indicators. */
public record MeasureNode(Measure measure, Assessment assessment, List<IndicatorSummary> indicators) {
}
