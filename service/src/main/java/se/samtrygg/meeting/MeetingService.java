package se.samtrygg.meeting;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.area.AreaService;
import se.samtrygg.area.Place;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.Checks;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.Page;
import se.samtrygg.common.db.PeriodBoundaries;
import se.samtrygg.common.db.PeriodCount;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.UserService;
import se.samtrygg.organisation.OrganisationService;
import se.samtrygg.reminder.MeetingChange;
import se.samtrygg.reminder.ReminderService;

/**
 * Meetings of network groups and their agendas. Who sees a meeting is who sees its group; the
 * group's coordinators and admins schedule, move, cancel and set the agenda. Times are entered and
 * shown in Europe/Stockholm and stored as instants.
 */
public final class MeetingService {
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    static final String ENTITY = "meeting";
    static final String SERIES = "meeting_series";
    static final int MAX_AGENDA_ITEMS = 40;
    static final int MAX_INVITED = 100;

    private final Jdbi jdbi;
    private final AuditService audit;
    private final NetworkGroupService groups;
    private final AreaService areas;
    private final OrganisationService organisations;
    private final UserService users;
    private final ReminderService reminders;
    private final Clock clock;

    public MeetingService(Jdbi jdbi, AuditService audit, NetworkGroupService groups, AreaService areas,
                          OrganisationService organisations, UserService users, ReminderService reminders, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.groups = groups;
        this.areas = areas;
        this.organisations = organisations;
        this.users = users;
        this.reminders = reminders;
        this.clock = clock;
    }

    public Meeting schedule(CurrentUser actor, MeetingInput input) {
        if (input != null && input.networkGroupId() != null) {
            jdbi.useHandle(h -> {
                groups.requireVisible(h, actor, input.networkGroupId(), "networkGroupId");
                groups.requireManager(h, actor, input.networkGroupId());
            });
        }
        Valid valid = validate(input);
        SeriesRule rule = valid.recurrence() == null ? null : SeriesRule.of(valid.recurrence(), valid.start(), "recurrence");
        return jdbi.inTransaction(h -> {
            NetworkGroupRow group = groups.requireVisible(h, actor, valid.groupId(), "networkGroupId");
            groups.requireManager(h, actor, group.id());
            requirePlaceInArea(valid.placeId(), group.areaId());
            MeetingDao dao = h.attach(MeetingDao.class);
            Instant now = clock.instant();
            Set<Long> invited = valid.invited() != null ? valid.invited()
                    : new LinkedHashSet<>(groups.members(h, group.id()).stream().map(NetworkGroup.Member::organisationId).toList());
            Set<Long> people = valid.invitedPeople() != null ? valid.invitedPeople() : Set.of();
            if (rule == null) {
                long id = dao.insert(group.id(), valid.title(), valid.startsAt(), valid.endsAt(), valid.placeId(), valid.address(),
                        valid.videoLink(), actor.id(), now);
                invite(dao, id, invited, people);
                reminders.meetingChanged(h, id, MeetingChange.SCHEDULED);
                audit.record(h, actor, AuditAction.CREATE, ENTITY, id, "Scheduled meeting \"" + valid.title() + "\" of " + group.name()
                        + " at " + valid.start() + " (Stockholm)");
                return load(h, id);
            }
            long seriesId = dao.insertSeries(group.id(), rule.rrule(), valid.startsAt(), valid.durationMinutes(), valid.title(),
                    valid.placeId(), valid.address(), valid.videoLink(), actor.id(), now);
            long first = 0;
            List<Long> scheduled = new java.util.ArrayList<>();
            for (LocalDateTime occurrence : rule.occurrences()) {
                long id = dao.insertOccurrence(seriesId, group.id(), valid.title(), occurrence.atZone(ZONE).toInstant(),
                        valid.endOf(occurrence), valid.placeId(), valid.address(), valid.videoLink(), actor.id(), now);
                invite(dao, id, invited, people);
                scheduled.add(id);
                first = first == 0 ? id : first;
            }
            reminders.seriesChanged(h, seriesId, scheduled, MeetingChange.SCHEDULED);
            audit.record(h, actor, AuditAction.CREATE, SERIES, seriesId, "Scheduled a series of " + rule.occurrences().size()
                    + " meetings \"" + valid.title() + "\" of " + group.name() + " (" + rule.rrule() + "), the first at " + valid.start()
                    + " (Stockholm)");
            return load(h, first);
        });
    }

