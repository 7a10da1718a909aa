package se.samtrygg.meeting;

import java.time.Instant;
import se.samtrygg.common.Visibility;

/**
 * The minutes of one agenda point: what was said ({@code notes}) and, if anything was decided, the
 * decision. NETWORK minutes are read by whoever sees the meeting; ORGANISATION minutes only by the
 * people of {@code organisationId}, the organisation they were written for.
 */
public record Minutes(
        long meetingId,
        long agendaItemId,
        int sortOrder,
        String agendaTitle,
        String notes,
        String decision,
        Visibility visibility,
        Long organisationId,
        String organisationName,
        Long updatedBy,
        String updatedByName,
        Instant updatedAt) {

    public boolean organisationOnly() {
        return visibility == Visibility.ORGANISATION;
    }
}
