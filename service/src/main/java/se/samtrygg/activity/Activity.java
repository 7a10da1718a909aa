package se.samtrygg.activity;

import java.time.Instant;
import se.samtrygg.common.Visibility;

/**
 * A safety activity a partner organisation carried out: a night walk, an open youth-centre evening.
 * {@code organisationId} is the author's organisation, which owns the record.
 */
public record Activity(
        long id,
        long organisationId,
        String organisationName,
        long areaId,
        String areaName,
        Long placeId,
        String placeName,
        long typeId,
        String typeName,
        Instant startsAt,
        Instant endsAt,
        Integer staffCount,
        Integer reachedCount,
        String description,
        Visibility visibility,
        Long createdBy,
        String createdByName,
        Instant createdAt,
        Instant updatedAt) {
}
