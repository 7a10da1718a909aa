package se.samtrygg.programme;

import java.util.List;

/**
 * What a derived indicator counts, resolved: the indicator's own lists, or where one is empty and the indicator belongs
 * to a measure, the measure's (its areas, activity types, rollouts). Still empty after that: areas and activity types
 * mean all of them; rollouts mean none (APARTMENTS_COVERED then has no value).
 */
public record DerivedQuery(DerivedSource source, List<Long> areaIds, List<Long> activityTypeIds, List<Long> rolloutIds) {
}
