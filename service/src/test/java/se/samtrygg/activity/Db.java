package se.samtrygg.activity;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import se.samtrygg.support.TestServer;

/** Straight to the database, for what the activity tests check behind the service (the audit log) or set up ahead of it. */
final class Db {
    private Db() {
    }

    static List<String> strings(TestServer server, String sql) {
        try (Connection c = connect(server); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void update(TestServer server, String sql) {
        try (Connection c = connect(server); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(TestServer server) throws SQLException {
        return DriverManager.getConnection(server.database().url(), server.database().user(), server.database().password());
    }
}
