package se.samtrygg.demo;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import se.samtrygg.SamtryggConfiguration;
import se.samtrygg.Services;
import se.samtrygg.common.db.ConnectionPool;
import se.samtrygg.common.db.Migrations;

/**
 * {@code java -jar service/target/samtrygg.jar demo config.yml}: applies the migrations and loads
 * a believable data set for Gävle into the configured database. Running it twice changes nothing.
 */
public final class DemoCommand extends ConfiguredCommand<SamtryggConfiguration> {
    private final Clock clock;

    public DemoCommand(Clock clock) {
        super("demo", "Loads demo data for Gävle (Sättra, Andersberg, Brynäs) into the configured database");
        this.clock = clock;
    }

    @Override
    protected void run(Bootstrap<SamtryggConfiguration> bootstrap, Namespace namespace, SamtryggConfiguration config) throws Exception {
        ManagedDataSource dataSource = ConnectionPool.build(config.getDatabase(), bootstrap.getMetricRegistry(), "demo");
        dataSource.start();
        try {
            Migrations.apply(dataSource);
            Jdbi jdbi = Jdbi.create(dataSource);
            jdbi.installPlugin(new SqlObjectPlugin());
            Services services = Services.create(jdbi, config, clock);
            services.firstAdmin().ensureExists();
            DemoData.Result result = new DemoData(services).load();
            System.out.println(result.describe());
        } finally {
            dataSource.stop();
        }
    }
}
