package se.samtrygg.programme;

/** Setting a status by hand: the status (not NO_DATA) and a justification (required, free text). */
public record StatusOverrideInput(ProgrammeStatus status, String justification) {
}
