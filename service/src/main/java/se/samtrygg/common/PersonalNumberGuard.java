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
    /**
     * Ten or twelve digits: (century) year, month, day, then an optional separator ({@code -},
     * {@code +}, or spaces around either) and the last four. Digits or a dash glued to either end
     * mean it is part of something longer (an account or case number), so those are not taken.
     */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![\\d-])(\\d{2})?(\\d{2})(\\d{2})(\\d{2})(?: ?[-+] ?| )?(\\d{4})(?![\\d]|-\\d)");

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
        if (century != null && !(century.equals("18") || century.equals("19") || century.equals("20"))) {
            return Optional.empty();
        }
        Kind kind = day > 60 ? Kind.COORDINATION_NUMBER : Kind.PERSONAL_IDENTITY_NUMBER;
        int realDay = day > 60 ? day - 60 : day;
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
