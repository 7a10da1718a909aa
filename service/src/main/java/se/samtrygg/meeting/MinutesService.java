package se.samtrygg.meeting;

import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.Checks;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.Visibility;
import se.samtrygg.reminder.MeetingChange;
import se.samtrygg.reminder.ReminderService;
import se.samtrygg.identity.CurrentUser;

/**
 * Minutes and decisions, one record per agenda point. The group's coordinators and admins write
 * them (not on a cancelled meeting); who reads them is {@link MinutesDao#VISIBLE_TO_VIEWER}, used by
 * every read. A writer never overwrites minutes they may not read: those are kept within another
 * organisation, and the writer is told so without being shown them.
 */
public final class MinutesService {
    static final String ENTITY = "agenda_minutes";
    public static final int MAX_NOTES = 20_000;
    public static final int MAX_DECISION = 4_000;

    private final Jdbi jdbi;
    private final AuditService audit;
    private final MeetingService meetings;
    private final ReminderService reminders;
    private final Clock clock;

    public MinutesService(Jdbi jdbi, AuditService audit, MeetingService meetings, ReminderService reminders, Clock clock) {
        this.jdbi = jdbi;
        this.audit = audit;
        this.meetings = meetings;
        this.reminders = reminders;
        this.clock = clock;
    }

    /** The minutes of a meeting the viewer may read, in agenda order. */
    public List<Minutes> list(CurrentUser viewer, long meetingId) {
        return jdbi.withHandle(h -> {
            meetings.requireVisible(h, viewer, meetingId);
            return visible(h, viewer, meetingId);
        });
    }

    /** The decisions of a meeting the viewer may read, in agenda order. */
    public List<Decision> decisions(CurrentUser viewer, long meetingId) {
        return jdbi.withHandle(h -> {
            meetings.requireVisible(h, viewer, meetingId);
            return h.attach(MinutesDao.class).decisionsVisible(meetingId, viewer.isAdmin(), viewer.id(), viewer.organisationIds());
        });
    }

    /**
     * Writes the minutes of one point; empty when the input has neither notes nor decision, which
     * removes the point's minutes.
     */
    public Optional<Minutes> write(CurrentUser actor, long meetingId, long agendaItemId, MinutesInput input) {
        jdbi.useHandle(h -> {
            meetings.requireRecordable(h, actor, meetingId);
            if (h.attach(MeetingDao.class).agenda(meetingId).stream().noneMatch(a -> a.id() == agendaItemId)) {
                throw new NotFoundException("agenda_item", agendaItemId);
            }
        });
        if (input == null) {
            throw new InvalidInputException("body", "error.required");
        }
        Map<Long, MinutesInput> one = new LinkedHashMap<>();
        one.put(agendaItemId, input);
        writeAll(actor, meetingId, one, point -> "");
        return jdbi.withHandle(h -> visible(h, actor, meetingId).stream().filter(m -> m.agendaItemId() == agendaItemId).findFirst());
    }

    /**
     * Writes the minutes of several points at once, as the minutes form saves them; only points that
     * changed are written and audited. Every broken rule of every point is reported at once, with
     * fields named {@code points[<agendaItemId>].notes} and so on, and then nothing is written.
     */
    public void writeAll(CurrentUser actor, long meetingId, Map<Long, MinutesInput> byPoint) {
        writeAll(actor, meetingId, byPoint, point -> "points[" + point + "].");
    }

    /** Whether the actor writes the minutes of this meeting: the group's coordinators and admins, while it is not cancelled. */
    public boolean canWrite(CurrentUser actor, Meeting meeting) {
        return !meeting.cancelled() && meetings.canManage(actor, meeting);
    }

    /** The agenda points whose minutes the actor may not read (kept within another organisation). */
    public Set<Long> keptElsewhere(CurrentUser actor, long meetingId) {
        return jdbi.withHandle(h -> {
            meetings.requireVisible(h, actor, meetingId);
            return hidden(h, actor, meetingId);
        });
    }

