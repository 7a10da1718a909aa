package se.samtrygg.common;

/** The signed-in user may not do this: 403 for the API and the pages alike. */
public class AccessDeniedException extends RuntimeException {
    public AccessDeniedException(String reason) {
        super(reason);
    }
}
