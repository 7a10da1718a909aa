package se.samtrygg.servicepoint;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import se.samtrygg.organisation.OrganisationType;

/**
 * Service points, their presence slots (with languages and help kinds in tables of their own) and exceptions. Slots are
 * read for many service points at once, and their languages and help kinds for many slots at once, so that a page of
 * presences costs a handful of queries however many slots it shows.
 */
@RegisterConstructorMapper(ServicePoint.class)
@RegisterConstructorMapper(ServicePointDao.SlotRow.class)
@RegisterConstructorMapper(ServicePointDao.LanguageOf.class)
@RegisterConstructorMapper(ServicePointDao.HelpOf.class)
@RegisterConstructorMapper(ServicePointDao.ExceptionRow.class)
public interface ServicePointDao {
    String POINT = """
            SELECT sp.id, sp.area_id, a.name AS area_name, a.municipality, sp.name, sp.kind, sp.address, sp.step_free,
                   sp.hearing_loop, sp.accessibility_note, sp.description, sp.active, sp.created_at, sp.updated_at
            FROM service_point sp
            JOIN area a ON a.id = sp.area_id
            """;

    String SLOT = """
            SELECT s.id, s.service_point_id, s.organisation_id, o.name AS organisation_name, o.type AS organisation_type, s.weekday,
                   s.starts_at, s.ends_at, s.valid_from, s.valid_until, s.help_note, s.updated_at
            FROM presence_slot s
            JOIN organisation o ON o.id = s.organisation_id
            """;

    String EXCEPTION = "SELECT id, service_point_id, slot_id, exception_date, reason FROM presence_exception ";

    /** A slot without its languages and help kinds, which come from {@link #languagesOf} and {@link #helpOf}. */
    record SlotRow(long id, long servicePointId, long organisationId, String organisationName, OrganisationType organisationType,
                   int weekday, LocalTime startsAt, LocalTime endsAt, LocalDate validFrom, LocalDate validUntil, String helpNote,
                   Instant updatedAt) {
    }

    record LanguageOf(long slotId, String code) {
    }

    record HelpOf(long slotId, HelpKind kind) {
    }

    record ExceptionRow(long id, long servicePointId, Long slotId, LocalDate exceptionDate, String reason) {
        PresenceException exception() {
            return new PresenceException(id, servicePointId, slotId, exceptionDate, reason);
        }
    }

    // Service points

    @SqlQuery(POINT + "WHERE sp.id = :id")
    Optional<ServicePoint> find(@Bind("id") long id);

    @SqlQuery(POINT + "WHERE sp.area_id = :areaId AND LOWER(sp.name) = LOWER(:name)")
    Optional<ServicePoint> findByName(@Bind("areaId") long areaId, @Bind("name") String name);

    @SqlQuery(POINT + """
            WHERE (CAST(:areaId AS BIGINT) IS NULL OR sp.area_id = :areaId) AND (:includeInactive OR sp.active) AND sp.id > :after
            ORDER BY sp.id LIMIT :limit""")
    List<ServicePoint> list(@Bind("areaId") Long areaId, @Bind("includeInactive") boolean includeInactive, @Bind("after") long after,
                            @Bind("limit") int limit);

    /** The active service points of an area, or of every area of a municipality (or everywhere, both null). */
    @SqlQuery(POINT + """
            WHERE sp.active AND (CAST(:areaId AS BIGINT) IS NULL OR sp.area_id = :areaId)
              AND (CAST(:municipality AS VARCHAR(200)) IS NULL OR a.municipality = :municipality)
            ORDER BY sp.id LIMIT 1000""")
    List<ServicePoint> active(@Bind("areaId") Long areaId, @Bind("municipality") String municipality);

    /** Holds the service point's row until the transaction ends: what is checked and then stored for it, one at a time. */
    @SqlQuery("SELECT id FROM service_point WHERE id = :id FOR UPDATE")
    Optional<Long> lock(@Bind("id") long id);

