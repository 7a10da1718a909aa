package se.samtrygg.activity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samtrygg.area.AreaService;
import se.samtrygg.area.Place;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.Checks;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.Page;
import se.samtrygg.common.Visibility;
import se.samtrygg.common.db.PeriodBoundaries;
import se.samtrygg.common.db.PeriodCount;
import se.samtrygg.common.web.Dates;
import se.samtrygg.identity.CurrentUser;

/**
 * The safety activity log. Who reads a record is {@link ActivityDao#VISIBLE_TO_VIEWER}, used by
 * every read; a record the viewer may not read is reported as not found, so its existence does
 * not leak either. The owning organisation (the author's) alone corrects and deletes its entries:
 * admins administer users, not content.
 */
public final class ActivityService {
    static final String ENTITY = "activity";
    static final int MAX_COUNT = 100_000;
    static final int MAX_DESCRIPTION = 4000;
    /** A night walk runs into the small hours; nothing logged here lasts longer than a day. */
    static final Duration MAX_DURATION = Duration.ofHours(24);
    /** The export reads the log in pages of this size, so a large export never holds one huge result. */
    static final int EXPORT_CHUNK = 1000;
    /** An import larger than this is refused before any row is looked at. */
    public static final int MAX_IMPORT_ROWS = 20_000;
    /** An import is stored in batches of this many rows, all in one transaction; progress is told after each. */
    public static final int IMPORT_BATCH = 500;
    /** An import that has not moved for this long is not running any more: the node that ran it stopped. */
    static final Duration IMPORT_STALLED = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(ActivityService.class);

    private final Jdbi jdbi;
    private final AuditService audit;
    private final CategoryService categories;
    private final AreaService areas;
    private final Clock clock;

    public ActivityService(Jdbi jdbi, AuditService audit, CategoryService categories, AreaService areas, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.categories = categories;
        this.areas = areas;
        this.clock = clock;
    }

