package se.samtrygg.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The progress rows of background imports. Not records of the log (no text, place or time of any
 * activity), so no confidentiality predicate: the service shows a row to its organisation's people only.
 */
@RegisterRowMapper(ActivityImportDao.Mapper.class)
public interface ActivityImportDao {

    @SqlUpdate("""
            INSERT INTO activity_import (organisation_id, started_by, state, total, done, started_at, updated_at)
            VALUES (:organisationId, :startedBy, 'RUNNING', :total, 0, :now, :now)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("organisationId") long organisationId, @Bind("startedBy") long startedBy, @Bind("total") int total,
                @Bind("now") Instant now);

    @SqlQuery("SELECT * FROM activity_import WHERE id = :id")
    Optional<ActivityImport> find(@Bind("id") long id);

    /**
     * Progress of an import that is still alive: one that has stood still since {@code stalledBefore} has been
     * shown as interrupted (its people were told to start again), so it may not go on; 0 rows then.
     */
    @SqlUpdate("""
            UPDATE activity_import SET done = :done, updated_at = :now
            WHERE id = :id AND state = 'RUNNING' AND updated_at >= :stalledBefore""")
    int progress(@Bind("id") long id, @Bind("done") int done, @Bind("now") Instant now, @Bind("stalledBefore") Instant stalledBefore);

    @SqlUpdate("""
            UPDATE activity_import SET state = 'DONE', done = :done, updated_at = :now, finished_at = :now
            WHERE id = :id AND state = 'RUNNING' AND updated_at >= :stalledBefore""")
    int done(@Bind("id") long id, @Bind("done") int done, @Bind("now") Instant now, @Bind("stalledBefore") Instant stalledBefore);

    @SqlUpdate("""
            UPDATE activity_import SET state = 'FAILED', done = 0, error_key = :key, error_args = :args, error_row = :row,
                   error_column = :column, error_count = :count, updated_at = :now, finished_at = :now
            WHERE id = :id AND state = 'RUNNING'""")
    int failed(@Bind("id") long id, @Bind("key") String key, @Bind("args") String args, @Bind("row") Integer row,
               @Bind("column") String column, @Bind("count") Integer count, @Bind("now") Instant now);

    final class Mapper implements RowMapper<ActivityImport> {
        @Override
        public ActivityImport map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ActivityImport(rs.getLong("id"), rs.getLong("organisation_id"), rs.getLong("started_by"),
                    ActivityImport.State.valueOf(rs.getString("state")), rs.getInt("total"), rs.getInt("done"), rs.getString("error_key"),
                    ActivityImport.args(rs.getString("error_args")), rs.getObject("error_row", Integer.class),
                    rs.getString("error_column"), rs.getObject("error_count", Integer.class), instant(rs, "started_at", ctx),
                    instant(rs, "updated_at", ctx), instant(rs, "finished_at", ctx));
        }

        /** As JDBI maps an Instant everywhere else, so H2 and PostgreSQL read the same. */
        private static Instant instant(ResultSet rs, String column, StatementContext ctx) throws SQLException {
            return ctx.findColumnMapperFor(Instant.class).orElseThrow().map(rs, column, ctx);
        }
    }
}
