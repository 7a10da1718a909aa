package se.samtrygg.meeting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.Checks;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.OrganisationMember;
import se.samtrygg.identity.UserService;

/**
 * Attendance of meetings: which invited organisations were represented and which people came. The
 * group's coordinators and admins record it, as a whole, on a meeting that is not cancelled;
 * whoever sees the meeting reads it. Only the invited may attend: organisations invited to the
 * meeting, people invited on their own, and active people of an invited organisation. What was
 * recorded before stays allowed, so a later change of invitations or memberships never blocks a save.
 */
public final class AttendanceService {
    static final String ENTITY = "meeting_attendance";
    /** The most people one attendance form lists and one record holds. */
    public static final int MAX_PEOPLE = 500;

    private final Jdbi jdbi;
    private final AuditService audit;
    private final MeetingService meetings;
    private final UserService users;

    public AttendanceService(Jdbi jdbi, AuditService audit, MeetingService meetings, UserService users) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.meetings = meetings;
        this.users = users;
    }

    public Attendance get(CurrentUser viewer, long meetingId) {
        return jdbi.withHandle(h -> {
            meetings.requireVisible(h, viewer, meetingId);
            return load(h, meetingId);
        });
    }

    public Attendance record(CurrentUser actor, long meetingId, AttendanceInput input) {
        jdbi.useHandle(h -> meetings.requireRecordable(h, actor, meetingId));
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        Set<Long> organisations = input.organisationIds() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(input.organisationIds());
        Set<Long> people = input.userIds() == null ? new LinkedHashSet<>() : new LinkedHashSet<>(input.userIds());
        new Checks().check(!organisations.contains(null), "organisationIds", "error.unknownValue")
                .check(!people.contains(null), "userIds", "error.unknownValue")
                .check(organisations.size() <= MeetingService.MAX_INVITED, "organisationIds", "error.tooMany", MeetingService.MAX_INVITED)
                .check(people.size() <= MAX_PEOPLE, "userIds", "error.tooMany", MAX_PEOPLE)
                .throwIfInvalid();
        return jdbi.inTransaction(h -> {
            MeetingRow meeting = meetings.requireRecordable(h, actor, meetingId);
            MeetingDao meetingDao = h.attach(MeetingDao.class);
            AttendanceDao dao = h.attach(AttendanceDao.class);
            Attendance before = load(h, meetingId);
            Set<Long> invitedOrganisations = meetingDao.invited(meetingId).stream().map(Meeting.Invited::organisationId)
                    .collect(Collectors.toSet());
            Set<Long> allowedOrganisations = new LinkedHashSet<>(invitedOrganisations);
            before.organisations().forEach(o -> allowedOrganisations.add(o.organisationId()));
            Set<Long> allowedPeople = meetingDao.invitedPeopleOf(List.of(meetingId)).stream().map(MeetingDao.InvitedPersonOf::userId)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            before.people().forEach(p -> allowedPeople.add(p.userId()));
            Set<Long> others = people.stream().filter(p -> !allowedPeople.contains(p)).collect(Collectors.toSet());
            allowedPeople.addAll(users.activeMembersAmong(others, invitedOrganisations));
            new Checks().check(allowedOrganisations.containsAll(organisations), "organisationIds", "error.notInvited")
                    .check(allowedPeople.containsAll(people), "userIds", "error.notInvited")
                    .throwIfInvalid();
            dao.clearOrganisations(meetingId);
            dao.clearPeople(meetingId);
            organisations.forEach(o -> dao.addOrganisation(meetingId, o));
            people.forEach(p -> dao.addPerson(meetingId, p));
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, meetingId, "Recorded the attendance of meeting #" + meetingId + " \""
                    + meeting.title() + "\": organisations " + organisations + ", people " + people);
            return load(h, meetingId);
        });
    }

    /** Whether the actor records the attendance of this meeting: the group's coordinators and admins, while it is not cancelled. */
    public boolean canRecord(CurrentUser actor, Meeting meeting) {
        return !meeting.cancelled() && meetings.canManage(actor, meeting);
    }

    /** One invited organisation and its active people, for the attendance form. */
    public record Invitee(long organisationId, String name, List<Attendance.Person> people) {
    }

    /**
     * Who may be marked as attending, for the form of someone who records it: each invited
     * organisation with its active people (at most {@link #MAX_PEOPLE} in all), and the people
     * invited on their own. Whoever was recorded before is included, even if no longer invited.
     */
    public record Candidates(List<Invitee> organisations, List<Attendance.Person> invitedPeople, boolean truncated) {
    }

    public Candidates candidates(CurrentUser actor, Meeting meeting) {
        if (!canRecord(actor, meeting)) {
            throw new AccessDeniedException("only the group's coordinators and admins record attendance of meeting " + meeting.id());
        }
        Attendance recorded = get(actor, meeting.id());
        Map<Long, String> organisationNames = new LinkedHashMap<>();
        meeting.invitedOrganisations().forEach(o -> organisationNames.put(o.organisationId(), o.name()));
        recorded.organisations().forEach(o -> organisationNames.putIfAbsent(o.organisationId(), o.name()));
        List<OrganisationMember> members = users.activeMembersOf(organisationNames.keySet(), MAX_PEOPLE + 1);
        boolean truncated = members.size() > MAX_PEOPLE;
        Map<Long, List<Attendance.Person>> byOrganisation = members.stream().limit(MAX_PEOPLE).collect(Collectors.groupingBy(
                OrganisationMember::organisationId, Collectors.mapping(m -> new Attendance.Person(m.userId(), m.name()), Collectors.toList())));
        List<Invitee> invitees = new ArrayList<>();
        organisationNames.forEach((id, name) -> invitees.add(new Invitee(id, name, byOrganisation.getOrDefault(id, List.of()))));
        Set<Long> listed = members.stream().map(OrganisationMember::userId).collect(Collectors.toSet());
        List<Attendance.Person> individual = new ArrayList<>();
        Set<Long> added = new java.util.HashSet<>();
        meeting.invitedPeople().forEach(p -> {
            if (added.add(p.userId())) {
                individual.add(new Attendance.Person(p.userId(), p.name()));
            }
        });
        // Someone recorded earlier who is no longer listed stays on the form, so saving again keeps them.
        recorded.people().stream().filter(p -> !listed.contains(p.userId()) && added.add(p.userId())).forEach(individual::add);
        return new Candidates(invitees, individual, truncated);
    }

    private static Attendance load(Handle h, long meetingId) {
        AttendanceDao dao = h.attach(AttendanceDao.class);
        return new Attendance(meetingId, dao.organisations(meetingId), dao.people(meetingId));
    }
}
