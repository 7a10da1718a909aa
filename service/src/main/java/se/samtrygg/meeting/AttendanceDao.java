package se.samtrygg.meeting;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(Attendance.Organisation.class)
@RegisterConstructorMapper(Attendance.Person.class)
public interface AttendanceDao {
    @SqlQuery("""
            SELECT a.organisation_id, o.name FROM meeting_attendance_organisation a JOIN organisation o ON o.id = a.organisation_id
            WHERE a.meeting_id = :id ORDER BY o.name, o.id""")
    List<Attendance.Organisation> organisations(@Bind("id") long meetingId);

    @SqlQuery("""
            SELECT a.user_id, u.name FROM meeting_attendance_user a JOIN app_user u ON u.id = a.user_id
            WHERE a.meeting_id = :id ORDER BY u.name, u.id""")
    List<Attendance.Person> people(@Bind("id") long meetingId);

    @SqlUpdate("DELETE FROM meeting_attendance_organisation WHERE meeting_id = :id")
    void clearOrganisations(@Bind("id") long meetingId);

    @SqlUpdate("DELETE FROM meeting_attendance_user WHERE meeting_id = :id")
    void clearPeople(@Bind("id") long meetingId);

    @SqlUpdate("INSERT INTO meeting_attendance_organisation (meeting_id, organisation_id) VALUES (:id, :organisationId)")
    void addOrganisation(@Bind("id") long meetingId, @Bind("organisationId") long organisationId);

    @SqlUpdate("INSERT INTO meeting_attendance_user (meeting_id, user_id) VALUES (:id, :userId)")
    void addPerson(@Bind("id") long meetingId, @Bind("userId") long userId);
}
