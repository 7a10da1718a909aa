package se.samtrygg.servicepoint;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A slot as a partner writes it. {@code validFrom} null means today. At least one help kind and one language. */
public record PresenceSlotInput(Long servicePointId, Long organisationId, DayOfWeek weekday,
                                @Schema(type = "string", format = "partial-time", example = "10:00") LocalTime startsAt,
                                @Schema(type = "string", format = "partial-time", example = "12:00") LocalTime endsAt,
                                LocalDate validFrom, LocalDate validUntil, List<HelpKind> help, String helpNote, List<String> languages) {
}
