package se.samtrygg.reminder;

/**
 * Every kind of reminder and notice. {@code defaultDays} is the default offset in days (before the
 * meeting or due date, or after it for MINUTES_MISSING and the OVERDUE kinds), null where there is none;
 * {@code perGroup} kinds can be adjusted (on/off, days) by a network group's coordinators; every kind
 * can be opted out of by each user.
 */
public enum ReminderKind {
    MEETING_INVITATION(null, true),
    MEETING_MOVED(null, true),
    MEETING_CANCELLED(null, true),
    /** To the coordinators, when the meeting has no agenda items yet. */
    AGENDA_MISSING(7, true),
    /** To the invited. */
    MEETING_TOMORROW(1, true),
    /** To the coordinators, when the meeting has no minutes yet. */
    MINUTES_MISSING(2, true),
    ACTION_ITEM_DUE_SOON(3, true),
    ACTION_ITEM_DUE_TODAY(null, true),
    /** To the owner, the day after the due date. */
    ACTION_ITEM_OVERDUE(1, true),
    /** To the coordinators, a week after the due date. */
    ACTION_ITEM_OVERDUE_COORDINATOR(7, true),
    STEP_DUE_SOON(3, false),
    STEP_DUE_TODAY(null, false),
    STEP_OVERDUE(1, false),
    /** To the rollout's coordinator. */
    STEP_OVERDUE_COORDINATOR(7, false),
    /** Monday morning, Europe/Stockholm. */
    WEEKLY_DIGEST(null, false);

    private final Integer defaultDays;
    private final boolean perGroup;

    ReminderKind(Integer defaultDays, boolean perGroup) {
        this.defaultDays = defaultDays;
        this.perGroup = perGroup;
    }

    public Integer defaultDays() {
        return defaultDays;
    }

    public boolean perGroup() {
        return perGroup;
    }
}
