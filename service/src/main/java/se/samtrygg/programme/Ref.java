package se.samtrygg.programme;

/** Something named elsewhere in the platform (an area, an activity type, a rollout), by id and name. */
public record Ref(long id, String name) {
}
