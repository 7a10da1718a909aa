package se.samtrygg.common.scheduler;

import org.quartz.Job;

/**
 * A job that runs on a fixed cron schedule (in Europe/Stockholm) for the whole cluster.
 *
 * @param misfireFireNow true when a run missed while the service was down should be made up at
 *                       once; false when only the next regular run matters
 */
public record RecurringJob(String name, Class<? extends Job> type, String cron, boolean misfireFireNow) {
}
