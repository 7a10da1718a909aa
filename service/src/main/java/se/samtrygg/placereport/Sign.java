package se.samtrygg.placereport;

import java.util.function.ToIntFunction;

/**
 * The five signs of a weekly place report, each rated 0 (inget), 1 (lite), 2 (en del) or 3 (mycket).
 * For lighting the rating is of lighting problems (dark spots, broken lamps), so that for every sign
 * a higher number means a worse week.
 */
public enum Sign {
    VANDALISM("vandalism", PlaceReport::vandalism),
    LITTERING("littering", PlaceReport::littering),
    LIGHTING("lighting", PlaceReport::lighting),
    GATHERINGS("gatherings", PlaceReport::gatherings),
    INCIDENTS_AGAINST_STAFF("incidentsAgainstStaff", PlaceReport::incidentsAgainstStaff);

    public static final int MIN = 0;
    public static final int MAX = 3;

    private final String field;
    private final ToIntFunction<PlaceReport> value;

    Sign(String field, ToIntFunction<PlaceReport> value) {
        this.field = field;
        this.value = value;
    }

    /** The field's name in the API and in forms. */
    public String field() {
        return field;
    }

    public int of(PlaceReport report) {
        return value.applyAsInt(report);
    }
}
