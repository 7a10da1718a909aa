package se.samtrygg.programme;

/** A programme goal (programmål) under a focus area, e.g. "En kommun fri från våld". */
public record Goal(long id, long focusAreaId, long programmeId, String name, String description, int position,
                   StatusOverride override) {
}
