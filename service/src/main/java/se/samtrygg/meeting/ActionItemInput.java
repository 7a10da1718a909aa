package se.samtrygg.meeting;

import java.time.LocalDate;
import se.samtrygg.common.Visibility;

/**
 * An action item as entered. NETWORK (the default) lets every member organisation of the group see
 * it; ORGANISATION keeps it within the responsible organisation, which must then be the author's own.
 */
public record ActionItemInput(Long meetingId, String title, Long responsibleOrganisationId, Long responsibleUserId, LocalDate dueDate,
                              Visibility visibility) {
}
