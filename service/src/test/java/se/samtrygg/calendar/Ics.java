package se.samtrygg.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * Our calendars as a second, independent library (ical4j) reads them: parsed, validated, and
 * series expanded the way a calendar program does it (the rule, then the overrides by RECURRENCE-ID).
 */
final class Ics {
    private final Calendar calendar;

    private Ics(Calendar calendar) {
        this.calendar = calendar;
    }

    /** Parses and validates; fails the test on any validation error. */
    static Ics parse(String text) {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(text));
            ValidationResult result = calendar.validate();
            assertThat(result.hasErrors()).as("ical4j validation: " + result + "\n" + text).isFalse();
            return new Ics(calendar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserException e) {
            throw new AssertionError("ical4j could not parse:\n" + text, e);
        }
    }

    String property(String name) {
        return calendar.getProperty(name).map(Property::getValue).orElse(null);
    }

    boolean hasTimezone(String tzid) {
        List<CalendarComponent> zones = calendar.getComponents(Component.VTIMEZONE);
        return zones.stream().anyMatch(z -> z.getProperty(Property.TZID).map(Property::getValue).filter(tzid::equals).isPresent());
    }

    List<VEvent> events() {
        return calendar.getComponents(Component.VEVENT);
    }

    List<String> uids() {
        return events().stream().map(e -> value(e, Property.UID)).toList();
    }

    /** The one event with this UID and no RECURRENCE-ID. */
    VEvent event(String uid) {
        List<VEvent> found = events().stream().filter(e -> uid.equals(value(e, Property.UID)) && value(e, Property.RECURRENCE_ID) == null)
                .toList();
        assertThat(found).as("events with UID " + uid).hasSize(1);
        return found.get(0);
    }

    static String value(Component component, String property) {
        return component.getProperty(property).map(Property::getValue).orElse(null);
    }

    static String parameter(Component component, String property, String parameter) {
        Optional<Property> found = component.getProperty(property);
        return found.flatMap(p -> p.getParameter(parameter)).map(p -> ((net.fortuna.ical4j.model.Parameter) p).getValue()).orElse(null);
    }

    static Instant instant(Component component, String property) {
        Optional<DateProperty<?>> found = component.getProperty(property);
        Temporal date = found.orElseThrow(() -> new AssertionError("no " + property + " in " + component)).getDate();
        return Instant.from(date);
    }

    static boolean cancelled(Component component) {
        return "CANCELLED".equals(value(component, Property.STATUS));
    }

    record Occurrence(Instant start, boolean cancelled) {
    }

    /**
     * The occurrences of a series between two moments, as a calendar program shows them: the
     * master's rule expanded by ical4j, each replaced by its override (same UID, RECURRENCE-ID).
     */
    List<Occurrence> expand(String uid, ZonedDateTime from, ZonedDateTime to) {
        VEvent master = event(uid);
        Set<Period<ZonedDateTime>> periods = master.calculateRecurrenceSet(new Period<>(from, to));
        Map<Instant, VEvent> overrides = new HashMap<>();
        events().stream().filter(e -> uid.equals(value(e, Property.UID)) && value(e, Property.RECURRENCE_ID) != null)
                .forEach(e -> overrides.put(instant(e, Property.RECURRENCE_ID), e));
        List<Occurrence> occurrences = new ArrayList<>();
        for (Period<ZonedDateTime> period : periods) {
            Instant ruleStart = Instant.from(period.getStart());
            VEvent override = overrides.remove(ruleStart);
            occurrences.add(override == null ? new Occurrence(ruleStart, false)
                    : new Occurrence(instant(override, Property.DTSTART), cancelled(override)));
        }
        assertThat(overrides).as("overrides whose RECURRENCE-ID the rule does not produce").isEmpty();
        occurrences.sort(Comparator.comparing(Occurrence::start));
        return occurrences;
    }
}
