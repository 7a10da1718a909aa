package se.samtrygg.reminder;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Attendee;
import biweekly.property.DateEnd;
import biweekly.property.DateStart;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.notification.CalendarAttachment;

/**
 * Words reminders and meeting notices in the recipient's language from the message bundles, with dates and times in
 * Europe/Stockholm, and writes the iCalendar attachment of meeting notices.
 */
final class ReminderTexts {
    private final Messages messages;
    private final String organizerEmail;

    ReminderTexts(Messages messages, String mailFrom) {
        this.messages = messages;
        this.organizerEmail = addressOf(mailFrom);
    }

    /** "Samtrygg <noreply@samtrygg.local>" → "noreply@samtrygg.local". */
    static String addressOf(String from) {
        if (from == null) {
            return "noreply@samtrygg.local";
        }
        int open = from.indexOf('<');
        int close = from.indexOf('>');
        return open >= 0 && close > open ? from.substring(open + 1, close).trim() : from.trim();
    }

    static Language language(String code) {
        return Language.parse(code).orElse(Language.DEFAULT);
    }

    String when(Language language, Instant instant) {
        return DateTimeFormatter.ofPattern(messages.get(language, "reminderNotice.format.dateTime"), language.locale())
                .format(instant.atZone(ReminderPlanner.ZONE));
    }

    String day(Language language, LocalDate date) {
        return DateTimeFormatter.ofPattern(messages.get(language, "reminderNotice.format.date"), language.locale()).format(date);
    }

    String subject(Language language, ReminderKind kind, Object... args) {
        return messages.get(language, "reminderNotice." + kind + ".subject", args);
    }

    String line(Language language, ReminderKind kind, Object... args) {
        return messages.get(language, "reminderNotice." + kind + ".line", args);
    }

    String text(Language language, String key, Object... args) {
        return messages.get(language, key, args);
    }

    /** Where the meeting is, in words: the place, the address, the video link, whichever it has. */
    static String where(ReminderSourceDao.MeetingSource meeting) {
        List<String> parts = new ArrayList<>();
        if (meeting.placeName() != null) {
            parts.add(meeting.placeName());
        }
        if (meeting.address() != null) {
            parts.add(meeting.address());
        }
        if (meeting.videoLink() != null) {
            parts.add(meeting.videoLink());
        }
        return String.join(", ", parts);
    }

    /**
     * An iTIP message for one attendee: METHOD REQUEST (invitation, move) or CANCEL, one VEVENT per meeting with the
     * calendar feed's stable UID, its SEQUENCE, times in UTC, the service as organizer and the recipient as attendee.
     */
    CalendarAttachment calendar(boolean cancel, List<ReminderSourceDao.MeetingSource> meetings, ReminderSourceDao.Recipient to,
                                Instant now) {
        ICalendar ical = new ICalendar();
        ical.setProductId("-//Samtrygg//Samtrygg//SV");
        ical.setMethod(cancel ? Method.cancel() : Method.request());
        for (ReminderSourceDao.MeetingSource meeting : meetings) {
            VEvent event = new VEvent();
            event.setUid("meeting-" + meeting.id() + "@samtrygg");
            event.setSequence(meeting.icsSequence());
            event.setDateTimeStamp(Date.from(now));
            event.setDateStart(new DateStart(Date.from(meeting.startsAt()), true));
            event.setDateEnd(new DateEnd(Date.from(meeting.endsAt()), true));
            event.setSummary(meeting.title());
            String where = where(meeting);
            if (!where.isEmpty()) {
                event.setLocation(where);
            }
            event.setOrganizer(new Organizer("Samtrygg", organizerEmail));
            if (to.email() != null && !to.email().isBlank()) { // no ATTENDEE at all rather than one without an address
                event.addAttendee(new Attendee(to.name(), to.email()));
            }
            event.setStatus(cancel || meeting.cancelled() ? Status.cancelled() : Status.confirmed());
            ical.addEvent(event);
        }
        return new CalendarAttachment(cancel ? "CANCEL" : "REQUEST", Biweekly.write(ical).go());
    }
}
