package se.samtrygg.audit;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(AuditEntry.class)
public interface AuditDao {

    @SqlUpdate("""
            INSERT INTO audit_log (occurred_at, actor_user_id, action, entity_type, entity_id, summary)
            VALUES (:at, :actor, :action, :entityType, :entityId, :summary)""")
    void insert(@Bind("at") Instant at, @Bind("actor") Long actor, @Bind("action") AuditAction action,
                @Bind("entityType") String entityType, @Bind("entityId") Long entityId, @Bind("summary") String summary);

    /** Newest first, keyset-paged by id: {@code before} is the last id of the previous page. */
    @SqlQuery("""
            SELECT a.id, a.occurred_at, a.actor_user_id, u.name AS actor_name, a.action, a.entity_type, a.entity_id, a.summary
            FROM audit_log a LEFT JOIN app_user u ON u.id = a.actor_user_id
            WHERE a.id < :before
              AND (CAST(:f.entityType AS VARCHAR(40)) IS NULL OR a.entity_type = :f.entityType)
              AND (CAST(:f.entityId AS BIGINT) IS NULL OR a.entity_id = :f.entityId)
              AND (CAST(:f.actorUserId AS BIGINT) IS NULL OR a.actor_user_id = :f.actorUserId)
              AND (CAST(:f.action AS VARCHAR(20)) IS NULL OR a.action = :f.action)
              AND (CAST(:f.from AS TIMESTAMP WITH TIME ZONE) IS NULL OR a.occurred_at >= :f.from)
              AND (CAST(:f.to AS TIMESTAMP WITH TIME ZONE) IS NULL OR a.occurred_at < :f.to)
            ORDER BY a.id DESC
            LIMIT :limit""")
    List<AuditEntry> find(@BindMethods("f") AuditFilter filter, @Bind("before") long before, @Bind("limit") int limit);

    @SqlQuery("SELECT DISTINCT entity_type FROM audit_log ORDER BY entity_type")
    List<String> entityTypes();
}
