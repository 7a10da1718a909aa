package se.samtrygg.reminder;

import java.util.EnumMap;
import java.util.Map;

/** The rules in force for one network group (or the defaults, for rollouts and the digest). */
public record ReminderSettings(Map<ReminderKind, Rule> rules) {

    /** @param days null for kinds without an offset */
    public record Rule(boolean enabled, Integer days) {
    }

    public static ReminderSettings defaults() {
        Map<ReminderKind, Rule> rules = new EnumMap<>(ReminderKind.class);
        for (ReminderKind kind : ReminderKind.values()) {
            rules.put(kind, new Rule(true, kind.defaultDays()));
        }
        return new ReminderSettings(rules);
    }

    public Rule rule(ReminderKind kind) {
        return rules.getOrDefault(kind, new Rule(true, kind.defaultDays()));
    }
}
