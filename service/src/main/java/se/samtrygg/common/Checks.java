package se.samtrygg.common;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Collects every broken rule of one input before refusing it, so a form can show all its
 * messages at once. Services use it; the API and the pages get the same rules.
 */
public final class Checks {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final List<FieldError> errors = new ArrayList<>();

    public Checks required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            errors.add(new FieldError(field, "error.required"));
        }
        return this;
    }

    public Checks maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "error.tooLong", max));
        }
        return this;
    }

    /**
     * Refuses a personal identity or coordination number anywhere in a free text; every free-text
     * field of the service goes through here (or {@link #freeText}), whichever way it came in.
     */
    public Checks noPersonalNumber(String field, String value) {
        PersonalNumberGuard.find(value).ifPresent(found -> errors.add(new FieldError(field,
                found.kind() == PersonalNumberGuard.Kind.COORDINATION_NUMBER ? "error.coordinationNumber" : "error.personalIdentityNumber",
                found.masked(), found.position())));
        return this;
    }

    /** A free text: at most {@code max} characters and no personal identity number. */
    public Checks freeText(String field, String value, int max) {
        return maxLength(field, value, max).noPersonalNumber(field, value);
    }

    public Checks email(String field, String value) {
        if (value != null && !value.isBlank() && !EMAIL.matcher(value).matches()) {
            errors.add(new FieldError(field, "error.email"));
        }
        return this;
    }

    public Checks check(boolean ok, String field, String messageKey, Object... args) {
        if (!ok) {
            errors.add(new FieldError(field, messageKey, args));
        }
        return this;
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** A search text as a LIKE pattern that matches it anywhere, lower-cased; % and _ typed by the user are dropped, not obeyed. */
    public static String likePattern(String query) {
        String q = clean(query);
        if (q == null) {
            return null;
        }
        return "%" + q.toLowerCase(java.util.Locale.ROOT).replace("%", "").replace("_", "") + "%";
    }

    /** Trims and turns blank into null, so "   " never lands in the database as a name. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
