package se.samtrygg.placereport;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.web.Dates;

/**
 * An ISO 8601 week ("2026-W48"), held as its Monday. Weeks are counted in Europe/Stockholm: a report
 * made late on Sunday evening, Swedish time, belongs to the week that Sunday ends.
 */
public record IsoWeek(LocalDate monday) implements Comparable<IsoWeek> {
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-?W(\\d{1,2})");

    public IsoWeek {
        if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException(monday + " is not a Monday");
        }
    }

    /** The week a day belongs to. */
    public static IsoWeek of(LocalDate day) {
        return new IsoWeek(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    /** The week an instant falls in, in Stockholm. */
    public static IsoWeek of(Instant instant) {
        return of(instant.atZone(Dates.ZONE).toLocalDate());
    }

    /** "2026-W48" (also "2026W48", "2026-W7", any case); anything else is refused on {@code field}. */
    public static IsoWeek parse(String text, String field) {
        Matcher m = text == null ? null : FORMAT.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new InvalidInputException(field, "error.placeReport.week");
        }
        int year = Integer.parseInt(m.group(1));
        int week = Integer.parseInt(m.group(2));
        LocalDate fourthOfJanuary = LocalDate.of(year, 1, 4); // always in week 1 of its week-based year
        if (week < 1 || week > IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(fourthOfJanuary).getMaximum()) {
            throw new InvalidInputException(field, "error.placeReport.week");
        }
        return of(fourthOfJanuary.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week));
    }

    public int year() {
        return monday.get(IsoFields.WEEK_BASED_YEAR);
    }

    public int number() {
        return monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    public LocalDate sunday() {
        return monday.plusDays(6);
    }

    public IsoWeek previous() {
        return new IsoWeek(monday.minusWeeks(1));
    }

    public IsoWeek next() {
        return new IsoWeek(monday.plusWeeks(1));
    }

    @Override
    public int compareTo(IsoWeek other) {
        return monday.compareTo(other.monday);
    }

    @Override
    public String toString() {
        return String.format("%d-W%02d", year(), number());
    }
}
