package se.samtrygg.programme;

/** Where an indicator, measure or goal stands. See {@link StatusRule} for how it is computed. Never shown by colour alone. */
public enum ProgrammeStatus {
    ON_TRACK, AT_RISK, OFF_TRACK, NO_DATA
}
