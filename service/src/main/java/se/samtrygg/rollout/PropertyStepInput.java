package se.samtrygg.rollout;

import java.time.LocalDate;

/**
 * A change to one property step. state, completedOn (defaults to today when DONE), note, count and personId are replaced;
 * organisationId and dueDate null mean unchanged. Members of the responsible organisation change state (not to
 * NOT_APPLICABLE), completion date, note, count and person; the rollout's managers change everything, and mark a step
 * NOT_APPLICABLE with {@code notApplicableReason}.
 */
public record PropertyStepInput(StepState state, LocalDate completedOn, String note, Integer count, Long personId,
                                Long organisationId, LocalDate dueDate, String notApplicableReason) {
}
