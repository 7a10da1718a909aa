package se.samtrygg.rollout;

import java.time.LocalDate;
import java.util.List;

/**
 * Marks one step done for many properties at once (the board's form). Every one must be a step the actor may update,
 * or none is changed. {@code completedOn} defaults to today; {@code count}, for counted steps, applies to each property.
 */
public record StepsDone(Long stepId, List<Long> propertyIds, LocalDate completedOn, Integer count) {
}
