package se.samtrygg.common.db;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies the changelogs packaged in the jar. The same file drives {@code db migrate}, so
 * starting the server and running the command leave the same schema. Liquibase's lock table
 * keeps two nodes that start together from migrating twice.
 */
public final class Migrations {
    public static final String CHANGELOG = "migrations/master.xml";

    private Migrations() {
    }

    @SuppressWarnings("deprecation") // the Liquibase facade is still the plainest way to say "update"
    public static void apply(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), database);
            liquibase.update(new Contexts(), new LabelExpression());
            connection.setAutoCommit(true); // Liquibase leaves it off; the pool must not hand that on
        } catch (SQLException | LiquibaseException e) {
            throw new IllegalStateException("could not apply database migrations", e);
        }
    }
}
