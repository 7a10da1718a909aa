package se.samtrygg.calendar;

import biweekly.Biweekly;
import biweekly.ICalDataType;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.DaylightSavingsTime;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.ParseContext;
import biweekly.io.TimezoneAssignment;
import biweekly.io.scribe.property.RecurrenceRuleScribe;
import biweekly.parameter.ICalParameters;
import biweekly.property.CalendarScale;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.RecurrenceId;
import biweekly.property.Status;
import biweekly.property.Transparency;
import biweekly.util.DateTimeComponents;
import biweekly.util.DayOfWeek;
import biweekly.util.Frequency;
import biweekly.util.ICalDate;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

/**
 * Turns events into an RFC 5545 calendar. Times are written as local times in Europe/Stockholm
 * with a VTIMEZONE that the calendar carries itself (built here: biweekly's own tzurl.org download
 * would need the network), so a client computes the same instants across daylight-saving changes,
 * also for the occurrences of a series that it expands itself.
 */
public final class IcsWriter {
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    static final String PRODUCT_ID = "-//Samtrygg//Samtrygg//SV";

    private final TimezoneAssignment stockholm = new TimezoneAssignment(TimeZone.getTimeZone(ZONE), stockholmTimezone());

    /** The whole calendar, {@code name} as X-WR-CALNAME, {@code now} as every event's DTSTAMP. */
    public String write(String name, List<CalendarEvent> events, Instant now) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT_ID);
        calendar.setCalendarScale(CalendarScale.gregorian());
        calendar.setMethod(Method.publish());
        calendar.setExperimentalProperty("X-WR-CALNAME", name);
        calendar.setExperimentalProperty("X-WR-TIMEZONE", ZONE.getId());
        calendar.getTimezoneInfo().setDefaultTimezone(stockholm);
        Date stamp = Date.from(now);
        for (CalendarEvent event : events) {
            calendar.addEvent(event(event, stamp));
        }
        return Biweekly.write(calendar).version(ICalVersion.V2_0).go();
    }

    private static VEvent event(CalendarEvent event, Date stamp) {
        VEvent vevent = new VEvent();
        vevent.setUid(event.uid());
        vevent.setDateTimeStamp(stamp);
        if (event.allDay()) {
            vevent.setDateStart(new DateStart(date(event.date())));
            vevent.setDateEnd(new DateEnd(date(event.date().plusDays(1))));
            // A due date is a reminder, not a time the person is busy.
            vevent.setTransparency(Transparency.transparent());
        } else {
            vevent.setDateStart(new DateStart(instant(event.start()), true));
            vevent.setDateEnd(new DateEnd(instant(event.end()), true));
            vevent.setStatus(event.cancelled() ? Status.cancelled() : Status.confirmed());
        }
        if (event.recurrenceId() != null) {
            vevent.setRecurrenceId(new RecurrenceId(new ICalDate(instant(event.recurrenceId()), true)));
        }
        if (event.rrule() != null) {
            vevent.setRecurrenceRule(new RecurrenceRuleScribe().parseText(event.rrule(), ICalDataType.RECUR, new ICalParameters(),
                    parseContext()));
        }
        vevent.setSummary(event.summary());
        if (event.location() != null) {
            vevent.setLocation(event.location());
        }
        if (event.description() != null) {
            vevent.setDescription(event.description());
        }
        if (event.url() != null) {
            vevent.setUrl(event.url());
        }
        if (event.organizer() != null) {
            Organizer organizer = new Organizer(event.organizer().name(), null);
            organizer.setUri(event.organizer().uri());
            vevent.setOrganizer(organizer);
        }
        if (event.lastModified() != null) {
            vevent.setLastModified(Date.from(event.lastModified()));
        }
        return vevent;
    }

    private static ParseContext parseContext() {
        ParseContext context = new ParseContext();
        context.setVersion(ICalVersion.V2_0);
        return context;
    }

    private static Date instant(LocalDateTime stockholmTime) {
        return Date.from(stockholmTime.atZone(ZONE).toInstant());
    }

    private static ICalDate date(LocalDate date) {
        return new ICalDate(new DateTimeComponents(date.getYear(), date.getMonthValue(), date.getDayOfMonth()), false);
    }

    /** Central European Time as the EU has kept it since 1996: summer time from the last Sunday of March to that of October. */
    static VTimezone stockholmTimezone() {
        VTimezone timezone = new VTimezone(ZONE.getId());
        StandardTime winter = new StandardTime();
        winter.setDateStart(new DateTimeComponents(1996, 10, 27, 3, 0, 0, false));
        winter.setTimezoneOffsetFrom(new UtcOffset(true, 2, 0));
        winter.setTimezoneOffsetTo(new UtcOffset(true, 1, 0));
        winter.addTimezoneName("CET");
        winter.setRecurrenceRule(new Recurrence.Builder(Frequency.YEARLY).byMonth(10).byDay(-1, DayOfWeek.SUNDAY).build());
        timezone.addStandardTime(winter);
        DaylightSavingsTime summer = new DaylightSavingsTime();
        summer.setDateStart(new DateTimeComponents(1981, 3, 29, 2, 0, 0, false));
        summer.setTimezoneOffsetFrom(new UtcOffset(true, 1, 0));
        summer.setTimezoneOffsetTo(new UtcOffset(true, 2, 0));
        summer.addTimezoneName("CEST");
        summer.setRecurrenceRule(new Recurrence.Builder(Frequency.YEARLY).byMonth(3).byDay(-1, DayOfWeek.SUNDAY).build());
        timezone.addDaylightSavingsTime(summer);
        return timezone;
    }
}
