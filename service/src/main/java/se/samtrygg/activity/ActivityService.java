package se.samtrygg.activity;

import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.identity.CurrentUser;

/**
 * The safety activity log. Who reads a record is {@link ActivityDao#VISIBLE_TO_VIEWER}, used by
 * every read; a record the viewer may not read is reported as not found, so its existence does
 * not leak either.
 */
public final class ActivityService {
    static final String ENTITY = "activity";

    private final Jdbi jdbi;
    private final AuditService audit;
    private final CategoryService categories;
    private final Clock clock;

    public ActivityService(Jdbi jdbi, AuditService audit, CategoryService categories, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.categories = categories;
        this.clock = clock;
    }

    public Activity get(CurrentUser actor, long id) {
        return jdbi.withExtension(ActivityDao.class, dao -> dao.findVisible(id, actor.isAdmin(), actor.id(), actor.organisationIds()))
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
    }
}
