package se.samtrygg.situation;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.activity.Category;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.activity.CategoryService;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaService;
import se.samtrygg.common.Checks;
import se.samtrygg.common.web.Dates;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.situation.SituationPicture.Activities;
import se.samtrygg.situation.SituationPicture.ActionItems;
import se.samtrygg.situation.SituationPicture.CategoryHandling;
import se.samtrygg.situation.SituationPicture.Handling;
import se.samtrygg.situation.SituationPicture.Hidden;
import se.samtrygg.situation.SituationPicture.ObservationLine;
import se.samtrygg.situation.SituationPicture.Observations;
import se.samtrygg.situation.SituationPicture.OpenActionItem;
import se.samtrygg.situation.SituationPicture.PlaceReports;
import se.samtrygg.situation.SituationPicture.PlaceWeek;
import se.samtrygg.situation.SituationPicture.TypeCount;
import se.samtrygg.situation.SituationPicture.UpcomingActivity;
import se.samtrygg.situation.SituationPicture.UpcomingEvent;
import se.samtrygg.situation.SituationPicture.UpcomingMeeting;
import se.samtrygg.situation.SituationPicture.WeekCount;

/**
 * The situation picture of an area: what happened in a period, what is open, what is coming. A read
 * model over the activity log, action items and meetings; everyone signed in may ask for it, and
 * sees what the confidentiality rules let them read, with the rest counted (see {@link SituationDao}).
 */
public final class SituationService {
    public static final ZoneId ZONE = Dates.ZONE;
    /** Without a period: the 30 days up to and including today. */
    public static final int DEFAULT_DAYS = 30;
    public static final int UPCOMING_MEETING_DAYS = 30;
    static final int LATEST_OBSERVATIONS = 20;
    static final int ACTION_ITEMS = 100;
    static final int MEETINGS = 50;
    static final int UPCOMING_ACTIVITIES = 20;
    static final int UPCOMING_EVENTS = 100;
    /** Weeks × places of at most a year: far below this unless an area has hundreds of places. */
    static final int PLACE_WEEKS = 10_000;
    /** A year of an area's activities, one small row each, to sort into Stockholm weeks. */
    static final int ACTIVITY_MOMENTS = 200_000;

    private final Jdbi jdbi;
    private final AreaService areas;
    private final CategoryService categories;
    private final Clock clock;

    public SituationService(Jdbi jdbi, AreaService areas, CategoryService categories, Clock clock) {
        this.jdbi = jdbi;
        this.areas = areas;
        this.categories = categories;
        this.clock = clock;
    }

    /** The picture for a period typed as ISO dates (either may be blank); a date that is not one is refused per field. */
    public SituationPicture picture(CurrentUser actor, long areaId, String from, String to) {
        Area area = areas.get(actor, areaId);
        Checks checks = new Checks();
        LocalDate fromDate = date(checks, "from", from);
        LocalDate toDate = date(checks, "to", to);
        checks.throwIfInvalid();
        return picture(actor, area, fromDate, toDate);
    }

    /**
     * The picture of the days {@code from} to {@code to}, both included (Europe/Stockholm). A missing
     * {@code to} is today; a missing {@code from} is {@value #DEFAULT_DAYS} days up to {@code to}. A
     * period that ends before it starts, or is longer than a year, is refused.
     */
    private SituationPicture picture(CurrentUser actor, Area area, LocalDate from, LocalDate to) {
        long areaId = area.id();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZONE);
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(DEFAULT_DAYS - 1L) : from;
        new Checks().check(inRange(start), "from", "situation.error.year").check(inRange(end), "to", "situation.error.year")
                .throwIfInvalid();
        new Checks().check(!start.isAfter(end), "from", "situation.error.fromAfterTo")
                .check(start.isAfter(end) || !end.isAfter(start.plusYears(1)), "to", "situation.error.tooLong")
                .throwIfInvalid();

        Instant periodStart = start.atStartOfDay(ZONE).toInstant();
        Instant periodEnd = end.plusDays(1).atStartOfDay(ZONE).toInstant();
        LocalDate firstWeek = monday(start);
        boolean admin = actor.isAdmin();
        long viewer = actor.id();
        Collection<Long> organisations = actor.organisationIds();

