package se.samtrygg.activity;

import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.common.InvalidInputException;

/** Activity types and observation categories. Everyone signed in reads them; they are what the log is sorted by. */
public final class CategoryService {
    private final Jdbi jdbi;

    public CategoryService(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** What a form offers: the active entries, in the admins' order. */
    public List<Category> active(CategoryKind kind) {
        return jdbi.withExtension(CategoryDao.class, dao -> dao.list(kind, true));
    }

    /** Every entry, retired ones too: for filters over older records and for the admin page. */
    public List<Category> all(CategoryKind kind) {
        return jdbi.withExtension(CategoryDao.class, dao -> dao.list(kind, false));
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
}
