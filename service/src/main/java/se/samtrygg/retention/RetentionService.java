package se.samtrygg.retention;

import io.dropwizard.util.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samtrygg.activity.ActivityService;
import se.samtrygg.audit.AuditAction;
import se.samtrygg.audit.AuditService;
import se.samtrygg.common.scheduler.Scheduling;

/**
 * Gallring: deletes each record type once it has passed its retention period ({@link RetentionConfiguration}; a
 * period left out keeps that type). Deletes in batches of {@value #BATCH} rows, each batch its own short transaction,
 * so a purge of years of records never holds locks for long and a run cut off halfway has kept what it did. Logs
 * and audits one line per record type with the count only, never what was deleted.
 *
 * <p>The statements are written here rather than in each feature's service: they are age rules over several features'
 * tables (an observation's fate depends on its action item), with no user, no authorisation and no per-row audit.
 * The activity import keeps its own purge in {@link ActivityService}, which owns that table's life cycle.
 */
public final class RetentionService {
    static final int BATCH = 500;
    private static final Logger LOG = LoggerFactory.getLogger(RetentionService.class);

    /** What one purge deleted of one record type. */
    public record Purged(String recordType, long count, Duration period) {
        String line() {
            return "Retention: deleted " + count + " " + recordType + " older than " + period;
        }
    }

    private final Jdbi jdbi;
    private final RetentionConfiguration config;
    private final ActivityService activities;
    private final AuditService audit;
    private final Clock clock;

    public RetentionService(Jdbi jdbi, RetentionConfiguration config, ActivityService activities, AuditService audit, Clock clock) {
        this.jdbi = jdbi;
        this.config = config;
        this.activities = activities;
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs every configured purge; safe on any node, at any time, twice at once: it only deletes what is past its period. */
    public List<Purged> purge() {
        Instant now = clock.instant();
        List<Purged> done = new ArrayList<>();
        purge(done, "inbox notifications", config.getNotifications(), now,
                "notification", "created_at < :cutoff");
        purge(done, "outbox messages", config.getOutboxMessages(), now,
                "outbox_message", "state IN ('SENT', 'FAILED') AND created_at < :cutoff");
        purge(done, "reminders", config.getReminders(), now,
                "reminder", "state IN ('DISPATCHED', 'SKIPPED') AND due_at < :cutoff");
        if (config.getActivityImports() != null) {
            Instant cutoff = cutoff(now, config.getActivityImports());
            done.add(record("activity imports", config.getActivityImports(), batches(() -> activities.purgeImports(cutoff, BATCH))));
        }
        purge(done, "audit entries", config.getAuditEntries(), now,
                "audit_log", "occurred_at < :cutoff");
        purgePlaceReports(done, now);
        purgeActivities(done, now);
        return done;
    }

    /**
     * A place report is past its period when its whole week is: the week (Monday to Sunday, Europe/Stockholm) ended
     * before the cutoff's day began.
     */
    private void purgePlaceReports(List<Purged> done, Instant now) {
        Duration period = config.getPlaceReports();
        if (period == null) {
            return;
        }
        LocalDate lastWeekStart = cutoff(now, period).atZone(Scheduling.ZONE).toLocalDate().minusDays(7);
        done.add(record("place reports", period, batches(() -> deleteBatch("place_report", "week_start <= :lastWeekStart",
                "lastWeekStart", lastWeekStart))));
    }

    /**
     * Observations past the period, then activities past it that no observation hangs on any more. An observation
     * handed over as an action item that is still open or in progress is kept, and so is its activity: the item's
     * owner may still need where and when it was seen. Once the item is done or cancelled the observation may go; the
     * action item itself stays (it belongs to its meeting's record and says it came from "observation #id").
     * Observations logged without an activity follow the same period.
     */
    private void purgeActivities(List<Purged> done, Instant now) {
        Duration period = config.getActivities();
        if (period == null) {
            return;
        }
        Instant cutoff = cutoff(now, period);
        done.add(record("observations", period, batches(() -> deleteBatch("observation", """
                observed_at < :cutoff
                AND (action_item_id IS NULL
                     OR action_item_id IN (SELECT i.id FROM action_item i WHERE i.state IN ('DONE', 'CANCELLED')))""",
                "cutoff", cutoff))));
        done.add(record("activities", period, batches(() -> deleteBatch("activity", """
                ends_at < :cutoff AND NOT EXISTS (SELECT 1 FROM observation o WHERE o.activity_id = activity.id)""",
                "cutoff", cutoff))));
    }

    private void purge(List<Purged> done, String recordType, Duration period, Instant now, String table, String olderThan) {
        if (period == null) {
            return;
        }
        Instant cutoff = cutoff(now, period);
        done.add(record(recordType, period, batches(() -> deleteBatch(table, olderThan, "cutoff", cutoff))));
    }

    private int deleteBatch(String table, String condition, String name, Object value) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + table
                        + " WHERE " + condition + " ORDER BY id LIMIT " + BATCH + ")")
                .bind(name, value).execute());
    }

    private static long batches(IntSupplier batch) {
        long total = 0;
        int deleted;
        do {
            deleted = batch.getAsInt();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    private Purged record(String recordType, Duration period, long count) {
        Purged purged = new Purged(recordType, count, period);
        LOG.info(purged.line());
        if (count > 0) {
            jdbi.useTransaction(h -> audit.record(h, null, AuditAction.DELETE, "RETENTION", null, purged.line()));
        }
        return purged;
    }

    private static Instant cutoff(Instant now, Duration period) {
        return now.minusMillis(period.toMilliseconds());
    }
}
