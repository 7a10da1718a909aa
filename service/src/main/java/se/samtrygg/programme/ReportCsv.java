package se.samtrygg.programme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import se.samtrygg.activity.ActivityCsv;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;

/**
 * The annual follow-up report as CSV, written the way the activity log's export is (UTF-8 with a byte order mark,
 * semicolons, CRLF, a cell a spreadsheet would run as a formula neutralised: {@link ActivityCsv#line}). One row per
 * indicator, under its focus area, goal and measure (empty for a goal's own); then one row per comment of the year,
 * with what it is about in the same columns, the period in the values column and the text in the comment column.
 */
public final class ReportCsv {
    /** The columns, in order; the header names them in the reader's language (programmeCsv.&lt;column&gt;). */
    public static final List<String> COLUMNS = List.of("focusArea", "goal", "measure", "indicator", "unit", "direction", "baseline", "target",
            "values", "latest", "status", "overridden", "comment", "author");

    private ReportCsv() {
    }

    public static void write(AnnualReport report, Messages messages, Language language, Writer out) {
        write(out, ActivityCsv.BOM + ActivityCsv.line(COLUMNS.stream().map(c -> messages.get(language, "programmeCsv." + c)).toList()));
        List<List<String>> comments = new ArrayList<>();
        for (AnnualReport.Section section : report.focusAreas()) {
            String focusArea = section.focusArea().name();
            for (AnnualReport.GoalPart goal : section.goals()) {
                String goalName = goal.goal().name();
                goal.comments().forEach(c -> comments.add(comment(focusArea, goalName, "", "", c)));
                for (AnnualReport.IndicatorPart indicator : goal.indicators()) {
                    write(out, ActivityCsv.line(indicatorRow(focusArea, goalName, "", indicator, messages, language)));
                    indicator.comments().forEach(c -> comments.add(comment(focusArea, goalName, "", indicator.indicator().name(), c)));
                }
                for (AnnualReport.MeasurePart measure : goal.measures()) {
                    String measureName = measure.measure().name();
                    measure.comments().forEach(c -> comments.add(comment(focusArea, goalName, measureName, "", c)));
                    for (AnnualReport.IndicatorPart indicator : measure.indicators()) {
                        write(out, ActivityCsv.line(indicatorRow(focusArea, goalName, measureName, indicator, messages, language)));
                        indicator.comments().forEach(c -> comments.add(comment(focusArea, goalName, measureName, indicator.indicator().name(), c)));
                    }
                }
            }
        }
        comments.forEach(row -> write(out, ActivityCsv.line(row)));
    }

    private static List<String> indicatorRow(String focusArea, String goal, String measure, AnnualReport.IndicatorPart part, Messages messages,
                                             Language language) {
        Indicator i = part.indicator();
        String values = part.values().stream().map(p -> p.to() + ": " + number(p.value())).collect(Collectors.joining(", "));
        return List.of(focusArea, goal, measure, i.name(), i.unit(), messages.get(language, "programmeCsv." + i.direction().name()),
                dated(i.baselineValue(), i.baselineDate()), dated(i.targetValue(), i.targetDate()), values,
                part.latest() == null ? "" : part.latest().to() + ": " + number(part.latest().value()),
                messages.get(language, "programme.status." + part.assessment().status().name()),
                messages.get(language, part.assessment().overridden() ? "programmeCsv.yes" : "programmeCsv.no"), "", "");
    }

    private static List<String> comment(String focusArea, String goal, String measure, String indicator, ProgressComment c) {
        String period = c.year() + (c.quarter() == null ? "" : " Q" + c.quarter());
        return List.of(focusArea, goal, measure, indicator, "", "", "", "", period, "", "", "", c.text(), c.authorName());
    }

    private static String dated(BigDecimal value, java.time.LocalDate date) {
        return value == null ? "" : number(value) + (date == null ? "" : " (" + date + ")");
    }

    /** Without trailing zeros: 72.5000 as 72.5, 40.0000 as 40. */
    private static String number(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
