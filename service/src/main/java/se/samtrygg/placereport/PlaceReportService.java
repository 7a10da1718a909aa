package se.samtrygg.placereport;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import se.samtrygg.area.Area;
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
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationService;

/**
 * The weekly place reports of EST (effektiv samordning för trygghet): each week an organisation reports, per place,
 * five signs and what is coming up; one report per organisation, place and week, so reporting again updates it.
 * Members of an organisation report for it; only its members correct or delete its reports (admins administer users,
 * not content). Every read goes through {@link PlaceReportDao#VISIBLE_TO_VIEWER}; a report the viewer may not read
 * is not found.
 */
public final class PlaceReportService {
    static final String ENTITY = "place_report";
    static final int UPCOMING_MAX = 2000;
    static final int COMMENT_MAX = 4000;

    private final Jdbi jdbi;
    private final AuditService audit;
    private final AreaService areas;
    private final OrganisationService organisations;
    private final Clock clock;

    public PlaceReportService(Jdbi jdbi, AuditService audit, AreaService areas, OrganisationService organisations, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.areas = areas;
        this.organisations = organisations;
        this.clock = clock;
    }

    /** A stored report, and whether this call created it (rather than updating the week's earlier one). */
    public record Reported(PlaceReport report, boolean created) {
    }

    /** One area's week as the viewer may read it: every place, the readable reports, and how many others there are. */
    public record AreaWeek(Area area, IsoWeek week, List<Place> places, List<PlaceReport> reports, long hiddenReports) {
    }

    /** The current ISO week in Europe/Stockholm, by the service's clock. */
    public IsoWeek currentWeek() {
        return IsoWeek.of(clock.instant());
    }

    public Quarter currentQuarter() {
        return Quarter.of(currentWeek().monday().plusDays(3));
    }

    /** Creates the organisation's report of the place for the week, or updates it when there is one. */
    public Reported report(CurrentUser actor, PlaceReportInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        long organisationId = reportingOrganisation(actor, input.organisationId());
        Valid valid = validate(input, true);
        try {
            return jdbi.inTransaction(h -> upsert(h, actor, organisationId, valid));
        } catch (UnableToExecuteStatementException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // Two reports of the same week at once: the other one was stored first, so this one updates it.
            return jdbi.inTransaction(h -> upsert(h, actor, organisationId, valid));
        }
    }

