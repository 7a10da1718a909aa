package se.samtrygg.meeting;

import java.util.List;
import se.samtrygg.identity.UserSummary;

/** The active people of one organisation who can be named responsible for an action item. */
public record ResponsiblePeople(long organisationId, String organisationName, List<UserSummary> people) {
}
