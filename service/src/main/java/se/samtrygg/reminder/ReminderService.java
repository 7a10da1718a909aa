package se.samtrygg.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    // Planning: inside the caller's transaction

    /**
     * A meeting was scheduled, moved, cancelled or changed: its reminders are planned anew and, for a scheduling, a move
     * or a cancellation, its invited get the notice with the calendar attachment. The caller raises the meeting's
     * ics_sequence before telling of a move or a cancellation.
     */
    public void meetingChanged(Handle h, long meetingId, MeetingChange change) {
        planner.replan(h, ReminderPlanner.MEETING, meetingId);
        switch (change) {
            case SCHEDULED -> meetingNotice(h, List.of(meetingId), ReminderKind.MEETING_INVITATION, "meeting:" + meetingId);
            case MOVED -> meetingNotice(h, List.of(meetingId), ReminderKind.MEETING_MOVED, "meeting:" + meetingId);
            case CANCELLED -> meetingNotice(h, List.of(meetingId), ReminderKind.MEETING_CANCELLED, "meeting:" + meetingId);
            case UPDATED -> { }
        }
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
        ReminderSourceDao.MeetingSource first = meetings.get(0);
        if (kind != ReminderKind.MEETING_CANCELLED) {
            meetings.removeIf(ReminderSourceDao.MeetingSource::cancelled);
            if (meetings.isEmpty()) {
                return;
            }
        }
        int sequence = meetings.stream().mapToInt(ReminderSourceDao.MeetingSource::icsSequence).max().orElse(0);
        Instant now = clock.instant();
        for (long userId : source.invited(first.id())) {
            ReminderSourceDao.Recipient to = source.recipient(userId).orElse(null);
            if (to == null || !to.active() || settings.optOuts(h, userId).contains(kind)) {
                continue;
            }
            Language language = ReminderTexts.language(to.language());
            ReminderSourceDao.MeetingSource m = meetings.get(0);
            List<String> lines = new ArrayList<>();
            lines.add(texts.line(language, kind, m.title(), m.networkGroupName(), texts.when(language, m.startsAt())));
            if (meetings.size() > 1) {
                lines.add(texts.text(language, "reminderNotice.meeting.series", meetings.size(),
                        texts.when(language, meetings.get(meetings.size() - 1).startsAt())));
            }
            String where = ReminderTexts.where(m);
            if (!where.isEmpty()) {
                lines.add(texts.text(language, "reminderNotice.meeting.where", where));
            }
            notifications.send(h, new Notice(about + ":" + kind + ":u" + userId + ":seq" + sequence, userId, kind.name(),
                    texts.subject(language, kind, m.title()), lines, "/meetings/" + m.id(),
                    texts.calendar(kind == ReminderKind.MEETING_CANCELLED, meetings, to, now)));
        }
    }

    // Dispatching

    /**
     * Sends every planned reminder that is due, each in a transaction of its own: claimed atomically (a row another node
     * claimed first is left to it), checked against its source as it is now, worded and handed to the notification
     * service. A reminder that fails is logged by id and left for the next run; the others go on.
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
                    // The id only: a message could quote the reminder's content.
                    LOG.warn("Reminder {} could not be dispatched ({}); it is tried again on the next run", id, e.getClass().getSimpleName());
                }
                after = id;
            }
            if (ids.size() < BATCH) {
                return sent;
            }
        }
    }

    private boolean dispatch(Handle h, long id, Instant now) {
        ReminderDao dao = h.attach(ReminderDao.class);
        if (dao.claim(id, "DISPATCHED", now) == 0) {
            return false; // another node had it, or it was replanned away
        }
        ReminderDao.Row row = dao.find(id).orElseThrow();
        ReminderKind kind = ReminderKind.valueOf(row.kind());
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
