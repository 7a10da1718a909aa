package se.samtrygg.common.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Instants as people in Sweden read them: Europe/Stockholm, ISO dates, 24-hour clock. */
public final class Dates {
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

    private Dates() {
    }

    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant);
    }

    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant);
    }
}
