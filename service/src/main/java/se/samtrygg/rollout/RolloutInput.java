package se.samtrygg.rollout;

import java.time.LocalDate;
import java.util.List;

/**
 * A new rollout. {@code name} defaults to "template name i area name"; {@code coordinatorId} to the creator (who must then be
 * a coordinator or admin). {@code stepOrganisations} names who answers for a step by its position; a step not named goes to
 * the one active member organisation of the area's network group of the step's type when there is exactly one, else to
 * each property's owner. {@code properties} may be empty: properties can be added later.
 */
public record RolloutInput(Long templateId, Long areaId, String name, LocalDate startDate, LocalDate targetDate, Long coordinatorId,
                           List<StepOrganisation> stepOrganisations, List<PropertyInput> properties) {

    public record StepOrganisation(Integer position, Long organisationId) {
    }
}
