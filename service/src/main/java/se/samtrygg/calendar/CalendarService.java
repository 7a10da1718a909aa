package se.samtrygg.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Stream;
import se.samtrygg.common.Page;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.meeting.ActionItem;
import se.samtrygg.meeting.ActionItemService;
import se.samtrygg.meeting.Meeting;
import se.samtrygg.meeting.MeetingSeries;
import se.samtrygg.meeting.MeetingService;
import se.samtrygg.meeting.NetworkGroup;
import se.samtrygg.meeting.NetworkGroupService;

/**
 * Meetings and action items as calendars: a month to look at, a meeting to download, and the
 * feeds. Everything is read through the meeting and action item services' visibility-checked
 * methods, as the viewer (for a feed: its owner, with the rights they have now).
 *
 * <p>UIDs are stable so that a calendar program updates an event instead of adding it again: a
 * one-off meeting is {@code meeting-<id>@samtrygg}, a series {@code series-<id>@samtrygg} (its rule
 * once, plus an override per occurrence that was moved, changed or cancelled, with the same UID and
 * the occurrence's RECURRENCE-ID), an action item's due date {@code action-item-<id>@samtrygg}.
 */
public final class CalendarService {
    /** What a feed holds: meetings that overlap three months back to two years ahead. */
    static final Period FEED_PAST = Period.ofMonths(3);
    static final Period FEED_FUTURE = Period.ofYears(2);
    /** Pages of the viewer's groups or action items read for one feed; far above any real person's share. */
    private static final int MAX_PAGES = 25;

    private final MeetingService meetings;
    private final ActionItemService actionItems;
    private final NetworkGroupService groups;
    private final Messages messages;
    private final IcsWriter writer = new IcsWriter();
    private final Clock clock;

    public CalendarService(MeetingService meetings, ActionItemService actionItems, NetworkGroupService groups, Messages messages,
                           Clock clock) {
        this.meetings = meetings;
        this.actionItems = actionItems;
        this.groups = groups;
        this.messages = messages;
        this.clock = clock;
    }

