package se.samtrygg.rollout;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.audit.AuditService;
import se.samtrygg.identity.CurrentUser;

/**
 * Method templates. Everyone signed in reads them (coordinators choose one); admins create and change them. A change
 * replaces the steps and raises the version; rollouts keep the copy they started with.
 */
public final class MethodTemplateService {
    static final String ENTITY = "method_template";

    private final Jdbi jdbi;
    private final AuditService audit;
    private final Clock clock;

    public MethodTemplateService(Jdbi jdbi, AuditService audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** Active templates first by name; retired ones too when {@code includeRetired}. Not paged: a handful exist. */
    public List<MethodTemplate> list(CurrentUser actor, boolean includeRetired) {
        throw new UnsupportedOperationException("contract");
    }

    public MethodTemplate get(CurrentUser actor, long id) {
        throw new UnsupportedOperationException("contract");
    }

    /** An active template by id for a new rollout, or a field error on {@code field}. For {@link RolloutService}. */
    MethodTemplate requireActive(long id, String field) {
        throw new UnsupportedOperationException("contract");
    }

    /** @param actor null when the system creates it (demo data) */
    public MethodTemplate create(CurrentUser actor, MethodTemplateInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public MethodTemplate update(CurrentUser actor, long id, MethodTemplateInput input) {
        throw new UnsupportedOperationException("contract");
    }
}
