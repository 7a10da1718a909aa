package se.samtrygg.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.samtrygg.common.i18n.Language;

@RegisterConstructorMapper(UserRow.class)
@RegisterConstructorMapper(Membership.class)
@RegisterConstructorMapper(PrincipalRow.class)
public interface UserDao {
    String COLUMNS = "id, email, name, language, active, password_hash, password_change_required, failed_logins, "
            + "last_failed_login_at, locked_until, created_at, updated_at";

    /**
     * A principal's columns, over app_user u and {@link #PRINCIPAL_JOINS}: one row per role and organisation
     * (at most four roles times a person's few memberships).
     */
    String PRINCIPAL_COLUMNS = "u.id AS user_id, u.email, u.name, u.language, u.active, u.password_change_required, r.role, "
            + "m.organisation_id";
    String PRINCIPAL_JOINS = "LEFT JOIN user_role r ON r.user_id = u.id LEFT JOIN membership m ON m.user_id = u.id";

    @SqlUpdate("""
            INSERT INTO app_user (email, name, language, active, password_hash, password_change_required, failed_logins, created_at, updated_at)
            VALUES (:email, :name, :language, TRUE, :hash, :changeRequired, 0, :now, :now)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("email") String email, @Bind("name") String name, @Bind("language") Language language,
                @Bind("hash") String passwordHash, @Bind("changeRequired") boolean changeRequired, @Bind("now") Instant now);

    @SqlUpdate("UPDATE app_user SET email = :email, name = :name, language = :language, updated_at = :now WHERE id = :id")
    int update(@Bind("id") long id, @Bind("email") String email, @Bind("name") String name,
               @Bind("language") Language language, @Bind("now") Instant now);

    @SqlUpdate("UPDATE app_user SET language = :language, updated_at = :now WHERE id = :id")
    int updateLanguage(@Bind("id") long id, @Bind("language") Language language, @Bind("now") Instant now);

    @SqlUpdate("UPDATE app_user SET active = :active, updated_at = :now WHERE id = :id")
    int setActive(@Bind("id") long id, @Bind("active") boolean active, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE app_user SET password_hash = :hash, password_change_required = :changeRequired,
                   failed_logins = 0, locked_until = NULL, updated_at = :now WHERE id = :id""")
    int setPassword(@Bind("id") long id, @Bind("hash") String hash, @Bind("changeRequired") boolean changeRequired,
                    @Bind("now") Instant now);

    @SqlUpdate("UPDATE app_user SET failed_logins = :failures, last_failed_login_at = :at, locked_until = :lockedUntil WHERE id = :id")
    int recordFailedLogin(@Bind("id") long id, @Bind("failures") int failures, @Bind("at") Instant at,
                          @Bind("lockedUntil") Instant lockedUntil);

