package se.samtrygg.permissions;

import static se.samtrygg.permissions.Endpoint.ADMIN_ONLY;
import static se.samtrygg.permissions.Endpoint.api;

import java.util.List;

/** The reminder plan: only admins read the next reminders due. */
final class ReminderEndpoints {
    private ReminderEndpoints() {
    }

    static List<Endpoint> all() {
        return List.of(
                api("GET", "/api/v1/admin/reminders", ADMIN_ONLY),
                api("GET", "/api/v1/admin/reminders?limit=5", ADMIN_ONLY));
    }
}
