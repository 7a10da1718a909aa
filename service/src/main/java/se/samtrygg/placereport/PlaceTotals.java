package se.samtrygg.placereport;

/**
 * The readable reports of one place in one of the two quarters a ranking compares
 * ({@code inQuarter} true for the chosen quarter): how many, and the sums of each sign.
 */
public record PlaceTotals(long areaId, long placeId, boolean inQuarter, int reports, long vandalism, long littering, long lighting,
                          long gatherings, long incidentsAgainstStaff) {

    long score() {
        return vandalism + littering + lighting + gatherings + incidentsAgainstStaff;
    }

    long sum(Sign sign) {
        return switch (sign) {
            case VANDALISM -> vandalism;
            case LITTERING -> littering;
            case LIGHTING -> lighting;
            case GATHERINGS -> gatherings;
            case INCIDENTS_AGAINST_STAFF -> incidentsAgainstStaff;
        };
    }
}
