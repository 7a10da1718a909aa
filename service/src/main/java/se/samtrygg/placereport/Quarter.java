package se.samtrygg.placereport;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.samtrygg.common.InvalidInputException;

/**
 * A calendar quarter ("2026-Q4"). A week belongs to the quarter its Thursday falls in, the same
 * rule that gives an ISO week its year, so every week belongs to exactly one quarter.
 */
public record Quarter(int year, int number) {
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-?Q([1-4])");

    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public static Quarter parse(String text, String field) {
        Matcher m = text == null ? null : FORMAT.matcher(text.strip().toUpperCase(java.util.Locale.ROOT));
        if (m == null || !m.matches()) {
            throw new InvalidInputException(field, "error.placeReport.quarter");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** The Monday of the quarter's first week (whose Thursday is in the quarter). */
    public LocalDate firstWeekStart() {
        return firstDay().minusDays(3).with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.MONDAY));
    }

    /** The Monday of the quarter's last week. */
    public LocalDate lastWeekStart() {
        return lastDay().minusDays(3).with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    }

    public IsoWeek firstWeek() {
        return new IsoWeek(firstWeekStart());
    }

    public IsoWeek lastWeek() {
        return new IsoWeek(lastWeekStart());
    }

    public boolean contains(IsoWeek week) {
        LocalDate thursday = week.monday().plusDays(3);
        return !thursday.isBefore(firstDay()) && !thursday.isAfter(lastDay());
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    public Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
