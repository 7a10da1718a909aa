package se.samtrygg.activity;

/** The admin-managed lists of the activity log: what kinds of activity are logged, what kinds of thing are observed. */
public enum CategoryKind {
    ACTIVITY_TYPE, OBSERVATION_CATEGORY
}
