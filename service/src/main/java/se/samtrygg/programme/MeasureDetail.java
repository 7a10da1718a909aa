package se.samtrygg.programme;

import java.util.List;

/** The measure page: the measure under its goal, with its status, indicators and comments. */
public record MeasureDetail(Programme programme, FocusArea focusArea, Goal goal, MeasureNode node, List<ProgressComment> comments) {
}
