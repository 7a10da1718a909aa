package se.samtrygg.servicepoint;

import java.time.LocalDate;

/** A day without presence: one slot cancelled ({@code slotId} set) or the whole service point closed ({@code slotId} null). */
public record PresenceException(long id, long servicePointId, Long slotId, LocalDate date, String reason) {
}
