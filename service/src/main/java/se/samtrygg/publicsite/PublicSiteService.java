package se.samtrygg.publicsite;

import java.text.Collator;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import se.samtrygg.activity.ActivityService;
import se.samtrygg.activity.PublicActivity;
import se.samtrygg.activity.PublicTypeCount;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaService;
import se.samtrygg.calendar.CalendarEvent;
import se.samtrygg.calendar.IcsWriter;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.Dates;
import se.samtrygg.servicepoint.HelpKind;
import se.samtrygg.servicepoint.Presence;
import se.samtrygg.servicepoint.PresenceSlot;
import se.samtrygg.servicepoint.ServicePoint;
import se.samtrygg.servicepoint.ServicePointService;
import se.samtrygg.servicepoint.SpokenLanguage;

/**
 * What residents read without signing in: where and when public actors can be met, the upcoming PUBLIC activities and
 * counts of PUBLIC activities. It reads service points (public information by rule) and the activity log's public
 * queries only, which select PUBLIC records and nothing else; it has no viewer and takes none.
 */
public final class PublicSiteService {
    /** The feed carries the presences of this many weeks ahead. */
    static final int FEED_WEEKS = 8;
    /** The area page lists the PUBLIC activities of the next 30 days, at most 20 of them. */
    static final Duration UPCOMING = Duration.ofDays(30);
    static final int UPCOMING_MAX = 20;
    /** The figures count the PUBLIC activities of the last 90 days. */
    static final Duration FIGURES = Duration.ofDays(90);
    /** The feed's activities: from 30 days back (what was just held stays in the calendar) to 90 days ahead. */
    static final Duration FEED_PAST = Duration.ofDays(30);
    static final Duration FEED_AHEAD = Duration.ofDays(90);
    /** The poster lists the hours that run on some day of the next four weeks: it hangs on a notice board for a while. */
    static final int POSTER_DAYS = 28;
    private static final int FEED_ACTIVITIES_MAX = 500;
    private static final Comparator<String> SWEDISH_ORDER = Collator.getInstance(Locale.forLanguageTag("sv"))::compare;

    private final AreaService areas;
    private final ActivityService activities;
    private final ServicePointService servicePoints;
    private final Messages messages;
    private final IcsWriter ics = new IcsWriter();

    public PublicSiteService(AreaService areas, ActivityService activities, ServicePointService servicePoints, Messages messages) {
        this.areas = areas;
        this.activities = activities;
        this.servicePoints = servicePoints;
        this.messages = messages;
    }

    /** A municipality and its areas, by name. */
    public record Municipality(String name, List<Area> areas) {
    }

    /**
     * The days a page lists: from today to the Sunday of next week (ISO weeks in Europe/Stockholm). The days of this week
     * that have passed are left out: their hours are of no use to anyone any more.
     */
    public record Period(LocalDate today, LocalDate from, LocalDate to) {
        static Period thisAndNextWeek(LocalDate today) {
            return new Period(today, today, today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).plusWeeks(1));
        }

