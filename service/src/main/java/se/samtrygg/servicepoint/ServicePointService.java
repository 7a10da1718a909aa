package se.samtrygg.servicepoint;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.area.AreaService;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.Page;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.organisation.OrganisationService;

/**
 * Service points and presence slots. Everything here is public (residents read it without signing in). Coordinators and
 * admins maintain service points and close a whole service point on a day; members of an organisation maintain their
 * organisation's slots and cancel them on a day (admins too).
 */
public final class ServicePointService {
    static final String ENTITY = "service_point";

    private final Jdbi jdbi;
    private final AuditService audit;
    private final AreaService areas;
    private final OrganisationService organisations;
    private final Clock clock;

    public ServicePointService(Jdbi jdbi, AuditService audit, AreaService areas, OrganisationService organisations, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.areas = areas;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** Today in Europe/Stockholm by the service's clock. */
    public LocalDate today() {
        throw new UnsupportedOperationException("contract");
    }

    // --- service points (coordinators and admins write; reads need no actor) ---

    /** Active service points by area and name (all, including inactive, when {@code includeInactive}); keyset by id. */
    public Page<ServicePoint> list(Long areaId, boolean includeInactive, Long after, Integer limit) {
        throw new UnsupportedOperationException("contract");
    }

    public ServicePoint get(long id) {
        throw new UnsupportedOperationException("contract");
    }

    /** @param actor null when the system creates it (demo data) */
    public ServicePoint create(CurrentUser actor, ServicePointInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public ServicePoint update(CurrentUser actor, long id, ServicePointInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public boolean canManagePoints(CurrentUser actor) {
        return actor.isAdmin() || actor.isCoordinator();
    }

    // --- presence slots (members of the slot's organisation and admins write) ---

    public List<PresenceSlot> slots(long servicePointId) {
        throw new UnsupportedOperationException("contract");
    }

    public PresenceSlot slot(long slotId) {
        throw new UnsupportedOperationException("contract");
    }

    /** @param actor null when the system creates it (demo data) */
    public PresenceSlot addSlot(CurrentUser actor, PresenceSlotInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public PresenceSlot updateSlot(CurrentUser actor, long slotId, PresenceSlotInput input) {
        throw new UnsupportedOperationException("contract");
    }

    /** Removes a slot and its exceptions (the pages confirm first). */
    public void removeSlot(CurrentUser actor, long slotId) {
        throw new UnsupportedOperationException("contract");
    }

    public boolean canEditSlot(CurrentUser actor, PresenceSlot slot) {
        return actor.isAdmin() || actor.isMemberOf(slot.organisationId());
    }

    // --- exceptions ---

    /** Exceptions of a service point from a day on, by date. */
    public List<PresenceException> exceptions(long servicePointId, LocalDate from) {
        throw new UnsupportedOperationException("contract");
    }

    /** A closed day (slotId null: coordinators and admins) or a cancelled slot (its organisation's members, coordinators, admins). */
    public PresenceException addException(CurrentUser actor, long servicePointId, PresenceExceptionInput input) {
        throw new UnsupportedOperationException("contract");
    }

    public void removeException(CurrentUser actor, long exceptionId) {
        throw new UnsupportedOperationException("contract");
    }

    // --- what residents see ---

    /**
     * Every presence in an area (or, with {@code areaId} null, in a municipality) on the days from..to inclusive, after
     * exceptions, ordered by start; optionally only slots where {@code language} is spoken and {@code help} is given.
     * Only active service points.
     */
    public List<Presence> presences(Long areaId, String municipality, LocalDate from, LocalDate to, Optional<String> language,
                                    Optional<HelpKind> help) {
        throw new UnsupportedOperationException("contract");
    }

    /** A language by code, or empty when the code is not an ISO 639-1 language the JDK knows. */
    public static Optional<SpokenLanguage> language(String code) {
        throw new UnsupportedOperationException("contract");
    }
}
