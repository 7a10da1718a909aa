package se.samtrygg.programme;

import java.util.List;

/** A goal in the overview, with its status, its own indicators and its measures. */
public record GoalNode(Goal goal, Assessment assessment, List<IndicatorSummary> indicators, List<MeasureNode> measures) {
}
