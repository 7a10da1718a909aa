package se.samtrygg.programme;

import java.time.LocalDate;
import java.util.List;

/**
 * A new or changed measure. Responsible organisation and start date required; areas, rollouts (each serves at most one
 * measure) and activity types may be empty; null lists are empty.
 */
public record MeasureInput(String name, String description, Long responsibleOrganisationId, LocalDate startDate, LocalDate endDate,
                           Integer position, List<Long> areaIds, List<Long> rolloutIds, List<Long> activityTypeIds) {
}
