package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ADMIN_ONLY;
import static se.samtrygg.permissions.Endpoint.ANY_SIGNED_IN;
import static se.samtrygg.permissions.Endpoint.api;
import static se.samtrygg.permissions.Endpoint.page;

import java.util.List;
import java.util.Map;

/**
 * Reminder rules per network group and each user's own notification settings. The scenario's group is run by
 * someone outside the matrix, so only admins adjust its rules; everyone signed in changes their own opt-outs.
 */
final class ReminderSettingsEndpoints {
    private ReminderSettingsEndpoints() {
    }

    static List<Endpoint> all() {
        return List.of(
                api("GET", "/api/v1/network-groups/{group}/reminder-settings", ADMIN_ONLY),
                api("PUT", "/api/v1/network-groups/{group}/reminder-settings",
                        s -> Map.of("rules", List.of(Map.of("kind", "AGENDA_MISSING", "enabled", true, "days", 10))), ADMIN_ONLY),
                page("GET", "/network-groups/{group}/reminders", ADMIN_ONLY),
                page("POST", "/network-groups/{group}/reminders",
                        s -> Map.of("enabled", "MEETING_TOMORROW", "rules.MEETING_TOMORROW.days", "2"), ADMIN_ONLY),
                api("GET", "/api/v1/account/notification-settings", ANY_SIGNED_IN),
                api("PUT", "/api/v1/account/notification-settings", s -> Map.of("optOuts", List.of("WEEKLY_DIGEST")), ANY_SIGNED_IN),
                page("GET", "/account/notifications", ANY_SIGNED_IN),
                page("POST", "/account/notifications", s -> Map.of("receive", "MEETING_INVITATION"), ANY_SIGNED_IN));
    }
}
