package se.samtrygg.reminder;

import java.util.Set;

/** The kinds the user wants no longer: every other kind reaches them. */
public record NotificationSettingsInput(Set<ReminderKind> optOuts) {
}
