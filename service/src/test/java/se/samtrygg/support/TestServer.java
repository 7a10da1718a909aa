package se.samtrygg.support;

import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import se.samtrygg.SamtryggApplication;
import se.samtrygg.SamtryggConfiguration;
import se.samtrygg.Services;

/**
 * The whole service, started from the real config.yml on a fresh database of this run's kind,
 * on free ports. Most tests share one server per JVM ({@link #shared()}) and keep out of each
 * other's way by making their own users and organisations; tests that need a server of their
 * own (first start, restarts, clusters) start one with {@link #start}.
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_EMAIL = "admin@test.samtrygg.se";
    public static final String ADMIN_PASSWORD = "Grönt ljus för trygga trapphus";

    private static TestServer shared;
    private static TestServer sharedByBrowsers;

    private final DropwizardTestSupport<SamtryggConfiguration> support;
    private final MutableClock clock;
    private final TestDatabase.Connection database;

    private TestServer(TestDatabase.Connection database, String schedulerName, List<ConfigOverride> extra) {
        this.database = database;
        this.clock = new MutableClock();
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                ConfigOverride.config("server.applicationConnectors[0].port", "0"),
                ConfigOverride.config("server.adminConnectors[0].port", "0"),
                ConfigOverride.config("database.url", database.url()),
                ConfigOverride.config("database.user", database.user()),
                ConfigOverride.config("database.password", database.password()),
                ConfigOverride.config("firstAdmin.email", ADMIN_EMAIL),
                ConfigOverride.config("firstAdmin.password", ADMIN_PASSWORD),
                ConfigOverride.config("scheduler.instanceName", schedulerName),
                ConfigOverride.config("logging.level", "WARN")));
        overrides.addAll(extra);
        MutableClock appClock = clock;
        this.support = new DropwizardTestSupport<>(SamtryggApplication.class, configFile(), overrides.toArray(ConfigOverride[]::new)) {
            @Override
            public Application<SamtryggConfiguration> newApplication() {
                return new SamtryggApplication(appClock);
            }
        };
    }

    /** The server most tests share: started at first use, stopped when the JVM exits. */
    public static synchronized TestServer shared() {
        if (shared == null) {
            shared = startShared();
        }
        return shared;
    }

    /**
     * The server the browser tests share, on a database of its own. The other tests fill the shared
     * database with thousands of organisations and areas, which every picker then lists; a browser
     * test should see pages of the size people see, and axe-core takes its time over each element.
     */
    public static synchronized TestServer sharedByBrowsers() {
        if (sharedByBrowsers == null) {
            sharedByBrowsers = startShared();
        }
        return sharedByBrowsers;
    }

    private static TestServer startShared() {
        TestServer server = start(TestDatabase.fresh());
        // One shutdown hook, not two: Jetty's own would stop the server at the same time as this one, and
        // two concurrent stops can leave a pool thread that holds the JVM for the whole 30 s grace period.
        server.support.getEnvironment().getApplicationContext().getServer().setStopAtShutdown(false);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        return server;
    }

    public static TestServer start(TestDatabase.Connection database, ConfigOverride... extra) {
        return start(database, "samtrygg-test-" + UUID.randomUUID(), extra);
    }

    /** Servers that should form one Quartz cluster pass the same scheduler name. */
    public static TestServer start(TestDatabase.Connection database, String schedulerName, ConfigOverride... extra) {
        TestServer server = new TestServer(database, schedulerName, List.of(extra));
        try {
            server.support.before();
        } catch (Exception e) {
            throw new IllegalStateException("the service did not start", e);
        }
        return server;
    }

    public static String configFile() {
        return Path.of("..", "config.yml").toAbsolutePath().normalize().toString();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + support.getLocalPort() + path;
    }

    public String adminUrl(String path) {
        return "http://127.0.0.1:" + support.getAdminPort() + path;
    }

    public Services services() {
        return application().services();
    }

    public SamtryggApplication application() {
        return (SamtryggApplication) support.getApplication();
    }

    public MutableClock clock() {
        return clock;
    }

    public TestDatabase.Connection database() {
        return database;
    }

    public DropwizardTestSupport<SamtryggConfiguration> support() {
        return support;
    }

    @Override
    public void close() {
        support.after();
    }
}
