package se.samtrygg.reminder;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.identity.CurrentUser;

/**
 * The reminder plan: planning (called by the source features inside their transactions), dispatching
 * due reminders, and reading the plan. CONTRACT STUB (lead): the reminder helper replaces the bodies.
 */
public final class ReminderService {
    private final Jdbi jdbi;
    private final Clock clock;

    public ReminderService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** For the admin page: the next planned reminders, earliest first. Admins only (403 otherwise). */
    public List<PlannedReminder> nextDue(CurrentUser admin, int limit) {
        return List.of();
    }
}
