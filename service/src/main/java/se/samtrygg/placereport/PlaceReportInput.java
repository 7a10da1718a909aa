package se.samtrygg.placereport;

import se.samtrygg.common.Visibility;

/**
 * A weekly place report as sent. {@code organisationId} may be left out by someone in exactly one
 * organisation; {@code week} ("2026-W48") defaults to the current week. On a change (PUT) the
 * organisation, place and week stay what they were: left out, or the same.
 */
public record PlaceReportInput(
        Long organisationId,
        Long placeId,
        String week,
        Integer vandalism,
        Integer littering,
        Integer lighting,
        Integer gatherings,
        Integer incidentsAgainstStaff,
        String upcomingEvents,
        String comment,
        Visibility visibility) {

    Integer sign(Sign sign) {
        return switch (sign) {
            case VANDALISM -> vandalism;
            case LITTERING -> littering;
            case LIGHTING -> lighting;
            case GATHERINGS -> gatherings;
            case INCIDENTS_AGAINST_STAFF -> incidentsAgainstStaff;
        };
    }
}
