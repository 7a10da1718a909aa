package se.samtrygg.common.scheduler;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;

/**
 * Gives Quartz connections from the application's own pool. Quartz turns auto-commit off on
 * every connection it takes; we turn it back on when it returns one, so that the next borrower
 * (a JDBI handle) does not silently run without commits.
 */
final class PooledConnectionProvider implements ConnectionProvider {
    private final DataSource dataSource;

    PooledConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = dataSource.getConnection();
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && !connection.isClosed()
                            && !connection.getAutoCommit()) {
                        connection.rollback(); // Quartz has committed what it meant to; drop the rest
                        connection.setAutoCommit(true);
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public void shutdown() {
        // the pool belongs to the application and is closed by its lifecycle
    }

    @Override
    public void initialize() {
        // nothing to set up: the pool exists already
    }
}
