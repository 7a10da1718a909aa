package se.samtrygg.servicepoint;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/** A slot as a partner writes it. {@code validFrom} null means today. At least one help kind and one language. */
public record PresenceSlotInput(Long servicePointId, Long organisationId, DayOfWeek weekday, LocalTime startsAt, LocalTime endsAt,
                                LocalDate validFrom, LocalDate validUntil, List<HelpKind> help, String helpNote, List<String> languages) {
}
