package se.samtrygg.generator;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Rows for one table, sent as a JDBI prepared batch of {@link #SIZE} rows in one transaction each. On PostgreSQL the
 * generator's data source rewrites a batch into multi-row INSERTs (reWriteBatchedInserts), which is what makes a million
 * rows a matter of seconds. Every column has a declared type so that nulls bind the same way on H2 and PostgreSQL.
 */
final class Batch {
    static final int SIZE = 1000;

    private final Jdbi jdbi;
    private final String sql;
    private final Type[] types;
    private final List<Object[]> rows = new ArrayList<>(SIZE);
    private long total;
    private List<Batch> parents = List.of();

    Batch(Jdbi jdbi, String table, String columns, Type... types) {
        this.jdbi = jdbi;
        this.types = types;
        String marks = String.join(", ", java.util.Collections.nCopies(types.length, "?"));
        this.sql = "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")";
        if (columns.split(",").length != types.length) {
            throw new IllegalArgumentException(table + ": " + types.length + " types for columns " + columns);
        }
    }

    /** Rows that reference these tables' rows: their batches go first, so that no foreign key points at a row not yet sent. */
    Batch after(Batch... referenced) {
        this.parents = List.of(referenced);
        return this;
    }

    void add(Object... values) {
        rows.add(values);
        if (rows.size() >= SIZE) {
            flush();
        }
    }

    void flush() {
        if (rows.isEmpty()) {
            return;
        }
        parents.forEach(Batch::flush);
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(sql);
            for (Object[] row : rows) {
                for (int i = 0; i < types.length; i++) {
                    batch.bindByType(i, row[i], types[i]);
                }
                batch.add();
            }
            batch.execute();
        });
        total += rows.size();
        rows.clear();
    }

    long total() {
        return total + rows.size();
    }
}
