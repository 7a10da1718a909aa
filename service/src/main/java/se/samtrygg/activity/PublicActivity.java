package se.samtrygg.activity;

import java.time.Instant;

/**
 * A PUBLIC activity as residents read it on the public pages and in the area's feed: what, where, when and which
 * organisation runs it. Nothing about who logged it, and no figures.
 */
public record PublicActivity(long id, String typeName, String placeName, String organisationName, Instant startsAt, Instant endsAt,
                             String description, Instant updatedAt) {
}
