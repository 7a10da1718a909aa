package se.samtrygg.programme;

/** Whether a rising indicator is good news (share who feel safe) or bad news (reported violence). */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
