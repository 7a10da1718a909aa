package se.samtrygg.reminder;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.EmptyHandling;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.Dates;
import se.samtrygg.meeting.ActionItemDao;
import se.samtrygg.notification.Notice;
import se.samtrygg.notification.NotificationService;

/**
 * The Monday digest: to each active user who did not opt out, one notice of their week (Monday to Sunday,
 * Europe/Stockholm): the meetings they are invited to, their open action items and rollout steps due this week or
 * overdue, as counts and the first few titles. Nobody gets an empty digest. Users are taken in batches by id and each
 * is one transaction, and every digest carries the key {@code digest:u<id>:<week>}: a run cut off halfway, run again
 * or run on two nodes at once sends each user their digest once.
 */
final class WeeklyDigest {
    static final int BATCH = 200;
    static final int TITLES = 5;

    private final Jdbi jdbi;
    private final NotificationService notifications;
    private final Messages messages;
    private final String baseUrl;
    private final Clock clock;

    WeeklyDigest(Jdbi jdbi, NotificationService notifications, Messages messages, String baseUrl, Clock clock) {
        this.jdbi = jdbi;
        this.notifications = notifications;
        this.messages = messages;
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
        this.clock = clock;
    }

    record Recipient(long id, String language) {
    }

    record Meeting(long id, String title, Instant startsAt) {
    }

    record Item(long id, String title, LocalDate dueDate) {
    }

    record Step(long rolloutId, String rolloutName, String stepName, String address, LocalDate dueDate) {
    }

    /** The week of "now" in Stockholm: its Monday, and its key, e.g. 2026-W49 (ISO week-based year). */
    record Week(LocalDate monday, String key) {
        static Week of(Instant now) {
            LocalDate monday = now.atZone(Dates.ZONE).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return new Week(monday, String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                    monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        }

        LocalDate sunday() {
            return monday.plusDays(6);
        }

        int number() {
            return monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        }
    }

    static String key(long userId, Week week) {
        return "digest:u" + userId + ":" + week.key();
    }

    int sendAll() {
        Week week = Week.of(clock.instant());
        int sent = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Recipient> batch = jdbi.withHandle(h -> recipients(h, week, from));
            for (Recipient recipient : batch) {
                if (jdbi.inTransaction(h -> sendTo(h, recipient, week))) {
                    sent++;
                }
            }
            if (batch.size() < BATCH) {
                return sent;
            }
            after = batch.get(batch.size() - 1).id();
        }
    }

    /** Active users after an id who did not opt out and have no digest of this week yet. */
    private static List<Recipient> recipients(Handle h, Week week, long after) {
        return h.createQuery("""
                        SELECT u.id, u.language FROM app_user u
                        WHERE u.active AND u.id > :after
                          AND NOT EXISTS (SELECT 1 FROM notification_opt_out o WHERE o.user_id = u.id AND o.kind = 'WEEKLY_DIGEST')
                          AND NOT EXISTS (SELECT 1 FROM notification n
                                          WHERE n.notification_key = 'digest:u' || CAST(u.id AS VARCHAR(20)) || :suffix)
                        ORDER BY u.id LIMIT :limit""")
                .bind("after", after).bind("suffix", ":" + week.key()).bind("limit", BATCH)
                .map((rs, ctx) -> new Recipient(rs.getLong("id"), rs.getString("language"))).list();
    }

