package se.samtrygg.area;

import java.time.Instant;

/** A residential area the work is organised around (Sättra, Brynäs, ...). */
public record Area(long id, String name, String municipality, String description, Instant createdAt, Instant updatedAt) {
}
