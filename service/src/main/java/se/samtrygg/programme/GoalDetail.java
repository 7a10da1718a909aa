package se.samtrygg.programme;

import java.util.List;

/** The goal page: the goal in its programme and focus area, with its status, indicators, measures and comments. */
public record GoalDetail(Programme programme, FocusArea focusArea, GoalNode node, List<ProgressComment> comments) {
}
