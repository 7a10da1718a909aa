package se.samtrygg.meeting;

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
import se.samtrygg.common.db.Confidentiality;

@RegisterConstructorMapper(NetworkGroupRow.class)
@RegisterConstructorMapper(NetworkGroup.Member.class)
@RegisterConstructorMapper(NetworkGroup.Coordinator.class)
public interface NetworkGroupDao {
    String SELECT = """
            SELECT g.id, g.area_id, a.name AS area_name, g.name, g.created_at, g.updated_at
            FROM network_group g JOIN area a ON a.id = g.area_id
            """;

    /**
     * Who may see a group, written once: admins; its coordinators; members of its member
     * organisations. Every query that lists or reads groups for a person goes through it.
     */
    String VISIBLE_TO_VIEWER = Confidentiality.GROUP_VISIBLE_TO_VIEWER;

    @SqlUpdate("INSERT INTO network_group (area_id, name, created_at, updated_at) VALUES (:areaId, :name, :now, :now)")
    @GetGeneratedKeys("id")
    long insert(@Bind("areaId") long areaId, @Bind("name") String name, @Bind("now") Instant now);

    @SqlUpdate("UPDATE network_group SET area_id = :areaId, name = :name, updated_at = :now WHERE id = :id")
    int update(@Bind("id") long id, @Bind("areaId") long areaId, @Bind("name") String name, @Bind("now") Instant now);

    @SqlQuery(SELECT + "WHERE g.id = :id")
    Optional<NetworkGroupRow> find(@Bind("id") long id);

    @SqlQuery(SELECT + "WHERE g.area_id = :areaId AND LOWER(g.name) = LOWER(:name)")
    Optional<NetworkGroupRow> findByName(@Bind("areaId") long areaId, @Bind("name") String name);

    @SqlQuery(SELECT + "WHERE g.id = :id AND " + VISIBLE_TO_VIEWER)
    Optional<NetworkGroupRow> findVisible(@Bind("id") long id, @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                          @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                          Collection<Long> viewerOrganisations);

    @SqlQuery(SELECT + """
            WHERE g.id > :after AND (CAST(:areaId AS BIGINT) IS NULL OR g.area_id = :areaId) AND """ + " " + VISIBLE_TO_VIEWER + """
            ORDER BY g.id LIMIT :limit""")
    List<NetworkGroupRow> listVisible(@Bind("areaId") Long areaId, @Bind("after") long after, @Bind("limit") int limit,
                                      @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                      @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                      Collection<Long> viewerOrganisations);

    @SqlQuery("""
            SELECT o.id AS organisation_id, o.name FROM network_group_member m JOIN organisation o ON o.id = m.organisation_id
            WHERE m.network_group_id = :id ORDER BY o.name""")
    List<NetworkGroup.Member> members(@Bind("id") long groupId);

    @SqlQuery("""
            SELECT u.id AS user_id, u.name FROM network_group_coordinator c JOIN app_user u ON u.id = c.user_id
            WHERE c.network_group_id = :id ORDER BY u.name""")
    List<NetworkGroup.Coordinator> coordinators(@Bind("id") long groupId);

    @SqlQuery("""
            SELECT DISTINCT m.organisation_id FROM network_group_member m JOIN network_group g ON g.id = m.network_group_id
            WHERE g.area_id = :areaId""")
    List<Long> memberOrganisationIdsOfArea(@Bind("areaId") long areaId);

    /** A member or coordinator together with the group it belongs to, for loading a whole page of groups at once. */
    record Person(long networkGroupId, long id, String name) {
    }

    @SqlQuery("""
            SELECT m.network_group_id, o.id, o.name FROM network_group_member m JOIN organisation o ON o.id = m.organisation_id
            WHERE m.network_group_id IN (<ids>) ORDER BY o.name""")
    @RegisterConstructorMapper(Person.class)
    List<Person> membersOf(@BindList("ids") Collection<Long> groupIds);

    @SqlQuery("""
            SELECT c.network_group_id, u.id, u.name FROM network_group_coordinator c JOIN app_user u ON u.id = c.user_id
            WHERE c.network_group_id IN (<ids>) ORDER BY u.name""")
    @RegisterConstructorMapper(Person.class)
    List<Person> coordinatorsOf(@BindList("ids") Collection<Long> groupIds);

    @SqlUpdate("DELETE FROM network_group_member WHERE network_group_id = :id")
    void clearMembers(@Bind("id") long groupId);

    @SqlUpdate("INSERT INTO network_group_member (network_group_id, organisation_id) VALUES (:id, :organisationId)")
    void addMember(@Bind("id") long groupId, @Bind("organisationId") long organisationId);

    @SqlUpdate("DELETE FROM network_group_coordinator WHERE network_group_id = :id")
    void clearCoordinators(@Bind("id") long groupId);

    @SqlUpdate("INSERT INTO network_group_coordinator (network_group_id, user_id) VALUES (:id, :userId)")
    void addCoordinator(@Bind("id") long groupId, @Bind("userId") long userId);

    @SqlQuery("SELECT COUNT(*) FROM network_group_coordinator WHERE network_group_id = :id AND user_id = :userId")
    int isCoordinator(@Bind("id") long groupId, @Bind("userId") long userId);
}
