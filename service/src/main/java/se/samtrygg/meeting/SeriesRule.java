package se.samtrygg.meeting;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.io.ParseWarning;
import biweekly.property.RecurrenceProperty;
import biweekly.util.Frequency;
import biweekly.util.ICalDate;
import biweekly.util.Recurrence;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import se.samtrygg.common.InvalidInputException;

/**
 * A meeting series' RFC 5545 recurrence rule and the occurrences it gives from a first start.
 *
 * <p>The rule is expanded in local Stockholm time (as floating times), and only then is each
 * occurrence placed in Europe/Stockholm: so "18:00" stays 18:00 on both sides of a
 * daylight-saving change. A series must end (UNTIL or COUNT) and stay small, because all its
 * occurrences are stored as meetings.
 */
public final class SeriesRule {
    static final int MAX_OCCURRENCES = 100;
    static final int MAX_YEARS = 5;
    private static final Set<String> PARTS = Set.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY", "BYMONTH", "BYSETPOS",
            "BYWEEKNO", "BYYEARDAY", "WKST");
    private static final Set<Frequency> FREQUENCIES = Set.of(Frequency.DAILY, Frequency.WEEKLY, Frequency.MONTHLY, Frequency.YEARLY);
    private static final DateTimeFormatter UTC_FORM = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

    private final String rrule;
    private final List<LocalDateTime> occurrences;

    private SeriesRule(String rrule, List<LocalDateTime> occurrences) {
        this.rrule = rrule;
        this.occurrences = occurrences;
    }

    /** The rule as stored and written to calendars: UNTIL, if any, as a UTC time. */
    public String rrule() {
        return rrule;
    }

    /** Every start the rule gives, in Stockholm local time, the first being {@code firstStart}. */
    public List<LocalDateTime> occurrences() {
        return occurrences;
    }

    /**
     * Parses and expands a rule such as {@code FREQ=MONTHLY;BYDAY=1TU;UNTIL=20271231T225959Z}.
     *
     * @throws InvalidInputException on {@code field} when the rule is not one we can keep
     */
    public static SeriesRule of(String value, LocalDateTime firstStart, String field) {
        String text = value == null ? "" : value.strip();
        if (text.regionMatches(true, 0, "RRULE:", 0, 6)) {
            text = text.substring(6);
        }
        Map<String, String> parts = parts(text, field);
        Recurrence recurrence = parse(text, field);
        if (!FREQUENCIES.contains(recurrence.getFrequency())) {
            throw new InvalidInputException(field, "error.recurrenceFrequency");
        }
        if (parts.containsKey("COUNT") == parts.containsKey("UNTIL")) {
            // RFC 5545: a rule ends by one of them, never both.
            throw new InvalidInputException(field, parts.containsKey("COUNT") ? "error.recurrence" : "error.recurrenceUnbounded");
        }
        Instant until = recurrence.getUntil() == null ? null : until(recurrence.getUntil());
        if (until != null) {
            parts.put("UNTIL", UTC_FORM.format(until.atOffset(ZoneOffset.UTC)));
        }
        Recurrence unbounded = new Recurrence.Builder(recurrence).until(null).build();
        List<LocalDateTime> occurrences = expand(unbounded, firstStart, until);
        if (occurrences.isEmpty() || !occurrences.get(0).equals(firstStart)) {
            // RFC 5545 leaves a series undefined when its start does not follow its own rule.
            throw new InvalidInputException(field, "error.recurrenceStart");
        }
        if (occurrences.size() > MAX_OCCURRENCES
                || occurrences.get(occurrences.size() - 1).isAfter(firstStart.plusYears(MAX_YEARS))) {
            throw new InvalidInputException(field, "error.recurrenceTooMany", MAX_OCCURRENCES, MAX_YEARS);
        }
        return new SeriesRule(join(parts), List.copyOf(occurrences));
    }

    /** The UNTIL of a series that ends on a day: the end of that day in Stockholm. */
    public static String untilEndOf(LocalDate lastDay) {
        Instant end = lastDay.atTime(LocalTime.MAX).withNano(0).atZone(MeetingService.ZONE).toInstant();
        return "UNTIL=" + UTC_FORM.format(end.atOffset(ZoneOffset.UTC));
    }

    /** The same rule ending just before an occurrence: what is left of a series split there. */
    String endingBefore(LocalDateTime occurrence) {
        Map<String, String> parts = parts(rrule, "recurrence");
        parts.remove("COUNT");
        parts.put("UNTIL", UTC_FORM.format(occurrence.atZone(MeetingService.ZONE).toInstant().minusSeconds(1).atOffset(ZoneOffset.UTC)));
        return join(parts);
    }

    /** The same rule for what follows the first {@code before} occurrences: a COUNT shrinks by them, an UNTIL stays. */
    String remainingAfter(int before) {
        Map<String, String> parts = parts(rrule, "recurrence");
        if (parts.containsKey("COUNT")) {
            parts.put("COUNT", Integer.toString(Math.max(1, Integer.parseInt(parts.get("COUNT")) - before)));
        }
        return join(parts);
    }

    /** The rule's parts, in the order written; unknown parts and a time of day in the rule are refused. */
    private static Map<String, String> parts(String text, String field) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (text.isEmpty() || text.length() > 300) {
            throw new InvalidInputException(field, "error.recurrence");
        }
        for (String part : text.split(";")) {
            int equals = part.indexOf('=');
            String key = equals < 1 ? "" : part.substring(0, equals).strip().toUpperCase(Locale.ROOT);
            String partValue = equals < 1 ? "" : part.substring(equals + 1).strip().toUpperCase(Locale.ROOT);
            if (!PARTS.contains(key) || partValue.isEmpty() || parts.put(key, partValue) != null) {
                throw new InvalidInputException(field, "error.recurrence");
            }
        }
        if (!parts.containsKey("FREQ")) {
            throw new InvalidInputException(field, "error.recurrence");
        }
        return parts;
    }

    private static Recurrence parse(String text, String field) {
        String calendar = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nRRULE:" + text + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar parsed = Biweekly.parse(calendar).warnings(warnings).first();
        if (parsed == null || parsed.getEvents().isEmpty() || warnings.stream().anyMatch(w -> !w.isEmpty())) {
            throw new InvalidInputException(field, "error.recurrence");
        }
        RecurrenceProperty property = parsed.getEvents().get(0).getRecurrenceRule();
        if (property == null || property.getValue() == null || property.getValue().getFrequency() == null) {
            throw new InvalidInputException(field, "error.recurrence");
        }
        return property.getValue();
    }

    /** UNTIL as an instant: a UTC time as it is, a date as the end of that day and a floating time in Stockholm. */
    private static Instant until(ICalDate until) {
        var c = until.getRawComponents();
        if (c == null) {
            return until.toInstant();
        }
        if (!until.hasTime()) {
            return LocalDate.of(c.getYear(), c.getMonth(), c.getDate()).atTime(LocalTime.MAX).withNano(0)
                    .atZone(MeetingService.ZONE).toInstant();
        }
        LocalDateTime local = LocalDateTime.of(c.getYear(), c.getMonth(), c.getDate(), c.getHour(), c.getMinute(), c.getSecond());
        return c.isUtc() ? local.toInstant(ZoneOffset.UTC) : local.atZone(MeetingService.ZONE).toInstant();
    }

    /** Local starts from the rule, read as floating times so that wall-clock time never shifts. */
    private static List<LocalDateTime> expand(Recurrence recurrence, LocalDateTime firstStart, Instant until) {
        TimeZone floating = TimeZone.getTimeZone("UTC");
        DateIterator iterator = recurrence.getDateIterator(new ICalDate(Date.from(firstStart.toInstant(ZoneOffset.UTC)), true), floating);
        List<LocalDateTime> starts = new ArrayList<>();
        LocalDateTime limit = firstStart.plusYears(MAX_YEARS).plusDays(1);
        while (iterator.hasNext() && starts.size() <= MAX_OCCURRENCES) {
            LocalDateTime next = LocalDateTime.ofInstant(iterator.next().toInstant(), ZoneOffset.UTC);
            if ((until != null && next.atZone(MeetingService.ZONE).toInstant().isAfter(until)) || next.isAfter(limit)) {
                break;
            }
            starts.add(next);
        }
        return starts;
    }

    private static String join(Map<String, String> parts) {
        StringBuilder text = new StringBuilder();
        parts.forEach((key, value) -> text.append(text.length() == 0 ? "" : ";").append(key).append('=').append(value));
        return text.toString();
    }
}
