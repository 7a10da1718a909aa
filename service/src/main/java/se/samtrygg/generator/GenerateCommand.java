package se.samtrygg.generator;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import se.samtrygg.SamtryggConfiguration;
import se.samtrygg.Services;
import se.samtrygg.common.db.ConnectionPool;
import se.samtrygg.common.db.Migrations;

/**
 * {@code java -jar service/target/samtrygg.jar generate config.yml --scale tiny|small|large [--seed N]}: applies the
 * migrations and fills the configured database with a generated municipality (see {@link MunicipalityGenerator}) for
 * benchmarks, then writes signed-in sessions for the load scripts ({@link BenchSessions}). It refuses a database that
 * already has one; {@code --sessions-only} then writes fresh sessions for it.
 */
public final class GenerateCommand extends ConfiguredCommand<SamtryggConfiguration> {
    private final Clock clock;

    public GenerateCommand(Clock clock) {
        super("generate", "Fills the configured database with a generated municipality for benchmarks (not for production)");
        this.clock = clock;
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--scale").choices("tiny", "small", "large").setDefault("tiny").help("how much to generate");
        subparser.addArgument("--seed").type(Long.class).setDefault(1L).help("the same seed makes the same data");
        subparser.addArgument("--sessions-file").dest("sessionsFile").setDefault("target/bench-sessions.txt")
                .help("where to write the sessions for the load scripts");
        subparser.addArgument("--sessions-only").dest("sessionsOnly").action(Arguments.storeTrue())
                .help("only write fresh sessions for an already generated database");
    }

    @Override
    protected void run(Bootstrap<SamtryggConfiguration> bootstrap, Namespace namespace, SamtryggConfiguration config) throws Exception {
        DataSourceFactory database = config.getDatabase();
        if (database.getUrl().startsWith("jdbc:postgresql:")) {
            // the driver turns each batch into multi-row INSERTs
            database.getProperties().put("reWriteBatchedInserts", "true");
        }
        ManagedDataSource dataSource = ConnectionPool.build(database, bootstrap.getMetricRegistry(), "generate");
        dataSource.start();
        try {
            long start = System.nanoTime();
            Migrations.apply(dataSource);
            Jdbi jdbi = Jdbi.create(dataSource);
            jdbi.installPlugin(new SqlObjectPlugin());
            Services services = Services.create(jdbi, config, clock);
            services.firstAdmin().ensureExists();
            Path sessions = Path.of(namespace.getString("sessionsFile"));
            boolean generated = MunicipalityGenerator.alreadyGenerated(services);
            if (namespace.getBoolean("sessionsOnly")) {
                if (!generated) {
                    throw new IllegalStateException("This database has no generated municipality: run generate without --sessions-only first.");
                }
            } else {
                if (generated) {
                    throw new IllegalStateException("This database already has a generated municipality (" + MunicipalityGenerator.MUNICIPALITY
                            + "): generate only into an empty database, or write fresh sessions with --sessions-only.");
                }
                Scale scale = Scale.valueOf(namespace.getString("scale"));
                long seed = namespace.getLong("seed");
                System.out.println("Generating " + MunicipalityGenerator.MUNICIPALITY + " at scale " + scale + " (seed " + seed + "):");
                Map<String, Long> counts = new MunicipalityGenerator(jdbi, services, scale, seed, clock).generate(System.out);
                counts.forEach((what, count) -> System.out.printf("  %-30s %,12d%n", what, count));
                System.out.println("Every generated person can sign in with the password " + MunicipalityGenerator.PASSWORD + ".");
            }
            int written = BenchSessions.write(jdbi, sessions, clock.instant());
            System.out.printf("Wrote %d sessions to %s.%nDone in %.1f s.%n", written, sessions.toAbsolutePath(), (System.nanoTime() - start) / 1e9);
        } finally {
            dataSource.stop();
        }
    }

    @Override
    public void onError(io.dropwizard.core.cli.Cli cli, Namespace namespace, Throwable e) {
        // a refusal is a message, not a stack trace
        if (e instanceof IllegalStateException) {
            cli.getStdErr().println(e.getMessage());
            return;
        }
        // a failed batch's message holds all its rows: the start and the cause say enough
        String message = String.valueOf(e);
        cli.getStdErr().println(message.length() > 2000 ? message.substring(0, 2000) + " …" : message);
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            String text = String.valueOf(cause);
            cli.getStdErr().println("caused by: " + (text.length() > 2000 ? text.substring(0, 2000) + " …" : text));
        }
    }
}