    @SqlUpdate("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = :id AND failed_logins <> 0")
    int clearFailedLogins(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
    Optional<UserRow> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM app_user WHERE email_key = LOWER(:email)")
    Optional<UserRow> findByEmail(@Bind("email") String email);

    @SqlQuery("SELECT " + COLUMNS + " FROM app_user WHERE id > :after"
            + " AND (CAST(:q AS VARCHAR(200)) IS NULL OR LOWER(name) LIKE :q OR LOWER(email) LIKE :q)"
            + " ORDER BY id LIMIT :limit")
    List<UserRow> list(@Bind("after") long after, @Bind("q") String likePattern, @Bind("limit") int limit);

    @SqlQuery("SELECT " + PRINCIPAL_COLUMNS + " FROM app_user u " + PRINCIPAL_JOINS + " WHERE u.id = :id")
    List<PrincipalRow> principal(@Bind("id") long userId);

    @SqlQuery("SELECT role FROM user_role WHERE user_id = :id")
    Set<Role> roles(@Bind("id") long userId);

    @SqlUpdate("DELETE FROM user_role WHERE user_id = :id")
    void clearRoles(@Bind("id") long userId);

    @SqlUpdate("INSERT INTO user_role (user_id, role) VALUES (:id, :role)")
    void addRole(@Bind("id") long userId, @Bind("role") Role role);

    @SqlQuery("""
            SELECT COUNT(*) FROM app_user u JOIN user_role r ON r.user_id = u.id
            WHERE r.role = 'ADMIN' AND u.active AND u.id <> :except""")
    int countActiveAdminsExcept(@Bind("except") long userId);

    /** Roles and memberships with their user, for loading a whole page of users at once. */
    record RoleOf(long userId, Role role) {
    }

    record OrganisationOf(long userId, long organisationId) {
    }

    @SqlQuery("SELECT user_id, role FROM user_role WHERE user_id IN (<ids>)")
    @RegisterConstructorMapper(RoleOf.class)
    List<RoleOf> rolesOf(@org.jdbi.v3.sqlobject.customizer.BindList("ids") java.util.Collection<Long> userIds);

    @SqlQuery("SELECT user_id, organisation_id FROM membership WHERE user_id IN (<ids>)")
    @RegisterConstructorMapper(OrganisationOf.class)
    List<OrganisationOf> organisationsOf(@org.jdbi.v3.sqlobject.customizer.BindList("ids") java.util.Collection<Long> userIds);

    @SqlQuery("SELECT organisation_id FROM membership WHERE user_id = :id")
    Set<Long> organisationIds(@Bind("id") long userId);

    // Memberships: part of identity, since they decide what a user may see.

    @SqlUpdate("INSERT INTO membership (user_id, organisation_id, created_at) VALUES (:userId, :organisationId, :now)")
    @GetGeneratedKeys("id")
    long insertMembership(@Bind("userId") long userId, @Bind("organisationId") long organisationId, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM membership WHERE id = :id")
    int deleteMembership(@Bind("id") long id);

    String MEMBERSHIP = """
            SELECT m.id, m.user_id, u.name AS user_name, m.organisation_id, o.name AS organisation_name, m.created_at
            FROM membership m JOIN app_user u ON u.id = m.user_id JOIN organisation o ON o.id = m.organisation_id
            """;

    @SqlQuery(MEMBERSHIP + " WHERE m.id = :id")
    Optional<Membership> findMembership(@Bind("id") long id);

    @SqlQuery(MEMBERSHIP + " WHERE m.user_id = :userId AND m.organisation_id = :organisationId")
    Optional<Membership> findMembership(@Bind("userId") long userId, @Bind("organisationId") long organisationId);

    @SqlQuery(MEMBERSHIP + """
             WHERE m.id > :after
               AND (CAST(:userId AS BIGINT) IS NULL OR m.user_id = :userId)
               AND (CAST(:organisationId AS BIGINT) IS NULL OR m.organisation_id = :organisationId)
             ORDER BY m.id LIMIT :limit""")
    List<Membership> memberships(@Bind("userId") Long userId, @Bind("organisationId") Long organisationId,
                                 @Bind("after") long after, @Bind("limit") int limit);

    /** Memberships of active people in active organisations, by organisation and name: for "who is responsible" pickers. */
    // The organisations are filtered by the ids as well as the memberships: without it PostgreSQL's generic plan walked
    // every organisation in name order against every chosen membership (16 ms for a group of 15; 1 ms with it).
    @SqlQuery(MEMBERSHIP + """
             WHERE m.organisation_id IN (<organisationIds>) AND o.id IN (<organisationIds>) AND u.active AND o.active
             ORDER BY o.name, o.id, u.name, u.id LIMIT :limit""")
    List<Membership> activeMemberships(
            @org.jdbi.v3.sqlobject.customizer.BindList("organisationIds") java.util.Collection<Long> organisationIds,
            @Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) FROM app_user u JOIN user_role r ON r.user_id = u.id WHERE r.role = 'ADMIN' AND u.active")
    int countActiveAdmins();

    @SqlQuery("""
            SELECT u.id, u.name FROM app_user u JOIN user_role r ON r.user_id = u.id
            WHERE r.role = :role AND u.active ORDER BY u.name""")
    @RegisterConstructorMapper(UserSummary.class)
    List<UserSummary> activeWithRole(@Bind("role") Role role);

    @SqlQuery("SELECT u.id, u.name FROM app_user u WHERE u.active AND u.id IN (<ids>) ORDER BY u.name")
    @RegisterConstructorMapper(UserSummary.class)
    List<UserSummary> activeSummaries(@org.jdbi.v3.sqlobject.customizer.BindList("ids") java.util.Collection<Long> ids);

    @SqlQuery("SELECT u.id, u.name FROM app_user u WHERE u.active AND u.email_key = LOWER(:email)")
    @RegisterConstructorMapper(UserSummary.class)
    Optional<UserSummary> activeByEmail(@Bind("email") String email);

    @SqlQuery("""
            SELECT m.organisation_id, u.id AS user_id, u.name FROM membership m JOIN app_user u ON u.id = m.user_id
            WHERE m.organisation_id IN (<organisations>) AND u.active ORDER BY m.organisation_id, u.name, u.id LIMIT :limit""")
    @RegisterConstructorMapper(OrganisationMember.class)
    List<OrganisationMember> activeMembersOf(@org.jdbi.v3.sqlobject.customizer.BindList("organisations") java.util.Collection<Long> organisationIds,
                                             @Bind("limit") int limit);

    @SqlQuery("""
            SELECT DISTINCT u.id FROM membership m JOIN app_user u ON u.id = m.user_id
            WHERE m.organisation_id IN (<organisations>) AND u.id IN (<users>) AND u.active""")
    List<Long> activeMembersAmong(@org.jdbi.v3.sqlobject.customizer.BindList("users") java.util.Collection<Long> userIds,
                                  @org.jdbi.v3.sqlobject.customizer.BindList("organisations") java.util.Collection<Long> organisationIds);

    @SqlQuery("SELECT u.id, u.name FROM app_user u WHERE u.id IN (<ids>) ORDER BY u.name")
    @RegisterConstructorMapper(UserSummary.class)
    List<UserSummary> summaries(@org.jdbi.v3.sqlobject.customizer.BindList("ids") java.util.Collection<Long> ids);
}
