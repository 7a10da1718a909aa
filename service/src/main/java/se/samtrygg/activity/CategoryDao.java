package se.samtrygg.activity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Category.class)
public interface CategoryDao {
    String SELECT = "SELECT id, kind, name, sort_order, active FROM category ";

    @SqlQuery(SELECT + "WHERE id = :id")
    Optional<Category> find(@Bind("id") long id);

    /** The lists are short (tens of entries), so they are read whole. */
    @SqlQuery(SELECT + "WHERE kind = :kind AND (active OR NOT :activeOnly) ORDER BY sort_order, name, id")
    List<Category> list(@Bind("kind") CategoryKind kind, @Bind("activeOnly") boolean activeOnly);

    @SqlQuery(SELECT + "WHERE kind = :kind AND LOWER(name) = LOWER(:name)")
    Optional<Category> findByName(@Bind("kind") CategoryKind kind, @Bind("name") String name);

    @SqlQuery("SELECT COALESCE(MAX(sort_order), 0) FROM category WHERE kind = :kind")
    int lastSortOrder(@Bind("kind") CategoryKind kind);

    @SqlUpdate("""
            INSERT INTO category (kind, name, sort_order, active, created_at, updated_at)
            VALUES (:kind, :name, :sortOrder, TRUE, :now, :now)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("kind") CategoryKind kind, @Bind("name") String name, @Bind("sortOrder") int sortOrder, @Bind("now") Instant now);

    @SqlUpdate("UPDATE category SET name = :name, sort_order = :sortOrder, active = :active, updated_at = :now WHERE id = :id")
    int update(@Bind("id") long id, @Bind("name") String name, @Bind("sortOrder") int sortOrder, @Bind("active") boolean active,
               @Bind("now") Instant now);
}
