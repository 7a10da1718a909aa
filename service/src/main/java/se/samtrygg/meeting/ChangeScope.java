package se.samtrygg.meeting;

/** What a change to an occurrence of a series applies to: that meeting only, or it and all later ones. */
public enum ChangeScope {
    ONE, FOLLOWING
}
