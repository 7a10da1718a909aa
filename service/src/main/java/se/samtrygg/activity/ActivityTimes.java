package se.samtrygg.activity;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import se.samtrygg.common.web.Dates;

/**
 * Start and end of an activity as a form (or an import row) gives them: a day and two clock times in
 * Europe/Stockholm. An end earlier than the start is on the next day: night walks run 21:00–01:00.
 */
public record ActivityTimes(OffsetDateTime startsAt, OffsetDateTime endsAt) {

    public static ActivityTimes of(LocalDate date, LocalTime start, LocalTime end) {
        LocalDate endDate = end.isBefore(start) ? date.plusDays(1) : date;
        return new ActivityTimes(date.atTime(start).atZone(Dates.ZONE).toOffsetDateTime(),
                endDate.atTime(end).atZone(Dates.ZONE).toOffsetDateTime());
    }
}
