package se.samtrygg.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An import of activities running in the background, as its status page shows it: how far it has come
 * ({@code done} of {@code total} rows stored), and how it ended. A failure is a message key with its
 * arguments; when re-checking refused a row, {@code errorRow} and {@code errorColumn} name the first
 * refused cell and {@code errorCount} says how many problems there were in all.
 */
public record ActivityImport(long id, long organisationId, long startedBy, State state, int total, int done, String errorKey,
                             List<String> errorArgs, Integer errorRow, String errorColumn, Integer errorCount, Instant startedAt,
                             Instant updatedAt, Instant finishedAt) {

    public enum State {
        RUNNING, DONE, FAILED
    }

    /** Written when an import was found still running long after its last progress: its node died or was stopped. */
    public static final String INTERRUPTED = "activities.importInterrupted";

    /** Separates the arguments of a failure's message in storage. */
    static final String ARG_SEPARATOR = "\u001F";

    public boolean running() {
        return state == State.RUNNING;
    }

    /**
     * What a reader should believe: an import still RUNNING with no progress for {@code stalled} will never
     * finish (the work lives in the memory of the node that took it), so it is shown as failed. Nothing was
     * stored, since the rows are stored in one transaction that did not commit.
     */
    ActivityImport seenAt(Instant now, Duration stalled) {
        if (state == State.RUNNING && updatedAt.plus(stalled).isBefore(now)) {
            return new ActivityImport(id, organisationId, startedBy, State.FAILED, total, done, INTERRUPTED, List.of(), null, null, null,
                    startedAt, updatedAt, null);
        }
        return this;
    }

    static List<String> args(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(ARG_SEPARATOR, -1));
    }

    static String args(List<Object> args) {
        return String.join(ARG_SEPARATOR, args.stream().map(String::valueOf).toList());
    }
}
