package se.samtrygg.common.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import se.samtrygg.common.InvalidInputException;

/** Small helpers that every API resource shares. */
public final class Api {
    public static final String V1 = "/api/v1";

    private Api() {
    }

    /** An empty JSON body arrives as null: say so, instead of failing later. */
    public static <T> T body(T body) {
        if (body == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        return body;
    }

    public static Response created(String path, long id, Object entity) {
        return Response.created(UriBuilder.fromPath(V1).path(path).path(Long.toString(id)).build()).entity(entity).build();
    }
}
