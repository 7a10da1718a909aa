package se.samtrygg.activity;

import java.time.OffsetDateTime;
import se.samtrygg.common.Visibility;

/**
 * An activity as logged. {@code organisationId} may be left out by someone in one organisation (it is
 * theirs); someone in several chooses one of their own. Left out, the visibility is NETWORK for a new
 * activity and stays as it was for a changed one. On a change the organisation stays the owner's.
 */
public record ActivityInput(Long organisationId, Long areaId, Long placeId, Long typeId, OffsetDateTime startsAt,
                            OffsetDateTime endsAt, Integer staffCount, Integer reachedCount, String description,
                            Visibility visibility) {
}
