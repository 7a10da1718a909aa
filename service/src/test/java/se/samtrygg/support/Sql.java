package se.samtrygg.support;

import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads the database directly, to check what a test cannot see through the service itself. */
public final class Sql {
    private Sql() {
    }

    public static long count(TestDatabase.Connection database, String sql, Object... args) {
        try (java.sql.Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
