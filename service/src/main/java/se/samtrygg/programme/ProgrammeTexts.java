package se.samtrygg.programme;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.Dates;

/** Statuses, values and periods of programme follow-up in words, in the reader's language, for the pages. */
final class ProgrammeTexts {
    private final Messages messages;
    private final Language language;

    ProgrammeTexts(Messages messages, Language language) {
        this.messages = messages;
        this.language = language;
    }

    /**
     * A status as the pages show it: a symbol and words, never colour alone ({@code css} only adds colour). When set by
     * hand, the justification, who set it and the computed status beside it.
     */
    record StatusView(String css, String symbol, String label, boolean overridden, String overrideText, String computed) {
    }

    /** A value with its unit and when it was measured (or the period it covers); {@code partial} for a period under way. */
    record ValueView(String value, String when, boolean partial) {
    }

    String text(String key, Object... args) {
        return messages.get(language, key, args);
    }

    String statusLabel(ProgrammeStatus status) {
        return text("programme.status." + status.name());
    }

    static String symbol(ProgrammeStatus status) {
        return switch (status) {
            case ON_TRACK -> "✓";
            case AT_RISK -> "!";
            case OFF_TRACK -> "✗";
            case NO_DATA -> "–";
        };
    }

    static String css(ProgrammeStatus status) {
        return "status-" + status.name().toLowerCase().replace('_', '-');
    }

    StatusView status(Assessment assessment) {
        ProgrammeStatus status = assessment.status();
        String overrideText = null;
        String computed = null;
        if (assessment.overridden()) {
            StatusOverride override = assessment.override();
            overrideText = text("followUp.status.overridden", override.setByName() == null ? "" : override.setByName(),
                    Dates.date(override.setAt()), override.justification());
            computed = text("followUp.status.computed", statusLabel(assessment.computed()));
        }
        return new StatusView(css(status), symbol(status), statusLabel(status), assessment.overridden(), overrideText, computed);
    }

    /** One status on its own, as the status form shows the computed and the hand-set one side by side. */
    StatusView status(ProgrammeStatus status) {
        return new StatusView(css(status), symbol(status), statusLabel(status), false, null, null);
    }

    /** "2 I fas, 1 Risk": how many of the parts have each status, worst first, leaving out those none has. */
    String counts(Collection<ProgrammeStatus> statuses) {
        if (statuses.isEmpty()) {
            return text("followUp.counts.none");
        }
        Map<ProgrammeStatus, Integer> counted = new EnumMap<>(ProgrammeStatus.class);
        statuses.forEach(s -> counted.merge(s, 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        for (ProgrammeStatus status : List.of(ProgrammeStatus.OFF_TRACK, ProgrammeStatus.AT_RISK, ProgrammeStatus.ON_TRACK,
                ProgrammeStatus.NO_DATA)) {
            Integer count = counted.get(status);
            if (count != null) {
                parts.add(text("followUp.counts.item", count.toString(), statusLabel(status)));
            }
        }
        return text("followUp.counts.total", Integer.toString(statuses.size()), String.join(", ", parts));
    }

    /** A number as people here write it: no trailing zeros, a decimal comma in Swedish. */
    String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        String plain = value.stripTrailingZeros().toPlainString();
        return language == Language.en ? plain : plain.replace('.', ',');
    }

    String withUnit(BigDecimal value, String unit) {
        if (value == null) {
            return "";
        }
        return unit == null || unit.isBlank() ? number(value) : number(value) + " " + unit;
    }

    /** The day or the period a value covers: a measurement's day, or a derived value's month, quarter or year. */
    String when(DataPoint point, PeriodLength period) {
        if (point.from().equals(point.to()) || period == null) {
            return point.from().equals(point.to()) ? point.to().toString() : point.from() + " – " + point.to();
        }
        LocalDate from = point.from();
        return switch (period) {
            case YEAR -> Integer.toString(from.getYear());
            case QUARTER -> text("followUp.quarterOf", Integer.toString(from.getYear()), Integer.toString((from.getMonthValue() - 1) / 3 + 1));
            case MONTH -> String.format("%d-%02d", from.getYear(), from.getMonthValue());
        };
    }

    ValueView value(DataPoint point, Indicator indicator) {
        if (point == null) {
            return null;
        }
        return new ValueView(withUnit(point.value(), indicator.unit()), when(point, indicator.period()), point.partial());
    }

    String quarter(Integer quarter) {
        return quarter == null ? text("followUp.comments.wholeYear") : text("followUp.comments.quarter", quarter.toString());
    }

    /** Where a comment's subject is shown. */
    static String path(ProgressSubject subject, long id) {
        return switch (subject) {
            case GOAL -> "/goals/" + id;
            case MEASURE -> "/measures/" + id;
            case INDICATOR -> "/indicators/" + id;
        };
    }
}
