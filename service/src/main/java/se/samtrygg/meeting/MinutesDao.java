package se.samtrygg.meeting;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.samtrygg.common.Visibility;

@RegisterConstructorMapper(Minutes.class)
@RegisterConstructorMapper(Decision.class)
public interface MinutesDao {
    String FROM = """
            FROM agenda_minutes mi
            JOIN agenda_item a ON a.id = mi.agenda_item_id
            JOIN meeting mt ON mt.id = mi.meeting_id
            JOIN network_group g ON g.id = mt.network_group_id
            LEFT JOIN organisation o ON o.id = mi.organisation_id
            LEFT JOIN app_user u ON u.id = mi.updated_by
            """;

    String SELECT = """
            SELECT mi.meeting_id, mi.agenda_item_id, a.sort_order, a.title AS agenda_title, mi.notes, mi.decision, mi.visibility,
                   mi.organisation_id, o.name AS organisation_name, mi.updated_by, u.name AS updated_by_name, mi.updated_at
            """ + FROM;

    /**
     * Who may read minutes, written once: only someone who sees the meeting, and of ORGANISATION
     * minutes only the people of their organisation; an admin who is not one of them does not read them.
     */
    String VISIBLE_TO_VIEWER = "(" + MeetingDao.VISIBLE_TO_VIEWER + """
             AND (mi.visibility = 'NETWORK'
                  OR (mi.visibility = 'ORGANISATION' AND mi.organisation_id IN (<viewerOrganisations>))))
            """;

    @SqlQuery(SELECT + "WHERE mi.meeting_id = :meetingId AND " + VISIBLE_TO_VIEWER + " ORDER BY a.sort_order, a.id")
    List<Minutes> visible(@Bind("meetingId") long meetingId, @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                          @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                          Collection<Long> viewerOrganisations);

    @SqlQuery("""
            SELECT mi.meeting_id, mi.agenda_item_id, a.sort_order, a.title AS agenda_title, mi.decision, mi.visibility,
                   mi.organisation_id, o.name AS organisation_name
            """ + FROM + "WHERE mi.meeting_id = :meetingId AND mi.decision IS NOT NULL AND " + VISIBLE_TO_VIEWER
            + " ORDER BY a.sort_order, a.id")
    List<Decision> decisionsVisible(@Bind("meetingId") long meetingId, @Bind("admin") boolean admin, @Bind("viewer") long viewer,
                                    @BindList(value = "viewerOrganisations", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                    Collection<Long> viewerOrganisations);

    /** Every agenda point of a meeting that has minutes, whoever may read them: for telling a writer which they must leave alone. */
    @SqlQuery("SELECT mi.agenda_item_id FROM agenda_minutes mi WHERE mi.meeting_id = :meetingId")
    List<Long> pointsWithMinutes(@Bind("meetingId") long meetingId);

    /** The minutes of one point as stored, for deciding what a write changes; never shown as they are. */
    @SqlQuery(SELECT + "WHERE mi.agenda_item_id = :agendaItemId")
    Optional<Minutes> find(@Bind("agendaItemId") long agendaItemId);

    @SqlUpdate("""
            INSERT INTO agenda_minutes (agenda_item_id, meeting_id, notes, decision, visibility, organisation_id, updated_by,
                                        created_at, updated_at)
            VALUES (:agendaItemId, :meetingId, :notes, :decision, :visibility, :organisationId, :by, :now, :now)""")
    void insert(@Bind("agendaItemId") long agendaItemId, @Bind("meetingId") long meetingId, @Bind("notes") String notes,
                @Bind("decision") String decision, @Bind("visibility") Visibility visibility, @Bind("organisationId") Long organisationId,
                @Bind("by") long updatedBy, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE agenda_minutes SET notes = :notes, decision = :decision, visibility = :visibility, organisation_id = :organisationId,
                   updated_by = :by, updated_at = :now WHERE agenda_item_id = :agendaItemId""")
    void update(@Bind("agendaItemId") long agendaItemId, @Bind("notes") String notes, @Bind("decision") String decision,
                @Bind("visibility") Visibility visibility, @Bind("organisationId") Long organisationId, @Bind("by") long updatedBy,
                @Bind("now") Instant now);

    @SqlUpdate("DELETE FROM agenda_minutes WHERE agenda_item_id = :agendaItemId")
    void delete(@Bind("agendaItemId") long agendaItemId);
}
