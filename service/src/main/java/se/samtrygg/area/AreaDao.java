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
@RegisterConstructorMapper(Place.class)
public interface AreaDao {
    String COLUMNS = "id, name, municipality, description, created_at, updated_at";
    String PLACE_COLUMNS = "id, area_id, name, address, created_at, updated_at";

    @SqlUpdate("INSERT INTO area (name, municipality, description, created_at, updated_at) VALUES (:name, :municipality, :description, :now, :now)")
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("municipality") String municipality, @Bind("description") String description,
                @Bind("now") Instant now);

    @SqlUpdate("UPDATE area SET name = :name, municipality = :municipality, description = :description, updated_at = :now WHERE id = :id")
    int update(@Bind("id") long id, @Bind("name") String name, @Bind("municipality") String municipality,
               @Bind("description") String description, @Bind("now") Instant now);

    @SqlQuery("SELECT " + COLUMNS + " FROM area WHERE id = :id")
    Optional<Area> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM area WHERE LOWER(municipality) = LOWER(:municipality) AND LOWER(name) = LOWER(:name)")
    Optional<Area> findByName(@Bind("municipality") String municipality, @Bind("name") String name);

    @SqlQuery("SELECT " + COLUMNS + " FROM area ORDER BY municipality, name")
    List<Area> all();

    @SqlQuery("SELECT " + COLUMNS + " FROM area WHERE id > :after ORDER BY id LIMIT :limit")
    List<Area> list(@Bind("after") long after, @Bind("limit") int limit);

    @SqlUpdate("INSERT INTO place (area_id, name, address, created_at, updated_at) VALUES (:areaId, :name, :address, :now, :now)")
    @GetGeneratedKeys("id")
    long insertPlace(@Bind("areaId") long areaId, @Bind("name") String name, @Bind("address") String address, @Bind("now") Instant now);

    @SqlUpdate("UPDATE place SET name = :name, address = :address, updated_at = :now WHERE id = :id")
    int updatePlace(@Bind("id") long id, @Bind("name") String name, @Bind("address") String address, @Bind("now") Instant now);

    @SqlQuery("SELECT " + PLACE_COLUMNS + " FROM place WHERE id = :id")
    Optional<Place> findPlace(@Bind("id") long id);

    @SqlQuery("SELECT " + PLACE_COLUMNS + " FROM place WHERE area_id = :areaId AND LOWER(name) = LOWER(:name)")
    Optional<Place> findPlaceByName(@Bind("areaId") long areaId, @Bind("name") String name);

    @SqlQuery("SELECT " + PLACE_COLUMNS + " FROM place WHERE area_id = :areaId ORDER BY name")
    List<Place> places(@Bind("areaId") long areaId);
}
