package se.samtrygg.servicepoint;

import java.sql.SQLException;
import java.text.Collator;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaService;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.Checks;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.Page;
import se.samtrygg.common.web.Dates;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationService;

/**
 * Service points and presence slots. Everything here is public (residents read it without signing in). Coordinators and
 * admins maintain service points and close a whole service point on a day; members of an organisation maintain their
 * organisation's slots and cancel them on a day (admins too).
 */
public final class ServicePointService {
    static final String ENTITY = "service_point";
    static final String SLOT = "presence_slot";
    static final String EXCEPTION = "presence_exception";
    static final int NAME_MAX = 200;
    static final int ADDRESS_MAX = 200;
    static final int ACCESSIBILITY_NOTE_MAX = 1000;
    static final int DESCRIPTION_MAX = 2000;
    static final int HELP_NOTE_MAX = 500;
    static final int REASON_MAX = 200;
    static final int LANGUAGES_MAX = 30;
    /** The longest range {@link #presences} answers for: a year, enough for any page or feed. */
    static final int PRESENCE_DAYS_MAX = 366;

    /** The order of a service point's fields on the form, so that its messages come in the same order. */
    private static final List<String> POINT_FIELDS = List.of("areaId", "name", "kind", "address", "accessibilityNote", "description");
    private static final Comparator<String> SWEDISH_ORDER = Collator.getInstance(Locale.forLanguageTag("sv"))::compare;
    private static final Comparator<PresenceSlot> SLOT_ORDER = Comparator.comparing(PresenceSlot::weekday)
            .thenComparing(PresenceSlot::startsAt).thenComparing(PresenceSlot::endsAt)
            .thenComparing(PresenceSlot::organisationName, SWEDISH_ORDER).thenComparingLong(PresenceSlot::id);

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
        return clock.instant().atZone(Dates.ZONE).toLocalDate();
    }

    // --- service points (coordinators and admins write; reads need no actor) ---

    /**
     * Active service points (all, including inactive, when {@code includeInactive}), of one area or of all when
     * {@code areaId} is null; keyset-paged by id, so in the order they were made.
     */
    public Page<ServicePoint> list(Long areaId, boolean includeInactive, Long after, Integer limit) {
        int size = Page.clampLimit(limit);
        List<ServicePoint> rows = jdbi.withExtension(ServicePointDao.class,
                dao -> dao.list(areaId, includeInactive, Page.afterOrStart(after), size + 1));
        return Page.of(rows, size, ServicePoint::id);
    }

    public ServicePoint get(long id) {
        return jdbi.withExtension(ServicePointDao.class, dao -> dao.find(id)).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    /** @param actor null when the system creates it (demo data) */
    public ServicePoint create(CurrentUser actor, ServicePointInput input) {
        if (actor != null) {
            requireCanManagePoints(actor);
        }
        ValidPoint valid = validate(input, null);
        return storingName(() -> jdbi.inTransaction(h -> {
            ServicePointDao dao = h.attach(ServicePointDao.class);
            requireFreeName(dao, valid, null);
            long id = dao.insert(valid.area().id(), valid.name(), valid.kind(), valid.address(), valid.stepFree(), valid.hearingLoop(),
                    valid.accessibilityNote(), valid.description(), valid.active(), clock.instant());
            audit.record(h, actor, AuditAction.CREATE, ENTITY, id, "Created service point " + valid.name() + " (" + valid.kind()
                    + ") in " + valid.area().name());
            return dao.find(id).orElseThrow();
        }));
    }

    public ServicePoint update(CurrentUser actor, long id, ServicePointInput input) {
        requireCanManagePoints(actor);
        ServicePoint before = get(id);
        ValidPoint valid = validate(input, id);
        return storingName(() -> jdbi.inTransaction(h -> {
            ServicePointDao dao = h.attach(ServicePointDao.class);
            requireFreeName(dao, valid, id);
            dao.update(id, valid.area().id(), valid.name(), valid.kind(), valid.address(), valid.stepFree(), valid.hearingLoop(),
                    valid.accessibilityNote(), valid.description(), valid.active(), clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Changed service point " + before.name() + " → " + valid.name()
                    + " (" + valid.kind() + ", " + valid.area().name() + (valid.active() ? "" : ", inactive") + ")");
            return dao.find(id).orElseThrow();
        }));
    }

    public boolean canManagePoints(CurrentUser actor) {
        return actor.isAdmin() || actor.isCoordinator();
    }

    /** For the pages that only those who maintain service points open (the new and edit forms). */
    public void requireCanManagePoints(CurrentUser actor) {
        if (!canManagePoints(actor)) {
            throw new AccessDeniedException("user " + actor.id() + " may not maintain service points",
                    "Coordinators and admins maintain service points.");
        }
    }

    // --- presence slots (members of the slot's organisation and admins write) ---

    /** A service point's slots by weekday and time, then by organisation in Swedish alphabetical order. */
    public List<PresenceSlot> slots(long servicePointId) {
        get(servicePointId);
        return jdbi.withHandle(h -> {
            ServicePointDao dao = h.attach(ServicePointDao.class);
            return assemble(dao, dao.slotsOf(List.of(servicePointId))).stream().sorted(SLOT_ORDER).toList();
        });
    }

    public PresenceSlot slot(long slotId) {
        return jdbi.withHandle(h -> findSlot(h.attach(ServicePointDao.class), slotId));
    }

    /** A slot for its edit or remove page: admins and members of its organisation only. */
    public PresenceSlot editableSlot(CurrentUser actor, long slotId) {
        PresenceSlot slot = slot(slotId);
        requireCanEdit(actor, slot);
        return slot;
    }

    /** @param actor null when the system creates it (demo data) */
    public PresenceSlot addSlot(CurrentUser actor, PresenceSlotInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        if (input.servicePointId() == null) {
            throw new InvalidInputException("servicePointId", "error.required");
        }
        ServicePoint point = get(input.servicePointId());
        long organisationId = slotOrganisation(actor, input.organisationId());
        ValidSlot valid = validate(input);
        return jdbi.inTransaction(h -> {
            ServicePointDao dao = h.attach(ServicePointDao.class);
            long id = dao.insertSlot(point.id(), organisationId, valid.weekday().getValue(), valid.input().startsAt(),
                    valid.input().endsAt(), valid.validFrom(), valid.input().validUntil(), valid.helpNote(), clock.instant());
            dao.insertLanguages(id, valid.languages());
            dao.insertHelp(id, valid.help());
            PresenceSlot slot = findSlot(dao, id);
            audit.record(h, actor, AuditAction.CREATE, SLOT, id, "Added presence slot of " + slot.organisationName() + " at "
                    + point.name() + ": " + describe(slot));
            return slot;
        });
    }

    /** Changes a slot; its cancellations of days it no longer runs on (another weekday, outside its validity) go with it. */
    public PresenceSlot updateSlot(CurrentUser actor, long slotId, PresenceSlotInput input) {
        PresenceSlot before = editableSlot(actor, slotId);
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        if (input.servicePointId() != null && input.servicePointId() != before.servicePointId()) {
            throw new InvalidInputException("servicePointId", "error.presenceSlot.pointFixed");
        }
        long organisationId = input.organisationId() == null || input.organisationId() == before.organisationId()
                ? before.organisationId() : slotOrganisation(actor, input.organisationId());
        ValidSlot valid = validate(input);
        return jdbi.inTransaction(h -> {
            ServicePointDao dao = h.attach(ServicePointDao.class);
            dao.updateSlot(slotId, organisationId, valid.weekday().getValue(), valid.input().startsAt(), valid.input().endsAt(),
                    valid.validFrom(), valid.input().validUntil(), valid.helpNote(), clock.instant());
            dao.deleteLanguages(slotId);
            dao.insertLanguages(slotId, valid.languages());
            dao.deleteHelp(slotId);
            dao.insertHelp(slotId, valid.help());
            PresenceSlot slot = findSlot(dao, slotId);
            // Moved to another weekday or shortened: a cancellation of a day it no longer runs on cancels nothing, and would
            // stay listed on the service point's page.
            List<ServicePointDao.ExceptionRow> stale = dao.exceptionsOfSlot(slotId).stream()
                    .filter(e -> !runsOn(slot, e.exceptionDate())).toList();
            if (!stale.isEmpty()) {
                dao.deleteExceptions(stale.stream().map(ServicePointDao.ExceptionRow::id).toList());
            }
            audit.record(h, actor, AuditAction.UPDATE, SLOT, slotId, "Changed presence slot of " + slot.organisationName() + ": "
                    + describe(before) + " → " + describe(slot) + (stale.isEmpty() ? "" : "; removed " + stale.size()
                    + " cancellation(s) of days it no longer runs on: " + stale.stream().map(e -> e.exceptionDate().toString()).toList()));
            return slot;
        });
    }

    /** Removes a slot and its exceptions (the pages confirm first). */
    public void removeSlot(CurrentUser actor, long slotId) {
        PresenceSlot slot = editableSlot(actor, slotId);
        jdbi.useTransaction(h -> {
            ServicePointDao dao = h.attach(ServicePointDao.class);
            int exceptions = dao.deleteExceptionsOfSlot(slotId);
            dao.deleteLanguages(slotId);
            dao.deleteHelp(slotId);
            dao.deleteSlot(slotId);
            audit.record(h, actor, AuditAction.DELETE, SLOT, slotId, "Removed presence slot of " + slot.organisationName()
                    + " at service point #" + slot.servicePointId() + ": " + describe(slot) + " (and " + exceptions + " exceptions)");
        });
    }

    public boolean canEditSlot(CurrentUser actor, PresenceSlot slot) {
        return actor.isAdmin() || actor.isMemberOf(slot.organisationId());
    }

    /**
     * Whoever has an organisation to add slots for: an active one of their own, or any active one for admins. A partner whose
     * only organisation is deactivated is not offered a form that could only be refused.
     */
    public boolean canAddSlots(CurrentUser actor) {
        return !slotOrganisations(actor).isEmpty();
    }

    /** Admins add slots for any organisation, others for their own. */
    public boolean canAddSlotsFor(CurrentUser actor, long organisationId) {
        return actor.isAdmin() || actor.isMemberOf(organisationId);
    }

    /** The organisations the actor may add slots for, by name: every active one for admins, otherwise their own active ones. */
    public List<Organisation> slotOrganisations(CurrentUser actor) {
        List<Organisation> candidates = actor.isAdmin() ? organisations.allActive() : organisations.findAll(actor.organisationIds());
        return candidates.stream().filter(Organisation::active)
                .sorted(Comparator.comparing(Organisation::name, SWEDISH_ORDER)).toList();
    }

    // --- exceptions ---

    /** Exceptions of a service point from a day on, by date. */
    public List<PresenceException> exceptions(long servicePointId, LocalDate from) {
        get(servicePointId);
        LocalDate start = from == null ? today() : from;
        return jdbi.withExtension(ServicePointDao.class, dao -> dao.exceptionsFrom(servicePointId, start)).stream()
                .map(ServicePointDao.ExceptionRow::exception).toList();
    }

    /** A closed day (slotId null: coordinators and admins) or a cancelled slot (its organisation's members, coordinators, admins). */
    public PresenceException addException(CurrentUser actor, long servicePointId, PresenceExceptionInput input) {
        ServicePoint point = get(servicePointId);
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        PresenceSlot slot = null;
        if (input.slotId() == null) {
            if (actor != null && !canManagePoints(actor)) {
                throw new AccessDeniedException("user " + actor.id() + " may not close service point " + servicePointId,
                        "Coordinators and admins close a service point for a day.");
            }
        } else {
            slot = jdbi.withHandle(h -> h.attach(ServicePointDao.class).findSlot(input.slotId()))
                    .filter(s -> s.servicePointId() == servicePointId).map(s -> slot(s.id()))
                    .orElseThrow(() -> new InvalidInputException("slotId", "error.presenceSlot.unknown"));
            if (actor != null && !canCancel(actor, slot)) {
                throw new AccessDeniedException("user " + actor.id() + " may not cancel presence slot " + slot.id(),
                        "Members of the slot's organisation, coordinators and admins cancel a slot.");
            }
        }
        String reason = Checks.clean(input.reason());
        Checks checks = new Checks().required("date", input.date()).freeText("reason", reason, REASON_MAX);
        if (input.date() != null) {
            checks.check(inRange(input.date()), "date", "error.dateYear");
            if (slot != null && inRange(input.date())) {
                checks.check(runsOn(slot, input.date()), "date", "error.presenceException.notThatDay");
            }
        }
        checks.throwIfInvalid();
        PresenceSlot cancelled = slot;
        return jdbi.inTransaction(h -> {
            ServicePointDao dao = h.attach(ServicePointDao.class);
            // Two quick posts of the same day would both find nothing and both store it: the lock makes the second wait and
            // then find the first.
            dao.lock(servicePointId);
            if (!dao.sameException(servicePointId, input.slotId(), input.date()).isEmpty()) {
                throw new InvalidInputException("date", cancelled == null ? "error.presenceException.alreadyClosed"
                        : "error.presenceException.alreadyCancelled");
            }
            long id = dao.insertException(servicePointId, input.slotId(), input.date(), reason, clock.instant());
            audit.record(h, actor, AuditAction.CREATE, EXCEPTION, id, (cancelled == null ? "Closed service point " + point.name()
                    : "Cancelled presence slot #" + cancelled.id() + " (" + cancelled.organisationName() + ") at " + point.name())
                    + " on " + input.date());
            return dao.findException(id).orElseThrow().exception();
        });
    }

    public void removeException(CurrentUser actor, long exceptionId) {
        PresenceException exception = exception(exceptionId);
        if (!canRemoveException(actor, exception)) {
            throw new AccessDeniedException("user " + actor.id() + " may not remove presence exception " + exceptionId);
        }
        jdbi.useTransaction(h -> {
            h.attach(ServicePointDao.class).deleteException(exceptionId);
            audit.record(h, actor, AuditAction.DELETE, EXCEPTION, exceptionId, (exception.slotId() == null
                    ? "Reopened service point #" + exception.servicePointId() : "Restored presence slot #" + exception.slotId())
                    + " on " + exception.date());
        });
    }

    public PresenceException exception(long exceptionId) {
        return jdbi.withExtension(ServicePointDao.class, dao -> dao.findException(exceptionId))
                .map(ServicePointDao.ExceptionRow::exception).orElseThrow(() -> new NotFoundException(EXCEPTION, exceptionId));
    }

    /** Members of the slot's organisation, coordinators and admins cancel a slot on a day. */
    public boolean canCancel(CurrentUser actor, PresenceSlot slot) {
        return canManagePoints(actor) || actor.isMemberOf(slot.organisationId());
    }

    /** A closure is lifted by those who close; a cancellation also by the slot's organisation. */
    public boolean canRemoveException(CurrentUser actor, PresenceException exception) {
        PresenceSlot slot = exception.slotId() == null ? null : jdbi.withHandle(h -> {
            ServicePointDao dao = h.attach(ServicePointDao.class);
            return dao.findSlot(exception.slotId()).map(r -> assemble(dao, List.of(r)).get(0)).orElse(null);
        });
        return canRemoveException(actor, exception, slot);
    }

    /** The same, with the cancelled slot already at hand (null for a closure), for a page that lists many exceptions. */
    public boolean canRemoveException(CurrentUser actor, PresenceException exception, PresenceSlot slot) {
        if (canManagePoints(actor)) {
            return true;
        }
        return exception.slotId() != null && slot != null && slot.id() == exception.slotId() && actor.isMemberOf(slot.organisationId());
    }

    // --- what residents see ---

    /**
     * Every presence in an area (or, with {@code areaId} null, in a municipality) on the days from..to inclusive, after
     * exceptions, ordered by start; optionally only slots where {@code language} is spoken and {@code help} is given.
     * Only active service points, and slots of active organisations. A blank or absent language or help asks for all.
     */
    public List<Presence> presences(Long areaId, String municipality, LocalDate from, LocalDate to, Optional<String> language,
                                    Optional<HelpKind> help) {
        if (from == null || to == null || to.isBefore(from)) {
            return List.of();
        }
        if (ChronoUnit.DAYS.between(from, to) >= PRESENCE_DAYS_MAX) {
            throw new InvalidInputException("to", "error.presence.rangeTooLong", PRESENCE_DAYS_MAX);
        }
        // Through SpokenLanguages, so that a withdrawn code (iw, ji, in) finds the hours stored under today's (he, yi, id).
        String wanted = language == null ? null : language.map(Checks::clean)
                .map(l -> SpokenLanguages.byCode(l).map(SpokenLanguage::code).orElse(l.toLowerCase(Locale.ROOT))).orElse(null);
        HelpKind helpWanted = help == null ? null : help.orElse(null);
        return jdbi.withHandle(h -> {
            ServicePointDao dao = h.attach(ServicePointDao.class);
            Map<Long, ServicePoint> points = dao.active(areaId, Checks.clean(municipality)).stream()
                    .collect(Collectors.toMap(ServicePoint::id, Function.identity()));
            if (points.isEmpty()) {
                return List.<Presence>of();
            }
            List<PresenceSlot> slots = assemble(dao, dao.slotsRunning(points.keySet(), from, to)).stream()
                    .filter(s -> wanted == null || s.languages().contains(wanted))
                    .filter(s -> helpWanted == null || s.help().contains(helpWanted)).toList();
            if (slots.isEmpty()) {
                return List.<Presence>of();
            }
            Set<String> closed = new HashSet<>();
            Set<String> cancelled = new HashSet<>();
            for (ServicePointDao.ExceptionRow e : dao.exceptionsBetween(points.keySet(), from, to)) {
                if (e.slotId() == null) {
                    closed.add(e.servicePointId() + "@" + e.exceptionDate());
                } else {
                    cancelled.add(e.slotId() + "@" + e.exceptionDate());
                }
            }
            List<Presence> presences = new ArrayList<>();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                for (PresenceSlot slot : slots) {
                    if (runsOn(slot, day) && !closed.contains(slot.servicePointId() + "@" + day)
                            && !cancelled.contains(slot.id() + "@" + day)) {
                        // The start from the day and the local time, so 10:00 stays 10:00 on both sides of a daylight-saving
                        // change; the end from the start and the slot's length, so that hours in the skipped or repeated hour
                        // (02:30-03:00 on the change days) neither end before they start nor last an extra hour.
                        ZonedDateTime start = ZonedDateTime.of(day, slot.startsAt(), Dates.ZONE);
                        presences.add(new Presence(points.get(slot.servicePointId()), slot, day, start,
                                start.plus(Duration.between(slot.startsAt(), slot.endsAt()))));
                    }
                }
            }
            presences.sort(Comparator.comparing((Presence p) -> p.startsAt().toInstant())
                    .thenComparing(p -> p.servicePoint().name(), SWEDISH_ORDER)
                    .thenComparing(p -> p.endsAt().toInstant())
                    .thenComparing(p -> p.slot().organisationName(), SWEDISH_ORDER)
                    .thenComparingLong(p -> p.slot().id()));
            return List.copyOf(presences);
        });
    }

    /** A language by code, or empty when the code is not an ISO 639-1 language the JDK knows. */
    public static Optional<SpokenLanguage> language(String code) {
        return SpokenLanguages.byCode(code);
    }

    /** Whether the slot runs on the day: its weekday, within its validity. */
    static boolean runsOn(PresenceSlot slot, LocalDate day) {
        return day.getDayOfWeek() == slot.weekday() && !day.isBefore(slot.validFrom())
                && (slot.validUntil() == null || !day.isAfter(slot.validUntil()));
    }

    // --- helpers ---

    private void requireCanEdit(CurrentUser actor, PresenceSlot slot) {
        if (!canEditSlot(actor, slot)) {
            throw new AccessDeniedException("user " + actor.id() + " is not in organisation " + slot.organisationId()
                    + " of presence slot " + slot.id(), "You change your own organisation's hours only.");
        }
    }

    /** The slot's organisation: the one named, which must be the actor's own (any active one for admins), or their only one. */
    private long slotOrganisation(CurrentUser actor, Long organisationId) {
        if (actor == null) {
            if (organisationId == null) {
                throw new InvalidInputException("organisationId", "error.required");
            }
        } else if (organisationId == null) {
            List<Organisation> own = slotOrganisations(actor);
            if (own.isEmpty()) {
                throw new AccessDeniedException("user " + actor.id() + " belongs to no active organisation",
                        "Members of an active organisation add its hours.");
            }
            if (actor.isAdmin() || own.size() != 1) {
                throw new InvalidInputException("organisationId", "error.presenceSlot.chooseOrganisation");
            }
            organisationId = own.get(0).id();
        } else if (!actor.isAdmin() && !actor.isMemberOf(organisationId)) {
            throw new AccessDeniedException("user " + actor.id() + " is not in organisation " + organisationId,
                    "You add hours for your own organisation only.");
        }
        organisations.requireActive(organisationId, "organisationId");
        return organisationId;
    }

    private record ValidPoint(Area area, String name, ServicePointKind kind, String address, boolean stepFree, boolean hearingLoop,
                              String accessibilityNote, String description, boolean active) {
    }

    /** Every field's problem at once, a name already taken in the area among them ({@code self}: the point being changed). */
    private ValidPoint validate(ServicePointInput input, Long self) {
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        List<FieldError> problems = new ArrayList<>();
        Area area = null;
        if (input.areaId() == null) {
            problems.add(new FieldError("areaId", "error.required"));
        } else {
            try {
                area = areas.require(input.areaId(), "areaId");
            } catch (InvalidInputException e) {
                problems.addAll(e.errors());
            }
        }
        String name = Checks.clean(input.name());
        String address = Checks.clean(input.address());
        String note = Checks.clean(input.accessibilityNote());
        String description = Checks.clean(input.description());
        try {
            new Checks().required("name", name).freeText("name", name, NAME_MAX)
                    .required("kind", input.kind())
                    .required("address", address).freeText("address", address, ADDRESS_MAX)
                    .freeText("accessibilityNote", note, ACCESSIBILITY_NOTE_MAX)
                    .freeText("description", description, DESCRIPTION_MAX)
                    .throwIfInvalid();
        } catch (InvalidInputException e) {
            problems.addAll(e.errors());
        }
        if (area != null && name != null && problems.stream().noneMatch(p -> p.field().equals("name"))) {
            long areaId = area.id();
            jdbi.withExtension(ServicePointDao.class, dao -> dao.findByName(areaId, name)).filter(p -> self == null || p.id() != self)
                    .ifPresent(p -> problems.add(new FieldError("name", "error.servicePoint.nameTaken")));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(p -> POINT_FIELDS.indexOf(p.field())));
            throw new InvalidInputException(problems);
        }
        return new ValidPoint(area, name, input.kind(), address, Boolean.TRUE.equals(input.stepFree()),
                Boolean.TRUE.equals(input.hearingLoop()), note, description, input.active() == null || input.active());
    }

    private static void requireFreeName(ServicePointDao dao, ValidPoint valid, Long self) {
        dao.findByName(valid.area().id(), valid.name()).filter(p -> self == null || p.id() != self).ifPresent(p -> {
            throw new InvalidInputException("name", "error.servicePoint.nameTaken");
        });
    }

    /** Two service points given the same name at once: the database's unique name says which came second. */
    private static ServicePoint storingName(java.util.function.Supplier<ServicePoint> store) {
        try {
            return store.get();
        } catch (UnableToExecuteStatementException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                    throw new InvalidInputException("name", "error.servicePoint.nameTaken");
                }
            }
            throw e;
        }
    }

    private record ValidSlot(PresenceSlotInput input, DayOfWeek weekday, LocalDate validFrom, List<HelpKind> help, String helpNote,
                             List<String> languages) {
    }

    /** Every field's problem at once. */
    private ValidSlot validate(PresenceSlotInput input) {
        String helpNote = Checks.clean(input.helpNote());
        LocalDate validFrom = input.validFrom() == null ? today() : input.validFrom();
        Checks checks = new Checks().required("weekday", input.weekday()).required("startsAt", input.startsAt())
                .required("endsAt", input.endsAt());
        if (input.startsAt() != null && input.endsAt() != null) {
            checks.check(input.startsAt().isBefore(input.endsAt()), "endsAt", "error.presenceSlot.endBeforeStart");
        }
        checks.check(inRange(validFrom), "validFrom", "error.dateYear");
        if (input.validUntil() != null) {
            checks.check(inRange(input.validUntil()), "validUntil", "error.dateYear");
            checks.check(!input.validUntil().isBefore(validFrom), "validUntil", "error.presenceSlot.untilBeforeFrom");
        }
        Set<HelpKind> help = EnumSet.noneOf(HelpKind.class);
        if (input.help() != null) {
            input.help().stream().filter(java.util.Objects::nonNull).forEach(help::add);
        }
        checks.check(!help.isEmpty(), "help", "error.presenceSlot.helpRequired");
        checks.freeText("helpNote", helpNote, HELP_NOTE_MAX);
        Set<String> languages = new TreeSet<>();
        if (input.languages() != null) {
            for (String code : input.languages()) {
                if (code == null || code.isBlank()) {
                    continue;
                }
                Optional<SpokenLanguage> known = SpokenLanguages.byCode(code);
                checks.check(known.isPresent(), "languages", "error.presenceSlot.unknownLanguage", code.strip());
                known.ifPresent(l -> languages.add(l.code()));
            }
        }
        checks.check(!languages.isEmpty() || hasTyped(input.languages()), "languages", "error.presenceSlot.languageRequired");
        checks.check(languages.size() <= LANGUAGES_MAX, "languages", "error.tooMany", LANGUAGES_MAX);
        checks.throwIfInvalid();
        return new ValidSlot(input, input.weekday(), validFrom, List.copyOf(help), helpNote, List.copyOf(languages));
    }

    private static boolean hasTyped(List<String> codes) {
        return codes != null && codes.stream().anyMatch(c -> c != null && !c.isBlank());
    }

    private static boolean inRange(LocalDate date) {
        return date.getYear() >= 2000 && date.getYear() <= 2100;
    }

    private static PresenceSlot findSlot(ServicePointDao dao, long slotId) {
        ServicePointDao.SlotRow row = dao.findSlot(slotId).orElseThrow(() -> new NotFoundException(SLOT, slotId));
        return assemble(dao, List.of(row)).get(0);
    }

    /** Slots with their languages and help kinds: two queries for all of them, not two per slot. */
    private static List<PresenceSlot> assemble(ServicePointDao dao, List<ServicePointDao.SlotRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(ServicePointDao.SlotRow::id).toList();
        Map<Long, List<String>> languages = new HashMap<>();
        for (ServicePointDao.LanguageOf language : dao.languagesOf(ids)) {
            languages.computeIfAbsent(language.slotId(), k -> new ArrayList<>()).add(language.code());
        }
        Map<Long, List<HelpKind>> help = new HashMap<>();
        for (ServicePointDao.HelpOf kind : dao.helpOf(ids)) {
            help.computeIfAbsent(kind.slotId(), k -> new ArrayList<>()).add(kind.kind());
        }
        return rows.stream().map(r -> new PresenceSlot(r.id(), r.servicePointId(), r.organisationId(), r.organisationName(),
                r.organisationType(), DayOfWeek.of(r.weekday()), r.startsAt(), r.endsAt(), r.validFrom(), r.validUntil(),
                help.getOrDefault(r.id(), List.of()).stream().sorted().toList(), r.helpNote(),
                languages.getOrDefault(r.id(), List.of()).stream().sorted().toList(), r.updatedAt())).toList();
    }

    /** "TUESDAY 10:00-12:00 from 2026-01-01, help [POLICE], languages [ar, sv]": for the audit log. */
    private static String describe(PresenceSlot slot) {
        return slot.weekday() + " " + slot.startsAt() + "-" + slot.endsAt() + " from " + slot.validFrom()
                + (slot.validUntil() == null ? "" : " until " + slot.validUntil()) + ", help " + slot.help() + ", languages "
                + slot.languages();
    }
}
