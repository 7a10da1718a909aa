package se.samtrygg.common.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.Visibility;

/** Numbers and ids as a plain form sends them: text, possibly blank, possibly tampered with. */
public final class FormValues {
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
}
