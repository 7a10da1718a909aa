package se.samtrygg.rollout;

/** A property of a rollout: its address (unique within the rollout), its owner, and how many stairwells and apartments it has. */
public record PropertyInput(String address, Long ownerOrganisationId, Integer stairwells, Integer apartments) {
}