    public Activity get(CurrentUser actor, long id) {
        return jdbi.withExtension(ActivityDao.class, dao -> dao.findVisible(id, actor.isAdmin(), actor.id(), actor.organisationIds()))
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    /** An activity for its edit or delete page: only the owning organisation's people change one. */
    public Activity getEditable(CurrentUser actor, long id) {
        Activity activity = get(actor, id);
        if (!canEdit(actor, activity)) {
            throw new AccessDeniedException("only organisation " + activity.organisationId() + " changes activity " + id);
        }
        return activity;
    }

    public boolean canEdit(CurrentUser actor, Activity activity) {
        return actor.isMemberOf(activity.organisationId());
    }

    /** Today in Sweden, by the service's clock: what a new activity's date starts as. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(Dates.ZONE));
    }

    /** Anyone signed in who belongs to an organisation logs activities for it. */
    public boolean canLog(CurrentUser actor) {
        return !actor.organisationIds().isEmpty();
    }

    public Activity create(CurrentUser actor, ActivityInput input) {
        requireCanLog(actor);
        ValidActivity valid = jdbi.withHandle(h -> validate(h, actor, input, null, new Lookups(h, actor)));
        return jdbi.inTransaction(h -> {
            ActivityDao dao = h.attach(ActivityDao.class);
            long id = dao.insert(valid, actor.id(), clock.instant());
            audit.record(h, actor, AuditAction.CREATE, ENTITY, id, "Logged activity #" + id + summary(valid));
            return dao.findVisible(id, actor.isAdmin(), actor.id(), actor.organisationIds()).orElseThrow();
        });
    }

    public Activity update(CurrentUser actor, long id, ActivityInput input) {
        Activity current = getEditable(actor, id);
        ValidActivity valid = jdbi.withHandle(h -> validate(h, actor, input, current, new Lookups(h, actor)));
        return jdbi.inTransaction(h -> {
            ActivityDao dao = h.attach(ActivityDao.class);
            dao.update(id, valid, clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Changed activity #" + id + summary(valid));
            return dao.findVisible(id, actor.isAdmin(), actor.id(), actor.organisationIds()).orElseThrow();
        });
    }

    /** Refused while observations hang on the activity: they would lose what they were seen during. */
    public void delete(CurrentUser actor, long id) {
        Activity current = getEditable(actor, id);
        jdbi.useTransaction(h -> {
            ActivityDao dao = h.attach(ActivityDao.class);
            int observations = dao.observationCount(id);
            if (observations > 0) {
                throw new InvalidInputException("observations", "error.activityHasObservations", observations);
            }
            dao.delete(id);
            audit.record(h, actor, AuditAction.DELETE, ENTITY, id, "Deleted activity #" + id + " of organisation #"
                    + current.organisationId() + " (" + current.typeName() + ", " + Dates.date(current.startsAt()) + ")");
        });
    }

    /**
     * Retention: deletes at most {@code limit} import progress rows last touched before {@code before} (finished, failed or
     * long stalled; a running import touches its row after every batch), in one short transaction. Returns how many.
     */
    public int purgeImports(Instant before, int limit) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        DELETE FROM activity_import WHERE id IN (
                          SELECT id FROM activity_import WHERE updated_at < :before ORDER BY id LIMIT :limit)""")
                .bind("before", before).bind("limit", limit).execute());
    }

    /** The log, newest first, through the confidentiality boundary; {@code after} is the last id of the previous page. */
    public Page<Activity> list(CurrentUser actor, ActivityFilter filter, Long after, Integer limit) {
        int size = Page.clampLimit(limit);
        ActivityFilter f = filter == null ? ActivityFilter.none() : filter;
        long before = after == null ? Long.MAX_VALUE : after;
        List<Activity> rows = jdbi.withExtension(ActivityDao.class, dao -> fetch(dao, actor, f, before, size + 1));
        return Page.of(rows, size, Activity::id);
    }

    /** Every activity of the log the list would show, in chunks, for the CSV export. */
    public void export(CurrentUser actor, ActivityFilter filter, Consumer<Activity> sink) {
        ActivityFilter f = filter == null ? ActivityFilter.none() : filter;
        long before = Long.MAX_VALUE;
        while (true) {
            long from = before;
            List<Activity> chunk = jdbi.withExtension(ActivityDao.class, dao -> fetch(dao, actor, f, from, EXPORT_CHUNK));
            chunk.forEach(sink);
            if (chunk.size() < EXPORT_CHUNK) {
                return;
            }
            before = chunk.get(chunk.size() - 1).id();
        }
    }

    private static List<Activity> fetch(ActivityDao dao, CurrentUser actor, ActivityFilter f, long before, int limit) {
        Instant from = f.from() == null ? null : f.from().atStartOfDay(Dates.ZONE).toInstant();
        Instant to = f.to() == null ? null : f.to().plusDays(1).atStartOfDay(Dates.ZONE).toInstant();
        return dao.listVisible(before, limit, f.areaId(), f.organisationId(), f.typeId(), from, to, Checks.likePattern(f.q()),
                f.mine(), actor.isAdmin(), actor.id(), actor.organisationIds());
    }

    // Import

    /** One refused value of an import: the row (1 is the first data row, the header not counted), its column, why. */
    public record RowError(int row, String column, FieldError error) {
    }

    /** What an import found; {@code stored} says whether the rows were stored (only when every row was valid). */
    public record ImportResult(int rows, List<RowError> errors, boolean stored) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /** Refuses a file that cannot be an import at all, before its rows are read: too many rows, or none. */
    public void requireImportable(List<ActivityCsv.Row> rows) {
        if (rows.isEmpty()) {
            throw new InvalidInputException("file", "error.importEmpty");
        }
        if (rows.size() > MAX_IMPORT_ROWS) {
            throw new InvalidInputException("file", "error.importTooLarge", MAX_IMPORT_ROWS);
        }
    }

    /**
     * Checks every row of an import with the rules of {@link #create}, and stores them all in one
     * transaction only when {@code store} is asked and no row has a problem; otherwise nothing.
     * {@code organisationId} is the importer's organisation, chosen as on the form. The API's import:
     * it answers when the rows are stored. The page starts {@link #startImport} instead, which shows progress.
     */
    public ImportResult importRows(CurrentUser actor, Long organisationId, List<ActivityCsv.Row> rows, boolean store) {
        requireCanLog(actor);
        long owner = organisation(actor, organisationId);
        requireImportable(rows);
        Checked checked = check(actor, owner, rows);
        if (!checked.errors().isEmpty() || !store) {
            return new ImportResult(rows.size(), checked.errors(), false);
        }
        store(actor, owner, checked.valid(), done -> { });
        return new ImportResult(rows.size(), List.of(), true);
    }

    /** What checking an import's rows found: the problems, or (when there are none) every row ready to store. */
    private record Checked(List<RowError> errors, List<ValidActivity> valid) {
    }

    private Checked check(CurrentUser actor, long owner, List<ActivityCsv.Row> rows) {
        List<RowError> errors = new ArrayList<>();
        List<ValidActivity> valid = new ArrayList<>(rows.size());
        jdbi.useHandle(h -> {
            Lookups lookups = new Lookups(h, actor);
            for (ActivityCsv.Row row : rows) {
                ActivityInput input = row.input(owner, lookups);
                List<FieldError> problems = new ArrayList<>(row.problems());
                problems.addAll(lookups.takeProblems());
                if (problems.isEmpty()) {
                    try {
                        valid.add(validate(h, actor, input, null, lookups));
                    } catch (InvalidInputException e) {
                        problems.addAll(e.errors());
                    }
                }
                problems.forEach(p -> errors.add(new RowError(row.number(), ActivityCsv.column(p.field()), p)));
            }
        });
        return new Checked(List.copyOf(errors), valid);
    }

    /**
     * Stores checked rows in ONE transaction, in batches of {@link #IMPORT_BATCH}, telling {@code progress}
     * how many are written after each batch; {@code finish} runs last inside the same transaction.
     */
    private void store(CurrentUser actor, long owner, List<ValidActivity> valid, IntConsumer progress) {
        store(actor, owner, valid, progress, h -> { });
    }

    private void store(CurrentUser actor, long owner, List<ValidActivity> valid, IntConsumer progress, Consumer<Handle> finish) {
        Instant now = clock.instant();
        jdbi.useTransaction(h -> {
            ActivityDao dao = h.attach(ActivityDao.class);
            for (int from = 0; from < valid.size(); from += IMPORT_BATCH) {
                int to = Math.min(valid.size(), from + IMPORT_BATCH);
                dao.insertAll(valid.subList(from, to), actor.id(), now);
                progress.accept(to);
            }
            audit.record(h, actor, AuditAction.CREATE, ENTITY, null, "Imported " + valid.size() + " activities for organisation #" + owner);
            finish.accept(h);
        });
    }

    // Import in the background, with progress

    /**
     * Starts an import whose rows the page has shown as valid: records its progress row (RUNNING, 0 of
     * the rows) and hands the work to {@code executor}, which re-checks every row and stores them all in
     * one transaction, or none. The status is {@link #importStatus}; the work runs as {@code actor}.
     */
    public ActivityImport startImport(CurrentUser actor, Long organisationId, List<ActivityCsv.Row> rows, Executor executor) {
        requireCanLog(actor);
        long owner = organisation(actor, organisationId);
        requireImportable(rows);
        long id = jdbi.withExtension(ActivityImportDao.class, dao -> dao.insert(owner, actor.id(), rows.size(), clock.instant()));
        try {
            executor.execute(() -> runImport(actor, owner, id, rows));
        } catch (RejectedExecutionException e) {
            LOG.warn("Activity import #{} was not started: {}", id, e.getMessage());
            failImport(id, "activities.importFailedBusy", List.of(), null, null, null);
        }
        return importStatus(actor, id);
    }

    /** An import's progress and outcome, for the people of its organisation only; to anyone else it does not exist. */
    public ActivityImport importStatus(CurrentUser actor, long id) {
        ActivityImport found = jdbi.withExtension(ActivityImportDao.class, dao -> dao.find(id))
                .filter(i -> actor.isMemberOf(i.organisationId()))
                .orElseThrow(() -> new NotFoundException("activity import", id));
        return found.seenAt(clock.instant(), IMPORT_STALLED);
    }

    private void runImport(CurrentUser actor, long owner, long id, List<ActivityCsv.Row> rows) {
        try {
            // An import that waited so long that its page already said "interrupted" must not run after all:
            // its people may have started it again. Every step below goes on only while it is still alive.
            stillAlive(id, 0);
            // The rows were valid when the page showed them; an area or a type may have changed since.
            Checked checked = check(actor, owner, rows);
            if (!checked.errors().isEmpty()) {
                RowError first = checked.errors().get(0);
                failImport(id, first.error().messageKey(), first.error().args(), first.row(), first.column(), checked.errors().size());
                return;
            }
            // Progress goes through connections of its own, committed at once, so that every node shows it while
            // the rows' transaction is open; the outcome DONE commits with the rows.
            store(actor, owner, checked.valid(), done -> stillAlive(id, done), h -> {
                Instant now = clock.instant();
                if (h.attach(ActivityImportDao.class).done(id, checked.valid().size(), now, now.minus(IMPORT_STALLED)) != 1) {
                    throw new ImportInterrupted(id);
                }
            });
        } catch (ImportInterrupted e) {
            LOG.warn("Activity import #{} of organisation #{} was given up as interrupted; nothing was stored", id, owner);
        } catch (RuntimeException e) {
            LOG.error("Activity import #{} of organisation #{} failed; nothing was stored", id, owner, e);
            failImport(id, "activities.importFailedUnexpected", List.of(), null, null, null);
        }
    }

    /** Records progress, or stops the import (rolling back its rows) if it has been given up as interrupted. */
    private void stillAlive(long id, int done) {
        Instant now = clock.instant();
        if (jdbi.withExtension(ActivityImportDao.class, dao -> dao.progress(id, done, now, now.minus(IMPORT_STALLED))) != 1) {
            throw new ImportInterrupted(id);
        }
    }

    private static final class ImportInterrupted extends RuntimeException {
        ImportInterrupted(long id) {
            super("activity import #" + id + " was given up as interrupted");
        }
    }

    private void failImport(long id, String key, List<Object> args, Integer row, String column, Integer count) {
        jdbi.useExtension(ActivityImportDao.class, dao -> dao.failed(id, key, ActivityImport.args(args), row, column, count, clock.instant()));
    }

    // Rules

    private static void requireCanLog(CurrentUser actor) {
        if (actor.organisationIds().isEmpty()) {
            throw new AccessDeniedException("user " + actor.id() + " belongs to no organisation and cannot log activities");
        }
    }

    /** The owner of a new record: the organisation chosen among the author's own, or their only one. */
    private static long organisation(CurrentUser actor, Long chosen) {
        if (chosen != null) {
            if (!actor.isMemberOf(chosen)) {
                throw new AccessDeniedException("user " + actor.id() + " is not in organisation " + chosen);
            }
            return chosen;
        }
        if (actor.organisationIds().size() == 1) {
            return actor.organisationIds().iterator().next();
        }
        throw new InvalidInputException("organisationId", "error.required");
    }

    /**
     * The one set of rules for an activity, shared by create, update and every row of an import: all of
     * an input's problems at once. {@code current} is the stored activity when it is being changed.
     */
    ValidActivity validate(Handle h, CurrentUser actor, ActivityInput input, Activity current, Lookups lookups) {
        if (input == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        long owner = current != null ? current.organisationId() : organisation(actor, input.organisationId());
        Visibility visibility = input.visibility() != null ? input.visibility()
                : current != null ? current.visibility() : Visibility.NETWORK;
        String description = Checks.clean(input.description());
        List<FieldError> problems = new ArrayList<>();
        collect(problems, () -> new Checks().required("areaId", input.areaId()).required("startsAt", input.startsAt())
                .required("endsAt", input.endsAt())
                .check(input.staffCount() == null || (input.staffCount() >= 0 && input.staffCount() <= MAX_COUNT), "staffCount",
                        "error.between", 0, MAX_COUNT)
                .check(input.reachedCount() == null || (input.reachedCount() >= 0 && input.reachedCount() <= MAX_COUNT),
                        "reachedCount", "error.between", 0, MAX_COUNT)
                .freeText("description", description, MAX_DESCRIPTION)
                .throwIfInvalid());
        Long keepType = current == null ? null : current.typeId();
        collect(problems, () -> lookups.type(input.typeId(), keepType));
        if (input.areaId() != null && collect(problems, () -> lookups.area(input.areaId())) && input.placeId() != null) {
            collect(problems, () -> {
                Place place = lookups.place(input.placeId());
                if (place.areaId() != input.areaId()) {
                    throw new InvalidInputException("placeId", "error.placeNotInActivityArea");
                }
            });
        }
        Instant startsAt = input.startsAt() == null ? null : input.startsAt().toInstant();
        Instant endsAt = input.endsAt() == null ? null : input.endsAt().toInstant();
        if (startsAt != null && endsAt != null) {
            int startYear = input.startsAt().atZoneSameInstant(Dates.ZONE).getYear();
            if (startYear < 2000 || startYear > 2100) {
                problems.add(new FieldError("startsAt", "error.meetingYear"));
            } else if (!endsAt.isAfter(startsAt)) {
                problems.add(new FieldError("endsAt", "error.activityEndBeforeStart"));
            } else if (Duration.between(startsAt, endsAt).compareTo(MAX_DURATION) > 0) {
                problems.add(new FieldError("endsAt", "error.activityTooLong"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ValidActivity(owner, input.areaId(), input.placeId(), input.typeId(), startsAt, endsAt, input.staffCount(),
                input.reachedCount(), description, visibility);
    }

    private static String summary(ValidActivity valid) {
        // The description stays out of the audit log: it is the organisation's record, not the log's.
        return " for organisation #" + valid.organisationId() + " in area #" + valid.areaId() + ", type #" + valid.typeId()
                + ", " + Dates.dateTime(valid.startsAt()) + " (" + valid.visibility() + ")";
    }

    /** Runs a check and keeps what it refuses; true when it passed. */
    private static boolean collect(List<FieldError> problems, Runnable check) {
        try {
            check.run();
            return true;
        } catch (InvalidInputException e) {
            problems.addAll(e.errors());
            return false;
        }
    }

    /**
     * The areas, places and types an input names, each looked up once per use case: an import of ten
     * thousand rows names the same few again and again. Also resolves the names a CSV file uses.
     */
    /** Stands for an area name that more than one municipality has (ids are positive). */
    private static final long AMBIGUOUS = -1;

    final class Lookups {
        private final Handle h;
        private final CurrentUser actor;
        private final Map<String, Object> seen = new HashMap<>();
        private final List<FieldError> problems = new ArrayList<>();
        private Map<String, Long> areaIds;
        private final Map<Long, Map<String, Long>> placeIds = new HashMap<>();
        private Map<String, Long> typeIds;

        Lookups(Handle h, CurrentUser actor) {
            this.h = h;
            this.actor = actor;
        }

        void area(long id) {
            remember("area:" + id, () -> areas.require(id, "areaId"));
        }

        Place place(long id) {
            return (Place) remember("place:" + id, () -> {
                try {
                    return areas.getPlace(actor, id);
                } catch (NotFoundException e) {
                    throw new InvalidInputException("placeId", "error.unknownPlace");
                }
            });
        }

        void type(Long id, Long keep) {
            remember("type:" + id + ":" + keep, () -> categories.requireUsable(h, CategoryKind.ACTIVITY_TYPE, "typeId", id, keep));
        }

        /** An area by its name, as a CSV file gives it; null (and a problem kept) when there is none. */
        Long areaNamed(String name) {
            if (areaIds == null) {
                areaIds = new HashMap<>();
                // Names are unique within a municipality only: "Centrum" may be two areas, and a row must not land in
                // the wrong one (its network would read it). "Centrum (Huddinge)" names one of them.
                areas.all().forEach(a -> {
                    areaIds.merge(key(a.name()), a.id(), (one, other) -> AMBIGUOUS);
                    areaIds.put(key(a.name() + " (" + a.municipality() + ")"), a.id());
                });
            }
            return named(areaIds, name, "areaId", "error.unknownArea");
        }

        Long placeNamed(long areaId, String name) {
            Map<String, Long> ids = placeIds.computeIfAbsent(areaId, id -> {
                Map<String, Long> byName = new HashMap<>();
                areas.places(actor, id).forEach(p -> byName.put(key(p.name()), p.id()));
                return byName;
            });
            return named(ids, name, "placeId", "error.placeNotInActivityArea");
        }

        Long typeNamed(String name) {
            if (typeIds == null) {
                typeIds = new HashMap<>();
                categories.all(CategoryKind.ACTIVITY_TYPE).forEach(c -> typeIds.put(key(c.name()), c.id()));
            }
            return named(typeIds, name, "typeId", "error.unknownCategory");
        }

        List<FieldError> takeProblems() {
            List<FieldError> taken = List.copyOf(problems);
            problems.clear();
            return taken;
        }

        private Long named(Map<String, Long> ids, String name, String field, String messageKey) {
            Long id = ids.get(key(name));
            if (id == null) {
                problems.add(new FieldError(field, messageKey));
            } else if (id == AMBIGUOUS) {
                problems.add(new FieldError(field, "error.ambiguousAreaName", name.strip()));
                return null;
            }
            return id;
        }

        private String key(String name) {
            return name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
        }

        /** A lookup's answer, or the refusal it gave, kept so the next row naming the same thing costs nothing. */
        private Object remember(String key, Supplier<Object> lookup) {
            Object known = seen.computeIfAbsent(key, k -> {
                try {
                    Object found = lookup.get();
                    return found == null ? Boolean.TRUE : found;
                } catch (InvalidInputException e) {
                    return e;
                }
            });
            if (known instanceof InvalidInputException refused) {
                throw new InvalidInputException(refused.errors());
            }
            return known;
        }
    }

    // The public pages

    /** The most PUBLIC activities one public read returns (the feed's four months fit well within it). */
    static final int PUBLIC_LIMIT = 500;

    /** The service's clock: the moment the public pages count "upcoming" and "the last 90 days" from. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * PUBLIC activities of an area that start at or after {@code from}, by start, at most {@code limit} (1-500): what residents
     * see without signing in. No viewer: only PUBLIC records are read, so nothing NETWORK or ORGANISATION can reach them.
     */
    public List<PublicActivity> publicUpcoming(long areaId, Instant from, int limit) {
        int size = Math.max(1, Math.min(limit, PUBLIC_LIMIT));
        return jdbi.withExtension(ActivityDao.class, dao -> dao.publicUpcoming(areaId, from, size));
    }

    /** How many PUBLIC activities of each type an area had that started in [since, until): counts of PUBLIC records only. */
    public List<PublicTypeCount> publicCountsByType(long areaId, Instant since, Instant until) {
        return jdbi.withExtension(ActivityDao.class, dao -> dao.publicCountsByType(areaId, since, until));
    }

    // Programme follow-up: counts for derived indicators

    /**
     * How many activities of the types started in each period in each area (areas and types: empty means all), every
     * visibility counted: ORGANISATION-visible ones too, since only the numbers leave. Areas and periods without any are
     * left out. One query whatever the number of periods.
     */
    public List<PeriodCount> countByAreaAndPeriod(Collection<Long> areaIds, Collection<Long> typeIds, PeriodBoundaries<Instant> periods) {
        return jdbi.withExtension(ActivityDao.class, dao -> dao.countByAreaAndPeriod(areaIds, typeIds, periods));
    }
}
