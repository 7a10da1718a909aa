package se.samtrygg.meeting;

/** One point of a meeting's agenda, in order: what, who presents it, and roughly how long it takes. */
public record AgendaItem(long id, int sortOrder, String title, Long presenterOrganisationId, String presenterName, Integer durationMinutes) {
}
