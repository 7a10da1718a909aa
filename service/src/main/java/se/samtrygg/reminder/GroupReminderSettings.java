package se.samtrygg.reminder;

import java.util.List;

/**
 * A network group's adjustable reminder rules as its coordinators see them: each kind's rule in force and its default
 * (every kind is on by default).
 */
public record GroupReminderSettings(long networkGroupId, String networkGroupName, List<AdjustableRule> rules) {

    /**
     * @param days        days before (or after) the event, null for a kind without an offset
     * @param defaultDays the default offset, null for a kind without one
     * @param minDays     the smallest offset allowed, null for a kind without one
     * @param maxDays     the largest offset allowed, null for a kind without one
     */
    public record AdjustableRule(ReminderKind kind, boolean enabled, Integer days, Integer defaultDays, Integer minDays,
                                 Integer maxDays) {
    }
}