    private boolean sendTo(Handle h, Recipient recipient, Week week) {
        long user = recipient.id();
        // Read again inside the transaction: the user may have opted out since the batch was read.
        boolean optedOut = h.createQuery("SELECT COUNT(*) FROM notification_opt_out WHERE user_id = :u AND kind = 'WEEKLY_DIGEST'")
                .bind("u", user).mapTo(Integer.class).one() > 0;
        if (optedOut) {
            return false;
        }
        // The planner's reads of a person: the same organisations (active ones only) and admin role as reminders use.
        ReminderSourceDao people = h.attach(ReminderSourceDao.class);
        List<Long> organisations = people.organisationsOf(user);
        boolean admin = people.recipient(user).map(ReminderSourceDao.Recipient::admin).orElse(false);
        Instant from = week.monday().atStartOfDay(Dates.ZONE).toInstant();
        Instant to = week.monday().plusDays(7).atStartOfDay(Dates.ZONE).toInstant();

        String meetingsWhere = """
                FROM meeting mt
                WHERE mt.status <> 'CANCELLED' AND mt.starts_at >= :from AND mt.starts_at < :to
                  AND (EXISTS (SELECT 1 FROM meeting_invited_user iu WHERE iu.meeting_id = mt.id AND iu.user_id = :viewer)
                       OR EXISTS (SELECT 1 FROM meeting_invited_organisation io WHERE io.meeting_id = mt.id
                                  AND io.organisation_id IN (<viewerOrganisations>)))
                """;
        int meetingCount = count(h, meetingsWhere, user, organisations, q -> q.bind("from", from).bind("to", to));
        List<Meeting> meetings = meetingCount == 0 ? List.of() : viewer(h.createQuery("SELECT mt.id, mt.title, mt.starts_at "
                        + meetingsWhere + " ORDER BY mt.starts_at, mt.id LIMIT " + TITLES), user, organisations)
                .bind("from", from).bind("to", to)
                .map((rs, ctx) -> new Meeting(rs.getLong("id"), rs.getString("title"), rs.getTimestamp("starts_at").toInstant())).list();

        // The owner's open items due by Sunday; the visibility predicate as well, so that nothing reaches a user who may not see it.
        String itemsWhere = """
                FROM action_item ai LEFT JOIN network_group g ON g.id = ai.network_group_id
                WHERE ai.state IN ('OPEN', 'IN_PROGRESS') AND ai.due_date IS NOT NULL AND ai.due_date <= :sunday
                  AND (ai.responsible_user_id = :viewer
                       OR (ai.responsible_user_id IS NULL AND ai.responsible_organisation_id IN (<viewerOrganisations>)))
                  AND """ + " " + ActionItemDao.VISIBLE_TO_VIEWER;
        int itemCount = count(h, itemsWhere, user, organisations, q -> q.bind("sunday", week.sunday()).bind("admin", admin));
        List<Item> items = itemCount == 0 ? List.of() : viewer(h.createQuery("SELECT ai.id, ai.title, ai.due_date " + itemsWhere
                        + " ORDER BY ai.due_date, ai.id LIMIT " + TITLES), user, organisations)
                .bind("sunday", week.sunday()).bind("admin", admin)
                .map((rs, ctx) -> new Item(rs.getLong("id"), rs.getString("title"), rs.getObject("due_date", LocalDate.class))).list();

        // A property step is the person's when it names them, else its organisation's.
        String stepsWhere = """
                FROM property_step ps JOIN rollout r ON r.id = ps.rollout_id JOIN rollout_step rs ON rs.id = ps.step_id
                     JOIN rollout_property rp ON rp.id = ps.property_id
                WHERE ps.state IN ('NOT_STARTED', 'IN_PROGRESS') AND ps.due_date <= :sunday
                  AND (ps.person_id = :viewer OR (ps.person_id IS NULL AND ps.organisation_id IN (<viewerOrganisations>)))
                """;
        int stepCount = count(h, stepsWhere, user, organisations, q -> q.bind("sunday", week.sunday()));
        List<Step> steps = stepCount == 0 ? List.of() : viewer(h.createQuery("SELECT ps.rollout_id, r.name AS rollout_name, "
                        + "rs.name AS step_name, rp.address, ps.due_date " + stepsWhere + " ORDER BY ps.due_date, ps.id LIMIT " + TITLES),
                user, organisations)
                .bind("sunday", week.sunday())
                .map((rs, ctx) -> new Step(rs.getLong("rollout_id"), rs.getString("rollout_name"), rs.getString("step_name"),
                        rs.getString("address"), rs.getObject("due_date", LocalDate.class))).list();

        if (meetingCount + itemCount + stepCount == 0) {
            return false; // nothing this week: no empty digest
        }
        Language language = Language.parse(recipient.language()).orElse(Language.DEFAULT);
        LocalDate today = clock.instant().atZone(Dates.ZONE).toLocalDate();
        List<String> lines = new ArrayList<>();
        lines.add(text(language, "weeklyDigest.intro", week.monday().toString(), week.sunday().toString()));
        if (meetingCount > 0) {
            lines.add(text(language, "weeklyDigest.meetings", meetingCount));
            meetings.forEach(m -> lines.add(text(language, "weeklyDigest.meetingLine", Dates.dateTime(m.startsAt()), m.title(),
                    link("/meetings/" + m.id()))));
            more(lines, language, meetingCount, meetings.size());
        }
        if (itemCount > 0) {
            lines.add(text(language, "weeklyDigest.actionItems", itemCount));
            items.forEach(i -> lines.add(text(language, i.dueDate().isBefore(today) ? "weeklyDigest.itemLineOverdue" : "weeklyDigest.itemLine",
                    i.title(), i.dueDate().toString(), link("/action-items/" + i.id()))));
            more(lines, language, itemCount, items.size());
        }
        if (stepCount > 0) {
            lines.add(text(language, "weeklyDigest.rolloutSteps", stepCount));
            steps.forEach(s -> lines.add(text(language, s.dueDate().isBefore(today) ? "weeklyDigest.stepLineOverdue" : "weeklyDigest.stepLine",
                    s.stepName() + ", " + s.address(), s.rolloutName(), s.dueDate().toString(), link("/rollouts/" + s.rolloutId()))));
            more(lines, language, stepCount, steps.size());
        }
        return notifications.send(h, new Notice(key(user, week), user, ReminderKind.WEEKLY_DIGEST.name(),
                text(language, "weeklyDigest.subject", week.number()), lines, "/", null));
    }

    private static int count(Handle h, String where, long user, List<Long> organisations, java.util.function.UnaryOperator<Query> binds) {
        return binds.apply(viewer(h.createQuery("SELECT COUNT(*) " + where), user, organisations)).mapTo(Integer.class).one();
    }

    private static Query viewer(Query query, long user, List<Long> organisations) {
        return query.bind("viewer", user).bindList(EmptyHandling.NULL_KEYWORD, "viewerOrganisations", organisations);
    }

    private void more(List<String> lines, Language language, int total, int shown) {
        if (total > shown) {
            lines.add(text(language, "weeklyDigest.more", total - shown));
        }
    }

    private String link(String path) {
        return baseUrl + path;
    }

    private String text(Language language, String key, Object... args) {
        return messages.get(language, key, args);
    }
}
