package se.samtrygg.activity;

/**
 * An activity type or observation category as an admin enters it. {@code kind} is fixed once created;
 * {@code active} false retires it: it is no longer offered, and older records keep showing it.
 * A left-out sort order puts a new entry last and leaves a changed one where it was.
 */
public record CategoryInput(CategoryKind kind, String name, Integer sortOrder, Boolean active) {
}
