package se.samtrygg.common;

import java.util.List;

/**
 * What is wrong with one input field. {@code messageKey} names a text in the message bundles
 * (under {@code error.}) so that pages and the API can each say it in the reader's language.
 */
public record FieldError(String field, String messageKey, List<Object> args) {

    public FieldError(String field, String messageKey, Object... args) {
        this(field, messageKey, List.of(args));
    }
}
