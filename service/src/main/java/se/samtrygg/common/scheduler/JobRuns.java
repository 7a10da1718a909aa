package se.samtrygg.common.scheduler;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records each run of a periodic job (table job_run: one row per job, its last run) so that the health check can
 * report a run that failed, whichever node ran it. The error kept is the exception's type only: a message may quote
 * the data the job was working on, and job_run is read by the health check and the admin page.
 */
public final class JobRuns {
    private static final Logger LOG = LoggerFactory.getLogger(JobRuns.class);

    /** The last run of one job. {@code succeeded} is null while it runs (or when its node died mid-run). */
    public record Run(String jobName, String node, Instant startedAt, Instant finishedAt, Boolean succeeded, String error,
                      Instant lastSuccessAt) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final String node;

    public JobRuns(Jdbi jdbi, Clock clock) {
        this(jdbi, clock, thisNode());
    }

    public JobRuns(Jdbi jdbi, Clock clock, String node) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.node = node;
    }

    /** Runs the work and records its start, end and outcome; a failure is recorded and rethrown. */
    public void run(String jobName, Runnable work) {
        started(jobName);
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            finished(jobName, false, describe(e));
            throw e;
        }
        finished(jobName, true, null);
    }

    public Optional<Run> last(String jobName) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM job_run WHERE job_name = :job").bind("job", jobName)
                .map((rs, ctx) -> new Run(rs.getString("job_name"), rs.getString("node"), instant(rs, "started_at", ctx),
                        instant(rs, "finished_at", ctx), (Boolean) rs.getObject("succeeded", Boolean.class), rs.getString("error"),
                        instant(rs, "last_success_at", ctx)))
                .findOne());
    }

    private static Instant instant(java.sql.ResultSet rs, String column, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, column, ctx);
    }

    private void started(String jobName) {
        Instant now = clock.instant();
        jdbi.useHandle(h -> {
            String update = """
                    UPDATE job_run SET node = :node, started_at = :now, finished_at = NULL, succeeded = NULL, error = NULL
                    WHERE job_name = :job""";
            if (h.createUpdate(update).bind("node", node).bind("now", now).bind("job", jobName).execute() == 1) {
                return;
            }
            try {
                h.createUpdate("INSERT INTO job_run (job_name, node, started_at) VALUES (:job, :node, :now)")
                        .bind("node", node).bind("now", now).bind("job", jobName).execute();
            } catch (UnableToExecuteStatementException anotherNodeInsertedItFirst) {
                h.createUpdate(update).bind("node", node).bind("now", now).bind("job", jobName).execute();
            }
        });
    }

    private void finished(String jobName, boolean succeeded, String error) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            UPDATE job_run SET finished_at = :now, succeeded = :succeeded, error = :error,
                                   last_success_at = CASE WHEN :succeeded THEN :now ELSE last_success_at END
                            WHERE job_name = :job""")
                    .bind("now", clock.instant()).bind("succeeded", succeeded).bind("error", error).bind("job", jobName)
                    .execute());
        } catch (RuntimeException e) {
            // The job's own outcome matters more than its record: a failure to record must not hide or replace it.
            LOG.warn("Could not record the end of job {}: {}", jobName, e.getClass().getSimpleName());
        }
    }

    /** The exception's type and its root cause's, never their messages. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root == e ? e.getClass().getName() : e.getClass().getName() + " caused by " + root.getClass().getName();
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }

    private static String thisNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return host + "/" + ManagementFactory.getRuntimeMXBean().getPid();
    }
}
