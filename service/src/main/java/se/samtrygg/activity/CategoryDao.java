package se.samtrygg.activity;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterConstructorMapper(Category.class)
public interface CategoryDao {
    String SELECT = "SELECT id, kind, name, sort_order, active FROM category ";

    @SqlQuery(SELECT + "WHERE id = :id")
    Optional<Category> find(@Bind("id") long id);

    /** The lists are short (tens of entries), so they are read whole. */
    @SqlQuery(SELECT + "WHERE kind = :kind AND (active OR NOT :activeOnly) ORDER BY sort_order, name, id")
    List<Category> list(@Bind("kind") CategoryKind kind, @Bind("activeOnly") boolean activeOnly);
}
