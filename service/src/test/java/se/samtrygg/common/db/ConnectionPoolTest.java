package se.samtrygg.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import se.samtrygg.support.TestDatabase;

/** The pool hands out the driver's own statements and result sets, and still takes its connections back. */
class ConnectionPoolTest {

    @Test
    void statementsAndResultsAreTheDriversOwnNotTheReflectiveWrappersOfThePool() throws Exception {
        ManagedDataSource pool = ConnectionPool.build(factoryFor(TestDatabase.fresh()), new MetricRegistry(), "test");
        pool.start();
        try {
            try (Connection connection = pool.getConnection();
                 PreparedStatement statement = connection.prepareStatement("SELECT 41 + 1");
                 ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(result.getInt(1)).isEqualTo(42);
                assertThat(Proxy.isProxyClass(connection.getClass())).as("the connection stays the pool's, to be given back").isTrue();
                assertThat(Proxy.isProxyClass(statement.getClass())).as(statement.getClass().getName()).isFalse();
                assertThat(Proxy.isProxyClass(result.getClass())).as(result.getClass().getName()).isFalse();
            }
            assertThat(((org.apache.tomcat.jdbc.pool.DataSourceProxy) pool).getActive()).as("the connection went back to the pool").isZero();
        } finally {
            pool.stop();
        }
    }

    private static DataSourceFactory factoryFor(TestDatabase.Connection database) {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass(database.isPostgres() ? "org.postgresql.Driver" : "org.h2.Driver");
        factory.setUrl(database.url());
        factory.setUser(database.user());
        factory.setPassword(database.password());
        factory.setInitialSize(1);
        factory.setMinSize(1);
        factory.setMaxSize(2);
        return factory;
    }
}
