package se.samtrygg.common.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/** Post/redirect/get: after a form is stored, the browser is sent to a page it can reload safely. */
public final class Redirect {
    private Redirect() {
    }

    public static Response to(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    /** Only a path of this site: never an absolute or protocol-relative URL from a query string. */
    public static String safeLocalPath(String next, String fallback) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.chars().anyMatch(Character::isISOControl)) {
            return fallback;
        }
        return next;
    }
}
