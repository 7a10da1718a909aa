package se.samtrygg.activity;

import java.time.Instant;
import se.samtrygg.common.Visibility;

/** An activity that passed every rule of {@link ActivityService#validate}: what is stored. */
public record ValidActivity(long organisationId, long areaId, Long placeId, long typeId, Instant startsAt, Instant endsAt,
                            Integer staffCount, Integer reachedCount, String description, Visibility visibility) {
}
