package se.samtrygg.rollout;

import java.time.LocalDate;

/**
 * A change to a running rollout (its template and area stay). Moving the start date moves the due dates of the steps
 * not yet done or not applicable by as many days.
 */
public record RolloutChange(String name, LocalDate startDate, LocalDate targetDate, Long coordinatorId) {
}
