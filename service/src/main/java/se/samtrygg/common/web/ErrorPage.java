package se.samtrygg.common.web;

/** The page shown for any error on the HTML side: what happened in plain words, never a stack trace. */
public final class ErrorPage extends PageView {
    private final int status;
    private final String heading;
    private final String explanation;
    private final String errorId;

    public ErrorPage(PageContext page, int status, String heading, String explanation, String errorId) {
        super("/se/samtrygg/common/error.mustache", page, "error.page.title");
        this.status = status;
        this.heading = heading;
        this.explanation = explanation;
        this.errorId = errorId;
    }

    public int status() {
        return status;
    }

    public String heading() {
        return heading;
    }

    public String explanation() {
        return explanation;
    }

    public String errorId() {
        return errorId;
    }
}
