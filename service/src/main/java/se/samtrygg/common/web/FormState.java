package se.samtrygg.common.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;

/**
 * A form as the user typed it, with a message beside each field that is wrong. A page that
 * refuses input shows it again with every value kept, so nothing typed is lost.
 */
public final class FormState {
    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();

    public static FormState empty() {
        return new FormState();
    }

    public FormState with(String field, Object value) {
        if (value != null) {
            values.put(field, value.toString());
        }
        return this;
    }

    public FormState withErrors(List<FieldError> fieldErrors, Messages messages, Language language) {
        for (FieldError error : fieldErrors) {
            errors.merge(error.field(), messages.get(language, error.messageKey(), error.args()), (a, b) -> a + " " + b);
        }
        return this;
    }

    public Map<String, String> values() {
        return values;
    }

    public Map<String, String> errors() {
        return errors;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** For the error summary at the top of the form: each message links to its field. */
    public List<Map<String, String>> errorList() {
        List<Map<String, String>> list = new ArrayList<>();
        errors.forEach((field, message) -> list.add(Map.of("field", field, "message", message)));
        return list;
    }
}
