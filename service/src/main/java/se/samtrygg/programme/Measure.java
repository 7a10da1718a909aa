package se.samtrygg.programme;

import java.time.LocalDate;
import java.util.List;

/**
 * A measure (åtgärd) serving a goal, e.g. "Huskurage i Sättra": the responsible unit (an organisation), its areas and
 * period ({@code endDate} null while open-ended), the rollouts it runs and the activity types that serve it.
 */
public record Measure(long id, long goalId, String name, String description, long responsibleOrganisationId,
                      String responsibleOrganisationName, LocalDate startDate, LocalDate endDate, int position, List<Ref> areas,
                      List<Ref> rollouts, List<Ref> activityTypes, StatusOverride override) {
}
