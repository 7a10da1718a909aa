package se.samtrygg.common.db;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import org.apache.tomcat.jdbc.pool.DataSourceProxy;

/** The service's connection pool: Dropwizard's, built from the configuration, with one setting it does not offer. */
public final class ConnectionPool {

    /**
     * Tomcat's pool wraps every statement and result set in a reflective proxy by default (so that a closed one still
     * answers equals), and every getString went through it: a tenth of the service's CPU under load (docs/benchmarks.md).
     * JDBI closes what it opens and never compares statements, so the driver's own objects are handed out.
     */
    public static ManagedDataSource build(DataSourceFactory factory, MetricRegistry metrics, String name) {
        ManagedDataSource dataSource = factory.build(metrics, name);
        ((DataSourceProxy) dataSource).getPoolProperties().setUseStatementFacade(false);
        return dataSource;
    }

    private ConnectionPool() {
    }
}
