package se.samtrygg.common;

import java.util.List;

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
}
