package se.samtrygg.rollout;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A method template applied in an area, with its own copy of the steps (version {@code templateVersion}) and its progress. */
public record Rollout(long id, long templateId, String templateName, int templateVersion, String name, long areaId, String areaName,
                      LocalDate startDate, LocalDate targetDate, long coordinatorId, String coordinatorName, List<RolloutStep> steps,
                      Progress progress, Instant createdAt, Instant updatedAt) {
}
