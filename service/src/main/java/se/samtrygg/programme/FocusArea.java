package se.samtrygg.programme;

/** A part of a programme (delområde), e.g. "Trygghet". */
public record FocusArea(long id, long programmeId, String name, String description, int position) {
}
