package se.samtrygg.programme;

import java.util.List;

/** The whole tree with statuses and latest values, as officials open it. */
public record ProgrammeOverview(Programme programme, List<FocusAreaNode> focusAreas) {
}
