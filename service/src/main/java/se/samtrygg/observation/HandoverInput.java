package se.samtrygg.observation;

import java.time.LocalDate;

/**
 * Handing an observation to the organisation that can fix it. A left-out title is made from the category, the place and the
 * description; the due date is optional.
 */
public record HandoverInput(Long responsibleOrganisationId, LocalDate dueDate, String title) {
}
