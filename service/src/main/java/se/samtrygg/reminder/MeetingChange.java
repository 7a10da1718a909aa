package se.samtrygg.reminder;

/** What happened to a meeting, as the meeting feature tells the planner. */
public enum MeetingChange {
    /** Newly scheduled (one meeting or an occurrence of a new series). */
    SCHEDULED,
    /** Its start, end or place changed. */
    MOVED,
    CANCELLED,
    /** Anything else: title, invitations, agenda, minutes. */
    UPDATED
}
