package se.samtrygg.situation;

import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.Jdbi;
import se.samtrygg.support.TestServer;

/**
 * Activity-log rows written straight into the server's database with plain SQL: the situation picture
 * only reads them, and the features that write them are built elsewhere. Each method returns the id.
 */
final class Records {
    private final Jdbi jdbi;
    private final Instant now = Instant.now();

    Records(TestServer server) {
        this.jdbi = Jdbi.create(server.database().url(), server.database().user(), server.database().password());
    }

    long category(String kind, String name) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO category (kind, name, sort_order, active, created_at, updated_at)
                        VALUES (:kind, :name, 500, TRUE, :now, :now)""")
                .bind("kind", kind).bind("name", name).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    long categoryNamed(String kind, String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM category WHERE kind = :kind AND name = :name")
                .bind("kind", kind).bind("name", name).mapTo(Long.class).one());
    }

    long activity(long organisation, long area, Long place, long type, Instant startsAt, Integer staff, Integer reached,
                  String description, String visibility) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO activity (organisation_id, area_id, place_id, type_id, starts_at, ends_at, staff_count, reached_count,
                                              description, visibility, created_at, updated_at)
                        VALUES (:organisation, :area, :place, :type, :startsAt, :endsAt, :staff, :reached, :description, :visibility,
                                :now, :now)""")
                .bind("organisation", organisation).bind("area", area).bind("place", place).bind("type", type)
                .bind("startsAt", startsAt).bind("endsAt", startsAt.plusSeconds(7200)).bind("staff", staff).bind("reached", reached)
                .bind("description", description).bind("visibility", visibility).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    long observation(long organisation, long area, Long place, long category, Instant observedAt, String description, String visibility,
                     Long actionItem) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO observation (organisation_id, area_id, place_id, category_id, observed_at, description, visibility,
                                                 action_item_id, created_at, updated_at)
                        VALUES (:organisation, :area, :place, :category, :observedAt, :description, :visibility, :actionItem, :now, :now)""")
                .bind("organisation", organisation).bind("area", area).bind("place", place).bind("category", category)
                .bind("observedAt", observedAt).bind("description", description).bind("visibility", visibility)
                .bind("actionItem", actionItem).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** Levels in the order vandalism, littering, lighting, gatherings, incidents against staff. */
    long placeReport(long organisation, long area, long place, LocalDate weekStart, int[] levels, String upcomingEvents,
                     String visibility) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO place_report (organisation_id, area_id, place_id, week_start, vandalism, littering, lighting, gatherings,
                                                  incidents_against_staff, upcoming_events, visibility, created_at, updated_at)
                        VALUES (:organisation, :area, :place, :weekStart, :v, :l, :li, :g, :i, :events, :visibility, :now, :now)""")
                .bind("organisation", organisation).bind("area", area).bind("place", place).bind("weekStart", weekStart)
                .bind("v", levels[0]).bind("l", levels[1]).bind("li", levels[2]).bind("g", levels[3]).bind("i", levels[4])
                .bind("events", upcomingEvents).bind("visibility", visibility).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    /** An action item as an observation's handover makes it: of an area, in no meeting or group. */
    long actionItem(long area, String title, long responsibleOrganisation, LocalDate dueDate, String state, String visibility) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        INSERT INTO action_item (area_id, title, responsible_organisation_id, due_date, state, visibility, created_at,
                                                 updated_at)
                        VALUES (:area, :title, :organisation, :dueDate, :state, :visibility, :now, :now)""")
                .bind("area", area).bind("title", title).bind("organisation", responsibleOrganisation).bind("dueDate", dueDate)
                .bind("state", state).bind("visibility", visibility).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }
}
