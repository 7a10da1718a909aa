package se.samtrygg.servicepoint;

/** A service point as a coordinator writes it. Null booleans mean false, except {@code active} (null: true). */
public record ServicePointInput(Long areaId, String name, ServicePointKind kind, String address, Boolean stepFree,
                                Boolean hearingLoop, String accessibilityNote, String description, Boolean active) {
}
