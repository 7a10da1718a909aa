package se.samtrygg.meeting;

import java.util.List;

/**
 * The whole attendance of a meeting, replacing what was recorded: organisations among those invited,
 * and people invited on their own or active in an invited organisation.
 */
public record AttendanceInput(List<Long> organisationIds, List<Long> userIds) {
}
