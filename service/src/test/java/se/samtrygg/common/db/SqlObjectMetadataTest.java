package se.samtrygg.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.extension.ExtensionHandler;
import org.jdbi.v3.core.extension.ExtensionHandlerFactory;
import org.jdbi.v3.core.extension.Extensions;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.Test;
import se.samtrygg.Services;
import se.samtrygg.meeting.MeetingDao;

class SqlObjectMetadataTest {

    @Test
    void aDaoDescribedOnTheJdbiIsNotWorkedOutAgainByEachHandleThatAttachesIt() {
        AtomicInteger looks = new AtomicInteger();
        Jdbi described = jdbiCountingLooksAtMethods("described", looks);
        SqlObjectMetadata.describe(described, List.of(MeetingDao.class));
        assertThat(looks.get()).as("describing looked at the DAO's methods").isPositive();

        looks.set(0);
        for (int i = 0; i < 3; i++) {
            described.useHandle(handle -> handle.attach(MeetingDao.class));
        }
        assertThat(looks.get()).as("handles attaching the described DAO").isZero();
    }

    @Test
    void withoutItEveryHandleWorksTheDaoOutAgain() {
        AtomicInteger looks = new AtomicInteger();
        Jdbi plain = jdbiCountingLooksAtMethods("plain", looks);
        plain.useHandle(handle -> handle.attach(MeetingDao.class));
        int perHandle = looks.get();
        assertThat(perHandle).isPositive();
        plain.useHandle(handle -> handle.attach(MeetingDao.class));
        assertThat(looks.get()).as("a second handle looked at every method again").isEqualTo(2 * perHandle);
    }

    @Test
    void theListDescribedAtStartNamesEveryDaoOfTheService() throws IOException, URISyntaxException {
        Path classes = Path.of(Services.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> daos = new HashSet<>();
        try (Stream<Path> files = Files.walk(classes.resolve("se/samtrygg"))) {
            files.map(file -> classes.relativize(file).toString())
                    .filter(name -> name.endsWith("Dao.class"))
                    .forEach(name -> daos.add(name.replace('/', '.').replace(".class", "")));
        }
        assertThat(daos).isNotEmpty();
        assertThat(Services.DAOS.stream().map(Class::getName)).containsExactlyInAnyOrderElementsOf(daos);
    }

    /** A Jdbi whose every look at a SqlObject method (while working out how to run it) is counted. */
    private static Jdbi jdbiCountingLooksAtMethods(String name, AtomicInteger looks) {
        Jdbi jdbi = Jdbi.create("jdbc:h2:mem:" + name + "-" + System.nanoTime()).installPlugin(new SqlObjectPlugin());
        jdbi.getConfig(Extensions.class).registerHandlerFactory(new ExtensionHandlerFactory() {
            @Override
            public boolean accepts(Class<?> extensionType, Method method) {
                looks.incrementAndGet();
                return false;
            }

            @Override
            public Optional<ExtensionHandler> createExtensionHandler(Class<?> extensionType, Method method) {
                return Optional.empty();
            }
        });
        return jdbi;
    }
}
