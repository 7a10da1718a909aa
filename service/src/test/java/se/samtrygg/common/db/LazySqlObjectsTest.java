package se.samtrygg.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.ConfigCustomizer;
import org.jdbi.v3.core.extension.ConfigCustomizerFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;

class LazySqlObjectsTest {

    public interface Greetings {
        @SqlQuery("SELECT 'hej'")
        String hello();

        @SqlQuery("SELECT CONCAT('hej ', :name)")
        String helloTo(@Bind("name") String name);

        @SqlQuery("SELECT 'hej då'")
        String goodbye();

        default String helloTwice() {
            return hello() + ", " + hello();
        }
    }

    @Test
    void anAttachedDaoMakesTheHandlersOfOnlyTheMethodsItIsAskedToRun() {
        AtomicInteger handlersMade = new AtomicInteger();
        Jdbi jdbi = jdbiCountingHandlersMade("lazy", handlersMade);
        LazySqlObjects.install(jdbi, List.of(Greetings.class));

        String answer = jdbi.withHandle(handle -> {
            Greetings greetings = handle.attach(Greetings.class);
            return greetings.hello() + " / " + greetings.hello();
        });

        assertThat(answer).isEqualTo("hej / hej");
        assertThat(handlersMade.get()).as("one method run, twice").isEqualTo(1);
    }

    @Test
    void withoutItAttachingMakesTheHandlerOfEveryMethod() {
        AtomicInteger handlersMade = new AtomicInteger();
        Jdbi jdbi = jdbiCountingHandlersMade("eager", handlersMade);

        jdbi.withHandle(handle -> handle.attach(Greetings.class).hello());

        // all four of the DAO's methods, and the Object methods its proxy answers
        assertThat(handlersMade.get()).as("JDBI's own attach, one method run").isGreaterThanOrEqualTo(4);
    }

    @Test
    void aLazilyAttachedDaoAnswersAsJdbisOwnDoes() {
        Jdbi jdbi = Jdbi.create("jdbc:h2:mem:answers-" + System.nanoTime()).installPlugin(new SqlObjectPlugin());
        LazySqlObjects.install(jdbi, List.of(Greetings.class));

        String twice = jdbi.withExtension(Greetings.class, Greetings::helloTwice);
        assertThat(twice).isEqualTo("hej, hej");
        String toSattra = jdbi.withExtension(Greetings.class, greetings -> greetings.helloTo("Sättra"));
        assertThat(toSattra).isEqualTo("hej Sättra");
        jdbi.useHandle(handle -> {
            Greetings one = handle.attach(Greetings.class);
            Greetings other = handle.attach(Greetings.class);
            assertThat(one).isEqualTo(one).isNotEqualTo(other).hasSameHashCodeAs(one);
            assertThat(one.toString()).contains(Greetings.class.getName());
            assertThat(one.goodbye()).isEqualTo("hej då");
        });
    }

    /** A Jdbi that counts the method handlers it makes: each one starts from its own customized configuration. */
    private static Jdbi jdbiCountingHandlersMade(String name, AtomicInteger made) {
        Jdbi jdbi = Jdbi.create("jdbc:h2:mem:" + name + "-" + System.nanoTime()).installPlugin(new SqlObjectPlugin());
        jdbi.getConfig(Extensions.class).registerConfigCustomizerFactory(new ConfigCustomizerFactory() {
            @Override
            public Collection<ConfigCustomizer> forExtensionMethod(Class<?> extensionType, Method method) {
                return List.of(config -> made.incrementAndGet());
            }
        });
        return jdbi;
    }
}
