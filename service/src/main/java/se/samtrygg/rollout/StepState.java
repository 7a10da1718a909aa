package se.samtrygg.rollout;

/** How far one step has come for one property. NOT_APPLICABLE needs a reason, and is set by the rollout's managers. */
public enum StepState {
    NOT_STARTED, IN_PROGRESS, DONE, NOT_APPLICABLE;

    /** Still to do: counts towards "overdue" once its due date has passed. */
    public boolean open() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }
}
