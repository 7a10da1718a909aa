package se.samtrygg.meeting;

/** Where an action item stands. DONE and CANCELLED close it; it then leaves the follow-up of later meetings. */
public enum ActionItemState {
    OPEN, IN_PROGRESS, DONE, CANCELLED;

    public boolean closed() {
        return this == DONE || this == CANCELLED;
    }
}
