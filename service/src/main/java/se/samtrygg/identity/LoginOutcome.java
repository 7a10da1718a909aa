package se.samtrygg.identity;

import java.time.Instant;

/** How a login attempt ended. The page and the token endpoint say each in their own words. */
public sealed interface LoginOutcome {

    record Success(long userId) implements LoginOutcome {
    }

    /** Wrong e-mail or password (deliberately not told apart), or an inactive account. */
    record Invalid() implements LoginOutcome {
    }

    /** Too many failures in a row: the next attempt is accepted only after a pause. */
    record SlowedDown(long secondsToWait) implements LoginOutcome {
    }

    record Locked(Instant until) implements LoginOutcome {
    }
}
