package se.samtrygg.rollout;

import java.time.Instant;
import java.util.List;

/** A method's checklist, kept by admins; every change raises {@code version}. Huskurage ships as one (migration 014). */
public record MethodTemplate(long id, String name, String description, int version, boolean active, List<TemplateStep> steps,
                             Instant createdAt, Instant updatedAt) {
}
