package se.samtrygg.activity;

import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.Checks;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.identity.Access;
import se.samtrygg.identity.CurrentUser;

/**
 * Activity types and observation categories. Everyone signed in reads them; they are what the log is
 * sorted by. Admins add, rename, reorder, retire and reactivate them; a retired entry is no longer
 * offered, but records that name it keep showing it (nothing is ever deleted).
 */
public final class CategoryService {
    static final String ENTITY = "category";
    static final int MAX_NAME = 200;
    static final int MAX_SORT_ORDER = 100_000;

    private final Jdbi jdbi;
    private final AuditService audit;
    private final Clock clock;

    public CategoryService(Jdbi jdbi, AuditService audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a form offers: the active entries, in the admins' order. */
    public List<Category> active(CategoryKind kind) {
        return jdbi.withExtension(CategoryDao.class, dao -> dao.list(kind, true));
    }

    /** Every entry, retired ones too: for filters over older records and for the admin page. */
    public List<Category> all(CategoryKind kind) {
        return jdbi.withExtension(CategoryDao.class, dao -> dao.list(kind, false));
    }

    public Category get(long id) {
        return jdbi.withExtension(CategoryDao.class, dao -> dao.find(id)).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    /**
     * The entry a new or changed record names, refused unless it is of the right kind and active.
     * {@code keep} is the entry the record already has, which stays allowed after it was retired.
     */
    public Category requireUsable(Handle h, CategoryKind kind, String field, Long id, Long keep) {
        if (id == null) {
            throw new InvalidInputException(field, "error.required");
        }
        return h.attach(CategoryDao.class).find(id)
                .filter(c -> c.kind() == kind && (c.active() || id.equals(keep)))
                .orElseThrow(() -> new InvalidInputException(field, "error.unknownCategory"));
    }

    /** Adds an entry, last in the list unless a sort order is given. */
    public Category create(CurrentUser actor, CategoryInput input) {
        Access.requireAdmin(actor);
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        String name = Checks.clean(input.name());
        new Checks().required("kind", input.kind()).required("name", name).freeText("name", name, MAX_NAME)
                .check(input.sortOrder() == null || (input.sortOrder() >= 0 && input.sortOrder() <= MAX_SORT_ORDER), "sortOrder",
                        "error.between", 0, MAX_SORT_ORDER)
                .throwIfInvalid();
        return jdbi.inTransaction(h -> {
            CategoryDao dao = h.attach(CategoryDao.class);
            if (dao.findByName(input.kind(), name).isPresent()) {
                throw new InvalidInputException("name", "error.categoryNameTaken");
            }
            int sortOrder = input.sortOrder() != null ? input.sortOrder() : dao.lastSortOrder(input.kind()) + 10;
            long id = dao.insert(input.kind(), name, sortOrder, clock.instant());
            audit.record(h, actor, AuditAction.CREATE, ENTITY, id, "Added " + input.kind() + " " + name);
            return dao.find(id).orElseThrow();
        });
    }

    /** Renames, reorders, retires or reactivates an entry; what is left out stays as it was. The kind never changes. */
    public Category update(CurrentUser actor, long id, CategoryInput input) {
        Access.requireAdmin(actor);
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        Category before = get(id);
        String name = input.name() == null ? before.name() : Checks.clean(input.name());
        int sortOrder = input.sortOrder() == null ? before.sortOrder() : input.sortOrder();
        boolean active = input.active() == null ? before.active() : input.active();
        new Checks().required("name", name).freeText("name", name, MAX_NAME)
                .check(input.kind() == null || input.kind() == before.kind(), "kind", "error.categoryKindFixed")
                .check(sortOrder >= 0 && sortOrder <= MAX_SORT_ORDER, "sortOrder", "error.between", 0, MAX_SORT_ORDER)
                .throwIfInvalid();
        return jdbi.inTransaction(h -> {
            CategoryDao dao = h.attach(CategoryDao.class);
            dao.findByName(before.kind(), name).filter(c -> c.id() != id).ifPresent(c -> {
                throw new InvalidInputException("name", "error.categoryNameTaken");
            });
            dao.update(id, name, sortOrder, active, clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Changed " + before.kind() + " " + before.name() + " → " + name
                    + " (order " + sortOrder + (active ? ", active" : ", retired") + ")");
            return dao.find(id).orElseThrow();
        });
    }
}
