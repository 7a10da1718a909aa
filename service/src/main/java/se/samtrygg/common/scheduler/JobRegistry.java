package se.samtrygg.common.scheduler;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/**
 * The job factory: Quartz names a job class, we hand back an instance built with its
 * dependencies. Jobs are registered by the features that own them, never found by reflection.
 */
public final class JobRegistry implements JobFactory {
    private final Map<Class<? extends Job>, Supplier<? extends Job>> jobs = new HashMap<>();

    public <J extends Job> void register(Class<J> type, Supplier<J> factory) {
        jobs.put(type, factory);
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        Supplier<? extends Job> factory = jobs.get(type);
        if (factory == null) {
            throw new SchedulerException("no factory registered for job " + type.getName());
        }
        return factory.get();
    }
}
