package se.samtrygg.reminder;

import java.util.List;

/** A user's own notification settings: the kinds they opted out of, and every kind with whether they receive it. */
public record NotificationSettings(List<ReminderKind> optOuts, List<Choice> kinds) {

    /** @param group meetings, actionItems, rolloutSteps or digest: how the settings page groups the kinds */
    public record Choice(ReminderKind kind, String group, boolean receiving) {
    }
}