    /** Changes one meeting, which also moves it when the times change; an occurrence of a series then stands on its own. */
    public Meeting update(CurrentUser actor, long id, MeetingInput input) {
        return update(actor, id, input, ChangeScope.ONE);
    }

    /**
     * Changes a meeting, or an occurrence of a series and all that follow it. The latter ends the
     * series before this occurrence and starts a new one from it with the new times and rule (the
     * old rule when none is given); later occurrences keep their agendas and action items when the
     * new rule still falls on their day.
     */
    public Meeting update(CurrentUser actor, long id, MeetingInput input, ChangeScope scope) {
        MeetingRow current = requireChangeable(actor, id);
        Valid valid = validate(input);
        if (valid.recurrence() != null && (scope != ChangeScope.FOLLOWING || current.seriesId() == null)) {
            throw new InvalidInputException("recurrence", current.seriesId() == null ? "error.recurrenceOnlyWhenScheduling"
                    : "error.recurrenceNeedsFollowing");
        }
        if (scope == ChangeScope.FOLLOWING) {
            if (current.seriesId() == null) {
                throw new InvalidInputException("scope", "error.notRecurring");
            }
            return updateFollowing(actor, id, valid);
        }
        return jdbi.inTransaction(h -> {
            MeetingDao dao = h.attach(MeetingDao.class);
            MeetingRow before = requireManaged(h, actor, id);
            requireSameGroupAndPlace(h, valid, before);
            dao.update(id, valid.title(), valid.startsAt(), valid.endsAt(), valid.placeId(), valid.address(), valid.videoLink(),
                    clock.instant());
            if (before.seriesId() != null) {
                dao.markDetached(id);
            }
            Set<Long> invitedBefore = reminders.invited(h, id);
            reinvite(dao, id, valid);
            boolean movedInTime = !before.startsAt().equals(valid.startsAt()) || !before.endsAt().equals(valid.endsAt())
                    || !Objects.equals(before.placeId(), valid.placeId()) || !Objects.equals(before.address(), valid.address());
            // Someone uninvited gets a CANCEL, which must supersede the invitation they had: a new sequence.
            boolean uninvited = !reminders.invited(h, id).containsAll(invitedBefore);
            if (movedInTime || uninvited) {
                dao.raiseIcsSequence(id);
            }
            reminders.meetingChanged(h, id, movedInTime ? MeetingChange.MOVED : MeetingChange.UPDATED, invitedBefore);
            String moved = before.startsAt().equals(valid.startsAt()) ? "" : ", moved from "
                    + LocalDateTime.ofInstant(before.startsAt(), ZONE) + " to " + valid.start();
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Changed meeting \"" + valid.title() + "\"" + moved);
            return load(h, id);
        });
    }

    private Meeting updateFollowing(CurrentUser actor, long id, Valid valid) {
        return jdbi.inTransaction(h -> {
            MeetingDao dao = h.attach(MeetingDao.class);
            MeetingRow from = requireManaged(h, actor, id);
            requireSameGroupAndPlace(h, valid, from);
            MeetingDao.SeriesRow old = dao.findSeries(from.seriesId()).orElseThrow();
            int before = dao.countOccurrencesBefore(old.id(), from.occurrenceStartsAt());
            LocalDateTime oldFirst = LocalDateTime.ofInstant(old.firstStartsAt(), ZONE);
            SeriesRule oldRule = SeriesRule.of(old.rrule(), oldFirst, "recurrence");
            SeriesRule rule = SeriesRule.of(valid.recurrence() != null ? valid.recurrence() : oldRule.remainingAfter(before),
                    valid.start(), "recurrence");
            Instant now = clock.instant();
            List<MeetingRow> following = dao.occurrencesFrom(old.id(), from.occurrenceStartsAt());
            long seriesId;
            if (before == 0) {
                seriesId = old.id();
                dao.updateSeries(seriesId, rule.rrule(), valid.startsAt(), valid.durationMinutes(), valid.title(), valid.placeId(),
                        valid.address(), valid.videoLink(), now);
            } else {
                dao.setSeriesRule(old.id(), oldRule.endingBefore(LocalDateTime.ofInstant(from.occurrenceStartsAt(), ZONE)), now);
                seriesId = dao.insertSeries(from.networkGroupId(), rule.rrule(), valid.startsAt(), valid.durationMinutes(), valid.title(),
                        valid.placeId(), valid.address(), valid.videoLink(), actor.id(), now);
            }
            // The changed meeting becomes the new first one; the others keep their records when the new rule falls on their day.
            Map<java.time.LocalDate, MeetingRow> byDay = new java.util.HashMap<>();
            following.stream().filter(row -> row.id() != id)
                    .forEach(row -> byDay.putIfAbsent(LocalDateTime.ofInstant(row.occurrenceStartsAt(), ZONE).toLocalDate(), row));
            Set<Long> invited = valid.invited() != null ? valid.invited()
                    : new LinkedHashSet<>(dao.invited(id).stream().map(Meeting.Invited::organisationId).toList());
            Set<Long> people = valid.invitedPeople() != null ? valid.invitedPeople()
                    : new LinkedHashSet<>(dao.invitedPeopleOf(List.of(id)).stream().map(MeetingDao.InvitedPersonOf::userId).toList());
            Set<Long> kept = new LinkedHashSet<>();
            for (LocalDateTime occurrence : rule.occurrences()) {
                MeetingRow existing = kept.isEmpty() ? from : byDay.get(occurrence.toLocalDate());
                Instant startsAt = occurrence.atZone(ZONE).toInstant();
                long meetingId;
                if (existing != null) { // a cancelled one stays cancelled, at its new time
                    meetingId = existing.id();
                    dao.rebind(meetingId, seriesId, valid.title(), startsAt, valid.endOf(occurrence), valid.placeId(), valid.address(),
                            valid.videoLink(), now);
                    dao.clearInvited(meetingId);
                    dao.clearInvitedPeople(meetingId);
                } else {
                    meetingId = dao.insertOccurrence(seriesId, from.networkGroupId(), valid.title(), startsAt, valid.endOf(occurrence),
                            valid.placeId(), valid.address(), valid.videoLink(), actor.id(), now);
                }
                invite(dao, meetingId, invited, people);
                dao.raiseIcsSequence(meetingId);
                kept.add(meetingId);
            }
            List<ReminderService.RemovedMeeting> removedMeetings = new java.util.ArrayList<>();
            for (MeetingRow row : following) {
                if (kept.contains(row.id())) {
                    continue;
                }
                if (dao.recordsOn(row.id()) == 0 && row.status() != MeetingStatus.CANCELLED) {
                    reminders.beforeRemoval(h, row.id()).ifPresent(removedMeetings::add);
                    dao.clearInvited(row.id());
                    dao.clearInvitedPeople(row.id());
                    dao.delete(row.id());
                    reminders.meetingRemoved(h, row.id());
                } else {
                    dao.unbind(row.id(), now); // it has records, or says why it was cancelled: it stays, as a meeting of its own
                    reminders.meetingChanged(h, row.id(), MeetingChange.UPDATED);
                }
            }
            reminders.seriesChanged(h, seriesId, List.copyOf(kept), MeetingChange.MOVED);
            // The invited of the removed dates get them cancelled in their calendars: one notice each, listing theirs.
            reminders.meetingsRemoved(h, seriesId, removedMeetings);
            int removed = removedMeetings.size();
            audit.record(h, actor, AuditAction.UPDATE, SERIES, seriesId, "Changed meeting \"" + valid.title() + "\" and all following ("
                    + rule.occurrences().size() + " meetings from " + valid.start() + ", " + rule.rrule() + "; " + removed
                    + " earlier planned dates removed)");
            return load(h, id);
        });
    }

    private void requireSameGroupAndPlace(Handle h, Valid valid, MeetingRow before) {
        if (valid.groupId() != before.networkGroupId()) {
            throw new InvalidInputException("networkGroupId", "error.meetingGroupFixed");
        }
        NetworkGroupRow group = h.attach(NetworkGroupDao.class).find(before.networkGroupId()).orElseThrow();
        requirePlaceInArea(valid.placeId(), group.areaId());
    }

    private static void invite(MeetingDao dao, long meetingId, Set<Long> organisations, Set<Long> people) {
        organisations.forEach(organisation -> dao.invite(meetingId, organisation));
        people.forEach(person -> dao.invitePerson(meetingId, person));
    }

    private static void reinvite(MeetingDao dao, long meetingId, Valid valid) {
        if (valid.invited() != null) {
            dao.clearInvited(meetingId);
            valid.invited().forEach(organisation -> dao.invite(meetingId, organisation));
        }
        if (valid.invitedPeople() != null) {
            dao.clearInvitedPeople(meetingId);
            valid.invitedPeople().forEach(person -> dao.invitePerson(meetingId, person));
        }
    }

    public Meeting cancel(CurrentUser actor, long id, String reason) {
        jdbi.useHandle(h -> requireManaged(h, actor, id));
        String cleanReason = Checks.clean(reason);
        new Checks().required("reason", cleanReason).freeText("reason", cleanReason, 1000).throwIfInvalid();
        return jdbi.inTransaction(h -> {
            MeetingRow before = requireManaged(h, actor, id);
            if (before.status() == MeetingStatus.CANCELLED) {
                throw new InvalidInputException("reason", "error.alreadyCancelled");
            }
            h.attach(MeetingDao.class).cancel(id, cleanReason, clock.instant());
            h.attach(MeetingDao.class).raiseIcsSequence(id);
            reminders.meetingChanged(h, id, MeetingChange.CANCELLED);
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Cancelled meeting \"" + before.title() + "\": " + cleanReason);
            return load(h, id);
        });
    }

    /**
     * Replaces the whole agenda: the order of the list is the order of the meeting. Points that carry
     * their id keep it (minutes refer to it), points without one are added, and points left out are
     * removed, unless minutes have been written to them: those are refused, so nothing written is lost.
     */
    public Meeting setAgenda(CurrentUser actor, long id, List<AgendaItemInput> items) {
        requireChangeable(actor, id);
        if (items == null) {
            throw new InvalidInputException("body", "error.bodyRequired");
        }
        Checks checks = new Checks().check(items.size() <= MAX_AGENDA_ITEMS, "agenda", "error.tooMany", MAX_AGENDA_ITEMS);
        Set<Long> named = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            AgendaItemInput item = items.get(i);
            String field = "agenda[" + i + "]";
            String title = item == null ? null : Checks.clean(item.title());
            checks.required(field + ".title", title).freeText(field + ".title", title, 500);
            if (item != null && item.durationMinutes() != null) {
                checks.check(item.durationMinutes() >= 1 && item.durationMinutes() <= 600, field + ".durationMinutes",
                        "error.between", 1, 600);
            }
            if (item != null && item.id() != null) {
                checks.check(named.add(item.id()), field + ".id", "error.agendaPointTwice");
            }
        }
        checks.throwIfInvalid();
        return jdbi.inTransaction(h -> {
            MeetingRow meeting = requireManaged(h, actor, id);
            MeetingDao dao = h.attach(MeetingDao.class);
            Map<Long, AgendaItem> existing = dao.agenda(id).stream().collect(Collectors.toMap(AgendaItem::id, a -> a));
            for (int i = 0; i < items.size(); i++) {
                Long presenter = items.get(i).presenterOrganisationId();
                AgendaItem before = items.get(i).id() == null ? null : existing.get(items.get(i).id());
                // A point keeps the presenter it has even if that organisation has since been deactivated, so saving
                // the agenda again neither drops it nor is refused for it.
                if (presenter != null && (before == null || !presenter.equals(before.presenterOrganisationId()))) {
                    organisations.requireActive(presenter, "agenda[" + i + "].presenterOrganisationId");
                }
            }
            Checks kept = new Checks();
            for (int i = 0; i < items.size(); i++) {
                Long itemId = items.get(i).id();
                kept.check(itemId == null || existing.containsKey(itemId), "agenda[" + i + "].id", "error.unknownAgendaPoint");
            }
            Set<Long> withMinutes = new java.util.HashSet<>(dao.agendaItemsWithMinutes(id));
            existing.values().stream().filter(a -> !named.contains(a.id()) && withMinutes.contains(a.id()))
                    .forEach(a -> kept.check(false, "agenda", "error.agendaPointHasMinutes", a.title()));
            kept.throwIfInvalid();
            existing.keySet().stream().filter(itemId -> !named.contains(itemId)).forEach(itemId -> dao.deleteAgendaItem(id, itemId));
            for (int i = 0; i < items.size(); i++) {
                AgendaItemInput item = items.get(i);
                if (item.id() == null) {
                    dao.addAgendaItem(id, i + 1, Checks.clean(item.title()), item.presenterOrganisationId(), item.durationMinutes());
                } else {
                    dao.updateAgendaItem(id, item.id(), i + 1, Checks.clean(item.title()), item.presenterOrganisationId(),
                            item.durationMinutes());
                }
            }
            reminders.meetingChanged(h, id, MeetingChange.UPDATED);
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, id, "Set the agenda of \"" + meeting.title() + "\" (" + items.size()
                    + " points)");
            return load(h, id);
        });
    }

    /**
     * Whom the agenda form offers as presenter: the active organisations of the meeting's group and those invited to it,
     * by name. A meeting presents to its own participants, so this stays short however many organisations the
     * municipality has; {@link #setAgenda} still accepts any active organisation, as it always has. For the group's
     * coordinators and admins.
     */
    public List<Meeting.Invited> presenterCandidates(CurrentUser actor, long id) {
        return jdbi.withHandle(h -> {
            requireManaged(h, actor, id);
            return h.attach(MeetingDao.class).presenterCandidates(id);
        });
    }

    public Meeting get(CurrentUser actor, long id) {
        return jdbi.withHandle(h -> complete(h, requireVisible(h, actor, id)));
    }

    public Page<Meeting> list(CurrentUser actor, Long groupId, Long after, Integer limit) {
        return list(actor, groupId, null, after, limit);
    }

    /** Meetings the actor may see, of one group or one series when given, in the order they were scheduled. */
    public Page<Meeting> list(CurrentUser actor, Long groupId, Long seriesId, Long after, Integer limit) {
        int size = Page.clampLimit(limit);
        return jdbi.withHandle(h -> {
            List<MeetingRow> rows = h.attach(MeetingDao.class).listVisible(groupId, seriesId, Page.afterOrStart(after), size + 1, actor.isAdmin(),
                    actor.id(), actor.organisationIds());
            return Page.of(completeAll(h, rows), size, Meeting::id);
        });
    }

    /** The most meetings one calendar or feed holds; a feed spans about two years of a busy group. */
    public static final int MAX_IN_RANGE = 2000;

    /**
     * The meetings a viewer may see that overlap [from, to), in time order, optionally of one group:
     * for the month calendar and the calendar feeds.
     */
    public List<Meeting> inRange(CurrentUser viewer, Long groupId, Instant from, Instant to) {
        return jdbi.withHandle(h -> completeAll(h, h.attach(MeetingDao.class).inRange(groupId, from, to, MAX_IN_RANGE, viewer.isAdmin(),
                viewer.id(), viewer.organisationIds())));
    }

    /**
     * The series these meetings belong to, by id. Only for meetings the caller already got through
     * a visibility check: a series belongs to the same group as its occurrences.
     */
    public Map<Long, MeetingSeries> seriesOf(Collection<Meeting> visibleMeetings) {
        Set<Long> ids = visibleMeetings.stream().map(Meeting::seriesId).filter(Objects::nonNull).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.attach(MeetingDao.class).series(ids).stream()
                .collect(Collectors.toMap(MeetingDao.SeriesRow::id, MeetingService::series)));
    }

    /**
     * Every occurrence of these series that differs from its rule (changed on its own or cancelled),
     * for calendars, which write the rule once and these as exceptions. Only for series of meetings
     * the caller already got through a visibility check.
     */
    public List<Meeting> exceptionsOf(Collection<Long> seriesIds) {
        if (seriesIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> completeAll(h, h.attach(MeetingDao.class).exceptionsOf(seriesIds)));
    }

    /** A series, for whoever may see one of its meetings. */
    public MeetingSeries series(CurrentUser actor, long seriesId) {
        return jdbi.withHandle(h -> {
            MeetingDao dao = h.attach(MeetingDao.class);
            MeetingDao.SeriesRow row = dao.findSeries(seriesId).orElseThrow(() -> new NotFoundException(SERIES, seriesId));
            if (dao.listVisible(null, seriesId, 0, 1, actor.isAdmin(), actor.id(), actor.organisationIds()).isEmpty()) {
                throw new AccessDeniedException("meeting series " + seriesId + " is not visible to user " + actor.id());
            }
            return series(row);
        });
    }

    private static MeetingSeries series(MeetingDao.SeriesRow row) {
        return new MeetingSeries(row.id(), row.networkGroupId(), row.rrule(), LocalDateTime.ofInstant(row.firstStartsAt(), ZONE),
                row.durationMinutes(), row.title(), row.placeId(), row.placeName(), row.address(), row.videoLink());
    }

    /** For a group's page: the next meetings, and the most recent ones. */
    public List<MeetingSummary> upcoming(CurrentUser actor, long groupId, int limit) {
        return jdbi.withHandle(h -> {
            groups.requireVisible(h, actor, groupId, null);
            return h.attach(MeetingDao.class).upcoming(groupId, clock.instant(), limit).stream().map(MeetingService::summary).toList();
        });
    }

    public List<MeetingSummary> past(CurrentUser actor, long groupId, int limit) {
        return jdbi.withHandle(h -> {
            groups.requireVisible(h, actor, groupId, null);
            return h.attach(MeetingDao.class).past(groupId, clock.instant(), limit).stream().map(MeetingService::summary).toList();
        });
    }

    private static MeetingSummary summary(MeetingRow row) {
        return new MeetingSummary(row.id(), row.title(), LocalDateTime.ofInstant(row.startsAt(), ZONE),
                row.status() == MeetingStatus.CANCELLED);
    }

    public boolean canManage(CurrentUser actor, Meeting meeting) {
        return groups.canManage(actor, meeting.networkGroupId());
    }

    /** A cancelled meeting stays as it was: it is a record of what did not happen, and why. */
    private MeetingRow requireChangeable(CurrentUser actor, long id) {
        return jdbi.withHandle(h -> requireManagedAndOpen(h, actor, id, "title"));
    }

    /**
     * For the meeting's other records (minutes, attendance): a meeting the viewer may see, within
     * the caller's handle; 404 when there is none, 403 when it is hidden from the viewer.
     */
    MeetingRow requireVisible(Handle h, CurrentUser viewer, long id) {
        MeetingDao dao = h.attach(MeetingDao.class);
        // The visible row first: a meeting page asks three times (meeting, minutes, attendance), nearly always for one it shows.
        Optional<MeetingRow> visible = dao.findVisible(id, viewer.isAdmin(), viewer.id(), viewer.organisationIds());
        if (visible.isPresent()) {
            return visible.get();
        }
        dao.find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
        throw new AccessDeniedException("meeting " + id + " is not visible to user " + viewer.id());
    }

    /** For the meeting's other records: one its group's coordinators and admins may still record things on (not cancelled). */
    MeetingRow requireRecordable(Handle h, CurrentUser actor, long id) {
        return requireManagedAndOpen(h, actor, id, "meetingId");
    }

    /** Access first, then the state of the meeting: someone without rights learns nothing from the answer. */
    private MeetingRow requireManagedAndOpen(Handle h, CurrentUser actor, long id, String field) {
        MeetingRow row = requireManaged(h, actor, id);
        if (row.status() == MeetingStatus.CANCELLED) {
            throw new InvalidInputException(field, "error.meetingCancelled");
        }
        return row;
    }

    private MeetingRow requireManaged(Handle h, CurrentUser actor, long id) {
        MeetingRow row = h.attach(MeetingDao.class).find(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
        groups.requireVisible(h, actor, row.networkGroupId(), null);
        groups.requireManager(h, actor, row.networkGroupId());
        return row;
    }

    private void requirePlaceInArea(Long placeId, long areaId) {
        if (placeId == null) {
            return;
        }
        Place place;
        try {
            place = areas.getPlace(null, placeId);
        } catch (NotFoundException e) {
            throw new InvalidInputException("placeId", "error.unknownPlace");
        }
        if (place.areaId() != areaId) {
            throw new InvalidInputException("placeId", "error.placeNotInArea");
        }
    }

    private record Valid(long groupId, String title, LocalDateTime start, LocalDateTime end, Instant startsAt, Instant endsAt,
                         Long placeId, String address, String videoLink, Set<Long> invited, Set<Long> invitedPeople,
                         String recurrence) {
        int durationMinutes() {
            return (int) java.time.Duration.between(start, end).toMinutes();
        }

        /** The end of an occurrence that starts at a local time: as long as this one, in Stockholm's wall-clock time. */
        Instant endOf(LocalDateTime occurrence) {
            return occurrence.plusMinutes(durationMinutes()).atZone(ZONE).toInstant();
        }
    }

    private Valid validate(MeetingInput input) {
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        String title = Checks.clean(input.title());
        String address = Checks.clean(input.address());
        String videoLink = Checks.clean(input.videoLink());
        Checks checks = new Checks().required("networkGroupId", input.networkGroupId())
                .required("title", title).freeText("title", title, 200)
                .required("start", input.start()).required("end", input.end())
                .freeText("address", address, 300).maxLength("videoLink", videoLink, 500)
                .check(videoLink == null || isWebLink(videoLink), "videoLink", "error.url");
        if (input.start() != null) {
            // A year like 0903 is a date typed in the wrong order, not a meeting.
            checks.check(input.start().getYear() >= 2000 && input.start().getYear() <= 2100, "start", "error.meetingYear");
        }
        if (input.start() != null && input.end() != null) {
            checks.check(input.end().isAfter(input.start()), "end", "error.endBeforeStart");
            checks.check(!input.end().isAfter(input.start().plusHours(24)), "end", "error.meetingTooLong");
        }
        Set<Long> invited = input.invitedOrganisationIds() == null ? null : new LinkedHashSet<>(input.invitedOrganisationIds());
        if (invited != null) {
            checks.check(!invited.contains(null) && invited.size() <= MAX_INVITED, "invitedOrganisationIds", "error.unknownValue");
        }
        Set<Long> people = input.invitedUserIds() == null ? null : new LinkedHashSet<>(input.invitedUserIds());
        if (people != null) {
            checks.check(!people.contains(null) && people.size() <= MAX_INVITED, "invitedUserIds", "error.unknownValue");
        }
        String recurrence = Checks.clean(input.recurrence());
        checks.maxLength("recurrence", recurrence, 300);
        checks.throwIfInvalid();
        if (invited != null) {
            invited.forEach(organisation -> organisations.requireActive(organisation, "invitedOrganisationIds"));
        }
        if (people != null && users.activeSummaries(people).size() != people.size()) {
            throw new InvalidInputException("invitedUserIds", "error.unknownUser");
        }
        return new Valid(input.networkGroupId(), title, input.start(), input.end(), input.start().atZone(ZONE).toInstant(),
                input.end().atZone(ZONE).toInstant(), input.placeId(), address, videoLink, invited, people, recurrence);
    }

    private static boolean isWebLink(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Meeting load(Handle h, long id) {
        return complete(h, h.attach(MeetingDao.class).find(id).orElseThrow(() -> new NotFoundException(ENTITY, id)));
    }

    private static Meeting complete(Handle h, MeetingRow row) {
        return completeAll(h, List.of(row)).get(0);
    }

    /** Meetings with their invitations and agendas: three queries for the whole list, not three per meeting. */
    private static List<Meeting> completeAll(Handle h, List<MeetingRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        MeetingDao dao = h.attach(MeetingDao.class);
        List<Long> ids = rows.stream().map(MeetingRow::id).toList();
        Map<Long, List<Meeting.Invited>> invited = dao.invitedOf(ids).stream().collect(Collectors.groupingBy(MeetingDao.InvitedOf::meetingId,
                Collectors.mapping(i -> new Meeting.Invited(i.organisationId(), i.name()), Collectors.toList())));
        Map<Long, List<Meeting.InvitedPerson>> people = dao.invitedPeopleOf(ids).stream().collect(Collectors.groupingBy(
                MeetingDao.InvitedPersonOf::meetingId,
                Collectors.mapping(p -> new Meeting.InvitedPerson(p.userId(), p.name()), Collectors.toList())));
        Map<Long, List<AgendaItem>> agendas = dao.agendaOf(ids).stream().collect(Collectors.groupingBy(MeetingDao.AgendaItemOf::meetingId,
                Collectors.mapping(a -> new AgendaItem(a.id(), a.sortOrder(), a.title(), a.presenterOrganisationId(), a.presenterName(),
                        a.durationMinutes()), Collectors.toList())));
        return rows.stream().map(row -> meeting(row, invited.getOrDefault(row.id(), List.of()), people.getOrDefault(row.id(), List.of()),
                agendas.getOrDefault(row.id(), List.of()))).toList();
    }

    private static Meeting meeting(MeetingRow row, List<Meeting.Invited> invited, List<Meeting.InvitedPerson> people,
                                   List<AgendaItem> agenda) {
        return new Meeting(row.id(), row.networkGroupId(), row.networkGroupName(), row.title(), row.startsAt(), row.endsAt(),
                LocalDateTime.ofInstant(row.startsAt(), ZONE), LocalDateTime.ofInstant(row.endsAt(), ZONE), row.placeId(),
                row.placeName(), row.address(), row.videoLink(), row.status(), row.cancelReason(), invited, people, agenda,
                row.seriesId(), row.occurrenceStartsAt() == null ? null : LocalDateTime.ofInstant(row.occurrenceStartsAt(), ZONE),
                row.detached(), row.updatedAt());
    }

    // Programme follow-up: counts for derived indicators

    /**
     * How many meetings were held in each period in each area (empty: all areas): meetings of the area's network groups,
     * not cancelled, that started in the period and before now (a meeting still ahead has not been held). Areas and
     * periods without any are left out. Counts only, whoever may see the meetings; one query whatever the number of periods.
     */
    public List<PeriodCount> countHeldByAreaAndPeriod(Collection<Long> areaIds, PeriodBoundaries<Instant> periods) {
        Instant now = clock.instant();
        Instant until = periods.until().isAfter(now) ? now : periods.until();
        if (!until.isAfter(periods.from())) {
            return List.of();
        }
        return jdbi.withExtension(MeetingDao.class, dao -> dao.countHeldByAreaAndPeriod(areaIds, periods, until));
    }
}
