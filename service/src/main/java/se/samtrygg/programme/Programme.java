package se.samtrygg.programme;

import java.time.Instant;
import java.time.LocalDate;

/** A programme adopted by the council, e.g. Gävle's social sustainability programme (December 2018). */
public record Programme(long id, String name, String adoptedBy, LocalDate adoptedOn, LocalDate periodStart, LocalDate periodEnd,
                        String description, Instant createdAt, Instant updatedAt) {
}
