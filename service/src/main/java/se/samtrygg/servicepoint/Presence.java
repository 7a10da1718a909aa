package se.samtrygg.servicepoint;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/** One occurrence of a slot on a day, after exceptions: what the public pages and the feed show. */
public record Presence(ServicePoint servicePoint, PresenceSlot slot, LocalDate date, ZonedDateTime startsAt, ZonedDateTime endsAt) {
}
