package se.samtrygg.common.db;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value that steps at points along a column, as SQL: {@code CASE WHEN column < :p0 THEN v0 WHEN column < :p1 THEN v1
 * ... ELSE vn END}. The points are bound parameters named {@code prefix0, prefix1, ...} ({@link #parameters}); the values
 * are integers the caller computed, written into the SQL. It lets one grouped query tell apart what a time zone decides
 * (the periods of a series, the offset of a day) while the SQL itself needs no time zone function: H2's and
 * PostgreSQL's differ.
 */
public record SqlSteps(String prefix, List<?> points, List<Integer> values) {

    public SqlSteps {
        if (values.size() != points.size() + 1) {
            throw new IllegalArgumentException("one value more than points: " + points.size() + " points, " + values.size() + " values");
        }
        points = List.copyOf(points);
        values = List.copyOf(values);
    }

    /** The expression over {@code column}, a column name written by the caller (never user input). */
    public String sql(String column) {
        if (points.isEmpty()) {
            return String.valueOf(values.get(0));
        }
        StringBuilder sql = new StringBuilder("CASE");
        for (int i = 0; i < points.size(); i++) {
            sql.append(" WHEN ").append(column).append(" < :").append(prefix).append(i).append(" THEN ").append(values.get(i));
        }
        return sql.append(" ELSE ").append(values.get(points.size())).append(" END").toString();
    }

    /** The points, by the names {@link #sql} gives them. */
    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        for (int i = 0; i < points.size(); i++) {
            parameters.put(prefix + i, points.get(i));
        }
        return parameters;
    }
}
