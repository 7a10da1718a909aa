package se.samtrygg.reminder;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.audit.AuditService;

/**
 * Coordinators' adjustments per network group and users' opt-outs. CONTRACT STUB (lead): the settings
 * helper replaces the bodies; {@link #forGroup} and {@link #optOuts} are what the planner and dispatcher rely on.
 */
public final class ReminderSettingsService {
    private final Jdbi jdbi;
    private final AuditService audit;
    private final Clock clock;

    public ReminderSettingsService(Jdbi jdbi, AuditService audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rules of a network group (its reminder_setting rows over the defaults); the defaults when the id is null. */
    public ReminderSettings forGroup(Handle h, Long networkGroupId) {
        return ReminderSettings.defaults();
    }

    /** The kinds this user has opted out of. */
    public Set<ReminderKind> optOuts(Handle h, long userId) {
        return EnumSet.noneOf(ReminderKind.class);
    }
}