        public LocalDate nextMonday() {
            return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        }
    }

    public record MunicipalityOverview(String name, List<Area> areas, Period period, List<Presence> presences) {
    }

    /**
     * An area's public page. {@code languages} and {@code help} are what the presences of the period offer (the filters'
     * choices); {@code language} and {@code helpChosen} the filter asked for; {@code presences} what matches it.
     */
    public record AreaOverview(Area area, Period period, List<Presence> presences, List<SpokenLanguage> languages,
                               List<HelpKind> help, Optional<SpokenLanguage> language, Optional<HelpKind> helpChosen,
                               List<PublicActivity> upcoming, List<PublicTypeCount> figures, Instant figuresSince, Instant now) {
        public boolean filtered() {
            return language.isPresent() || helpChosen.isPresent();
        }
    }

    /** The poster's weekly hours: every slot running in the coming weeks, with its service point. */
    public record PosterSlot(ServicePoint servicePoint, PresenceSlot slot) {
    }

    public record Poster(Area area, LocalDate today, List<ServicePoint> servicePoints, List<PosterSlot> slots) {
    }

    /** Every municipality that has areas, with its areas, both in Swedish alphabetical order. */
    public List<Municipality> municipalities() {
        Map<String, List<Area>> byMunicipality = new TreeMap<>(SWEDISH_ORDER);
        for (Area area : areas.all()) {
            byMunicipality.computeIfAbsent(area.municipality(), m -> new ArrayList<>()).add(area);
        }
        return byMunicipality.entrySet().stream()
                .map(e -> new Municipality(e.getKey(), e.getValue().stream().sorted(Comparator.comparing(Area::name, SWEDISH_ORDER)).toList()))
                .toList();
    }

    /** A municipality's areas and this and next week's presences across them; not found when no area has that municipality. */
    public MunicipalityOverview municipality(String name) {
        String wanted = name == null ? "" : name.strip();
        List<Area> found = areas.all().stream().filter(a -> a.municipality().equalsIgnoreCase(wanted))
                .sorted(Comparator.comparing(Area::name, SWEDISH_ORDER)).toList();
        if (found.isEmpty()) {
            throw new NotFoundException("municipality", wanted);
        }
        String municipality = found.get(0).municipality();
        Period period = Period.thisAndNextWeek(servicePoints.today());
        List<Presence> presences = servicePoints.presences(null, municipality, period.from(), period.to(), Optional.empty(),
                Optional.empty());
        return new MunicipalityOverview(municipality, found, period, presences);
    }

    /**
     * An area's public page: this and next week's presences (filtered by a language code and a help kind when given;
     * a code or kind that is not known filters nothing), the next 30 days' PUBLIC activities and the last 90 days' counts
     * of PUBLIC activities by type.
     */
    public AreaOverview area(long areaId, String language, String help) {
        Area area = areas.get(null, areaId);
        Period period = Period.thisAndNextWeek(servicePoints.today());
        Optional<SpokenLanguage> chosenLanguage = blankToEmpty(language).flatMap(ServicePointService::language);
        Optional<HelpKind> chosenHelp = blankToEmpty(help).flatMap(PublicSiteService::helpKind);
        List<Presence> all = servicePoints.presences(areaId, null, period.from(), period.to(), Optional.empty(), Optional.empty());
        // The filters' choices are what the unfiltered weeks offer, so both come from one read.
        List<Presence> shown = all.stream()
                .filter(p -> chosenLanguage.isEmpty() || p.slot().languages().contains(chosenLanguage.get().code()))
                .filter(p -> chosenHelp.isEmpty() || p.slot().help().contains(chosenHelp.get())).toList();
        Set<String> codes = new TreeSet<>();
        Set<HelpKind> kinds = EnumSet.noneOf(HelpKind.class);
        all.forEach(p -> {
            codes.addAll(p.slot().languages());
            kinds.addAll(p.slot().help());
        });
        chosenLanguage.ifPresent(l -> codes.add(l.code()));
        chosenHelp.ifPresent(kinds::add);
        List<SpokenLanguage> offered = codes.stream().map(ServicePointService::language).flatMap(Optional::stream)
                .sorted(Comparator.comparing(SpokenLanguage::swedishName, SWEDISH_ORDER)).toList();

        Instant now = activities.now();
        List<PublicActivity> upcoming = activities.publicUpcoming(areaId, now, UPCOMING_MAX).stream()
                .filter(a -> a.startsAt().isBefore(now.plus(UPCOMING))).toList();
        Instant since = now.minus(FIGURES);
        List<PublicTypeCount> figures = activities.publicCountsByType(areaId, since, now);
        return new AreaOverview(area, period, shown, offered, List.copyOf(kinds), chosenLanguage, chosenHelp, upcoming, figures, since,
                now);
    }

    /** The printable poster of an area: its active service points and the weekly hours that run in the next four weeks. */
    public Poster poster(long areaId) {
        Area area = areas.get(null, areaId);
        LocalDate today = servicePoints.today();
        LocalDate last = today.plusDays(POSTER_DAYS - 1L);
        List<ServicePoint> points = servicePoints.list(areaId, false, null, se.samtrygg.common.Page.MAX_LIMIT).items().stream()
                .sorted(Comparator.comparing(ServicePoint::name, SWEDISH_ORDER)).toList();
        List<PosterSlot> slots = new ArrayList<>();
        for (ServicePoint point : points) {
            servicePoints.slots(point.id()).stream()
                    .filter(s -> !s.validFrom().isAfter(last) && (s.validUntil() == null || !s.validUntil().isBefore(today)))
                    .forEach(s -> slots.add(new PosterSlot(point, s)));
        }
        slots.sort(Comparator.comparing((PosterSlot s) -> s.slot().weekday()).thenComparing(s -> s.slot().startsAt())
                .thenComparing(s -> s.servicePoint().name(), SWEDISH_ORDER).thenComparing(s -> s.slot().organisationName(), SWEDISH_ORDER));
        List<ServicePoint> withHours = points.stream().filter(p -> slots.stream().anyMatch(s -> s.servicePoint().id() == p.id())).toList();
        return new Poster(area, today, withHours, List.copyOf(slots));
    }

    /**
     * The area's iCalendar feed: every presence of the next {@link #FEED_WEEKS} weeks (after closures and cancellations)
     * and the PUBLIC activities from 30 days back to 90 days ahead, with UIDs that stay the same from one fetch to the
     * next ({@code presence-<slot>-<yyyymmdd>@samtrygg}, {@code activity-<id>@samtrygg}).
     *
     * @param areaUrl the area's public page, the events' URL
     */
    public String feed(long areaId, String areaUrl, Language language) {
        Area area = areas.get(null, areaId);
        LocalDate today = servicePoints.today();
        List<CalendarEvent> events = new ArrayList<>();
        for (Presence p : servicePoints.presences(areaId, null, today, today.plusWeeks(FEED_WEEKS).minusDays(1), Optional.empty(),
                Optional.empty())) {
            events.add(CalendarEvent.timed("presence-" + p.slot().id() + "-" + p.date().format(DateTimeFormatter.BASIC_ISO_DATE) + "@samtrygg",
                    p.startsAt().toLocalDateTime(), p.endsAt().toLocalDateTime(),
                    p.slot().organisationName() + " – " + p.servicePoint().name(),
                    p.servicePoint().name() + ", " + p.servicePoint().address(), presenceDescription(p, language), areaUrl, false,
                    p.slot().updatedAt()).organizedBy(p.slot().organisationName(), areaUrl));
        }
        Instant now = activities.now();
        for (PublicActivity a : activities.publicUpcoming(areaId, now.minus(FEED_PAST), FEED_ACTIVITIES_MAX)) {
            if (!a.startsAt().isBefore(now.plus(FEED_AHEAD))) {
                break;
            }
            String description = a.description() == null ? a.organisationName() : a.description() + "\n\n" + a.organisationName();
            events.add(CalendarEvent.timed("activity-" + a.id() + "@samtrygg", local(a.startsAt()), local(a.endsAt()), a.typeName(),
                    a.placeName() == null ? area.name() : a.placeName() + ", " + area.name(), description, areaUrl, false, a.updatedAt())
                    .organizedBy(a.organisationName(), areaUrl));
        }
        String name = messages.get(language, "publicSite.feed.name", area.name());
        return ics.write(name, events, now);
    }

    /** What the help is, the languages and the access, as a calendar program shows it under the event. */
    private String presenceDescription(Presence p, Language language) {
        List<String> lines = new ArrayList<>();
        lines.add(messages.get(language, "publicSite.helpWith") + " "
                + p.slot().help().stream().map(h -> messages.get(language, "servicePoint.help." + h.name())).collect(Collectors.joining("; ")));
        if (p.slot().helpNote() != null) {
            lines.add(p.slot().helpNote());
        }
        lines.add(messages.get(language, "publicSite.languages") + " " + p.slot().languages().stream()
                .map(ServicePointService::language).flatMap(Optional::stream).map(l -> languageName(l, language))
                .collect(Collectors.joining(", ")));
        lines.add(messages.get(language, "publicSite.access") + " " + accessText(p.servicePoint(), language));
        return String.join("\n", lines);
    }

    /** "arabiska (العربية)" in Swedish, "Arabic (العربية)" in English; the name in the language itself only when it differs. */
    static String languageName(SpokenLanguage l, Language language) {
        String name = language == Language.en ? l.englishName() : l.swedishName();
        return l.nativeNameBeside(name).map(nativeName -> name + " (" + nativeName + ")").orElse(name);
    }

    /** Step-free entrance and hearing loop in words, never by a symbol alone, with the service point's own note. */
    String accessText(ServicePoint point, Language language) {
        String text = messages.get(language, point.stepFree() ? "publicSite.stepFree" : "publicSite.notStepFree") + " "
                + messages.get(language, point.hearingLoop() ? "publicSite.hearingLoop" : "publicSite.noHearingLoop");
        return point.accessibilityNote() == null ? text : text + " " + point.accessibilityNote();
    }

    private static LocalDateTime local(Instant instant) {
        return LocalDateTime.ofInstant(instant, Dates.ZONE);
    }

    private static Optional<String> blankToEmpty(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static Optional<HelpKind> helpKind(String name) {
        for (HelpKind kind : HelpKind.values()) {
            if (kind.name().equalsIgnoreCase(name)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** Presences grouped by their day, in order. */
    static Map<LocalDate, List<Presence>> byDay(List<Presence> presences) {
        Map<LocalDate, List<Presence>> days = new LinkedHashMap<>();
        presences.stream().sorted(Comparator.comparing((Presence p) -> p.date()))
                .forEach(p -> days.computeIfAbsent(p.date(), d -> new ArrayList<>()).add(p));
        return days;
    }
}
