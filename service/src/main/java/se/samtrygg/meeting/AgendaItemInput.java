package se.samtrygg.meeting;

/** One agenda point as entered; the list's order is the agenda's order. */
public record AgendaItemInput(String title, Long presenterOrganisationId, Integer durationMinutes) {
}
