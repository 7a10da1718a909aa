package se.samtrygg.common.db;

import java.util.Collection;
import java.util.concurrent.Callable;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionContext;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.extension.HandleSupplier;

/**
 * Describes each DAO interface once, on the {@link Jdbi} itself, so that attaching it to a handle does not describe it
 * again. JDBI (3.49, the version Dropwizard 5.0 brings) keeps what it learns of a SqlObject type (its methods' handlers,
 * bindings and mappers) in the configuration of the handle that first attaches it, and every handle starts from a copy of
 * the {@code Jdbi}'s configuration, so each transaction that attached a DAO worked it out again from its annotations
 * (jdbi/jdbi#2991, fixed in later versions): 1.7 ms for a handle attaching MeetingDao and UserDao, 0.2 ms once both are
 * described on the {@code Jdbi}. Described there, every later handle's copy holds them.
 */
public final class SqlObjectMetadata {
    private SqlObjectMetadata() {
    }

    /** Call before the first handle is opened: handles opened earlier keep their own, empty, copy. */
    public static void describe(Jdbi jdbi, Collection<Class<?>> daoTypes) {
        ConfigRegistry root = jdbi.getConfig();
        Extensions extensions = root.get(Extensions.class);
        HandleSupplier describer = new Describer(jdbi, root);
        for (Class<?> type : daoTypes) {
            // Attaching through a supplier whose configuration is the Jdbi's own stores the type's description there;
            // the instance made is thrown away, and never runs a statement.
            extensions.findFor(type, describer)
                    .orElseThrow(() -> new IllegalArgumentException(type.getName() + " is not a SqlObject type"));
        }
    }

    private record Describer(Jdbi jdbi, ConfigRegistry config) implements HandleSupplier {
        @Override
        public Handle getHandle() {
            throw new IllegalStateException("a DAO instance made only to describe its type ran a statement");
        }

        @Override
        public Jdbi getJdbi() {
            return jdbi;
        }

        @Override
        public ConfigRegistry getConfig() {
            return config;
        }

        @Override
        public <V> V invokeInContext(ExtensionContext context, Callable<V> task) {
            throw new IllegalStateException("a DAO instance made only to describe its type ran a method");
        }
    }
}
