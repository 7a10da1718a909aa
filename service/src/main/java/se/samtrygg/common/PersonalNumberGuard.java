package se.samtrygg.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Swedish personal identity numbers (personnummer) and coordination numbers
 * (samordningsnummer) in free text, so that none is ever stored (DESIGN.md, "Confidentiality and
 * privacy"). A candidate must be a real date (the day plus 60 for a coordination number) and pass
 * the Luhn check over its ten digits; that is what keeps dates, phone numbers, postcodes, amounts,
 * organisation numbers and case numbers out.
 */
public final class PersonalNumberGuard {
    /** For a character class: the hyphen typed, and the hyphens, dashes and minus that word processors and phones make of it. */
    private static final String DASH = "\\-\u2010\u2011\u2012\u2013\u2014\u2212";
    /** For a character class: a space, and the no-break space that pasted text often carries. */
    private static final String SPACE = " \u00a0";

    /**
     * Ten or twelve digits: (century) year, month, day, then the last four. The rules, and why:
     * <ul>
     * <li>Between date and last four: nothing, {@code -}, {@code +} (the form for people over a
     * hundred), a space, or a dash with a space either side; the dash may also be an en dash, a
     * minus sign or a hyphen that a word processor or phone keyboard made of the one typed, and the
     * space a no-break space, because text is often pasted.</li>
     * <li>No digit or dash (of any kind) glued in front, and no digit or dash-and-digit glued
     * behind: then the run is part of something longer, such as a case number (5000-K123456-19),
     * an account number or a range of dates (20261124-20261215).</li>
     * <li>Only digits that run together (or are split once, as above) count: phone numbers,
     * postcodes and amounts are written in groups of two or three, which never make six or eight
     * digits in a row followed by four.</li>
     * </ul>
     */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\d" + DASH + "])(\\d{2})?(\\d{2})(\\d{2})(\\d{2})"
                    + "(?:[" + SPACE + "]?[+" + DASH + "][" + SPACE + "]?|[" + SPACE + "])?"
                    + "(\\d{4})(?!\\d|[" + DASH + "]\\d)");

    public enum Kind { PERSONAL_IDENTITY_NUMBER, COORDINATION_NUMBER }

    /**
     * One number found. {@code masked} shows the date part and hides the last four digits, so that
     * an error message can say what was found without repeating the number; {@code position} is
     * the 1-based character where it starts.
     */
    public record Finding(Kind kind, String masked, int position) {
    }

    private PersonalNumberGuard() {
    }

    public static Optional<Finding> find(String text) {
        if (text == null || text.length() < 10) {
            return Optional.empty();
        }
        Matcher m = CANDIDATE.matcher(text);
        int from = 0;
        while (from < text.length() && m.find(from)) {
            Optional<Finding> finding = judge(m);
            if (finding.isPresent()) {
                return finding;
            }
            from = m.start() + 1;
        }
        return Optional.empty();
    }

    private static Optional<Finding> judge(Matcher m) {
        String century = m.group(1);
        String year = m.group(2);
        int month = Integer.parseInt(m.group(3));
        int day = Integer.parseInt(m.group(4));
        String last = m.group(5);
        // A twelve-digit number names the century of birth; anything else (16 prefixes organisation numbers) is not a person's.
        if (century != null && !(century.equals("18") || century.equals("19") || century.equals("20"))) {
            return Optional.empty();
        }
        // Coordination numbers are the birth date with 60 added to the day (1 to 31 becomes 61 to 91).
        Kind kind = day > 60 ? Kind.COORDINATION_NUMBER : Kind.PERSONAL_IDENTITY_NUMBER;
        int realDay = day > 60 ? day - 60 : day;
        // A real date, then the Luhn check over the ten digits: the date alone turns away most digit runs that are not a
        // person's number (every organisation number: its "month" is 20 or more), the check digit nine in ten of the rest.
        if (!isDate(century, year, month, realDay) || !luhn(year + m.group(3) + m.group(4) + last)) {
            return Optional.empty();
        }
        String masked = (century == null ? "" : century) + year + m.group(3) + m.group(4) + "-****";
        return Optional.of(new Finding(kind, masked, m.start() + 1));
    }

    private static boolean isDate(String century, String year, int month, int day) {
        // Without a century any of two is possible; 2000 is a leap year, so 29 February passes for "00".
        int fullYear = Integer.parseInt((century == null ? "20" : century) + year);
        try {
            LocalDate.of(fullYear, month, day);
            return true;
        } catch (DateTimeException e) {
            return century == null && month == 2 && day == 29 && isLeapInOtherCentury(year);
        }
    }

    private static boolean isLeapInOtherCentury(String year) {
        return LocalDate.of(Integer.parseInt("19" + year), 1, 1).isLeapYear();
    }

    static boolean luhn(String tenDigits) {
        int sum = 0;
        for (int i = 0; i < tenDigits.length(); i++) {
            int d = (tenDigits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d > 9 ? d - 9 : d;
        }
        return sum % 10 == 0;
    }
}
