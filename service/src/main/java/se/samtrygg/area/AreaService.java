package se.samtrygg.area;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.Checks;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.identity.Access;
import se.samtrygg.identity.CurrentUser;

/**
 * Areas. The foundation only needs to create and list them (for the demo data); their pages,
 * places and API come with the network-group feature.
 */
public final class AreaService {
    static final String ENTITY = "area";

    private final Jdbi jdbi;
    private final AuditService audit;
    private final Clock clock;

    public AreaService(Jdbi jdbi, AuditService audit, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.clock = clock;
    }

    /** @param actor null when the system creates it (demo data) */
    public Area create(CurrentUser actor, AreaInput input) {
        if (actor != null) {
            Access.requireAdmin(actor);
        }
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        String name = Checks.clean(input.name());
        String municipality = Checks.clean(input.municipality());
        String description = Checks.clean(input.description());
        new Checks().required("name", name).maxLength("name", name, 200)
                .required("municipality", municipality).maxLength("municipality", municipality, 200)
                .maxLength("description", description, 4000).throwIfInvalid();
        return jdbi.inTransaction(h -> {
            AreaDao dao = h.attach(AreaDao.class);
            if (dao.findByName(municipality, name).isPresent()) {
                throw new InvalidInputException("name", "error.areaNameTaken");
            }
            long id = dao.insert(name, municipality, description, clock.instant());
            audit.record(h, actor, AuditAction.CREATE, ENTITY, id, "Created area " + name + " (" + municipality + ")");
            return dao.find(id).orElseThrow();
        });
    }

    public Optional<Area> findByName(String municipality, String name) {
        return jdbi.withExtension(AreaDao.class, dao -> dao.findByName(municipality, name));
    }

    public List<Area> all() {
        return jdbi.withExtension(AreaDao.class, AreaDao::all);
    }
}
