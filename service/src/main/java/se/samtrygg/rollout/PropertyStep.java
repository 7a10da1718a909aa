package se.samtrygg.rollout;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One step for one property: one cell of the board. {@code overdue} is an open step whose due date has passed
 * (today in Europe/Stockholm). {@code count} only for counted steps.
 */
public record PropertyStep(long id, long rolloutId, String rolloutName, long propertyId, String propertyAddress, long stepId,
                           int position, String stepName, boolean covering, boolean counted, long organisationId,
                           String organisationName, Long personId, String personName, LocalDate dueDate, StepState state,
                           LocalDate completedOn, String note, Integer count, String notApplicableReason, boolean overdue,
                           Instant updatedAt) {
}
