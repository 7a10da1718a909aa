package se.samtrygg.rollout;

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
import se.samtrygg.organisation.OrganisationType;

/** Method templates and their steps; only {@link MethodTemplateService} uses it. */
@RegisterConstructorMapper(MethodTemplateDao.Row.class)
@RegisterConstructorMapper(MethodTemplateDao.StepRow.class)
public interface MethodTemplateDao {
    String SELECT = "SELECT id, name, description, version, active, created_at, updated_at FROM method_template ";
    String SELECT_STEPS = """
            SELECT template_id, id, position, name, description, responsible_type, offset_days, covering, counted
            FROM method_template_step
            """;

    /** A template without its steps. */
    record Row(long id, String name, String description, int version, boolean active, Instant createdAt, Instant updatedAt) {
        MethodTemplate with(List<TemplateStep> steps) {
            return new MethodTemplate(id, name, description, version, active, List.copyOf(steps), createdAt, updatedAt);
        }
    }

    /** A step with the template it belongs to, so that the steps of several templates are read at once. */
    record StepRow(long templateId, long id, int position, String name, String description, OrganisationType responsibleType,
                   int offsetDays, boolean covering, boolean counted) {
        TemplateStep step() {
            return new TemplateStep(id, position, name, description, responsibleType, offsetDays, covering, counted);
        }
    }

    @SqlQuery(SELECT + "WHERE id = :id")
    Optional<Row> find(@Bind("id") long id);

    /** Active ones first, then by name; a handful exist, so they are read whole. */
    @SqlQuery(SELECT + "WHERE active OR :includeRetired ORDER BY CASE WHEN active THEN 0 ELSE 1 END, name, id")
    List<Row> list(@Bind("includeRetired") boolean includeRetired);

    @SqlQuery(SELECT + "WHERE LOWER(name) = LOWER(:name)")
    Optional<Row> findByName(@Bind("name") String name);

    @SqlQuery(SELECT_STEPS + "WHERE template_id IN (<templateIds>) ORDER BY template_id, position")
    List<StepRow> steps(@BindList("templateIds") Collection<Long> templateIds);

    @SqlUpdate("""
            INSERT INTO method_template (name, description, version, active, created_at, updated_at)
            VALUES (:name, :description, 1, :active, :now, :now)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("name") String name, @Bind("description") String description, @Bind("active") boolean active,
                @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE method_template SET name = :name, description = :description, active = :active, version = version + 1,
                   updated_at = :now
            WHERE id = :id""")
    int update(@Bind("id") long id, @Bind("name") String name, @Bind("description") String description, @Bind("active") boolean active,
               @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM method_template_step WHERE template_id = :templateId")
    int deleteSteps(@Bind("templateId") long templateId);

    @SqlUpdate("""
            INSERT INTO method_template_step (template_id, position, name, description, responsible_type, offset_days, covering, counted)
            VALUES (:templateId, :position, :name, :description, :responsibleType, :offsetDays, :covering, :counted)""")
    void insertStep(@Bind("templateId") long templateId, @Bind("position") int position, @Bind("name") String name,
                    @Bind("description") String description, @Bind("responsibleType") OrganisationType responsibleType,
                    @Bind("offsetDays") int offsetDays, @Bind("covering") boolean covering, @Bind("counted") boolean counted);
}
