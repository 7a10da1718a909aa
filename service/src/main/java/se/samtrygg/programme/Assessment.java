package se.samtrygg.programme;

/**
 * A status as shown: {@code status} is the one that holds (the override when there is one, else the computed), and
 * {@code computed} what the rule says, so a reader sees both when they differ.
 */
public record Assessment(ProgrammeStatus status, ProgrammeStatus computed, StatusOverride override) {

    public static Assessment of(ProgrammeStatus computed, StatusOverride override) {
        return new Assessment(override == null ? computed : override.status(), computed, override);
    }

    public boolean overridden() {
        return override != null;
    }
}
