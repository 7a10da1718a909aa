package se.samtrygg.programme;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One value of an indicator and the days it covers: a measurement is one day ({@code from == to}); a derived value
 * covers its period, cut at today for the period under way ({@code partial}). Status and charts place it at {@code to}.
 */
public record DataPoint(LocalDate from, LocalDate to, BigDecimal value, boolean partial) {
}