        // Read before the transaction, which holds its own connection: the types name and order the counts.
        List<Category> activityTypes = categories.all(CategoryKind.ACTIVITY_TYPE);
        return jdbi.inTransaction(h -> {
            SituationDao dao = h.attach(SituationDao.class);

            List<SituationDao.ActivityMoment> moments = dao.activityMoments(areaId, periodStart, periodEnd, ACTIVITY_MOMENTS, admin,
                    viewer, organisations);
            List<TypeCount> byType = byType(moments, activityTypes);
            List<WeekCount> byWeek = weeks(firstWeek, end, moments);
            Activities activities = new Activities(byType.stream().mapToLong(TypeCount::activities).sum(),
                    byType.stream().mapToLong(TypeCount::staff).sum(), byType.stream().mapToLong(TypeCount::reached).sum(), byType, byWeek);

            Hidden hidden = new Hidden(dao.hiddenActivities(areaId, periodStart, periodEnd, admin, viewer, organisations),
                    dao.hiddenObservations(areaId, periodStart, periodEnd, admin, viewer, organisations),
                    dao.hiddenPlaceReports(areaId, firstWeek, end, admin, viewer, organisations));

            List<CategoryHandling> byCategory = dao.observationsByCategory(areaId, periodStart, periodEnd, admin, viewer, organisations)
                    .stream().map(r -> new CategoryHandling(r.categoryId(), r.categoryName(), r.observations(), r.notHandedOver(),
                            r.handedOverOpen(), r.handedOverClosed())).toList();
            List<ObservationLine> latest = dao.latestObservations(areaId, periodStart, periodEnd, LATEST_OBSERVATIONS, admin, viewer,
                    organisations).stream().map(r -> new ObservationLine(r.id(), r.observedAt(), r.categoryName(), r.placeName(),
                    r.organisationName(), r.description(), r.visibility(), Handling.of(r.actionItemId(), r.actionItemState()),
                    r.actionItemState(), "/observations/" + r.id())).toList();
            Observations observations = new Observations(byCategory.stream().mapToLong(CategoryHandling::observations).sum(),
                    byCategory, latest);

            SituationDao.ActionItemCounts counts = dao.openActionItemCounts(areaId, today, admin, viewer, organisations);
            List<OpenActionItem> items = dao.openActionItems(areaId, ACTION_ITEMS, admin, viewer, organisations).stream()
                    .map(r -> new OpenActionItem(r.id(), r.title(), r.responsibleOrganisationName(), r.responsibleUserName(), r.dueDate(),
                            r.state(), r.dueDate() != null && r.dueDate().isBefore(today), r.networkGroupName(), "/action-items/" + r.id()))
                    .toList();
            ActionItems actionItems = new ActionItems(counts.openCount(), counts.overdueCount(), items);

            List<UpcomingMeeting> meetings = dao.meetings(areaId, now, now.plus(Duration.ofDays(UPCOMING_MEETING_DAYS)), MEETINGS, admin,
                    viewer, organisations).stream().map(r -> new UpcomingMeeting(r.id(), r.title(), r.networkGroupName(), r.startsAt(),
                    r.endsAt(), r.placeName(), r.address(), r.status() == se.samtrygg.meeting.MeetingStatus.CANCELLED,
                    "/meetings/" + r.id())).toList();
            List<UpcomingActivity> upcoming = dao.upcomingActivities(areaId, now, UPCOMING_ACTIVITIES, admin, viewer, organisations)
                    .stream().map(r -> new UpcomingActivity(r.id(), r.typeName(), r.startsAt(), r.endsAt(), r.placeName(),
                            r.organisationName(), "/activities/" + r.id())).toList();

            List<PlaceWeek> placeWeeks = dao.placeWeeks(areaId, firstWeek, end, PLACE_WEEKS, admin, viewer, organisations).stream()
                    .map(r -> new PlaceWeek(r.weekStart().get(IsoFields.WEEK_BASED_YEAR), r.weekStart().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                            r.weekStart(), r.placeId(), r.placeName(), r.reports(), r.vandalism(), r.littering(), r.lighting(),
                            r.gatherings(), r.incidentsAgainstStaff())).toList();
            LocalDate latestWeek = placeWeeks.stream().map(PlaceWeek::weekStart).max(LocalDate::compareTo).orElse(null);
            List<UpcomingEvent> events = latestWeek == null ? List.of()
                    : dao.upcomingEvents(areaId, latestWeek, UPCOMING_EVENTS, admin, viewer, organisations).stream()
                    .map(r -> new UpcomingEvent(r.placeName(), r.organisationName(), r.upcomingEvents())).toList();

            return new SituationPicture(area.id(), area.name(), start, end, today, activities, hidden, observations, actionItems,
                    meetings, upcoming, new PlaceReports(placeWeeks, latestWeek, events));
        });
    }

    /** The activities per type, in the types' own order (sort order, then name): only the types that occur. */
    private static List<TypeCount> byType(List<SituationDao.ActivityMoment> moments, List<Category> types) {
        Map<Long, long[]> sums = new HashMap<>();
        for (SituationDao.ActivityMoment moment : moments) {
            add(sums.computeIfAbsent(moment.typeId(), id -> new long[3]), moment);
        }
        return types.stream().filter(type -> sums.containsKey(type.id())).map(type -> {
            long[] sum = sums.get(type.id());
            return new TypeCount(type.id(), type.name(), sum[0], sum[1], sum[2]);
        }).toList();
    }

    /** One activity into a sum of {count, staff, reached}; a figure left empty counts as none. */
    private static void add(long[] sum, SituationDao.ActivityMoment moment) {
        sum[0]++;
        sum[1] += moment.staffCount() == null ? 0 : moment.staffCount();
        sum[2] += moment.reachedCount() == null ? 0 : moment.reachedCount();
    }

    /** Every ISO week that touches the period, in order, with the activities that started in it. */
    private static List<WeekCount> weeks(LocalDate firstWeek, LocalDate end, List<SituationDao.ActivityMoment> moments) {
        Map<LocalDate, long[]> sums = new LinkedHashMap<>();
        for (LocalDate week = firstWeek; !week.isAfter(end); week = week.plusWeeks(1)) {
            sums.put(week, new long[3]);
        }
        for (SituationDao.ActivityMoment moment : moments) {
            long[] sum = sums.get(monday(LocalDate.ofInstant(moment.startsAt(), ZONE)));
            if (sum != null) {
                add(sum, moment);
            }
        }
        List<WeekCount> weeks = new ArrayList<>();
        sums.forEach((week, sum) -> weeks.add(new WeekCount(week.get(IsoFields.WEEK_BASED_YEAR),
                week.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), week, sum[0], sum[1], sum[2])));
        return weeks;
    }

    /** Dates far outside the service's life are typing mistakes (and beyond what every database stores alike). */
    private static boolean inRange(LocalDate day) {
        return day.getYear() >= 2000 && day.getYear() <= 2100;
    }

    static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static LocalDate date(Checks checks, String field, String text) {
        String value = Checks.clean(text);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            checks.check(false, field, "error.date");
            return null;
        }
    }
}
