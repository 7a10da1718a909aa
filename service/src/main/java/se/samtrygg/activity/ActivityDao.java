package se.samtrygg.activity;

import java.util.Collection;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import se.samtrygg.common.db.Confidentiality;

@RegisterConstructorMapper(Activity.class)
public interface ActivityDao {
    String SELECT = """
            SELECT rec.id, rec.organisation_id, o.name AS organisation_name, rec.area_id, ar.name AS area_name, rec.place_id,
                   p.name AS place_name, rec.type_id, t.name AS type_name, rec.starts_at, rec.ends_at, rec.staff_count,
                   rec.reached_count, rec.description, rec.visibility, rec.created_by, u.name AS created_by_name,
                   rec.created_at, rec.updated_at
            FROM activity rec
            JOIN organisation o ON o.id = rec.organisation_id
            JOIN area ar ON ar.id = rec.area_id
            LEFT JOIN place p ON p.id = rec.place_id
            JOIN category t ON t.id = rec.type_id
            LEFT JOIN app_user u ON u.id = rec.created_by
            """;

    String VISIBLE_TO_VIEWER = Confidentiality.RECORD_VISIBLE_TO_VIEWER;

    @SqlQuery(SELECT + "WHERE rec.id = :id AND " + VISIBLE_TO_VIEWER)
    Optional<Activity> findVisible(@Bind("id") long id, @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                   @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                   Collection<Long> viewerOrganisations);
}
