package se.samtrygg.rollout;

import se.samtrygg.organisation.OrganisationType;

/** One step as an admin writes it; its position is its place in the list. Null booleans mean false, null offset 0. */
public record TemplateStepInput(String name, String description, OrganisationType responsibleType, Integer offsetDays,
                                Boolean covering, Boolean counted) {
}
