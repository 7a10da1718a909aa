package se.samtrygg.rollout;

import java.time.LocalDate;

/**
 * A change to one property step. state, completedOn (when a step becomes DONE without one: today; a step already DONE
 * keeps its day; never before the rollout started or the property joined, whichever came first), note, count and personId
 * are replaced;
 * organisationId and dueDate null mean unchanged. Members of the responsible organisation change state (not to
 * NOT_APPLICABLE), completion date, note, count and person; the rollout's managers change everything, and mark a step
 * NOT_APPLICABLE with {@code notApplicableReason}.
 */
public record PropertyStepInput(StepState state, LocalDate completedOn, String note, Integer count, Long personId,
                                Long organisationId, LocalDate dueDate, String notApplicableReason) {
}
