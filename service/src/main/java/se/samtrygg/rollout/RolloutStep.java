package se.samtrygg.rollout;

import se.samtrygg.organisation.OrganisationType;

/**
 * A rollout's own copy of a template step. {@code organisationId} answers for the step in this rollout; null means each
 * property's owner does.
 */
public record RolloutStep(long id, int position, String name, String description, OrganisationType responsibleType,
                          int offsetDays, boolean covering, boolean counted, Long organisationId, String organisationName) {
}
