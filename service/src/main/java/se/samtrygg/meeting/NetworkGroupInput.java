package se.samtrygg.meeting;

import java.util.List;

/** What a form or an API call gives to create or change a network group. */
public record NetworkGroupInput(Long areaId, String name, List<Long> memberOrganisationIds, List<Long> coordinatorUserIds) {
}
