package se.samtrygg.calendar;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.time.temporal.WeekFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.Page;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.Dates;
import se.samtrygg.common.web.FormState;
import se.samtrygg.common.web.FormValues;
import se.samtrygg.common.web.HtmlPage;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.common.web.Redirect;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.meeting.Meeting;
import se.samtrygg.meeting.NetworkGroup;
import se.samtrygg.meeting.NetworkGroupService;

/**
 * {@code /calendar}: a month of the user's meetings (Monday-first weeks with ISO week numbers),
 * and the calendar feeds they subscribe to: issue, re-issue and revoke. Also the .ics download of
 * one meeting.
 */
@Hidden
@Path("/calendar")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class CalendarPages {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final CalendarService calendars;
    private final CalendarFeedService feeds;
    private final NetworkGroupService groups;
    private final PageContextFactory pages;
    private final Messages messages;

    public CalendarPages(CalendarService calendars, CalendarFeedService feeds, NetworkGroupService groups, PageContextFactory pages) {
        this.calendars = calendars;
        this.feeds = feeds;
        this.groups = groups;
        this.pages = pages;
        this.messages = pages.messages();
    }

    public record Weekday(String shortName, String fullName) {
    }

    public record Entry(long id, String time, String title, String groupName, boolean cancelled) {
    }

    public record Day(String isoDate, String label, int dayOfMonth, boolean inMonth, boolean today, List<Entry> meetings) {
        public boolean hasMeetings() {
            return !meetings.isEmpty();
        }
    }

    public record Week(int number, String label, List<Day> days) {
        public boolean hasMeetings() {
            return days.stream().anyMatch(d -> d.inMonth() && (d.hasMeetings() || d.today()));
        }
    }

    public record FeedRow(long id, String name, String created, String lastUsed) {
    }

    public record GroupChoice(long id, String name) {
    }

    public record Issued(String name, String url, String webcalUrl) {
    }

    public record Subscriptions(FeedRow personal, List<FeedRow> groupFeeds, List<GroupChoice> groups, Issued issued, boolean revoked,
                                FormState form) {
        public boolean hasGroupFeeds() {
            return !groupFeeds.isEmpty();
        }

        public boolean hasGroups() {
            return !groups.isEmpty();
        }
    }

    public record MonthModel(String heading, String caption, String previousMonth, String previousLabel, String nextMonth,
                             String nextLabel, List<Weekday> weekdays, List<Week> weeks, boolean empty, Subscriptions subscriptions) {
    }

    public record RevokeModel(FeedRow feed) {
    }

    @GET
    public HtmlPage month(@Context HttpServletRequest request, @Auth CurrentUser user, @QueryParam("month") String month,
                          @QueryParam("revoked") boolean revoked) {
        YearMonth shown = parseMonth(month);
        return page(request, user, shown == null ? calendars.currentMonth() : shown, null, revoked, FormState.empty());
    }

    /** Issues a feed (personal when no group is chosen) and shows its URL in this answer only: a reload must not show it again. */
    @POST
    @Path("subscriptions")
    public Response issue(@Context HttpServletRequest request, @Context UriInfo uri, @Auth CurrentUser user,
                          @FormParam("networkGroupId") String networkGroupId) {
        Language language = PageContextFactory.language(request, user);
        try {
            Long groupId = FormValues.optionalLong(networkGroupId, "networkGroupId", "error.unknownNetworkGroup");
            IssuedCalendarFeed issued = feeds.issue(user, groupId, uri.getBaseUri().toString());
            String url = issued.url();
            Issued shown = new Issued(feedName(issued.feed(), language), url, url.replaceFirst("^https?://", "webcal://"));
            return Response.ok(page(request, user, calendars.currentMonth(), shown, false, FormState.empty())).build();
        } catch (InvalidInputException e) {
            FormState form = FormState.empty().with("networkGroupId", networkGroupId).withErrors(e.errors(), messages, language);
            return Response.status(422).entity(page(request, user, calendars.currentMonth(), null, false, form)).build();
        }
    }

    @GET
    @Path("subscriptions/{id}/revoke")
    public HtmlPage confirmRevoke(@Context HttpServletRequest request, @Auth CurrentUser user, @PathParam("id") long id) {
        CalendarFeed feed = feeds.get(user, id);
        return new HtmlPage("/se/samtrygg/calendar/feed-revoke.mustache", pages.create(request, user), "calendar.revoke.title",
                new RevokeModel(row(feed, PageContextFactory.language(request, user))));
    }

    @POST
    @Path("subscriptions/{id}/revoke")
    public Response revoke(@Auth CurrentUser user, @PathParam("id") long id) {
        feeds.revoke(user, id);
        return Redirect.to("/calendar?revoked=true#subscribe");
    }

    @GET
    @Path("meetings/{id}.ics")
    @Produces({"text/calendar", MediaType.WILDCARD})
    public Response download(@Context UriInfo uri, @Auth CurrentUser user, @PathParam("id") long id) {
        return Response.ok(calendars.meeting(user, id, uri.getBaseUri().toString()), CalendarResource.TEXT_CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"samtrygg-meeting-" + id + ".ics\"").build();
    }

    private HtmlPage page(HttpServletRequest request, CurrentUser user, YearMonth month, Issued issued, boolean revoked, FormState form) {
        PageContext context = pages.create(request, user);
        Language language = context.language();
        Locale locale = language.locale();
        List<Meeting> meetings = calendars.month(user, month);
        Map<LocalDate, List<Entry>> byDay = meetings.stream().collect(Collectors.groupingBy(m -> m.start().toLocalDate(),
                Collectors.mapping(m -> new Entry(m.id(), TIME.format(m.start()), m.title(), m.networkGroupName(), m.cancelled()),
                        Collectors.toList())));
        LocalDate today = calendars.today();
        DateTimeFormatter dayLabel = DateTimeFormatter.ofPattern("EEEE d MMMM", locale);
        List<Week> weeks = new ArrayList<>();
        LocalDate monday = month.atDay(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        for (LocalDate weekStart = monday; !weekStart.isAfter(month.atEndOfMonth()); weekStart = weekStart.plusWeeks(1)) {
            List<Day> days = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                LocalDate date = weekStart.plusDays(i);
                boolean inMonth = YearMonth.from(date).equals(month);
                days.add(new Day(date.toString(), dayLabel.format(date), date.getDayOfMonth(), inMonth, date.equals(today),
                        inMonth ? byDay.getOrDefault(date, List.of()) : List.of()));
            }
            int number = weekStart.get(WeekFields.ISO.weekOfWeekBasedYear());
            weeks.add(new Week(number, messages.get(language, "calendar.weekNumber", number), days));
        }
        List<Weekday> weekdays = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            weekdays.add(new Weekday(day.getDisplayName(TextStyle.SHORT, locale), day.getDisplayName(TextStyle.FULL, locale)));
        }
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        YearMonth previous = month.minusMonths(1);
        YearMonth next = month.plusMonths(1);
        String heading = capitalise(monthName.format(month), locale);
        MonthModel model = new MonthModel(heading, messages.get(language, "calendar.caption", monthName.format(month)), previous.toString(),
                capitalise(monthName.format(previous), locale), next.toString(), capitalise(monthName.format(next), locale), weekdays,
                weeks, meetings.isEmpty(), subscriptions(user, language, issued, revoked, form));
        return new HtmlPage("/se/samtrygg/calendar/calendar.mustache", context, "calendar.title", model);
    }

    private Subscriptions subscriptions(CurrentUser user, Language language, Issued issued, boolean revoked, FormState form) {
        List<CalendarFeed> active = feeds.active(user);
        FeedRow personal = active.stream().filter(CalendarFeed::personal).findFirst().map(f -> row(f, language)).orElse(null);
        List<FeedRow> groupFeeds = active.stream().filter(f -> !f.personal()).map(f -> row(f, language)).toList();
        List<GroupChoice> choices = new ArrayList<>();
        Long after = null;
        do {
            Page<NetworkGroup> visible = groups.list(user, null, after, Page.MAX_LIMIT);
            visible.items().forEach(g -> choices.add(new GroupChoice(g.id(), g.name())));
            after = visible.nextAfter();
        } while (after != null && choices.size() < 1000);
        return new Subscriptions(personal, groupFeeds, choices, issued, revoked, form);
    }

    private FeedRow row(CalendarFeed feed, Language language) {
        return new FeedRow(feed.id(), feedName(feed, language), Dates.dateTime(feed.createdAt()),
                feed.lastUsedAt() == null ? messages.get(language, "calendar.subscribe.neverUsed") : Dates.dateTime(feed.lastUsedAt()));
    }

    private String feedName(CalendarFeed feed, Language language) {
        return feed.personal() ? messages.get(language, "calendar.subscribe.personalName")
                : messages.get(language, "calendar.subscribe.groupName", feed.networkGroupName());
    }

    private static YearMonth parseMonth(String month) {
        if (month == null || month.isBlank()) {
            return null;
        }
        try {
            YearMonth parsed = YearMonth.parse(month.strip());
            if (parsed.getYear() >= 1900 && parsed.getYear() <= 2200) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw new BadRequestException("month must be YYYY-MM");
    }

    private static String capitalise(String text, Locale locale) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale) + text.substring(1);
    }
}
