package se.samtrygg.rollout;

import se.samtrygg.organisation.OrganisationType;

/**
 * One step of a method template, in checklist order ({@code position} 1, 2, ...). {@code offsetDays} counts from the
 * rollout's start (or from the day a late property joined); {@code covering} steps decide whether a property is covered;
 * {@code counted} steps ask for a count (letters sent, posters put up).
 */
public record TemplateStep(long id, int position, String name, String description, OrganisationType responsibleType,
                           int offsetDays, boolean covering, boolean counted) {
}
