package se.samtrygg.reminder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Derives the reminders a source wants from the source as it is now and its group's rules, and brings the plan in
 * line with them. The same derivation serves the dispatcher: a reminder is still relevant when its source still
 * wants it (agenda still missing, item still open, recipient still the owner and still allowed to see it).
 */
final class ReminderPlanner {
    static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    static final String MEETING = "MEETING";
    static final String ACTION_ITEM = "ACTION_ITEM";
    static final String ROLLOUT_STEP = "ROLLOUT_STEP";

    /** One reminder occurrence a source wants; {@code items} lists what a grouped step reminder covers (addresses). */
    record Wanted(String key, ReminderKind kind, String sourceType, long sourceId, long recipientUserId, Instant dueAt,
                  List<String> items) {
    }

    private final ReminderSettingsService settings;
    private final LocalTime sendAt;
    private final Clock clock;

    ReminderPlanner(ReminderSettingsService settings, LocalTime sendAt, Clock clock) {
        this.settings = settings;
        this.sendAt = sendAt;
        this.clock = clock;
    }

    /** The instant of {@code sendAt} on a day in Stockholm: 07:00 local on either side of a daylight-saving change. */
    Instant dueOn(LocalDate day) {
        return day.atTime(sendAt).atZone(ZONE).toInstant();
    }

    List<Wanted> wanted(Handle h, String sourceType, long sourceId) {
        return switch (sourceType) {
            case MEETING -> forMeeting(h, sourceId);
            case ACTION_ITEM -> forActionItem(h, sourceId);
            case ROLLOUT_STEP -> forRolloutStep(h, sourceId);
            default -> List.of();
        };
    }

    /**
     * Brings the source's PLANNED rows in line with what it wants: removes those it no longer wants (or wants at
     * another time) and adds the missing ones that are still ahead. One already due but still wanted stays, so a
     * reminder due while the service was down is still sent.
     */
    void replan(Handle h, String sourceType, long sourceId) {
        replan(h, wanted(h, sourceType, sourceId), h.attach(ReminderDao.class).plannedOf(sourceType, sourceId));
    }

    /** A whole rollout (or one step of it) in a handful of statements, however many properties it has. */
    void replanRollout(Handle h, long rolloutId, Long stepId) {
        replan(h, forRollout(h, rolloutId, stepId), h.attach(ReminderDao.class).plannedOfRollout(rolloutId, stepId));
    }

    private void replan(Handle h, List<Wanted> wanted, List<ReminderDao.Row> planned) {
        ReminderDao dao = h.attach(ReminderDao.class);
        Map<String, Instant> wantedAt = wanted.stream().collect(Collectors.toMap(Wanted::key, Wanted::dueAt, (a, b) -> a));
        List<Long> unwanted = planned.stream().filter(row -> !row.dueAt().equals(wantedAt.get(row.reminderKey())))
                .map(ReminderDao.Row::id).toList();
        if (!unwanted.isEmpty()) {
            dao.deletePlanned(unwanted);
        }
        Instant now = clock.instant();
        List<Wanted> ahead = wanted.stream().filter(w -> w.dueAt().isAfter(now)).toList();
        if (!ahead.isEmpty()) {
            dao.insertIfAbsent(ahead.stream().map(Wanted::key).toList(), ahead.stream().map(w -> w.kind().name()).toList(),
                    ahead.stream().map(Wanted::sourceType).toList(), ahead.stream().map(Wanted::sourceId).toList(),
                    ahead.stream().map(Wanted::recipientUserId).toList(), ahead.stream().map(Wanted::dueAt).toList(), now);
        }
    }

    private List<Wanted> forMeeting(Handle h, long meetingId) {
        ReminderSourceDao source = h.attach(ReminderSourceDao.class);
        ReminderSourceDao.MeetingSource meeting = source.meeting(meetingId).orElse(null);
        if (meeting == null || meeting.cancelled()) {
            return List.of();
        }
        ReminderSettings rules = settings.forGroup(h, meeting.networkGroupId());
        LocalDate day = meeting.startsAt().atZone(ZONE).toLocalDate();
        List<Wanted> wanted = new ArrayList<>();
        List<Long> coordinators = source.coordinators(meeting.networkGroupId());
        if (!meeting.hasAgenda()) {
            addMeeting(wanted, rules, ReminderKind.AGENDA_MISSING, meetingId, coordinators, day, -1);
        }
        addMeeting(wanted, rules, ReminderKind.MEETING_TOMORROW, meetingId, source.invited(meetingId), day, -1);
        if (!meeting.hasMinutes()) {
            addMeeting(wanted, rules, ReminderKind.MINUTES_MISSING, meetingId, coordinators, day, 1);
        }
        return wanted;
    }

