package se.samtrygg.identity;

/** Credentials were refused; the outcome says whether they were wrong, must wait, or the account is locked. */
public class LoginRefusedException extends RuntimeException {
    private final LoginOutcome outcome;

    public LoginRefusedException(LoginOutcome outcome) {
        super("login refused: " + outcome.getClass().getSimpleName());
        this.outcome = outcome;
    }

    public LoginOutcome outcome() {
        return outcome;
    }
}
