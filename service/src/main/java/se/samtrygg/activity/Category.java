package se.samtrygg.activity;

/** One entry of an admin-managed list: an activity type (nattvandring) or an observation category (belysning). */
public record Category(long id, CategoryKind kind, String name, int sortOrder, boolean active) {
}
