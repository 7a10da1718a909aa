package se.samtrygg.meeting;

import java.time.Instant;
import java.util.List;

/**
 * The standing group of an area where the municipality, police, associations, housing companies,
 * the tenants' association and local businesses meet.
 */
public record NetworkGroup(
        long id,
        long areaId,
        String areaName,
        String name,
        List<Member> members,
        List<Coordinator> coordinators,
        Instant createdAt,
        Instant updatedAt) {

    public record Member(long organisationId, String name) {
    }

    public record Coordinator(long userId, String name) {
    }
}
