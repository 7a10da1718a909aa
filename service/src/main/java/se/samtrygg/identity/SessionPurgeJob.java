package se.samtrygg.identity;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes expired web sessions every quarter hour. Safe on any node and after any crash: it only deletes what is expired. */
@DisallowConcurrentExecution
public final class SessionPurgeJob implements Job {
    public static final String NAME = "purge-expired-sessions";
    public static final String CRON = "0 7/15 * * * ?";
    private static final Logger LOG = LoggerFactory.getLogger(SessionPurgeJob.class);

    private final SessionService sessions;

    public SessionPurgeJob(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public void execute(JobExecutionContext context) {
        int purged = sessions.purgeExpired();
        if (purged > 0) {
            LOG.info("Purged {} expired sessions", purged);
        }
    }
}
