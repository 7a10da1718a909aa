package se.samtrygg.organisation;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.Checks;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.Page;
import se.samtrygg.identity.Access;
import se.samtrygg.identity.CurrentUser;

/**
 * Partner organisations. Everyone signed in may read the directory (partners need to know who
 * is who); only admins create, change and deactivate. Organisations are deactivated, never
 * deleted: meetings, activities and memberships refer to them.
 */
public final class OrganisationService {
    static final String ENTITY = "organisation";
    static final int NAME_MAX = 200;

    private final Jdbi jdbi;
    private final AuditService audit;
    private final Clock clock;

    public OrganisationService(Jdbi jdbi, AuditService audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    public Organisation create(CurrentUser actor, OrganisationInput input) {
        if (actor != null) {
            Access.requireAdmin(actor);
        }
        String name = validate(input);
        return jdbi.inTransaction(h -> {
            OrganisationDao dao = h.attach(OrganisationDao.class);
            requireUniqueName(dao, name, null);
            long id = dao.insert(name, input.type(), clock.instant());
            audit.record(h, actor, AuditAction.CREATE, ENTITY, id, "Created organisation \"" + name + "\" (" + input.type() + ")");
            return dao.find(id).orElseThrow();
        });
    }

    public Organisation update(CurrentUser actor, long id, OrganisationInput input) {
        Access.requireAdmin(actor);
        String name = validate(input);
        return jdbi.inTransaction(h -> {
            OrganisationDao dao = h.attach(OrganisationDao.class);
            Organisation before = dao.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
            requireUniqueName(dao, name, id);
            dao.update(id, name, input.type(), clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Changed organisation: name \"" + before.name() + "\" → \""
                    + name + "\", type " + before.type() + " → " + input.type());
            return dao.find(id).orElseThrow();
        });
    }

    public Organisation setActive(CurrentUser actor, long id, boolean active) {
        Access.requireAdmin(actor);
        return jdbi.inTransaction(h -> {
            OrganisationDao dao = h.attach(OrganisationDao.class);
            Organisation before = dao.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
            if (before.active() != active) {
                dao.setActive(id, active, clock.instant());
                audit.record(h, actor, AuditAction.UPDATE, ENTITY, id,
                        (active ? "Reactivated" : "Deactivated") + " organisation \"" + before.name() + "\"");
            }
            return dao.find(id).orElseThrow();
        });
    }

    public Organisation get(CurrentUser actor, long id) {
        return jdbi.withExtension(OrganisationDao.class, dao -> dao.find(id))
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    public Page<Organisation> list(CurrentUser actor, Long after, Integer limit) {
        int size = Page.clampLimit(limit);
        List<Organisation> rows = jdbi.withExtension(OrganisationDao.class, dao -> dao.list(Page.afterOrStart(after), size + 1));
        return Page.of(rows, size, Organisation::id);
    }

    /** For pick lists in forms. */
    public List<Organisation> allActive() {
        return jdbi.withExtension(OrganisationDao.class, OrganisationDao::allActive);
    }

    public List<Organisation> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withExtension(OrganisationDao.class, dao -> dao.findAll(ids));
    }

    public java.util.Optional<Organisation> findByName(String name) {
        return jdbi.withExtension(OrganisationDao.class, dao -> dao.findByName(name));
    }

    /** For other features: the organisation must exist and be active to be linked to something new. */
    public Organisation requireActive(long id, String field) {
        Organisation organisation = jdbi.withExtension(OrganisationDao.class, dao -> dao.find(id))
                .orElseThrow(() -> new InvalidInputException(field, "error.unknownOrganisation"));
        if (!organisation.active()) {
            throw new InvalidInputException(field, "error.inactiveOrganisation");
        }
        return organisation;
    }

    private static String validate(OrganisationInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        String name = Checks.clean(input.name());
        new Checks().required("name", name).maxLength("name", name, NAME_MAX).required("type", input.type()).throwIfInvalid();
        return name;
    }

    private static void requireUniqueName(OrganisationDao dao, String name, Long self) {
        dao.findByName(name).filter(o -> self == null || o.id() != self).ifPresent(o -> {
            throw new InvalidInputException("name", "error.organisationNameTaken");
        });
    }
}
