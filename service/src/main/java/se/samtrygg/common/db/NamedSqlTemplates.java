package se.samtrygg.common.db;

import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.extension.ExtensionMethod;
import org.jdbi.v3.core.statement.DefinedAttributeTemplateEngine;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.TemplateEngine;

/**
 * JDBI's own template engine ({@code <name>} attributes), with each statement prefixed by the DAO method that runs it
 * ({@code /* ActionItemDao.openBefore *}{@code /}), as Dropwizard's NamePrependingTemplateEngine does, so the database's
 * logs and pg_stat_activity say where a statement comes from. Unlike that engine this one is a {@link Parsing} engine: JDBI
 * then parses each SQL text once and keeps it, where Dropwizard's wrapper made it lex every statement again on every
 * execution (a sampling profile of the meeting page found that among its largest costs).
 */
public final class NamedSqlTemplates implements TemplateEngine.Parsing {
    private final DefinedAttributeTemplateEngine attributes = new DefinedAttributeTemplateEngine();

    @Override
    public Optional<Function<StatementContext, String>> parse(String template, ConfigRegistry config) {
        return attributes.parse(template, config).map(render -> context -> named(context, render.apply(context)));
    }

    private static String named(StatementContext context, String sql) {
        ExtensionMethod method = context.getExtensionMethod();
        if (method == null) {
            return sql;
        }
        String type = method.getType().getSimpleName();
        return "/* " + (type.isEmpty() ? "" : type + ".") + method.getMethod().getName() + " */ " + sql;
    }
}
