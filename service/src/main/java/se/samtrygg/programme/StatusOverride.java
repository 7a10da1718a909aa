package se.samtrygg.programme;

import java.time.Instant;

/** A status set by hand, with the justification it requires, who set it and when. */
public record StatusOverride(ProgrammeStatus status, String justification, Long setBy, String setByName, Instant setAt) {
}
