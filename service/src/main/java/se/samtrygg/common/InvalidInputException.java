package se.samtrygg.common;

import java.util.List;
import java.util.function.Supplier;

/** Input that breaks a rule: 422 with field messages for the API, messages beside the fields on a page. */
public class InvalidInputException extends RuntimeException {
    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        super("invalid input: " + errors.stream().map(FieldError::field).toList());
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String messageKey, Object... args) {
        this(List.of(new FieldError(field, messageKey, args)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Runs a check and keeps what it refuses, so that every field's problem is reported at once; its value, or null when refused. */
    public static <T> T collect(List<FieldError> problems, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidInputException e) {
            problems.addAll(e.errors());
            return null;
        }
    }
}
