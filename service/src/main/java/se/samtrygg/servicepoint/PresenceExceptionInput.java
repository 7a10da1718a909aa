package se.samtrygg.servicepoint;

import java.time.LocalDate;

/** {@code slotId} null closes the whole service point that day (a holiday); set, it cancels that slot that day. */
public record PresenceExceptionInput(Long slotId, LocalDate date, String reason) {
}
