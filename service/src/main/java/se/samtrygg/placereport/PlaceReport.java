package se.samtrygg.placereport;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import se.samtrygg.common.Visibility;

/**
 * One organisation's weekly check of one place (EST): the five signs 0-3, events coming up and a
 * comment. {@code weekStart} is the Monday of the ISO week in Europe/Stockholm; there is at most
 * one report per organisation, place and week.
 */
public record PlaceReport(
        long id,
        long organisationId,
        String organisationName,
        long areaId,
        String areaName,
        long placeId,
        String placeName,
        LocalDate weekStart,
        int vandalism,
        int littering,
        int lighting,
        int gatherings,
        int incidentsAgainstStaff,
        String upcomingEvents,
        String comment,
        Visibility visibility,
        Long createdBy,
        String createdByName,
        Instant createdAt,
        Instant updatedAt) {

    /** The ISO week, "2026-W48". */
    @JsonProperty("week")
    public String week() {
        return isoWeek().toString();
    }

    public IsoWeek isoWeek() {
        return new IsoWeek(weekStart);
    }

    /** The sum of the five signs, 0-15: what the quarterly ranking averages. */
    @JsonProperty("score")
    public int score() {
        return vandalism + littering + lighting + gatherings + incidentsAgainstStaff;
    }
}
