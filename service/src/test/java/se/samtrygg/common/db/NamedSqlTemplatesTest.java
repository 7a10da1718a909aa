package se.samtrygg.common.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.Test;

/** What the database sees: each DAO statement named after its method, with its {@code <attributes>} filled in every time. */
class NamedSqlTemplatesTest {
    interface CountingDao {
        @SqlQuery("SELECT :n + 1 <extra>")
        int next(@Bind("n") int n, @Define("extra") String extra);
    }

    @Test
    void eachStatementIsNamedAfterItsDaoMethodAndItsAttributesAreFilledInOnEveryCall() {
        List<String> sent = new CopyOnWriteArrayList<>();
        Jdbi jdbi = Jdbi.create("jdbc:h2:mem:named-sql-" + System.nanoTime() + ";MODE=PostgreSQL")
                .installPlugin(new SqlObjectPlugin())
                .setTemplateEngine(new NamedSqlTemplates())
                .setSqlLogger(new SqlLogger() {
                    @Override
                    public void logBeforeExecution(StatementContext context) {
                        sent.add(context.getRenderedSql());
                    }
                });

        int plain = jdbi.withExtension(CountingDao.class, dao -> dao.next(1, ""));
        int withAttribute = jdbi.withExtension(CountingDao.class, dao -> dao.next(1, "+ 10"));
        int unnamed = jdbi.withHandle(h -> h.createQuery("SELECT 7").mapTo(Integer.class).one());

        assertThat(plain).isEqualTo(2);
        assertThat(withAttribute).as("the same SQL text, another attribute").isEqualTo(12);
        assertThat(unnamed).isEqualTo(7);

        assertThat(sent).containsExactly("/* CountingDao.next */ SELECT :n + 1 ", "/* CountingDao.next */ SELECT :n + 1 + 10",
                "SELECT 7");
    }
}
