package se.samtrygg.programme;

/** An indicator as the overview shows it: its latest value (null when none) and its status. */
public record IndicatorSummary(Indicator indicator, DataPoint latest, Assessment assessment) {
}
