package se.samtrygg.rollout;

import java.time.LocalDate;
import java.util.List;

/** A property in a rollout, with its steps in checklist order; one row of the board. */
public record RolloutProperty(long id, long rolloutId, String address, long ownerOrganisationId, String ownerOrganisationName,
                              int stairwells, int apartments, LocalDate addedOn, boolean covered, List<PropertyStep> steps) {
}
