package se.samtrygg.common.db;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionFactory;
import org.jdbi.v3.core.extension.ExtensionMetadata;
import org.jdbi.v3.core.extension.ExtensionMetadata.ExtensionHandlerInvoker;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.jdbi.v3.sqlobject.SqlObjectFactory;

/**
 * Attaches the service's DAOs so that each method's handler is made when the method is first called on that instance.
 * JDBI 3.49 makes the handler of every method of a DAO each time the DAO is attached (a copy of the configuration and a
 * warm-up of the method's bindings and mappers each): attaching MeetingDao made 39 of them to run one or two, and in a
 * profile of the meeting page under load that was about a sixth of the server's time. The handlers are JDBI's own, from
 * the DAO's description ({@link SqlObjectMetadata}); only when they are made changes.
 */
public final class LazySqlObjects implements ExtensionFactory {
    private final Set<Class<?>> daoTypes;
    private final ExtensionFactory sqlObjects;

    private LazySqlObjects(Set<Class<?>> daoTypes, ExtensionFactory sqlObjects) {
        this.daoTypes = daoTypes;
        this.sqlObjects = sqlObjects;
    }

    /** Makes these DAO types attach lazily on this Jdbi and every handle opened after the call. */
    public static void install(Jdbi jdbi, Collection<Class<?>> daoTypes) {
        Extensions extensions = jdbi.getConfig(Extensions.class);
        ExtensionFactory sqlObjects = extensions.findFactory(SqlObjectFactory.class)
                .orElseThrow(() -> new IllegalStateException("the SqlObject plugin is not installed"));
        extensions.register(new LazySqlObjects(Set.copyOf(daoTypes), sqlObjects)); // registered last, asked first
    }

    @Override
    public boolean accepts(Class<?> extensionType) {
        return daoTypes.contains(extensionType);
    }

    @Override
    public Set<FactoryFlag> getFactoryFlags() {
        // Without it JDBI wraps this factory in its own proxy, which makes every handler up front.
        return EnumSet.of(FactoryFlag.DONT_USE_PROXY);
    }

    @Override
    public <E> E attach(Class<E> extensionType, HandleSupplier handleSupplier) {
        ConfigRegistry config = handleSupplier.getConfig();
        Extensions extensions = config.get(Extensions.class);
        extensions.onCreateProxy();
        ExtensionMetadata metadata = extensions.findMetadata(extensionType, sqlObjects);
        ConfigRegistry instanceConfig = metadata.createInstanceConfiguration(config);
        Map<Method, ExtensionHandlerInvoker> invokers = new ConcurrentHashMap<>();
        InvocationHandler calls = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(extensionType, proxy, method, args);
            }
            return invokers.computeIfAbsent(method,
                    m -> metadata.createExtensionHandlerInvoker(proxy, m, handleSupplier, instanceConfig)).invoke(args);
        };
        return extensionType.cast(Proxy.newProxyInstance(extensionType.getClassLoader(), new Class<?>[] {extensionType}, calls));
    }

    /** As JDBI's own proxies answer them: identity, and a name that says what the object is. */
    private static Object objectMethod(Class<?> extensionType, Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "Jdbi extension proxy for " + extensionType.getName() + "@" + Integer.toHexString(System.identityHashCode(proxy));
        };
    }
}
