package se.samtrygg.area;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Area.class)
public interface AreaDao {
    String COLUMNS = "id, name, municipality, description, created_at, updated_at";

    @SqlUpdate("INSERT INTO area (name, municipality, description, created_at, updated_at) VALUES (:name, :municipality, :description, :now, :now)")
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("municipality") String municipality, @Bind("description") String description,
                @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM area WHERE id = :id")
    Optional<Area> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM area WHERE LOWER(municipality) = LOWER(:municipality) AND LOWER(name) = LOWER(:name)")
    Optional<Area> findByName(@Bind("municipality") String municipality, @Bind("name") String name);

    @SqlQuery("SELECT " + COLUMNS + " FROM area ORDER BY municipality, name")
    List<Area> all();
}
