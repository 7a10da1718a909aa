package se.samtrygg.organisation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ContactPerson.class)
public interface ContactDao {
    String COLUMNS = "id, organisation_id, name, title, phone, email, created_at, updated_at";

    @SqlUpdate("""
            INSERT INTO contact_person (organisation_id, name, title, phone, email, created_at, updated_at)
            VALUES (:organisationId, :c.name, :c.title, :c.phone, :c.email, :now, :now)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("organisationId") long organisationId, @BindMethods("c") ContactInput contact, @Bind("now") Instant now);

    @SqlUpdate("UPDATE contact_person SET name = :c.name, title = :c.title, phone = :c.phone, email = :c.email, updated_at = :now WHERE id = :id")
    int update(@Bind("id") long id, @BindMethods("c") ContactInput contact, @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM contact_person WHERE id = :id")
    int delete(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM contact_person WHERE id = :id")
    Optional<ContactPerson> find(@Bind("id") long id);

    @SqlQuery("SELECT " + COLUMNS + " FROM contact_person WHERE organisation_id = :organisationId ORDER BY name")
    List<ContactPerson> forOrganisation(@Bind("organisationId") long organisationId);
}
