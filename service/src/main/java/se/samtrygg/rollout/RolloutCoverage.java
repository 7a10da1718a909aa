package se.samtrygg.rollout;

import java.time.LocalDate;

/** The apartments a rollout (in its area) covered on a day, for the programme's derived indicators. A count only. */
public record RolloutCoverage(long rolloutId, long areaId, LocalDate day, long apartments) {
}
