package se.samtrygg.programme;

/** A new or changed goal; {@code position} as for {@link FocusAreaInput}. */
public record GoalInput(String name, String description, Integer position) {
}
