package se.samtrygg.common.scheduler;

import io.dropwizard.lifecycle.Managed;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Quartz as a Dropwizard {@link Managed}: a JDBC job store in the application's database, so
 * that nothing scheduled is lost on a restart, clustered on PostgreSQL so that several nodes
 * share the work and each trigger fires on exactly one of them.
 */
public final class Scheduling implements Managed {
    public static final ZoneId ZONE = ZoneId.of("Europe/Stockholm");
    private static final Logger LOG = LoggerFactory.getLogger(Scheduling.class);

    private final Scheduler scheduler;
    private final boolean clustered;
    private final List<RecurringJob> recurringJobs = new ArrayList<>();

    public Scheduling(SchedulerConfiguration config, DataSource dataSource, boolean postgres, JobRegistry jobs) {
        this.clustered = config.getClustered() != null ? config.getClustered() : postgres;
        // Quartz keeps data sources in a JVM-wide registry: a unique name keeps two services in one JVM apart.
        String dataSourceName = "samtrygg-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(dataSourceName, new PooledConnectionProvider(dataSource));

        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", config.getInstanceName());
        p.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(config.getThreadCount()));
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        // H2 runs in PostgreSQL mode with BYTEA columns, so PostgreSQL's delegate (getBytes, not getBlob) fits both.
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
        // Job data as strings only: no Java serialisation in the database.
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(clustered));
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval",
                Long.toString(config.getClusterCheckinInterval().toMilliseconds()));
        // Take the trigger lock while acquiring, so two nodes never acquire the same trigger.
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold",
                Long.toString(config.getMisfireThreshold().toMilliseconds()));
        try {
            this.scheduler = new StdSchedulerFactory(p).getScheduler();
            this.scheduler.setJobFactory(jobs);
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not create the Quartz scheduler", e);
        }
    }

    public void addRecurring(RecurringJob job) {
        recurringJobs.add(job);
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public boolean isClustered() {
        return clustered;
    }

    @Override
    public void start() throws Exception {
        for (RecurringJob job : recurringJobs) {
            ensureScheduled(job);
        }
        scheduler.start();
        LOG.info("Scheduler started (clustered: {}, instance: {})", clustered, scheduler.getSchedulerInstanceId());
    }

    @Override
    public void stop() throws Exception {
        // Let running jobs finish: a job cut off halfway would be run again by Quartz's recovery.
        scheduler.shutdown(true);
    }

    /**
     * Idempotent across restarts and nodes: the job and trigger keys are fixed, so a second node finds them. A stored
     * trigger with the same cron expression, time zone and misfire instruction is kept as it is: replacing it would
     * reset its next fire time, so a fire missed while the service was down would never be seen as a misfire (and its
     * misfire instruction never applied), and its previous fire time would be lost. Only a changed schedule replaces it.
     */
    private void ensureScheduled(RecurringJob job) throws SchedulerException {
        JobKey key = JobKey.jobKey(job.name(), "samtrygg");
        JobDetail detail = JobBuilder.newJob(job.type()).withIdentity(key).storeDurably().requestRecovery().build();
        java.util.TimeZone zone = java.util.TimeZone.getTimeZone(ZONE);
        CronScheduleBuilder schedule = CronScheduleBuilder.cronSchedule(job.cron()).inTimeZone(zone);
        schedule = job.misfireFireNow()
                ? schedule.withMisfireHandlingInstructionFireAndProceed()
                : schedule.withMisfireHandlingInstructionDoNothing();
        CronTrigger trigger = TriggerBuilder.newTrigger().withIdentity(job.name(), "samtrygg").forJob(key)
                .withSchedule(schedule).build();
        Trigger stored = scheduler.getTrigger(trigger.getKey());
        if (stored instanceof CronTrigger cron && sameSchedule(cron, trigger)) {
            // The job detail may have changed (class, recovery); replacing it leaves its triggers as they are.
            scheduler.addJob(detail, true);
            return;
        }
        try {
            scheduler.scheduleJob(detail, java.util.Set.of(trigger), true);
            LOG.info("Job {} scheduled with cron {}", job.name(), job.cron());
        } catch (ObjectAlreadyExistsException raceWithAnotherNode) {
            LOG.debug("Job {} was scheduled by another node at the same moment", job.name());
        }
    }

    private static boolean sameSchedule(CronTrigger stored, CronTrigger wanted) {
        return stored.getCronExpression().equals(wanted.getCronExpression())
                && stored.getTimeZone().getID().equals(wanted.getTimeZone().getID())
                && stored.getMisfireInstruction() == wanted.getMisfireInstruction()
                && stored.getJobKey().equals(wanted.getJobKey());
    }
}