    public PlaceReport get(CurrentUser actor, long id) {
        return jdbi.withExtension(PlaceReportDao.class, dao -> dao.findVisible(id, actor.isAdmin(), actor.id(), actor.organisationIds()))
                .orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    /** A report for its edit or delete page: its organisation's members only. */
    public PlaceReport getEditable(CurrentUser actor, long id) {
        PlaceReport report = get(actor, id);
        if (!canEdit(actor, report)) {
            throw new AccessDeniedException("only members of organisation " + report.organisationId() + " change place report " + id);
        }
        return report;
    }

    public boolean canEdit(CurrentUser actor, PlaceReport report) {
        return actor.isMemberOf(report.organisationId());
    }

    /** The organisation's report of the place for the week, if there is one (for prefilling its form). */
    public java.util.Optional<PlaceReport> findOfWeek(CurrentUser actor, long organisationId, long placeId, IsoWeek week) {
        if (!actor.isMemberOf(organisationId)) {
            return java.util.Optional.empty();
        }
        return jdbi.withExtension(PlaceReportDao.class, dao -> dao.findOfWeek(organisationId, placeId, week.monday(), actor.isAdmin(),
                actor.id(), actor.organisationIds()));
    }

    /** Corrects a report's signs, texts or visibility; its organisation, place and week stay. */
    public PlaceReport update(CurrentUser actor, long id, PlaceReportInput input) {
        PlaceReport current = getEditable(actor, id);
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        List<FieldError> fixed = new ArrayList<>();
        if (input.organisationId() != null && input.organisationId() != current.organisationId()) {
            fixed.add(new FieldError("organisationId", "error.placeReport.fixed"));
        }
        if (input.placeId() != null && input.placeId() != current.placeId()) {
            fixed.add(new FieldError("placeId", "error.placeReport.fixed"));
        }
        if (input.week() != null && !input.week().isBlank()) {
            try {
                if (!IsoWeek.parse(input.week(), "week").equals(current.isoWeek())) {
                    fixed.add(new FieldError("week", "error.placeReport.fixed"));
                }
            } catch (InvalidInputException e) {
                fixed.addAll(e.errors());
            }
        }
        Valid valid;
        try {
            valid = validate(input, false);
        } catch (InvalidInputException e) {
            fixed.addAll(e.errors());
            throw new InvalidInputException(fixed);
        }
        if (!fixed.isEmpty()) {
            throw new InvalidInputException(fixed);
        }
        return jdbi.inTransaction(h -> {
            PlaceReportDao dao = h.attach(PlaceReportDao.class);
            dao.update(id, valid.signs().get(Sign.VANDALISM), valid.signs().get(Sign.LITTERING), valid.signs().get(Sign.LIGHTING),
                    valid.signs().get(Sign.GATHERINGS), valid.signs().get(Sign.INCIDENTS_AGAINST_STAFF), valid.upcomingEvents(),
                    valid.comment(), valid.visibility(), clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Corrected place report #" + id + " (place #" + current.placeId()
                    + ", " + current.week() + ", " + valid.visibility() + ")");
            return dao.findVisible(id, actor.isAdmin(), actor.id(), actor.organisationIds()).orElseThrow();
        });
    }

    public void delete(CurrentUser actor, long id) {
        PlaceReport report = getEditable(actor, id);
        jdbi.useTransaction(h -> {
            h.attach(PlaceReportDao.class).delete(id);
            audit.record(h, actor, AuditAction.DELETE, ENTITY, id, "Deleted place report #" + id + " (place #" + report.placeId()
                    + ", " + report.week() + ", organisation #" + report.organisationId() + ")");
        });
    }

    /** Readable reports of an area from week {@code from} to week {@code to} (both included), keyset-paged by id. */
    public Page<PlaceReport> list(CurrentUser actor, long areaId, IsoWeek from, IsoWeek to, Long after, Integer limit) {
        areas.get(actor, areaId);
        if (from.compareTo(to) > 0) {
            throw new InvalidInputException("to", "error.placeReport.toBeforeFrom");
        }
        int size = Page.clampLimit(limit);
        List<PlaceReport> rows = jdbi.withExtension(PlaceReportDao.class, dao -> dao.listVisible(areaId, from.monday(), to.monday(),
                Page.afterOrStart(after), size + 1, actor.isAdmin(), actor.id(), actor.organisationIds()));
        return Page.of(rows, size, PlaceReport::id);
    }

    /** An area's week: its places, the reports the viewer may read, and how many the viewer may not. */
    public AreaWeek week(CurrentUser actor, long areaId, IsoWeek week) {
        Area area = areas.get(actor, areaId);
        List<Place> places = areas.places(actor, areaId).stream()
                .sorted(Comparator.comparing(Place::name, String.CASE_INSENSITIVE_ORDER)).toList();
        return jdbi.withHandle(h -> {
            PlaceReportDao dao = h.attach(PlaceReportDao.class);
            List<PlaceReport> reports = dao.weekVisible(areaId, week.monday(), actor.isAdmin(), actor.id(), actor.organisationIds());
            long hidden = dao.countHidden(areaId, week.monday(), week.monday(), actor.isAdmin(), actor.id(), actor.organisationIds());
            return new AreaWeek(area, week, places, reports, hidden);
        });
    }

    /** The quarterly ranking of the places and areas (of one area, or of all), from the reports the viewer may read. */
    public QuarterlyRanking quarterly(CurrentUser actor, Quarter quarter, Long areaId) {
        List<Area> chosen = areaId == null ? areas.all() : List.of(areas.get(actor, areaId));
        List<Place> places = new ArrayList<>();
        for (Area area : chosen) {
            places.addAll(areas.places(actor, area.id()));
        }
        LocalDate from = quarter.previous().firstWeekStart();
        LocalDate split = quarter.firstWeekStart();
        LocalDate to = quarter.lastWeekStart();
        return jdbi.withHandle(h -> {
            PlaceReportDao dao = h.attach(PlaceReportDao.class);
            List<PlaceTotals> totals = dao.totals(areaId, from, split, to, actor.isAdmin(), actor.id(), actor.organisationIds());
            long hidden = dao.countHidden(areaId, from, to, actor.isAdmin(), actor.id(), actor.organisationIds());
            return QuarterlyRanking.rank(quarter, areaId, chosen, places, totals, hidden);
        });
    }

    /** The organisations the viewer may report for: their own, by name. */
    public List<Organisation> reportingOrganisations(CurrentUser actor) {
        return organisations.findAll(actor.organisationIds()).stream()
                .sorted(Comparator.comparing(Organisation::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** A place to report on, or a clear refusal. */
    public Place place(CurrentUser actor, long placeId) {
        return areas.getPlace(actor, placeId);
    }

    /** The author's organisation: the one named, which must be theirs, or their only one. */
    long reportingOrganisation(CurrentUser actor, Long organisationId) {
        if (actor.organisationIds().isEmpty()) {
            throw new AccessDeniedException("user " + actor.id() + " belongs to no organisation",
                    "Only members of an organisation report places.");
        }
        if (organisationId == null) {
            if (actor.organisationIds().size() > 1) {
                throw new InvalidInputException("organisationId", "error.placeReport.chooseOrganisation");
            }
            return actor.organisationIds().iterator().next();
        }
        if (!actor.isMemberOf(organisationId)) {
            throw new AccessDeniedException("user " + actor.id() + " is not in organisation " + organisationId,
                    "You report for your own organisation only.");
        }
        organisations.requireActive(organisationId, "organisationId");
        return organisationId;
    }

    private record Valid(Place place, IsoWeek week, Map<Sign, Integer> signs, String upcomingEvents, String comment,
                         Visibility visibility) {
    }

    /** Every field's problem at once; {@code whereAndWhen} also checks the place and the week (a new report). */
    private Valid validate(PlaceReportInput input, boolean whereAndWhen) {
        List<FieldError> problems = new ArrayList<>();
        Place place = null;
        IsoWeek week = null;
        if (whereAndWhen) {
            if (input.placeId() == null) {
                problems.add(new FieldError("placeId", "error.required"));
            } else {
                try {
                    place = areas.getPlace(null, input.placeId());
                } catch (NotFoundException e) {
                    problems.add(new FieldError("placeId", "error.unknownPlace"));
                }
            }
            try {
                week = input.week() == null || input.week().isBlank() ? currentWeek() : IsoWeek.parse(input.week(), "week");
                IsoWeek current = currentWeek();
                if (week.compareTo(current) > 0) {
                    problems.add(new FieldError("week", "error.placeReport.futureWeek", current.toString()));
                } else if (week.monday().isBefore(current.monday().minusYears(1))) {
                    problems.add(new FieldError("week", "error.placeReport.oldWeek"));
                }
            } catch (InvalidInputException e) {
                problems.addAll(e.errors());
            }
        }
        Map<Sign, Integer> signs = new EnumMap<>(Sign.class);
        for (Sign sign : Sign.values()) {
            Integer value = input.sign(sign);
            if (value == null) {
                problems.add(new FieldError(sign.field(), "error.placeReport.sign"));
            } else if (value < Sign.MIN || value > Sign.MAX) {
                problems.add(new FieldError(sign.field(), "error.placeReport.sign"));
            } else {
                signs.put(sign, value);
            }
        }
        String upcoming = Checks.clean(input.upcomingEvents());
        String comment = Checks.clean(input.comment());
        Visibility visibility = input.visibility() == null ? Visibility.NETWORK : input.visibility();
        try {
            new Checks().freeText("upcomingEvents", upcoming, UPCOMING_MAX).freeText("comment", comment, COMMENT_MAX)
                    .check(visibility != Visibility.PUBLIC, "visibility", "error.placeReport.public")
                    .throwIfInvalid();
        } catch (InvalidInputException e) {
            problems.addAll(e.errors());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Valid(place, week, signs, upcoming, comment, visibility);
    }

    private Reported upsert(Handle h, CurrentUser actor, long organisationId, Valid valid) {
        PlaceReportDao dao = h.attach(PlaceReportDao.class);
        Place place = valid.place();
        var existing = dao.findOfWeek(organisationId, place.id(), valid.week().monday(), actor.isAdmin(), actor.id(),
                actor.organisationIds());
        Map<Sign, Integer> s = valid.signs();
        long id;
        if (existing.isPresent()) {
            id = existing.get().id();
            dao.update(id, s.get(Sign.VANDALISM), s.get(Sign.LITTERING), s.get(Sign.LIGHTING), s.get(Sign.GATHERINGS),
                    s.get(Sign.INCIDENTS_AGAINST_STAFF), valid.upcomingEvents(), valid.comment(), valid.visibility(), clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Reported place #" + place.id() + " again for " + valid.week()
                    + " (organisation #" + organisationId + ", " + valid.visibility() + "): the week's report updated");
        } else {
            id = dao.insert(organisationId, place.areaId(), place.id(), valid.week().monday(), s.get(Sign.VANDALISM),
                    s.get(Sign.LITTERING), s.get(Sign.LIGHTING), s.get(Sign.GATHERINGS), s.get(Sign.INCIDENTS_AGAINST_STAFF),
                    valid.upcomingEvents(), valid.comment(), valid.visibility(), actor.id(), clock.instant());
            audit.record(h, actor, AuditAction.CREATE, ENTITY, id, "Reported place #" + place.id() + " for " + valid.week()
                    + " (organisation #" + organisationId + ", " + valid.visibility() + ")");
        }
        return new Reported(dao.findVisible(id, actor.isAdmin(), actor.id(), actor.organisationIds()).orElseThrow(), existing.isEmpty());
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
