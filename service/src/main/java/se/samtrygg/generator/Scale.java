package se.samtrygg.generator;

/**
 * How big a municipality the generator makes. {@code large} is the municipal scale; {@code small} about a twentieth
 * of it; {@code tiny} just enough for a test, in seconds.
 */
public enum Scale {
    tiny(3, 3, 16, 40, 1, 60, 240, 2_000, 16, 12),
    small(10, 5, 60, 250, 2, 2_500, 10_000, 50_000, 100, 40),
    large(50, 6, 400, 5_000, 3, 50_000, 200_000, 1_000_000, 2_000, 40);

    final int areas;
    final int placesPerArea;
    final int organisations;
    final int users;
    final int groupsPerArea;
    final int meetings;
    final int actionItems;
    final int activities;
    final int properties;
    final int indicators;

    Scale(int areas, int placesPerArea, int organisations, int users, int groupsPerArea, int meetings, int actionItems, int activities,
          int properties, int indicators) {
        this.areas = areas;
        this.placesPerArea = placesPerArea;
        this.organisations = organisations;
        this.users = users;
        this.groupsPerArea = groupsPerArea;
        this.meetings = meetings;
        this.actionItems = actionItems;
        this.activities = activities;
        this.properties = properties;
        this.indicators = indicators;
    }
}
