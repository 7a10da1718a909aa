package se.samtrygg.situation;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaService;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.Dates;
import se.samtrygg.common.web.FormState;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.situation.SituationPicture.WeekCount;

/**
 * The situation picture page of an area: a period form, then what happened, what is open and what is
 * coming, as tables and lists; the activities per week also as a bar chart (inline SVG, no script)
 * with the same figures in the table under it.
 */
@Hidden
@Path("/areas/{id}/situation")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class SituationPages {
    static final int CHART_HEIGHT = 200;
    static final int BAR_AREA = 130;
    static final int BAR_WIDTH = 26;
    static final int BAR_STEP = 40;
    static final int BASELINE = 160;

    private final SituationService situation;
    private final AreaService areas;
    private final PageContextFactory pages;
    private final Messages messages;

    public SituationPages(SituationService situation, AreaService areas, PageContextFactory pages) {
        this.situation = situation;
        this.areas = areas;
        this.pages = pages;
        this.messages = pages.messages();
    }

    public record PageModel(long areaId, String title, FormState period, View view) {
    }

    /** The picture as the template shows it: every number and date already in words. */
    public record View(String periodText, List<String> hidden, Chart chart, List<WeekRow> weeks, List<TypeRow> types, TypeRow typeTotal,
                       List<CategoryRow> categories, CategoryRow categoryTotal, List<ObservationItem> observations,
                       String actionItemSummary, List<ActionItemLine> actionItems, List<MeetingLine> meetings,
                       List<ActivityLine> upcomingActivities, List<PlaceWeekRow> placeWeeks, String latestWeek,
                       List<EventLine> events) {
        public boolean hasHidden() {
            return !hidden.isEmpty();
        }

        public boolean hasTypes() {
            return !types.isEmpty();
        }

        public boolean hasCategories() {
            return !categories.isEmpty();
        }

        public boolean hasObservations() {
            return !observations.isEmpty();
        }

        public boolean hasActionItems() {
            return !actionItems.isEmpty();
        }

        public boolean hasMeetings() {
            return !meetings.isEmpty();
        }

        public boolean hasUpcomingActivities() {
            return !upcomingActivities.isEmpty();
        }

        public boolean hasPlaceWeeks() {
            return !placeWeeks.isEmpty();
        }

        public boolean hasEvents() {
            return !events.isEmpty();
        }
    }

    public record Chart(int width, int height, int baseline, String title, String description, List<Bar> bars) {
    }

    /** One week's bar: its rectangle, the count written above it and the week written under it. */
    public record Bar(int x, int y, int width, int height, int labelX, int valueY, int labelY, long value, String label) {
    }

    public record WeekRow(String week, String weekStart, long activities, long staff, long reached) {
    }

    public record TypeRow(String type, long activities, long staff, long reached) {
    }

    public record CategoryRow(String category, long observations, long notHandedOver, long handedOverOpen, long handedOverClosed) {
    }

    public record ObservationItem(String link, String when, String category, String place, String organisation, String description,
                                  String handling) {
    }

    public record ActionItemLine(String link, String title, String organisation, String person, String due, boolean overdue,
                                 String state, String group) {
    }

    public record MeetingLine(String link, String when, String title, String group, String place, boolean cancelled) {
    }

    public record ActivityLine(String link, String when, String type, String place, String organisation) {
    }

    public record PlaceWeekRow(String week, String place, long reports, String vandalism, String littering, String lighting,
                               String gatherings, String incidentsAgainstStaff) {
    }

    public record EventLine(String place, String organisation, String text) {
    }

    @GET
    public Response show(@Context HttpServletRequest request, @Auth CurrentUser actor, @PathParam("id") long id,
                         @QueryParam("from") String from, @QueryParam("to") String to) {
        PageContext context = pages.create(request, actor);
        try {
            SituationPicture picture = situation.picture(actor, id, from, to);
            String title = messages.get(context.language(), "situation.title", picture.areaName());
            FormState period = FormState.empty().with("from", picture.from()).with("to", picture.to());
            return Response.ok(page(context, title, new PageModel(id, title, period, view(picture, context.language())))).build();
        } catch (InvalidInputException e) {
            // The picture reads the area once; only a period it refused needs the area's name read here.
            String title = messages.get(context.language(), "situation.title", areas.get(actor, id).name());
            FormState period = FormState.empty().with("from", from).with("to", to)
                    .withErrors(e.errors(), messages, context.language());
            return Response.status(422).entity(page(context, title, new PageModel(id, title, period, null))).build();
        }
    }

    private static HtmlPage page(PageContext context, String title, PageModel model) {
        return new HtmlPage("/se/samtrygg/situation/situation.mustache", context, "situation.heading", model).titled(title);
    }

    View view(SituationPicture p, Language language) {
        String periodText = text(language, "situation.period", p.from().toString(), p.to().toString(),
                p.to().toEpochDay() - p.from().toEpochDay() + 1);
        List<String> hidden = new ArrayList<>();
        if (p.hidden().activities() > 0) {
            hidden.add(text(language, "situation.hidden.activities", p.hidden().activities()));
        }
        if (p.hidden().observations() > 0) {
            hidden.add(text(language, "situation.hidden.observations", p.hidden().observations()));
        }
        if (p.hidden().placeReports() > 0) {
            hidden.add(text(language, "situation.hidden.placeReports", p.hidden().placeReports()));
        }
        List<WeekRow> weeks = p.activities().byWeek().stream().map(w -> new WeekRow(weekName(language, w.year(), w.week()),
                w.weekStart().toString(), w.activities(), w.staff(), w.reached())).toList();
        List<TypeRow> types = p.activities().byType().stream().map(t -> new TypeRow(t.type(), t.activities(), t.staff(), t.reached()))
                .toList();
        TypeRow typeTotal = new TypeRow(text(language, "situation.total"), p.activities().total(), p.activities().staff(),
                p.activities().reached());
        List<CategoryRow> categories = p.observations().byCategory().stream().map(c -> new CategoryRow(c.category(), c.observations(),
                c.notHandedOver(), c.handedOverOpen(), c.handedOverClosed())).toList();
        CategoryRow categoryTotal = new CategoryRow(text(language, "situation.total"), p.observations().total(),
                categories.stream().mapToLong(CategoryRow::notHandedOver).sum(), categories.stream().mapToLong(CategoryRow::handedOverOpen).sum(),
                categories.stream().mapToLong(CategoryRow::handedOverClosed).sum());
        List<ObservationItem> observations = p.observations().latest().stream().map(o -> new ObservationItem(o.link(),
                Dates.dateTime(o.observedAt()), o.category(), o.place(), o.organisation(), o.description(),
                text(language, "situation.handling." + o.handling().name()))).toList();
        String actionItemSummary = text(language, "situation.actionItems.summary", p.actionItems().open(), p.actionItems().overdue());
        List<ActionItemLine> actionItems = p.actionItems().items().stream().map(a -> new ActionItemLine(a.link(), a.title(),
                a.responsibleOrganisation(), a.responsiblePerson(), a.dueDate() == null ? null : a.dueDate().toString(), a.overdue(),
                text(language, "actionItems.state." + a.state().name()), a.networkGroup())).toList();
        List<MeetingLine> meetings = p.upcomingMeetings().stream().map(m -> new MeetingLine(m.link(), Dates.dateTime(m.startsAt()),
                m.title(), m.networkGroup(), m.place() != null ? m.place() : m.address(), m.cancelled())).toList();
        List<ActivityLine> upcoming = p.upcomingActivities().stream().map(a -> new ActivityLine(a.link(), Dates.dateTime(a.startsAt()),
                a.type(), a.place(), a.organisation())).toList();
        List<PlaceWeekRow> placeWeeks = p.placeReports().weeks().stream().map(w -> new PlaceWeekRow(weekName(language, w.year(), w.week()),
                w.place(), w.reports(), level(language, w.vandalism()), level(language, w.littering()), level(language, w.lighting()),
                level(language, w.gatherings()), level(language, w.incidentsAgainstStaff()))).toList();
        String latestWeek = p.placeReports().latestWeekStart() == null ? null : weekName(language,
                p.placeReports().latestWeekStart().get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
                p.placeReports().latestWeekStart().get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        List<EventLine> events = p.placeReports().upcomingEvents().stream().map(e -> new EventLine(e.place(), e.organisation(), e.text()))
                .toList();
        return new View(periodText, hidden, chart(language, p.activities().byWeek()), weeks, types, typeTotal, categories, categoryTotal,
                observations, actionItemSummary, actionItems, meetings, upcoming, placeWeeks, latestWeek, events);
    }

    /** Bars scaled to the busiest week; every bar carries its number, so the chart does not rest on colour or height alone. */
    Chart chart(Language language, List<WeekCount> weeks) {
        long max = Math.max(1, weeks.stream().mapToLong(WeekCount::activities).max().orElse(0));
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            WeekCount week = weeks.get(i);
            int height = (int) Math.round((double) week.activities() * BAR_AREA / max);
            int x = 10 + i * BAR_STEP + (BAR_STEP - BAR_WIDTH) / 2;
            int centre = x + BAR_WIDTH / 2;
            bars.add(new Bar(x, BASELINE - height, BAR_WIDTH, height, centre, BASELINE - height - 6, BASELINE + 18, week.activities(),
                    text(language, "situation.chart.weekShort", String.valueOf(week.week()))));
        }
        int width = 20 + weeks.size() * BAR_STEP;
        String description;
        if (weeks.isEmpty()) {
            description = text(language, "situation.chart.empty");
        } else {
            WeekCount first = weeks.get(0);
            WeekCount last = weeks.get(weeks.size() - 1);
            WeekCount busiest = weeks.stream().reduce((a, b) -> b.activities() > a.activities() ? b : a).orElseThrow();
            description = text(language, "situation.chart.description", weekName(language, first.year(), first.week()),
                    weekName(language, last.year(), last.week()), busiest.activities(), weekName(language, busiest.year(), busiest.week()));
        }
        return new Chart(width, CHART_HEIGHT, BASELINE, text(language, "situation.chart.title"), description, bars);
    }

    private String weekName(Language language, int year, int week) {
        return text(language, "situation.week", String.valueOf(week), String.valueOf(year));
    }

    private String level(Language language, int level) {
        return text(language, "situation.level." + Math.max(0, Math.min(3, level)));
    }

    private String text(Language language, String key, Object... args) {
        return messages.get(language, key, args);
    }
}
