package se.samtrygg.programme;

/** The periods a derived indicator is counted in: calendar months, quarters or years (Europe/Stockholm). */
public enum PeriodLength {
    MONTH, QUARTER, YEAR
}
