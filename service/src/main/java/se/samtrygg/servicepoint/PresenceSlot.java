package se.samtrygg.servicepoint;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import se.samtrygg.organisation.OrganisationType;

/**
 * An organisation's weekly hours at a service point: every {@code weekday} from {@code startsAt} to {@code endsAt}
 * (Europe/Stockholm), from {@code validFrom} until {@code validUntil} (null: until further notice). {@code languages} are
 * ISO 639-1 codes ("sv", "ar", "so"), sorted.
 */
public record PresenceSlot(long id, long servicePointId, long organisationId, String organisationName, OrganisationType organisationType,
                           DayOfWeek weekday,
                           @Schema(type = "string", format = "partial-time", example = "10:00") LocalTime startsAt,
                           @Schema(type = "string", format = "partial-time", example = "12:00") LocalTime endsAt,
                           LocalDate validFrom, LocalDate validUntil, List<HelpKind> help, String helpNote, List<String> languages,
                           Instant updatedAt) {
}
