package se.samtrygg.programme;

import java.util.List;

/** A focus area in the overview. */
public record FocusAreaNode(FocusArea focusArea, List<GoalNode> goals) {
}
