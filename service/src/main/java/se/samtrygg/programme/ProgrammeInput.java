package se.samtrygg.programme;

import java.time.LocalDate;

/** A new or changed programme. Name and period required; the period start on or before its end. */
public record ProgrammeInput(String name, String adoptedBy, LocalDate adoptedOn, LocalDate periodStart, LocalDate periodEnd,
                             String description) {
}
