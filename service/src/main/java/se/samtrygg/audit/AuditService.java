package se.samtrygg.audit;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.common.Page;
import se.samtrygg.identity.Access;
import se.samtrygg.identity.CurrentUser;

/**
 * The audit log. Every service that changes a record calls {@link #record} with the handle of its
 * own transaction, so the change and its audit line are committed together or not at all.
 */
public final class AuditService {
    private final Jdbi jdbi;
    private final Clock clock;

    public AuditService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** @param actor null when the system itself acts (first start, demo data, scheduled jobs) */
    public void record(Handle handle, CurrentUser actor, AuditAction action, String entityType, Long entityId, String summary) {
        String bounded = summary.length() > 2000 ? summary.substring(0, 1999) + "…" : summary;
        handle.attach(AuditDao.class).insert(clock.instant(), actor == null ? null : actor.id(), action, entityType,
                entityId, bounded);
    }

    public Page<AuditEntry> search(CurrentUser actor, AuditFilter filter, Long before, Integer limit) {
        Access.requireAdmin(actor);
        int size = Page.clampLimit(limit);
        long start = before == null ? Long.MAX_VALUE : before;
        List<AuditEntry> rows = jdbi.withExtension(AuditDao.class, dao -> dao.find(filter, start, size + 1));
        return Page.of(rows, size, AuditEntry::id);
    }

    public List<String> entityTypes(CurrentUser actor) {
        Access.requireAdmin(actor);
        return jdbi.withExtension(AuditDao.class, AuditDao::entityTypes);
    }
}
