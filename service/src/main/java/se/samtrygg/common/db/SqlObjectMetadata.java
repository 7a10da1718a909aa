package se.samtrygg.common.db;

import java.util.Collection;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectFactory;

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
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory sqlObjects = extensions.findFactory(SqlObjectFactory.class)
                .orElseThrow(() -> new IllegalStateException("the SqlObject plugin is not installed"));
        for (Class<?> type : daoTypes) {
            if (!sqlObjects.accepts(type)) {
                throw new IllegalArgumentException(type.getName() + " is not a SqlObject type");
            }
            extensions.findMetadata(type, sqlObjects); // kept in the Jdbi's own configuration, which every handle copies
        }
    }
}
