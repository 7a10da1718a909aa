package se.samtrygg.common.scheduler;

/**
 * Records each run of a periodic job (table job_run) so that the health check can report a run that
 * failed, whichever node ran it. CONTRACT STUB (lead): the ops helper replaces the body.
 */
public final class JobRuns {

    /** Runs the work and records its start, end and outcome; a failure is recorded and rethrown. */
    public void run(String jobName, Runnable work) {
        work.run();
    }
}
