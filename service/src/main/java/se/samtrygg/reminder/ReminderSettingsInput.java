package se.samtrygg.reminder;

import java.util.List;

/** New rules for a network group's adjustable kinds; a kind left out goes back to its default. */
public record ReminderSettingsInput(List<Rule> rules) {

    /** @param days null keeps the kind's default offset (and must be null for a kind without one) */
    public record Rule(ReminderKind kind, Boolean enabled, Integer days) {
    }
}
