package se.samtrygg.meeting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The repetitions a coordinator picks in the meeting form, so nobody types RRULE syntax. Each one
 * takes its weekday or date from the first meeting: "monthly on the weekday" from a first
 * Tuesday is "the first Tuesday of every month".
 */
public enum RecurrencePattern {
    NONE, WEEKLY, EVERY_OTHER_WEEK, MONTHLY_WEEKDAY, MONTHLY_DATE;

    private static final Map<DayOfWeek, String> DAY_CODES = Map.of(DayOfWeek.MONDAY, "MO", DayOfWeek.TUESDAY, "TU",
            DayOfWeek.WEDNESDAY, "WE", DayOfWeek.THURSDAY, "TH", DayOfWeek.FRIDAY, "FR", DayOfWeek.SATURDAY, "SA", DayOfWeek.SUNDAY, "SU");

    /** The rule of a series whose first meeting is on {@code firstDay} and whose last is on or before {@code lastDay}; null for NONE. */
    public String rrule(LocalDate firstDay, LocalDate lastDay) {
        String until = SeriesRule.untilEndOf(lastDay);
        return switch (this) {
            case NONE -> null;
            case WEEKLY -> "FREQ=WEEKLY;" + until;
            case EVERY_OTHER_WEEK -> "FREQ=WEEKLY;INTERVAL=2;" + until;
            case MONTHLY_WEEKDAY -> "FREQ=MONTHLY;BYDAY=" + weekOfMonth(firstDay) + DAY_CODES.get(firstDay.getDayOfWeek()) + ";" + until;
            case MONTHLY_DATE -> "FREQ=MONTHLY;BYMONTHDAY=" + firstDay.getDayOfMonth() + ";" + until;
        };
    }

    /** Which of its weekdays in the month a day is: 1 to 4, or -1 for a fifth, which is always the last. */
    public static int weekOfMonth(LocalDate day) {
        int week = (day.getDayOfMonth() - 1) / 7 + 1;
        return week == 5 ? -1 : week;
    }

    /** The pattern a stored rule was made from, when it was made from one (a rule from the API may be anything). */
    public static Optional<RecurrencePattern> of(String rrule) {
        if (rrule == null) {
            return Optional.of(NONE);
        }
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : rrule.toUpperCase(Locale.ROOT).split(";")) {
            int equals = part.indexOf('=');
            if (equals > 0) {
                parts.put(part.substring(0, equals), part.substring(equals + 1));
            }
        }
        parts.remove("UNTIL");
        parts.remove("COUNT");
        parts.remove("WKST");
        String frequency = parts.remove("FREQ");
        String interval = parts.getOrDefault("INTERVAL", "1");
        parts.remove("INTERVAL");
        if ("WEEKLY".equals(frequency) && parts.isEmpty()) {
            return "1".equals(interval) ? Optional.of(WEEKLY) : "2".equals(interval) ? Optional.of(EVERY_OTHER_WEEK) : Optional.empty();
        }
        if ("MONTHLY".equals(frequency) && "1".equals(interval)) {
            if (parts.size() == 1 && parts.containsKey("BYDAY") && parts.get("BYDAY").matches("(-1|[1-4])(MO|TU|WE|TH|FR|SA|SU)")) {
                return Optional.of(MONTHLY_WEEKDAY);
            }
            if (parts.isEmpty() || (parts.size() == 1 && parts.containsKey("BYMONTHDAY") && parts.get("BYMONTHDAY").matches("[1-9]|[12][0-9]|3[01]"))) {
                return Optional.of(MONTHLY_DATE);
            }
        }
        return Optional.empty();
    }
}
