package se.samtrygg.programme;

/** What a status override or a progress comment is about. */
public enum ProgressSubject {
    GOAL, MEASURE, INDICATOR
}
