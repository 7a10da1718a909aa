package se.samtrygg.meeting;

/**
 * One agenda point as entered; the list's order is the agenda's order. {@code id} names a point the
 * meeting already has, which keeps its id (and the minutes written to it); without one the point is new.
 */
public record AgendaItemInput(Long id, String title, Long presenterOrganisationId, Integer durationMinutes) {

    /** A new point. */
    public AgendaItemInput(String title, Long presenterOrganisationId, Integer durationMinutes) {
        this(null, title, presenterOrganisationId, durationMinutes);
    }
}
