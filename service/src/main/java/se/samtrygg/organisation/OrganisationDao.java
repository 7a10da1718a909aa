package se.samtrygg.organisation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Organisation.class)
public interface OrganisationDao {
    String COLUMNS = "id, name, type, active, created_at, updated_at";

    @SqlUpdate("INSERT INTO organisation (name, type, active, created_at, updated_at) VALUES (:name, :type, TRUE, :now, :now)")
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("type") OrganisationType type, @Bind("now") Instant now);

    @SqlUpdate("UPDATE organisation SET name = :name, type = :type, updated_at = :now WHERE id = :id")
    int update(@Bind("id") long id, @Bind("name") String name, @Bind("type") OrganisationType type, @Bind("now") Instant now);

    @SqlUpdate("UPDATE organisation SET active = :active, updated_at = :now WHERE id = :id")
    int setActive(@Bind("id") long id, @Bind("active") boolean active, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM organisation WHERE id = :id")
    Optional<Organisation> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM organisation WHERE name_key = LOWER(:name)")
    Optional<Organisation> findByName(@Bind("name") String name);

    @SqlQuery("SELECT " + COLUMNS + " FROM organisation WHERE id > :after"
            + " AND (CAST(:q AS VARCHAR(200)) IS NULL OR LOWER(name) LIKE :q) ORDER BY id LIMIT :limit")
    List<Organisation> list(@Bind("after") long after, @Bind("q") String likePattern, @Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM organisation WHERE id IN (<ids>) ORDER BY name")
    List<Organisation> findAll(@BindList("ids") Collection<Long> ids);

    @SqlQuery("SELECT " + COLUMNS + " FROM organisation WHERE active ORDER BY name")
    List<Organisation> allActive();
}
