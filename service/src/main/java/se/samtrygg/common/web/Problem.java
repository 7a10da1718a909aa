package se.samtrygg.common.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem document, the body of every API error. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Field> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field: its name (a JSON pointer-like dotted path) and what is wrong with it. */
    public record Field(String field, String message) {
    }
}