    private void addMeeting(List<Wanted> wanted, ReminderSettings rules, ReminderKind kind, long meetingId, List<Long> recipients,
                            LocalDate day, int direction) {
        ReminderSettings.Rule rule = rules.rule(kind);
        if (!rule.enabled()) {
            return;
        }
        Instant due = dueOn(day.plusDays((long) direction * days(rule, kind)));
        for (long user : recipients) {
            wanted.add(new Wanted("meeting:" + meetingId + ":" + kind + ":u" + user + ":" + due, kind, MEETING, meetingId, user, due,
                    List.of()));
        }
    }

    private List<Wanted> forActionItem(Handle h, long itemId) {
        ReminderSourceDao source = h.attach(ReminderSourceDao.class);
        ReminderSourceDao.ActionItemSource item = source.actionItem(itemId).orElse(null);
        if (item == null || !item.open() || item.dueDate() == null) {
            return List.of();
        }
        ReminderSettings rules = settings.forGroup(h, item.networkGroupId());
        List<Long> owners = item.responsibleUserId() != null ? List.of(item.responsibleUserId())
                : source.activeMembers(item.responsibleOrganisationId());
        List<Long> coordinators = item.networkGroupId() == null ? List.of() : source.coordinators(item.networkGroupId());
        // Never plan for someone who may not see the item: an ORGANISATION item stays inside its organisation.
        owners = owners.stream().filter(u -> mayseeActionItem(source, itemId, u)).toList();
        coordinators = coordinators.stream().filter(u -> mayseeActionItem(source, itemId, u)).toList();
        List<Wanted> wanted = new ArrayList<>();
        String prefix = "action-item:" + itemId + ":";
        addDated(wanted, rules, ReminderKind.ACTION_ITEM_DUE_SOON, prefix, ACTION_ITEM, itemId, owners, item.dueDate(), -1, List.of());
        addDated(wanted, rules, ReminderKind.ACTION_ITEM_DUE_TODAY, prefix, ACTION_ITEM, itemId, owners, item.dueDate(), 0, List.of());
        addDated(wanted, rules, ReminderKind.ACTION_ITEM_OVERDUE, prefix, ACTION_ITEM, itemId, owners, item.dueDate(), 1, List.of());
        addDated(wanted, rules, ReminderKind.ACTION_ITEM_OVERDUE_COORDINATOR, prefix, ACTION_ITEM, itemId, coordinators,
                item.dueDate(), 1, List.of());
        return wanted;
    }

    private static boolean mayseeActionItem(ReminderSourceDao source, long itemId, long userId) {
        ReminderSourceDao.Recipient recipient = source.recipient(userId).orElse(null);
        return recipient != null && recipient.active()
                && source.actionItemVisible(itemId, recipient.admin(), userId, source.organisationsOf(userId)) > 0;
    }

    /**
     * A rollout step's reminders, one per owner and due date: a person with forty buildings due the same day gets one
     * message that lists them. Rollouts have no network group: the default rules apply.
     */
    private List<Wanted> forRolloutStep(Handle h, long stepId) {
        Long rolloutId = h.attach(ReminderSourceDao.class).rolloutOfStep(stepId).orElse(null);
        return rolloutId == null ? List.of() : forRollout(h, rolloutId, stepId);
    }

