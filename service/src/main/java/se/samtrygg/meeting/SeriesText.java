package se.samtrygg.meeting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;

/** A series' rule in words for pages, such as "Den första tisdagen varje månad, till och med 7 december 2027". */
final class SeriesText {
    private static final Pattern WEEK_OF_MONTH = Pattern.compile("BYDAY=(-1|[1-4])[A-Z]{2}");

    private SeriesText() {
    }

    static String describe(MeetingSeries series, Messages messages, Language language) {
        Locale locale = language.locale();
        String rule = RecurrencePattern.of(series.rrule()).map(pattern -> switch (pattern) {
            case WEEKLY, EVERY_OTHER_WEEK -> messages.get(language, "meetings.describe." + pattern,
                    series.firstStart().getDayOfWeek().getDisplayName(TextStyle.FULL, locale));
            case MONTHLY_WEEKDAY -> messages.get(language, "meetings.describe.MONTHLY_WEEKDAY",
                    messages.get(language, "meetings.ordinal." + weekOfMonth(series.rrule())),
                    messages.get(language, "meetings.weekdayDefinite." + series.firstStart().getDayOfWeek()));
            case MONTHLY_DATE -> messages.get(language, "meetings.describe.MONTHLY_DATE", series.firstStart().getDayOfMonth());
            case NONE -> null;
        }).orElseGet(() -> messages.get(language, "meetings.describe.custom", series.rrule()));
        return lastDay(series).map(day -> rule + ", " + messages.get(language, "meetings.describe.until",
                DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(day))).orElse(rule);
    }

    /** The day of the series' last meeting as its rule gives it. */
    static Optional<LocalDate> lastDay(MeetingSeries series) {
        List<java.time.LocalDateTime> occurrences = SeriesRule.of(series.rrule(), series.firstStart(), "recurrence").occurrences();
        return occurrences.isEmpty() ? Optional.empty() : Optional.of(occurrences.get(occurrences.size() - 1).toLocalDate());
    }

    private static String weekOfMonth(String rrule) {
        Matcher matcher = WEEK_OF_MONTH.matcher(rrule);
        return matcher.find() ? matcher.group(1) : "1";
    }
}
