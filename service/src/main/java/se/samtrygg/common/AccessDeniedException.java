package se.samtrygg.common;

/**
 * The signed-in user may not do this: 403 for the API and the pages alike. The reason is for the
 * log; {@code publicDetail}, when given, is what the user is told (it must reveal nothing).
 */
public class AccessDeniedException extends RuntimeException {
    private final String publicDetail;

    public AccessDeniedException(String reason) {
        this(reason, null);
    }

    public AccessDeniedException(String reason, String publicDetail) {
        super(reason);
        this.publicDetail = publicDetail;
    }

    public String publicDetail() {
        return publicDetail;
    }
}
