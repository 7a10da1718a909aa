package se.samtrygg.meeting;

import se.samtrygg.common.Visibility;

/** A decision taken under an agenda point, as the meeting's list of decisions shows it. */
public record Decision(long meetingId, long agendaItemId, int sortOrder, String agendaTitle, String decision, Visibility visibility,
                       Long organisationId, String organisationName) {
}
