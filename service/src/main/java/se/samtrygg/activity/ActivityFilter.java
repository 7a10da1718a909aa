package se.samtrygg.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.samtrygg.common.Checks;
import se.samtrygg.common.FieldError;
import se.samtrygg.common.InvalidInputException;
import se.samtrygg.common.web.FormValues;

/**
 * What narrows the activity log: area, organisation, type, a date range (Europe/Stockholm, both days
 * included), words in the description, and {@code mine}: only my organisations' activities. Every
 * field may be left out.
 */
public record ActivityFilter(Long areaId, Long organisationId, Long typeId, LocalDate from, LocalDate to, String q,
                             boolean mine) {

    public static ActivityFilter none() {
        return new ActivityFilter(null, null, null, null, null, null, false);
    }

    /** The filter as a query string gives it (the API and the log page alike), every unreadable value refused at once. */
    public static ActivityFilter parse(String areaId, String organisationId, String typeId, String from, String to, String q,
                                       boolean mine) {
        List<FieldError> problems = new ArrayList<>();
        Long area = id(areaId, "areaId", problems);
        Long organisation = id(organisationId, "organisationId", problems);
        Long type = id(typeId, "typeId", problems);
        LocalDate first = date(from, "from", problems);
        LocalDate last = date(to, "to", problems);
        String query = Checks.clean(q);
        if (query != null && query.length() > 200) {
            problems.add(new FieldError("q", "error.tooLong", 200));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ActivityFilter(area, organisation, type, first, last, query, mine);
    }

    private static Long id(String value, String field, List<FieldError> problems) {
        try {
            return FormValues.optionalLong(value, field, "error.unknownValue");
        } catch (InvalidInputException e) {
            problems.addAll(e.errors());
            return null;
        }
    }

    private static LocalDate date(String value, String field, List<FieldError> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return FormValues.date(value, field);
        } catch (InvalidInputException e) {
            problems.addAll(e.errors());
            return null;
        }
    }
}
