package se.samtrygg.common.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.Visibility;

/** Numbers and ids as a plain form sends them: text, possibly blank, possibly tampered with. */
public final class FormValues {
    /** Digits with at most one decimal mark, a comma (the Swedish way) or a point; an optional sign. */
    private static final Pattern DECIMAL = Pattern.compile("[-+−]?(\\d+([.,]\\d*)?|[.,]\\d+)");

    private FormValues() {
    }

    /** A blank field is null; anything that is not a whole number is refused on that field with {@code messageKey}. */
    public static Long optionalLong(String value, String field, String messageKey) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, messageKey);
        }
    }

    /** The ticked ids of a checkbox list; none ticked is an empty list. */
    public static List<Long> ids(List<String> values, String field) {
        List<Long> ids = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                Long id = optionalLong(value, field, "error.unknownValue");
                if (id != null) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }

    /** A visibility chosen on a form; left out, null (the service decides the default). */
    public static Visibility visibility(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Visibility.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("visibility", "error.unknownValue");
        }
    }

    /** Parses one field, keeping what it refuses so that every field's problem is shown at once. */
    public static <T> T parsed(List<FieldError> problems, Supplier<T> parser) {
        return InvalidInputException.collect(problems, parser);
    }

    /**
     * A day typed in a filter or a form (ISO, 2026-11-24); blank is null. Years outside 2000-2100 are refused:
     * they are typing mistakes here, and far ones would overflow date arithmetic and the database.
     */
    public static LocalDate date(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "error.date");
        }
        if (date.getYear() < 2000 || date.getYear() > 2100) {
            throw new InvalidInputException(field, "error.dateYear");
        }
        return date;
    }

    /**
     * A decimal number typed in a form: "12,5" as Swedes write it, or "12.5"; spaces between digit groups ("1 250") are
     * allowed, and so is a typographic minus. Blank is null. At most {@code integerDigits} digits before the decimal mark
     * and {@code fractionDigits} after it, so that what is accepted fits the column it is stored in.
     */
    public static BigDecimal decimal(String value, String field, int integerDigits, int fractionDigits) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String typed = value.strip().replaceAll("[\\s\\u00a0\\u202f]", "");
        if (!DECIMAL.matcher(typed).matches()) {
            throw new InvalidInputException(field, "error.decimal");
        }
        // Digits counted in the text, before any arithmetic: stripTrailingZeros on a number of 200,000 digits (a form's
        // limit) takes seconds. Leading zeros before the mark and trailing ones after it say nothing and do not count.
        String unsigned = typed.replaceFirst("^[-+−]", "");
        int mark = Math.max(unsigned.indexOf(','), unsigned.indexOf('.'));
        int wholeEnd = mark < 0 ? unsigned.length() : mark;
        int wholeStart = 0;
        while (wholeStart < wholeEnd && unsigned.charAt(wholeStart) == '0') {
            wholeStart++;
        }
        int fractionEnd = unsigned.length();
        while (mark >= 0 && fractionEnd > mark + 1 && unsigned.charAt(fractionEnd - 1) == '0') {
            fractionEnd--;
        }
        int fraction = mark < 0 ? 0 : fractionEnd - mark - 1;
        if (fraction > fractionDigits || wholeEnd - wholeStart > integerDigits) {
            throw new InvalidInputException(field, "error.decimalDigits", integerDigits, fractionDigits);
        }
        return new BigDecimal(typed.replace('−', '-').replace(',', '.'));
    }
}