    /** The viewer's meetings that overlap a month in Europe/Stockholm, in time order. */
    public List<Meeting> month(CurrentUser viewer, YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(IcsWriter.ZONE).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(IcsWriter.ZONE).toInstant();
        return meetings.inRange(viewer, null, from, to);
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(IcsWriter.ZONE));
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(IcsWriter.ZONE));
    }

    /**
     * One meeting as a calendar file. An occurrence of a series is written as that occurrence only
     * (series UID and RECURRENCE-ID), so that it matches the same event in a feed.
     */
    public String meeting(CurrentUser viewer, long meetingId, String baseUrl) {
        Meeting meeting = meetings.get(viewer, meetingId);
        Texts texts = new Texts(viewer.language(), baseUrl);
        CalendarEvent event = meeting.recurring() ? texts.occurrence(meeting) : texts.single(meeting);
        return writer.write(meeting.title(), List.of(event), clock.instant());
    }

    /** The personal feed: the meetings the owner sees and the due dates of their own open action items. */
    public String personalFeed(CurrentUser owner, String baseUrl) {
        Texts texts = new Texts(owner.language(), baseUrl);
        List<CalendarEvent> events = new ArrayList<>(meetingEvents(meetings.inRange(owner, null, feedStart(), feedEnd()),
                visibleGroupIds(owner), texts));
        events.addAll(actionItemEvents(owner, texts));
        return writer.write(messages.get(owner.language(), "calendar.feed.personalName", owner.name()), events, clock.instant());
    }

    /** A group's feed; refused (AccessDeniedException, NotFoundException) once the owner no longer sees the group. */
    public String groupFeed(CurrentUser owner, long groupId, String baseUrl) {
        NetworkGroup group = groups.get(owner, groupId);
        Texts texts = new Texts(owner.language(), baseUrl);
        List<CalendarEvent> events = meetingEvents(meetings.inRange(owner, groupId, feedStart(), feedEnd()), Set.of(groupId), texts);
        return writer.write(messages.get(owner.language(), "calendar.feed.groupName", group.name()), events, clock.instant());
    }

    /**
     * A series goes in whole (rule and exceptions) only for a viewer who sees its group: whoever sees
     * a group sees all its meetings, while a guest invited to one occurrence sees only that one,
     * which is then written on its own.
     */
    private List<CalendarEvent> meetingEvents(List<Meeting> inRange, Set<Long> wholeGroups, Texts texts) {
        List<Meeting> ofWholeSeries = inRange.stream().filter(m -> m.recurring() && wholeGroups.contains(m.networkGroupId())).toList();
        Map<Long, MeetingSeries> series = meetings.seriesOf(ofWholeSeries);
        List<Meeting> exceptions = meetings.exceptionsOf(series.keySet());
        Map<Long, Meeting> anyOccurrence = new HashMap<>();
        Map<Long, Instant> lastChanged = new HashMap<>();
        Stream.concat(ofWholeSeries.stream(), exceptions.stream()).forEach(m -> {
            anyOccurrence.putIfAbsent(m.seriesId(), m);
            lastChanged.merge(m.seriesId(), m.updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
        });
        List<CalendarEvent> events = new ArrayList<>();
        for (Meeting meeting : inRange) {
            if (!meeting.recurring() || !series.containsKey(meeting.seriesId())) {
                events.add(texts.single(meeting));
            }
        }
        series.values().stream().sorted(Comparator.comparing(MeetingSeries::firstStart))
                .forEach(s -> events.add(texts.master(s, anyOccurrence.get(s.id()), lastChanged.get(s.id()))));
        exceptions.forEach(m -> events.add(texts.occurrence(m)));
        return events;
    }

    private List<CalendarEvent> actionItemEvents(CurrentUser owner, Texts texts) {
        LocalDate from = today().minus(FEED_PAST);
        LocalDate to = today().plus(FEED_FUTURE);
        List<CalendarEvent> events = new ArrayList<>();
        Long after = null;
        for (int i = 0; i < MAX_PAGES; i++) {
            // the rule of "my action items": open or in progress, and mine (my person or my organisation)
            Page<ActionItem> page = actionItems.list(owner, null, null, true, true, after, Page.MAX_LIMIT);
            page.items().stream()
                    .filter(item -> item.dueDate() != null && !item.state().closed())
                    .filter(item -> !item.dueDate().isBefore(from) && !item.dueDate().isAfter(to))
                    .forEach(item -> events.add(texts.dueDate(item)));
            after = page.nextAfter();
            if (after == null) {
                break;
            }
        }
        return events;
    }

    private Set<Long> visibleGroupIds(CurrentUser viewer) {
        Set<Long> ids = new HashSet<>();
        Long after = null;
        for (int i = 0; i < MAX_PAGES; i++) {
            Page<NetworkGroup> page = groups.list(viewer, null, after, Page.MAX_LIMIT);
            page.items().forEach(g -> ids.add(g.id()));
            after = page.nextAfter();
            if (after == null) {
                break;
            }
        }
        return ids;
    }

    private Instant feedStart() {
        return ZonedDateTime.now(clock.withZone(IcsWriter.ZONE)).minus(FEED_PAST).toInstant();
    }

    private Instant feedEnd() {
        return ZonedDateTime.now(clock.withZone(IcsWriter.ZONE)).plus(FEED_FUTURE).toInstant();
    }

    /** The words of events in one reader's language, with links to this service. */
    private final class Texts {
        private final Language language;
        private final String baseUrl;

        Texts(Language language, String baseUrl) {
            this.language = language;
            this.baseUrl = baseUrl;
        }

        CalendarEvent single(Meeting m) {
            String link = baseUrl + "meetings/" + m.id();
            return CalendarEvent.timed("meeting-" + m.id() + "@samtrygg", m.start(), m.end(), m.title(),
                    location(m.placeName(), m.address()), description(m.networkGroupName(), m.videoLink(), m.cancelled() ? m.cancelReason() : null,
                            link), link, m.cancelled(), m.updatedAt()).organizedBy(m.networkGroupName(), groupPage(m.networkGroupId()));
        }

        /** An occurrence of a series as the exception to its rule: same UID, RECURRENCE-ID the start the rule gave it. */
        CalendarEvent occurrence(Meeting m) {
            String link = baseUrl + "meetings/" + m.id();
            return CalendarEvent.timed(seriesUid(m.seriesId()), m.start(), m.end(), m.title(), location(m.placeName(), m.address()),
                    description(m.networkGroupName(), m.videoLink(), m.cancelled() ? m.cancelReason() : null, link), link,
                    m.cancelled(), m.updatedAt()).overriding(m.occurrenceStart())
                    .organizedBy(m.networkGroupName(), groupPage(m.networkGroupId()));
        }

        CalendarEvent master(MeetingSeries s, Meeting anyOccurrence, Instant lastChanged) {
            String link = groupPage(s.networkGroupId());
            String groupName = anyOccurrence.networkGroupName();
            return CalendarEvent.timed(seriesUid(s.id()), s.firstStart(), s.firstStart().plusMinutes(s.durationMinutes()), s.title(),
                    location(s.placeName(), s.address()), description(groupName, s.videoLink(), null, link), link, false, lastChanged)
                    .repeating(s.rrule()).organizedBy(groupName, link);
        }

        CalendarEvent dueDate(ActionItem item) {
            String link = baseUrl + "action-items/" + item.id();
            StringJoiner text = new StringJoiner("\n");
            text.add(messages.get(language, "calendar.ics.responsible", item.responsibleOrganisationName()));
            if (item.meetingId() != null) {
                text.add(messages.get(language, "calendar.ics.fromMeeting", item.meetingTitle(), item.networkGroupName()));
            } else if (item.fromObservation()) {
                text.add(messages.get(language, "observations.ics.fromObservation"));
            }
            text.add(messages.get(language, "calendar.ics.link", link));
            CalendarEvent event = CalendarEvent.allDay("action-item-" + item.id() + "@samtrygg", item.dueDate(),
                    messages.get(language, "calendar.ics.actionItemDue", item.title()), text.toString(), link, item.updatedAt());
            // handed over where the area has no network group: there is nobody to name as organiser
            return item.networkGroupId() == null ? event : event.organizedBy(item.networkGroupName(), groupPage(item.networkGroupId()));
        }

        private String groupPage(long groupId) {
            return baseUrl + "network-groups/" + groupId;
        }

        private String description(String groupName, String videoLink, String cancelReason, String link) {
            StringJoiner text = new StringJoiner("\n");
            if (cancelReason != null) {
                text.add(messages.get(language, "calendar.ics.cancelled", cancelReason));
            }
            if (groupName != null) {
                text.add(messages.get(language, "calendar.ics.group", groupName));
            }
            if (videoLink != null) {
                text.add(messages.get(language, "calendar.ics.video", videoLink));
            }
            text.add(messages.get(language, "calendar.ics.link", link));
            return text.toString();
        }
    }

    private static String seriesUid(long seriesId) {
        return "series-" + seriesId + "@samtrygg";
    }

    private static String location(String placeName, String address) {
        String joined = String.join(", ", Stream.of(placeName, address).filter(Objects::nonNull).filter(s -> !s.isBlank()).toList());
        return joined.isEmpty() ? null : joined;
    }
}
