package se.samtrygg.observation;

import java.time.LocalDate;

/**
 * What a list of observations is narrowed to; every part may be null. {@code handedOver} true keeps those handed over, false
 * those not yet. {@code from} and {@code to} are days in Europe/Stockholm, both included.
 */
public record ObservationFilter(Long areaId, Long activityId, Long categoryId, Boolean handedOver, LocalDate from, LocalDate to) {

    public static ObservationFilter none() {
        return new ObservationFilter(null, null, null, null, null, null);
    }
}
