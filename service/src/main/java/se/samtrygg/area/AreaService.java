package se.samtrygg.area;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
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
 * Areas and the places inside them. Everyone signed in may read them: they are the map the work
 * is organised on, not confidential records. Admins manage areas; admins and coordinators add and
 * rename places.
 */
public final class AreaService {
    static final String ENTITY = "area";
    static final String PLACE = "place";

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
        Valid valid = validate(input);
        return jdbi.inTransaction(h -> {
            AreaDao dao = h.attach(AreaDao.class);
            requireFreeName(dao, valid, null);
            long id = dao.insert(valid.name(), valid.municipality(), valid.description(), clock.instant());
            audit.record(h, actor, AuditAction.CREATE, ENTITY, id, "Created area " + valid.name() + " (" + valid.municipality() + ")");
            return dao.find(id).orElseThrow();
        });
    }

    public Area update(CurrentUser actor, long id, AreaInput input) {
        Access.requireAdmin(actor);
        Valid valid = validate(input);
        return jdbi.inTransaction(h -> {
            AreaDao dao = h.attach(AreaDao.class);
            Area before = dao.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
            requireFreeName(dao, valid, id);
            dao.update(id, valid.name(), valid.municipality(), valid.description(), clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Changed area " + before.name() + " → " + valid.name()
                    + " (" + valid.municipality() + ")");
            return dao.find(id).orElseThrow();
        });
    }

    public Area get(CurrentUser actor, long id) {
        return jdbi.withExtension(AreaDao.class, dao -> dao.find(id)).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    public Page<Area> list(CurrentUser actor, Long after, Integer limit) {
        int size = Page.clampLimit(limit);
        List<Area> rows = jdbi.withExtension(AreaDao.class, dao -> dao.list(Page.afterOrStart(after), size + 1));
        return Page.of(rows, size, Area::id);
    }

    public Optional<Area> findByName(String municipality, String name) {
        return jdbi.withExtension(AreaDao.class, dao -> dao.findByName(municipality, name));
    }

    /** For pick lists and overviews: areas are few (tens, not thousands). */
    public List<Area> all() {
        return jdbi.withExtension(AreaDao.class, AreaDao::all);
    }

    /** For other features: the area must exist to have something placed in it. */
    public Area require(long id, String field) {
        return jdbi.withExtension(AreaDao.class, dao -> dao.find(id))
                .orElseThrow(() -> new InvalidInputException(field, "error.unknownArea"));
    }

    // Places

    /** @param actor null when the system creates it (demo data) */
    public Place addPlace(CurrentUser actor, long areaId, PlaceInput input) {
        if (actor != null) {
            Access.requireAdminOrCoordinator(actor);
        }
        PlaceInput valid = validate(input);
        return jdbi.inTransaction(h -> {
            AreaDao dao = h.attach(AreaDao.class);
            Area area = dao.find(areaId).orElseThrow(() -> new NotFoundException(ENTITY, areaId));
            if (dao.findPlaceByName(areaId, valid.name()).isPresent()) {
                throw new InvalidInputException("name", "error.placeNameTaken");
            }
            long id = dao.insertPlace(areaId, valid.name(), valid.address(), clock.instant());
            audit.record(h, actor, AuditAction.CREATE, PLACE, id, "Added place " + valid.name() + " in " + area.name());
            return dao.findPlace(id).orElseThrow();
        });
    }

    public Place updatePlace(CurrentUser actor, long placeId, PlaceInput input) {
        Access.requireAdminOrCoordinator(actor);
        PlaceInput valid = validate(input);
        return jdbi.inTransaction(h -> {
            AreaDao dao = h.attach(AreaDao.class);
            Place before = dao.findPlace(placeId).orElseThrow(() -> new NotFoundException(PLACE, placeId));
            dao.findPlaceByName(before.areaId(), valid.name()).filter(p -> p.id() != placeId).ifPresent(p -> {
                throw new InvalidInputException("name", "error.placeNameTaken");
            });
            dao.updatePlace(placeId, valid.name(), valid.address(), clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, PLACE, placeId, "Changed place " + before.name() + " → " + valid.name());
            return dao.findPlace(placeId).orElseThrow();
        });
    }

    public Place getPlace(CurrentUser actor, long placeId) {
        return jdbi.withExtension(AreaDao.class, dao -> dao.findPlace(placeId)).orElseThrow(() -> new NotFoundException(PLACE, placeId));
    }

    public List<Place> places(CurrentUser actor, long areaId) {
        get(actor, areaId);
        return jdbi.withExtension(AreaDao.class, dao -> dao.places(areaId));
    }

    private record Valid(String name, String municipality, String description) {
    }

    private static Valid validate(AreaInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        String name = Checks.clean(input.name());
        String municipality = Checks.clean(input.municipality());
        String description = Checks.clean(input.description());
        new Checks().required("name", name).freeText("name", name, 200)
                .required("municipality", municipality).freeText("municipality", municipality, 200)
                .freeText("description", description, 4000).throwIfInvalid();
        return new Valid(name, municipality, description);
    }

    private static PlaceInput validate(PlaceInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        String name = Checks.clean(input.name());
        String address = Checks.clean(input.address());
        new Checks().required("name", name).freeText("name", name, 200).freeText("address", address, 300).throwIfInvalid();
        return new PlaceInput(name, address);
    }

    private static void requireFreeName(AreaDao dao, Valid valid, Long self) {
        dao.findByName(valid.municipality(), valid.name()).filter(a -> self == null || a.id() != self).ifPresent(a -> {
            throw new InvalidInputException("name", "error.areaNameTaken");
        });
    }
}
