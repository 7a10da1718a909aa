package se.samtrygg.observation;

import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.support.TestServer;

/**
 * Activities for observation tests, written straight into the activity table: the activity log's own API comes from its
 * feature. The first activity type stands for a night walk.
 */
final class TestActivities {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private TestActivities() {
    }

    static long nightWalk(TestServer server, long organisationId, long areaId, Long placeId, LocalDateTime start, String visibility) {
        long typeId = server.services().categories().active(CategoryKind.ACTIVITY_TYPE).get(0).id();
        OffsetDateTime startsAt = start.atZone(STOCKHOLM).toOffsetDateTime();
        String sql = """
                INSERT INTO activity (organisation_id, area_id, place_id, type_id, starts_at, ends_at, staff_count, reached_count,
                                      description, visibility, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, 4, 30, 'Nattvandring', ?, ?, ?)""";
        var database = server.database();
        try (java.sql.Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"})) {
            statement.setLong(1, organisationId);
            statement.setLong(2, areaId);
            if (placeId == null) {
                statement.setNull(3, java.sql.Types.BIGINT);
            } else {
                statement.setLong(3, placeId);
            }
            statement.setLong(4, typeId);
            statement.setObject(5, startsAt);
            statement.setObject(6, startsAt.plusHours(3));
            statement.setString(7, visibility);
            statement.setObject(8, OffsetDateTime.now());
            statement.setObject(9, OffsetDateTime.now());
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
