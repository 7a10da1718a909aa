package se.samtrygg.common.db;

import java.sql.Connection;
import javax.sql.DataSource;
import java.util.Map;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies the changelogs packaged in the jar. The same file drives {@code db migrate}, so
 * starting the server and running the command leave the same schema. Liquibase's lock table
 * keeps two nodes that start together from migrating twice.
 */
public final class Migrations {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Migrations.class);
    public static final String CHANGELOG = "migrations/master.xml";

    private Migrations() {
    }

    @SuppressWarnings("deprecation") // the Liquibase facade is still the plainest way to say "update"
    public static void apply(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);
            // Liquibase's progress goes to our log, not straight to the console.
            liquibase.setShowSummaryOutput(UpdateSummaryOutputEnum.LOG);
            int pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression()).size();
            // Up to date (every start but the first after an upgrade): update would read and check every change log
            // again under the lock, about a second of the start for nothing. With work to do, update takes the lock and
            // looks again, so two nodes starting together still migrate once.
            if (pending > 0) {
                Scope.child(Map.of(Scope.Attr.ui.name(), new LoggerUIService()),
                        () -> liquibase.update(new Contexts(), new LabelExpression()));
            }
            connection.setAutoCommit(true); // Liquibase leaves it off; the pool must not hand that on
            LOG.info("Database schema is up to date ({} migration change sets applied now)", pending);
        } catch (Exception e) {
            throw new IllegalStateException("could not apply database migrations", e);
        }
    }
}