    private void writeAll(CurrentUser actor, long meetingId, Map<Long, MinutesInput> byPoint, java.util.function.LongFunction<String> field) {
        jdbi.useHandle(h -> meetings.requireRecordable(h, actor, meetingId));
        if (byPoint == null) {
            throw new InvalidInputException("body", "error.required");
        }
        List<FieldError> problems = new java.util.ArrayList<>();
        Map<Long, Text> texts = new LinkedHashMap<>();
        byPoint.forEach((point, input) -> {
            String prefix = field.apply(point);
            MinutesInput in = input == null ? new MinutesInput(null, null, null, null) : input;
            String notes = Checks.clean(in.notes());
            String decision = Checks.clean(in.decision());
            Checks checks = new Checks().freeText(prefix + "notes", notes, MAX_NOTES).freeText(prefix + "decision", decision, MAX_DECISION)
                    .check(in.visibility() != Visibility.PUBLIC, prefix + "visibility", "error.visibilityNotAllowed")
                    .check(in.organisationId() == null || actor.isMemberOf(in.organisationId()), prefix + "organisationId",
                            "error.notYourOrganisation");
            try {
                checks.throwIfInvalid();
            } catch (InvalidInputException e) {
                problems.addAll(e.errors());
            }
            texts.put(point, new Text(notes, decision, in.visibility(), in.organisationId()));
        });
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbi.useTransaction(h -> {
            MeetingRow meeting = meetings.requireRecordable(h, actor, meetingId);
            MinutesDao dao = h.attach(MinutesDao.class);
            Map<Long, AgendaItem> agenda = h.attach(MeetingDao.class).agenda(meetingId).stream()
                    .collect(Collectors.toMap(AgendaItem::id, a -> a));
            Set<Long> hidden = hidden(h, actor, meetingId);
            List<FieldError> refused = new java.util.ArrayList<>();
            Map<Long, Text> resolved = new LinkedHashMap<>();
            texts.forEach((point, text) -> {
                String prefix = field.apply(point);
                if (!agenda.containsKey(point)) {
                    refused.add(new FieldError(prefix + "notes", "error.unknownAgendaPoint"));
                    return;
                }
                if (hidden.contains(point)) {
                    refused.add(new FieldError(prefix + "notes", "error.minutesKeptElsewhere"));
                    return;
                }
                Optional<Minutes> before = dao.find(point);
                Visibility visibility = text.visibility() != null ? text.visibility()
                        : before.map(Minutes::visibility).orElse(Visibility.NETWORK);
                Long organisation = text.organisationId() != null ? text.organisationId()
                        : before.map(Minutes::organisationId).filter(actor::isMemberOf)
                        .orElse(actor.organisationIds().size() == 1 ? actor.organisationIds().iterator().next() : null);
                if (visibility == Visibility.ORGANISATION && organisation == null) {
                    refused.add(actor.organisationIds().isEmpty()
                            ? new FieldError(prefix + "visibility", "error.minutesWithoutOrganisation")
                            : new FieldError(prefix + "organisationId", "error.chooseOrganisation"));
                    return;
                }
                resolved.put(point, new Text(text.notes(), text.decision(), visibility, organisation));
            });
            if (!refused.isEmpty()) {
                throw new InvalidInputException(refused);
            }
            resolved.forEach((point, text) -> store(h, dao, actor, meeting, agenda.get(point), dao.find(point), text));
            // Minutes written (or removed) decide whether the minutes-missing reminder is still wanted.
            reminders.meetingChanged(h, meeting.id(), MeetingChange.UPDATED);
        });
    }

    private void store(Handle h, MinutesDao dao, CurrentUser actor, MeetingRow meeting, AgendaItem point, Optional<Minutes> before,
                       Text text) {
        String what = "point #" + point.id() + " \"" + point.title() + "\" of meeting #" + meeting.id();
        if (text.notes() == null && text.decision() == null) {
            if (before.isPresent()) {
                dao.delete(point.id());
                audit.record(h, actor, AuditAction.DELETE, ENTITY, point.id(), "Removed the minutes of " + what);
            }
            return;
        }
        // The summary names the point and the boundary, never the text: the log is read by admins, who may not read the minutes.
        String how = " (" + text.visibility() + (text.organisationId() == null ? "" : ", organisation #" + text.organisationId())
                + (text.decision() == null ? "" : ", with a decision") + ")";
        if (before.isEmpty()) {
            dao.insert(point.id(), meeting.id(), text.notes(), text.decision(), text.visibility(), text.organisationId(), actor.id(),
                    clock.instant());
            audit.record(h, actor, AuditAction.CREATE, ENTITY, point.id(), "Wrote the minutes of " + what + how);
        } else if (!text.sameAs(before.get())) {
            dao.update(point.id(), text.notes(), text.decision(), text.visibility(), text.organisationId(), actor.id(), clock.instant());
            audit.record(h, actor, AuditAction.UPDATE, ENTITY, point.id(), "Changed the minutes of " + what + how);
        }
    }

    private record Text(String notes, String decision, Visibility visibility, Long organisationId) {
        boolean sameAs(Minutes stored) {
            return Objects.equals(notes, stored.notes()) && Objects.equals(decision, stored.decision())
                    && visibility == stored.visibility() && Objects.equals(organisationId, stored.organisationId());
        }
    }

    private static List<Minutes> visible(Handle h, CurrentUser viewer, long meetingId) {
        return h.attach(MinutesDao.class).visible(meetingId, viewer.isAdmin(), viewer.id(), viewer.organisationIds());
    }

    private static Set<Long> hidden(Handle h, CurrentUser viewer, long meetingId) {
        Set<Long> all = new HashSet<>(h.attach(MinutesDao.class).pointsWithMinutes(meetingId));
        visible(h, viewer, meetingId).forEach(m -> all.remove(m.agendaItemId()));
        return all;
    }
}