    /** The reminders of a rollout's steps (of one step when stepId is given), read in a fixed number of statements. */
    private List<Wanted> forRollout(Handle h, long rolloutId, Long stepId) {
        ReminderSourceDao source = h.attach(ReminderSourceDao.class);
        ReminderSourceDao.RolloutSource rollout = source.rollout(rolloutId).orElse(null);
        if (rollout == null) {
            return List.of();
        }
        List<ReminderSourceDao.PropertyStepSource> open = source.openPropertySteps(rolloutId, stepId);
        if (open.isEmpty()) {
            return List.of();
        }
        ReminderSettings rules = settings.forGroup(h, null);
        Set<Long> organisations = open.stream().filter(s -> s.personId() == null).map(ReminderSourceDao.PropertyStepSource::organisationId)
                .collect(Collectors.toSet());
        Map<Long, List<Long>> membersOf = organisations.isEmpty() ? Map.of() : source.activeMembersOf(organisations).stream()
                .collect(Collectors.groupingBy(ReminderSourceDao.Member::organisationId,
                        Collectors.mapping(ReminderSourceDao.Member::userId, Collectors.toList())));
        // step → day → owner → addresses, and step → day → addresses (for the coordinator)
        Map<Long, Map<LocalDate, Map<Long, List<String>>>> byOwner = new java.util.TreeMap<>();
        Map<Long, Map<LocalDate, List<String>>> byDay = new java.util.TreeMap<>();
        for (ReminderSourceDao.PropertyStepSource step : open) {
            List<Long> owners = step.personId() != null ? List.of(step.personId())
                    : membersOf.getOrDefault(step.organisationId(), List.of());
            for (long owner : owners) {
                byOwner.computeIfAbsent(step.stepId(), s -> new java.util.TreeMap<>())
                        .computeIfAbsent(step.dueDate(), d -> new LinkedHashMap<>())
                        .computeIfAbsent(owner, o -> new ArrayList<>()).add(step.address());
            }
            byDay.computeIfAbsent(step.stepId(), s -> new java.util.TreeMap<>())
                    .computeIfAbsent(step.dueDate(), d -> new ArrayList<>()).add(step.address());
        }
        List<Wanted> wanted = new ArrayList<>();
        byOwner.forEach((id, days) -> days.forEach((day, owners) -> owners.forEach((owner, addresses) -> {
            String prefix = "step:" + id + ":";
            addDated(wanted, rules, ReminderKind.STEP_DUE_SOON, prefix, ROLLOUT_STEP, id, List.of(owner), day, -1, addresses);
            addDated(wanted, rules, ReminderKind.STEP_DUE_TODAY, prefix, ROLLOUT_STEP, id, List.of(owner), day, 0, addresses);
            addDated(wanted, rules, ReminderKind.STEP_OVERDUE, prefix, ROLLOUT_STEP, id, List.of(owner), day, 1, addresses);
        })));
        if (activeUser(source, rollout.coordinatorId())) {
            byDay.forEach((id, days) -> days.forEach((day, addresses) -> addDated(wanted, rules, ReminderKind.STEP_OVERDUE_COORDINATOR,
                    "step:" + id + ":", ROLLOUT_STEP, id, List.of(rollout.coordinatorId()), day, 1, addresses)));
        }
        return wanted;
    }

    private static boolean activeUser(ReminderSourceDao source, long userId) {
        return source.recipient(userId).map(ReminderSourceDao.Recipient::active).orElse(false);
    }

    /** A reminder tied to a due date: {@code direction} -1 before it, 0 on it, 1 after it, by the rule's days. */
    private void addDated(List<Wanted> wanted, ReminderSettings rules, ReminderKind kind, String prefix, String sourceType, long sourceId,
                          List<Long> recipients, LocalDate dueDate, int direction, List<String> items) {
        ReminderSettings.Rule rule = rules.rule(kind);
        if (!rule.enabled()) {
            return;
        }
        Instant due = dueOn(dueDate.plusDays((long) direction * days(rule, kind)));
        Set<Long> once = new LinkedHashSet<>(recipients);
        for (long user : once) {
            wanted.add(new Wanted(prefix + kind + ":u" + user + ":" + dueDate, kind, sourceType, sourceId, user, due, List.copyOf(items)));
        }
    }

    private static int days(ReminderSettings.Rule rule, ReminderKind kind) {
        if (rule.days() != null) {
            return rule.days();
        }
        return kind.defaultDays() == null ? 0 : kind.defaultDays();
    }
}
