package se.samtrygg.programme;

/** A new or changed focus area; {@code position} left out puts a new one last and keeps a changed one where it is. */
public record FocusAreaInput(String name, String description, Integer position) {
}