    @SqlUpdate("""
            INSERT INTO service_point (area_id, name, kind, address, step_free, hearing_loop, accessibility_note, description, active,
                                       created_at, updated_at)
            VALUES (:areaId, :name, :kind, :address, :stepFree, :hearingLoop, :accessibilityNote, :description, :active, :now, :now)""")
    @GetGeneratedKeys("id")
    long insert(@Bind("areaId") long areaId, @Bind("name") String name, @Bind("kind") ServicePointKind kind,
                @Bind("address") String address, @Bind("stepFree") boolean stepFree, @Bind("hearingLoop") boolean hearingLoop,
                @Bind("accessibilityNote") String accessibilityNote, @Bind("description") String description,
                @Bind("active") boolean active, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE service_point SET area_id = :areaId, name = :name, kind = :kind, address = :address, step_free = :stepFree,
                   hearing_loop = :hearingLoop, accessibility_note = :accessibilityNote, description = :description, active = :active,
                   updated_at = :now
            WHERE id = :id""")
    int update(@Bind("id") long id, @Bind("areaId") long areaId, @Bind("name") String name, @Bind("kind") ServicePointKind kind,
               @Bind("address") String address, @Bind("stepFree") boolean stepFree, @Bind("hearingLoop") boolean hearingLoop,
               @Bind("accessibilityNote") String accessibilityNote, @Bind("description") String description,
               @Bind("active") boolean active, @Bind("now") Instant now);

    // Presence slots

    @SqlQuery(SLOT + "WHERE s.id = :id")
    Optional<SlotRow> findSlot(@Bind("id") long id);

    /**
     * The slots of the service points, by weekday and time (bounded: a service point has tens of slots, not thousands). Not by
     * organisation name: H2 and PostgreSQL collate names differently; the service sorts them the Swedish way.
     */
    @SqlQuery(SLOT + """
            WHERE s.service_point_id IN (<pointIds>)
            ORDER BY s.weekday, s.starts_at, s.ends_at, s.id LIMIT 5000""")
    List<SlotRow> slotsOf(@BindList("pointIds") Collection<Long> servicePointIds);

    /**
     * The slots of the service points that run on some day from {@code from} to {@code to}, of active organisations: a
     * deactivated organisation is no longer there to meet.
     */
    @SqlQuery(SLOT + """
            WHERE s.service_point_id IN (<pointIds>) AND s.valid_from <= :to AND (s.valid_until IS NULL OR s.valid_until >= :from)
              AND o.active
            ORDER BY s.weekday, s.starts_at, s.id LIMIT 5000""")
    List<SlotRow> slotsRunning(@BindList("pointIds") Collection<Long> servicePointIds, @Bind("from") LocalDate from,
                               @Bind("to") LocalDate to);

    @SqlQuery("SELECT slot_id, code FROM presence_slot_language WHERE slot_id IN (<slotIds>) ORDER BY slot_id, code")
    List<LanguageOf> languagesOf(@BindList("slotIds") Collection<Long> slotIds);

    @SqlQuery("SELECT slot_id, kind FROM presence_slot_help WHERE slot_id IN (<slotIds>) ORDER BY slot_id, kind")
    List<HelpOf> helpOf(@BindList("slotIds") Collection<Long> slotIds);

    @SqlUpdate("""
            INSERT INTO presence_slot (service_point_id, organisation_id, weekday, starts_at, ends_at, valid_from, valid_until, help_note,
                                       created_at, updated_at)
            VALUES (:servicePointId, :organisationId, :weekday, :startsAt, :endsAt, :validFrom, :validUntil, :helpNote, :now, :now)""")
    @GetGeneratedKeys("id")
    long insertSlot(@Bind("servicePointId") long servicePointId, @Bind("organisationId") long organisationId, @Bind("weekday") int weekday,
                    @Bind("startsAt") LocalTime startsAt, @Bind("endsAt") LocalTime endsAt, @Bind("validFrom") LocalDate validFrom,
                    @Bind("validUntil") LocalDate validUntil, @Bind("helpNote") String helpNote, @Bind("now") Instant now);

    @SqlUpdate("""
            UPDATE presence_slot SET organisation_id = :organisationId, weekday = :weekday, starts_at = :startsAt, ends_at = :endsAt,
                   valid_from = :validFrom, valid_until = :validUntil, help_note = :helpNote, updated_at = :now
            WHERE id = :id""")
    int updateSlot(@Bind("id") long id, @Bind("organisationId") long organisationId, @Bind("weekday") int weekday,
                   @Bind("startsAt") LocalTime startsAt, @Bind("endsAt") LocalTime endsAt, @Bind("validFrom") LocalDate validFrom,
                   @Bind("validUntil") LocalDate validUntil, @Bind("helpNote") String helpNote, @Bind("now") Instant now);

    @SqlBatch("INSERT INTO presence_slot_language (slot_id, code) VALUES (:slotId, :code)")
    void insertLanguages(@Bind("slotId") long slotId, @Bind("code") List<String> codes);

    @SqlBatch("INSERT INTO presence_slot_help (slot_id, kind) VALUES (:slotId, :kind)")
    void insertHelp(@Bind("slotId") long slotId, @Bind("kind") List<HelpKind> kinds);

    @SqlUpdate("DELETE FROM presence_slot_language WHERE slot_id = :slotId")
    int deleteLanguages(@Bind("slotId") long slotId);

    @SqlUpdate("DELETE FROM presence_slot_help WHERE slot_id = :slotId")
    int deleteHelp(@Bind("slotId") long slotId);

    @SqlUpdate("DELETE FROM presence_exception WHERE slot_id = :slotId")
    int deleteExceptionsOfSlot(@Bind("slotId") long slotId);

    @SqlUpdate("DELETE FROM presence_slot WHERE id = :id")
    int deleteSlot(@Bind("id") long id);

    // Exceptions

    @SqlQuery(EXCEPTION + "WHERE id = :id")
    Optional<ExceptionRow> findException(@Bind("id") long id);

    /** A service point's exceptions from a day on (bounded: a few per week, a year or so ahead). */
    @SqlQuery(EXCEPTION + "WHERE service_point_id = :pointId AND exception_date >= :from ORDER BY exception_date, id LIMIT 1000")
    List<ExceptionRow> exceptionsFrom(@Bind("pointId") long servicePointId, @Bind("from") LocalDate from);

    @SqlQuery(EXCEPTION + """
            WHERE service_point_id IN (<pointIds>) AND exception_date >= :from AND exception_date <= :to
            ORDER BY exception_date, id LIMIT 20000""")
    List<ExceptionRow> exceptionsBetween(@BindList("pointIds") Collection<Long> servicePointIds, @Bind("from") LocalDate from,
                                              @Bind("to") LocalDate to);

    /** The same exception already there: the whole point closed that day ({@code slotId} null), or that slot cancelled. */
    @SqlQuery(EXCEPTION + """
            WHERE service_point_id = :pointId AND exception_date = :date
              AND ((CAST(:slotId AS BIGINT) IS NULL AND slot_id IS NULL) OR slot_id = :slotId)""")
    List<ExceptionRow> sameException(@Bind("pointId") long servicePointId, @Bind("slotId") Long slotId, @Bind("date") LocalDate date);

    @SqlUpdate("""
            INSERT INTO presence_exception (service_point_id, slot_id, exception_date, reason, created_at)
            VALUES (:pointId, :slotId, :date, :reason, :now)""")
    @GetGeneratedKeys("id")
    long insertException(@Bind("pointId") long servicePointId, @Bind("slotId") Long slotId, @Bind("date") LocalDate date,
                         @Bind("reason") String reason, @Bind("now") Instant now);

    /** A slot's cancellations (bounded: at most one a week, for the years it runs). */
    @SqlQuery(EXCEPTION + "WHERE slot_id = :slotId ORDER BY exception_date, id LIMIT 10000")
    List<ExceptionRow> exceptionsOfSlot(@Bind("slotId") long slotId);

    @SqlUpdate("DELETE FROM presence_exception WHERE id IN (<ids>)")
    int deleteExceptions(@BindList("ids") Collection<Long> ids);

    @SqlUpdate("DELETE FROM presence_exception WHERE id = :id")
    int deleteException(@Bind("id") long id);
}
