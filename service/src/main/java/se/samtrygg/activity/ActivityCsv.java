package se.samtrygg.activity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.Visibility;
import se.samtrygg.common.web.Dates;

/**
 * The activity log as CSV, the way Swedish Excel opens it: UTF-8 with a byte order mark, semicolons,
 * CRLF line ends. A cell that starts with =, +, - or @ gets an apostrophe in front, so a spreadsheet
 * shows it as text instead of running it as a formula. The import reads the same columns back.
 */
public final class ActivityCsv {
    /** The columns, in order; the header row names them in the reader's language (activities.csv.&lt;column&gt;). */
    public static final List<String> COLUMNS = List.of("date", "start", "end", "area", "place", "type", "staff", "reached",
            "description", "visibility", "organisation", "id");
    public static final String BOM = "\uFEFF";
    private static final String SEPARATOR = ";";
    private static final String LINE_END = "\r\n";

    private ActivityCsv() {
    }

    // Writing

    /** One cell, quoted when it must be and neutralised when a spreadsheet would read it as a formula. */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = value;
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@') {
            text = "'" + text;
        }
        boolean quote = text.contains(SEPARATOR) || text.contains("\"") || text.contains("\n") || text.contains("\r")
                || !text.equals(text.strip());
        return quote ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }

    public static String line(List<String> cells) {
        return String.join(SEPARATOR, cells.stream().map(ActivityCsv::cell).toList()) + LINE_END;
    }

    public static void writeHeader(Writer out, Function<String, String> columnLabel) {
        write(out, BOM + line(COLUMNS.stream().map(columnLabel).toList()));
    }

    public static void writeRow(Writer out, Activity a) {
        write(out, line(List.of(Dates.date(a.startsAt()), time(a.startsAt()), time(a.endsAt()), a.areaName(),
                nullToEmpty(a.placeName()), a.typeName(), number(a.staffCount()), number(a.reachedCount()),
                nullToEmpty(a.description()), a.visibility().name(), a.organisationName(), Long.toString(a.id()))));
    }

    private static String time(java.time.Instant instant) {
        return Dates.dateTime(instant).substring(11);
    }

    private static String number(Integer n) {
        return n == null ? "" : n.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Reading

    /** Splits CSV text into records of cells: quoted cells may hold separators, quotes ("") and line breaks. */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        String s = text.startsWith(BOM) ? text.substring(1) : text;
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ';') {
                record.add(cell.toString());
                cell.setLength(0);
                any = true;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || cell.length() > 0) {
                    record.add(cell.toString());
                    records.add(record);
                }
                record = new ArrayList<>();
                cell.setLength(0);
                any = false;
            } else {
                cell.append(c);
                any = true;
            }
        }
        if (any || cell.length() > 0) {
            record.add(cell.toString());
            records.add(record);
        }
        return records;
    }

    /** The data rows of an import file: the first record is the header and is skipped. Rows are numbered as a spreadsheet shows them. */
    public static List<Row> rows(String text) {
        List<List<String>> records = parse(text == null ? "" : text);
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            // Excel leaves rows of bare separators (;;;;) where cells were cleared: nothing to import, nothing wrong.
            if (records.get(i).stream().anyMatch(cell -> !cell.isBlank())) {
                rows.add(new Row(i + 1, records.get(i)));
            }
        }
        return rows;
    }

    /** The column a field of {@link ActivityInput} comes from, for a per-row message. */
    public static String column(String field) {
        return switch (field) {
            case "startsAt" -> "start";
            case "endsAt" -> "end";
            case "areaId" -> "area";
            case "placeId" -> "place";
            case "typeId" -> "type";
            case "staffCount" -> "staff";
            case "reachedCount" -> "reached";
            case "date", "start", "end", "area", "place", "type", "staff", "reached", "description", "visibility" -> field;
            default -> "row";
        };
    }

    /** One data row of an import, read into an {@link ActivityInput}; what cannot be read is kept as a problem. */
    public static final class Row {
        private final int number;
        private final List<String> cells;
        private final List<FieldError> problems = new ArrayList<>();

        Row(int number, List<String> cells) {
            this.number = number;
            this.cells = cells;
        }

        public int number() {
            return number;
        }

        List<FieldError> problems() {
            return problems;
        }

        ActivityInput input(long organisationId, ActivityService.Lookups lookups) {
            problems.clear();
            LocalDate date = parse("date", "error.date", LocalDate::parse);
            LocalTime start = parse("start", "error.time", LocalTime::parse);
            LocalTime end = parse("end", "error.time", LocalTime::parse);
            String areaName = text("area");
            Long areaId = areaName == null ? null : lookups.areaNamed(areaName);
            String placeName = text("place");
            Long placeId = placeName == null || areaId == null ? null : lookups.placeNamed(areaId, placeName);
            String typeName = text("type");
            Long typeId = typeName == null ? null : lookups.typeNamed(typeName);
            Integer staff = parse("staff", "error.number", Integer::valueOf);
            Integer reached = parse("reached", "error.number", Integer::valueOf);
            Visibility visibility = parse("visibility", "error.unknownValue", v -> Visibility.valueOf(v.toUpperCase(Locale.ROOT)));
            ActivityTimes times = date == null || start == null || end == null ? null : ActivityTimes.of(date, start, end);
            for (String column : List.of("date", "start", "end", "area", "type")) {
                if (text(column) == null) {
                    problems.add(new FieldError(column, "error.required"));
                }
            }
            return new ActivityInput(organisationId, areaId, placeId, typeId, times == null ? null : times.startsAt(),
                    times == null ? null : times.endsAt(), staff, reached, description(text("description")), visibility);
        }

        /** What our export neutralised comes back as typed: the apostrophe in front of =, +, - or @ goes. */
        private static String description(String value) {
            if (value != null && value.length() > 1 && value.charAt(0) == '\'' && "=+-@".indexOf(value.charAt(1)) >= 0) {
                return value.substring(1);
            }
            return value;
        }

        private String text(String column) {
            int index = COLUMNS.indexOf(column);
            if (index >= cells.size()) {
                return null;
            }
            String value = cells.get(index).strip();
            return value.isEmpty() ? null : value;
        }

        private <T> T parse(String column, String messageKey, Function<String, T> parser) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value);
            } catch (DateTimeParseException | IllegalArgumentException e) {
                problems.add(new FieldError(column, messageKey));
                return null;
            }
        }
    }
}
