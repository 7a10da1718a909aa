package se.samtrygg.reminder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samtrygg.common.AccessDeniedException;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.notification.MailConfiguration;
import se.samtrygg.notification.Notice;
import se.samtrygg.notification.NotificationService;

/**
 * The reminder plan: planning (called by the source features inside their own transactions, with their handle),
 * meeting notices (written at once, in the meeting's transaction), dispatching due reminders, and reading the plan.
 */
public final class ReminderService {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderService.class);
    static final int BATCH = 200;
    static final int MAX_LIMIT = 500;
    /**
     * Failed dispatches of one reminder before it is given up (SKIPPED, its id logged): at a run every 20 s, about a
     * minute and a half of a failure that repeats itself. A database that is down fails the count as well, so an
     * outage does not use up a reminder's tries.
     */
    static final int MAX_ATTEMPTS = 5;

    private final Jdbi jdbi;
    private final ReminderSettingsService settings;
    private final NotificationService notifications;
    private final ReminderPlanner planner;
    private final ReminderTexts texts;
    private final Clock clock;

    public ReminderService(Jdbi jdbi, ReminderSettingsService settings, NotificationService notifications, Messages messages,
                           ReminderConfiguration config, MailConfiguration mail, Clock clock) {
        this.jdbi = jdbi;
        this.settings = settings;
        this.notifications = notifications;
        this.planner = new ReminderPlanner(settings, config.getSendAt(), clock);
        this.texts = new ReminderTexts(messages, mail.getFrom());
        this.clock = clock;
    }

    // A network group's rules

    /**
     * Replaces a network group's reminder rules (its coordinators and admins; 403 before the input is looked at) and
     * replans the group's meetings and action items in the same transaction, so what is planned follows the new rules.
     * The API and the page both call this.
     */
    public GroupReminderSettings updateGroupSettings(CurrentUser actor, long groupId, ReminderSettingsInput input) {
        jdbi.useHandle(h -> ReminderSettingsService.requireManager(h, actor, groupId));
        Map<ReminderKind, ReminderSettings.Rule> rules = ReminderSettingsService.validate(input);
        return jdbi.inTransaction(h -> {
            GroupReminderSettings saved = settings.writeGroupSettings(h, actor, groupId, rules);
            replanGroup(h, groupId);
            return saved;
        });
    }

    // Planning: inside the caller's transaction

    /**
     * A network group's rules or coordinators changed: its meetings that may still want a reminder (those not long past,
     * and any with planned rows) and its open action items are planned anew, inside the caller's transaction.
     */
    public void replanGroup(Handle h, long groupId) {
        ReminderSourceDao source = h.attach(ReminderSourceDao.class);
        Instant now = clock.instant();
        // The longest offset after the event a group may choose (MINUTES_MISSING 30 days, the overdue escalation 60), and a day to spare.
        Instant meetingsFrom = now.minus(java.time.Duration.ofDays(31));
        java.time.LocalDate itemsFrom = now.atZone(ReminderPlanner.ZONE).toLocalDate().minusDays(61);
        source.meetingsToReplan(groupId, meetingsFrom).forEach(id -> planner.replan(h, ReminderPlanner.MEETING, id));
        source.actionItemsToReplan(groupId, itemsFrom).forEach(id -> planner.replan(h, ReminderPlanner.ACTION_ITEM, id));
    }

    /**
     * A meeting was scheduled, moved, cancelled or changed: its reminders are planned anew and, for a scheduling, a move
     * or a cancellation, its invited get the notice with the calendar attachment. The caller raises the meeting's
     * ics_sequence before telling of a move or a cancellation.
     */
    public void meetingChanged(Handle h, long meetingId, MeetingChange change) {
        meetingChanged(h, meetingId, change, null);
    }

    /**
     * As {@link #meetingChanged(Handle, long, MeetingChange)}, for a change that may also have changed who is invited
     * ({@code invitedBefore}, from {@link #invited} before the change; null when the invitations were not touched).
     * Someone newly invited gets the invitation (not a move notice: they never had the meeting in their calendar);
     * someone no longer invited gets a withdrawal with METHOD:CANCEL, so the meeting leaves their calendar. The caller
     * raises the meeting's ics_sequence when anyone was uninvited, so that the CANCEL supersedes the invitation they had
     * and a later re-invitation has a key of its own.
     */
    public void meetingChanged(Handle h, long meetingId, MeetingChange change, java.util.Set<Long> invitedBefore) {
        planner.replan(h, ReminderPlanner.MEETING, meetingId);
        ReminderSourceDao source = h.attach(ReminderSourceDao.class);
        ReminderSourceDao.MeetingSource meeting = source.meeting(meetingId).orElse(null);
        if (meeting == null) {
            return;
        }
        List<Long> now = source.invited(meetingId);
        java.util.Set<Long> before = invitedBefore == null ? new java.util.LinkedHashSet<>(now) : invitedBefore;
        List<Long> stayed = now.stream().filter(before::contains).toList();
        List<Long> added = now.stream().filter(u -> !before.contains(u)).toList();
        List<Long> removed = before.stream().filter(u -> !now.contains(u)).sorted().toList();
        String about = "meeting:" + meetingId;
        List<ReminderSourceDao.MeetingSource> meetings = List.of(meeting);
        switch (change) {
            case SCHEDULED -> notice(h, meetings, now, ReminderKind.MEETING_INVITATION, about, false);
            case MOVED -> {
                notice(h, meetings, stayed, ReminderKind.MEETING_MOVED, about, false);
                notice(h, meetings, added, ReminderKind.MEETING_INVITATION, about, false);
            }
            case CANCELLED -> notice(h, meetings, now, ReminderKind.MEETING_CANCELLED, about, false);
            case UPDATED -> notice(h, meetings, added, ReminderKind.MEETING_INVITATION, about, false);
        }
        if (change != MeetingChange.CANCELLED && change != MeetingChange.SCHEDULED) {
            notice(h, meetings, removed, ReminderKind.MEETING_CANCELLED, about, true);
        }
    }

    /** Who is invited to a meeting now (users and active members of invited organisations): for {@link #meetingChanged}. */
    public java.util.Set<Long> invited(Handle h, long meetingId) {
        return new java.util.LinkedHashSet<>(h.attach(ReminderSourceDao.class).invited(meetingId));
    }

    /**
     * Several meetings of a series were scheduled or moved together: each is planned, and each invited person gets ONE
     * notice whose calendar holds every one of them (not one message per occurrence).
     */
    public void seriesChanged(Handle h, long seriesId, List<Long> meetingIds, MeetingChange change) {
        meetingIds.forEach(id -> planner.replan(h, ReminderPlanner.MEETING, id));
        if (meetingIds.isEmpty()) {
            return;
        }
        String about = "series:" + seriesId + ":m" + meetingIds.get(0);
        switch (change) {
            case SCHEDULED -> meetingNotice(h, meetingIds, ReminderKind.MEETING_INVITATION, about);
            case MOVED -> meetingNotice(h, meetingIds, ReminderKind.MEETING_MOVED, about);
            case CANCELLED -> meetingNotice(h, meetingIds, ReminderKind.MEETING_CANCELLED, about);
            case UPDATED -> { }
        }
    }

    /** A meeting about to be deleted, as its invited knew it: taken by {@link #beforeRemoval}, told by {@link #meetingsRemoved}. */
    public record RemovedMeeting(ReminderSourceDao.MeetingSource meeting, List<Long> invited) {
    }

    /** Call before deleting a meeting (and its invitations), so that {@link #meetingsRemoved} can still tell its invited. */
    public java.util.Optional<RemovedMeeting> beforeRemoval(Handle h, long meetingId) {
        ReminderSourceDao source = h.attach(ReminderSourceDao.class);
        return source.meeting(meetingId).filter(m -> !m.cancelled()).map(m -> new RemovedMeeting(m, source.invited(meetingId)));
    }

    /**
     * Meetings of a series that a change removed (already deleted, their plan cleared by {@link #meetingRemoved}): each person who was
     * invited to any of them gets ONE cancellation whose calendar cancels every one of theirs, as a series is announced
     * in one notice, not one per occurrence. Each VEVENT carries the removed meeting's sequence raised by one.
     */
    public void meetingsRemoved(Handle h, long seriesId, List<RemovedMeeting> removed) {
        if (removed.isEmpty()) {
            return;
        }
        Map<Long, List<ReminderSourceDao.MeetingSource>> byPerson = new java.util.TreeMap<>();
        for (RemovedMeeting r : removed) {
            ReminderSourceDao.MeetingSource m = r.meeting();
            ReminderSourceDao.MeetingSource cancelled = new ReminderSourceDao.MeetingSource(m.id(), m.networkGroupId(),
                    m.networkGroupName(), m.title(), m.startsAt(), m.endsAt(), "CANCELLED", m.icsSequence() + 1, m.seriesId(),
                    m.placeName(), m.address(), m.videoLink(), m.hasAgenda(), m.hasMinutes());
            r.invited().forEach(u -> byPerson.computeIfAbsent(u, x -> new ArrayList<>()).add(cancelled));
        }
        byPerson.forEach((userId, meetings) -> {
            List<ReminderSourceDao.MeetingSource> sorted = meetings.stream()
                    .sorted(java.util.Comparator.comparing(ReminderSourceDao.MeetingSource::startsAt)).toList();
            notice(h, sorted, List.of(userId), ReminderKind.MEETING_CANCELLED, "series:" + seriesId + ":removed:m" + sorted.get(0).id(),
                    false, true);
        });
    }

    /** A meeting is gone (a series change removed a planned date that had no records): its planned reminders go too. */
    public void meetingRemoved(Handle h, long meetingId) {
        planner.replan(h, ReminderPlanner.MEETING, meetingId);
    }

    public void actionItemChanged(Handle h, long actionItemId) {
        planner.replan(h, ReminderPlanner.ACTION_ITEM, actionItemId);
    }

    /** Any change to a rollout's steps, properties, owners or due dates: every step of it is planned anew. */
    public void rolloutChanged(Handle h, long rolloutId) {
        planner.replanRollout(h, rolloutId, null);
    }

    /** One step of a rollout changed (its property steps done, reassigned, due dates moved). */
    public void rolloutStepChanged(Handle h, long rolloutStepId) {
        h.attach(ReminderSourceDao.class).rolloutOfStep(rolloutStepId).ifPresent(rolloutId -> planner.replanRollout(h, rolloutId,
                rolloutStepId));
    }

    private void meetingNotice(Handle h, List<Long> meetingIds, ReminderKind kind, String about) {
        ReminderSourceDao source = h.attach(ReminderSourceDao.class);
        List<ReminderSourceDao.MeetingSource> meetings = new ArrayList<>();
        meetingIds.forEach(id -> source.meeting(id).ifPresent(meetings::add));
        if (meetings.isEmpty()) {
            return;
        }
        List<Long> invited = source.invited(meetings.get(0).id());
        notice(h, meetings, invited, kind, about, false);
    }

    /**
     * One notice to each recipient about one or more meetings, with the calendar attachment.
     *
     * @param uninvited the recipient was taken off the invitation list (the meeting itself goes on): worded so
     */
    private void notice(Handle h, List<ReminderSourceDao.MeetingSource> all, List<Long> recipients, ReminderKind kind, String about,
                        boolean uninvited) {
        notice(h, all, recipients, kind, about, uninvited, false);
    }

    /** @param gone the meetings were deleted: the link goes to their group, as theirs would be "not found" */
    private void notice(Handle h, List<ReminderSourceDao.MeetingSource> all, List<Long> recipients, ReminderKind kind, String about,
                        boolean uninvited, boolean gone) {
        if (recipients.isEmpty() || all.isEmpty()) {
            return;
        }
        ReminderSourceDao source = h.attach(ReminderSourceDao.class);
        List<ReminderSourceDao.MeetingSource> meetings = new ArrayList<>(all);
        if (kind != ReminderKind.MEETING_CANCELLED) {
            meetings.removeIf(ReminderSourceDao.MeetingSource::cancelled);
            if (meetings.isEmpty()) {
                return;
            }
        }
        int sequence = meetings.stream().mapToInt(ReminderSourceDao.MeetingSource::icsSequence).max().orElse(0);
        Instant now = clock.instant();
        for (long userId : recipients) {
            ReminderSourceDao.Recipient to = source.recipient(userId).orElse(null);
            if (to == null || !to.active() || settings.optOuts(h, userId).contains(kind)) {
                continue;
            }
            Language language = ReminderTexts.language(to.language());
            ReminderSourceDao.MeetingSource m = meetings.get(0);
            List<String> lines = new ArrayList<>();
            String subject;
            if (uninvited) {
                subject = texts.text(language, "reminderNotice.uninvited.subject", m.title());
                lines.add(texts.text(language, "reminderNotice.uninvited.line", m.title(), m.networkGroupName(),
                        texts.when(language, m.startsAt())));
            } else {
                subject = texts.subject(language, kind, m.title());
                lines.add(texts.line(language, kind, m.title(), m.networkGroupName(), texts.when(language, m.startsAt())));
            }
            if (meetings.size() > 1 && kind == ReminderKind.MEETING_CANCELLED) {
                lines.add(texts.text(language, "reminderNotice.meeting.alsoCancelled", String.join("; ",
                        meetings.subList(1, meetings.size()).stream().map(o -> texts.when(language, o.startsAt())).toList())));
            } else if (meetings.size() > 1) {
                lines.add(texts.text(language, "reminderNotice.meeting.series", meetings.size(),
                        texts.when(language, meetings.get(meetings.size() - 1).startsAt())));
            }
            String where = ReminderTexts.where(m);
            if (!where.isEmpty()) {
                lines.add(texts.text(language, "reminderNotice.meeting.where", where));
            }
            notifications.send(h, new Notice(about + ":" + kind + ":u" + userId + ":seq" + sequence, userId, kind.name(),
                    subject, lines, gone ? "/network-groups/" + m.networkGroupId() : "/meetings/" + m.id(), texts.calendar(kind == ReminderKind.MEETING_CANCELLED, meetings, to, now)));
        }
    }

    // Dispatching

    /**
     * Sends every planned reminder that is due, each in a transaction of its own: claimed atomically (a row another node
     * claimed first is left to it), checked against its source as it is now, worded and handed to the notification
     * service. A reminder that fails is logged by id and left for the next run, up to {@link #MAX_ATTEMPTS} tries (then
     * SKIPPED); the others go on.
     *
     * @return how many were sent (inbox written)
     */
    public int dispatchDue() {
        Instant now = clock.instant();
        int sent = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = jdbi.withHandle(h -> h.attach(ReminderDao.class).dueIds(now, from, BATCH));
            for (long id : ids) {
                try {
                    if (jdbi.inTransaction(h -> dispatch(h, id, now))) {
                        sent++;
                    }
                } catch (RuntimeException e) {
                    failed(id, e);
                }
                after = id;
            }
            if (ids.size() < BATCH) {
                return sent;
            }
        }
    }

    /**
     * Counts the failure; after {@link #MAX_ATTEMPTS} the reminder is SKIPPED rather than tried every run for ever. The
     * id only is logged: a message could quote the reminder's content.
     */
    private void failed(long id, RuntimeException e) {
        try {
            String state = jdbi.inTransaction(h -> {
                ReminderDao dao = h.attach(ReminderDao.class);
                return dao.countFailure(id, MAX_ATTEMPTS) == 0 ? null : dao.stateOf(id).orElse(null);
            });
            if ("SKIPPED".equals(state)) {
                LOG.error("Reminder {} could not be dispatched ({}) {} times; it is given up (SKIPPED)", id, e.getClass().getSimpleName(),
                        MAX_ATTEMPTS);
            } else {
                LOG.warn("Reminder {} could not be dispatched ({}); it is tried again on the next run", id, e.getClass().getSimpleName());
            }
        } catch (RuntimeException countFailed) {
            // The database itself is failing: nothing counted, the next run tries again.
            LOG.warn("Reminder {} could not be dispatched ({}) nor its failure counted ({})", id, e.getClass().getSimpleName(),
                    countFailed.getClass().getSimpleName());
        }
    }

    /**
     * Kinds that announce something ahead of it. One that falls due while the service is down is still sent when it
     * starts within {@link #STALE_AFTER}; later than that its moment has passed (the meeting was held, the due date
     * came), and the overdue and minutes reminders say what is still true.
     */
    static final Set<ReminderKind> ANNOUNCE_AHEAD = EnumSet.of(ReminderKind.AGENDA_MISSING, ReminderKind.MEETING_TOMORROW,
            ReminderKind.ACTION_ITEM_DUE_SOON, ReminderKind.ACTION_ITEM_DUE_TODAY, ReminderKind.STEP_DUE_SOON, ReminderKind.STEP_DUE_TODAY);
    static final Duration STALE_AFTER = Duration.ofHours(20);

    private boolean dispatch(Handle h, long id, Instant now) {
        ReminderDao dao = h.attach(ReminderDao.class);
        if (dao.claim(id, "DISPATCHED", now) == 0) {
            return false; // another node had it, or it was replanned away
        }
        ReminderDao.Row row = dao.find(id).orElseThrow();
        ReminderKind kind = ReminderKind.valueOf(row.kind());
        if (ANNOUNCE_AHEAD.contains(kind) && now.isAfter(row.dueAt().plus(STALE_AFTER))) {
            dao.markSkipped(id); // the service was down past its moment: "meeting tomorrow" after the meeting helps no one
            return false;
        }
        ReminderPlanner.Wanted wanted = planner.wanted(h, row.sourceType(), row.sourceId()).stream()
                .filter(w -> w.key().equals(row.reminderKey()) && w.dueAt().equals(row.dueAt())).findFirst().orElse(null);
        ReminderSourceDao source = h.attach(ReminderSourceDao.class);
        ReminderSourceDao.Recipient to = source.recipient(row.recipientUserId()).orElse(null);
        if (wanted == null || to == null || !to.active() || settings.optOuts(h, to.id()).contains(kind)
                || !stillVisible(source, row, to)) {
            dao.markSkipped(id);
            return false;
        }
        Notice notice = word(h, row, kind, wanted, to);
        if (notice == null) {
            dao.markSkipped(id);
            return false;
        }
        return notifications.send(h, notice);
    }

    /** Meetings: the recipient must still see the meeting; action items were checked by the planner's own derivation. */
    private static boolean stillVisible(ReminderSourceDao source, ReminderDao.Row row, ReminderSourceDao.Recipient to) {
        if (!ReminderPlanner.MEETING.equals(row.sourceType())) {
            return true;
        }
        return source.meetingVisible(row.sourceId(), to.admin(), to.id(), source.organisationsOf(to.id())) > 0;
    }

    private Notice word(Handle h, ReminderDao.Row row, ReminderKind kind, ReminderPlanner.Wanted wanted, ReminderSourceDao.Recipient to) {
        ReminderSourceDao source = h.attach(ReminderSourceDao.class);
        Language language = ReminderTexts.language(to.language());
        List<String> lines = new ArrayList<>();
        String subject;
        String link;
        switch (row.sourceType()) {
            case ReminderPlanner.MEETING -> {
                ReminderSourceDao.MeetingSource m = source.meeting(row.sourceId()).orElse(null);
                if (m == null) {
                    return null;
                }
                subject = texts.subject(language, kind, m.title());
                lines.add(texts.line(language, kind, m.title(), m.networkGroupName(), texts.when(language, m.startsAt())));
                String where = ReminderTexts.where(m);
                if (!where.isEmpty()) {
                    lines.add(texts.text(language, "reminderNotice.meeting.where", where));
                }
                link = "/meetings/" + m.id();
            }
            case ReminderPlanner.ACTION_ITEM -> {
                ReminderSourceDao.ActionItemSource item = source.actionItem(row.sourceId()).orElse(null);
                if (item == null) {
                    return null;
                }
                subject = texts.subject(language, kind, item.title());
                lines.add(texts.line(language, kind, item.title(), texts.day(language, item.dueDate())));
                link = "/action-items/" + item.id();
            }
            case ReminderPlanner.ROLLOUT_STEP -> {
                long rolloutId = source.rolloutOfStep(row.sourceId()).orElse(-1L);
                ReminderSourceDao.RolloutSource rollout = source.rollout(rolloutId).orElse(null);
                List<ReminderSourceDao.PropertyStepSource> steps = source.openPropertySteps(rolloutId, row.sourceId());
                if (rollout == null || steps.isEmpty()) {
                    return null;
                }
                String stepName = steps.get(0).stepName();
                java.time.LocalDate dueDate = java.time.LocalDate.parse(row.reminderKey().substring(row.reminderKey().lastIndexOf(':') + 1));
                subject = texts.subject(language, kind, stepName, rollout.name());
                lines.add(texts.line(language, kind, stepName, rollout.name(), texts.day(language, dueDate), wanted.items().size()));
                wanted.items().forEach(address -> lines.add("– " + address));
                link = "/rollouts/" + rollout.id();
            }
            default -> {
                return null;
            }
        }
        return new Notice(row.reminderKey(), to.id(), kind.name(), subject, lines, link, null);
    }

    // Reading the plan

    /** For the admin page: the next planned reminders, earliest first. Admins only (403 otherwise). */
    public List<PlannedReminder> nextDue(CurrentUser admin, int limit) {
        if (admin == null || !admin.isAdmin()) {
            throw new AccessDeniedException("the reminder plan is for admins");
        }
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        return jdbi.withHandle(h -> h.attach(ReminderDao.class).nextDue(size));
    }
}
