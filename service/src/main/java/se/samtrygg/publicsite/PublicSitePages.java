package se.samtrygg.publicsite;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.samtrygg.activity.PublicActivity;
import se.samtrygg.activity.PublicTypeCount;
import se.samtrygg.area.Area;
import se.samtrygg.calendar.CalendarResource;
import se.samtrygg.common.i18n.Language;
import se.samtrygg.common.i18n.Messages;
import se.samtrygg.common.web.Dates;
import se.samtrygg.common.web.Option;
import se.samtrygg.common.web.PageContext;
import se.samtrygg.common.web.PageContextFactory;
import se.samtrygg.servicepoint.HelpKind;
import se.samtrygg.servicepoint.Presence;
import se.samtrygg.servicepoint.PresenceSlot;
import se.samtrygg.servicepoint.ServicePoint;
import se.samtrygg.servicepoint.ServicePointService;
import se.samtrygg.servicepoint.SpokenLanguage;

/**
 * The public pages: per municipality and per area, the poster, the area's calendar feed and the accessibility statement.
 * None takes an {@code @Auth} user, so the authentication filter does not run for them and they answer without sign-in;
 * they show only what {@link PublicSiteService} reads (service points and PUBLIC activities), no person's name, and the
 * public layout without the signed-in app's navigation.
 */
@Hidden
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public final class PublicSitePages {
    /** Calendar programs poll the feed every few minutes to hours; it is public, so shared caches may keep it a while. */
    static final String FEED_CACHE_CONTROL = "public, max-age=300";
    /** When the accessibility statement was last reviewed: change it with the statement. */
    static final LocalDate STATEMENT_DATE = LocalDate.of(2026, 11, 24);
    /** An activity's description on the page is cut here (the feed has it whole): the page stays small on a phone. */
    static final int DESCRIPTION_SHOWN = 300;
    private static final String TEMPLATES = "/se/samtrygg/publicsite/";
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

    private final PublicSiteService site;
    private final Messages messages;

    public PublicSitePages(PublicSiteService site, PageContextFactory pages) {
        this.site = site;
        this.messages = pages.messages();
    }

    // --- models ---

    public record LanguageView(String name, String nativeName, String code, String dir, boolean showNative, boolean last) {
    }

    public record PresenceView(String time, String organisation, String servicePoint, String kind, String address, String area,
                               String help, String helpNote, List<LanguageView> languages, String access) {
    }

    public record DayView(String id, String heading, boolean today, List<PresenceView> presences) {
    }

    public record WeekView(String heading, List<DayView> days) {
        public boolean empty() {
            return days.isEmpty();
        }
    }

    public record AreaLink(String name, String href) {
    }

    public record MunicipalityView(String name, String href, List<AreaLink> areas) {
    }

    public record IndexModel(List<MunicipalityView> municipalities) {
        public boolean empty() {
            return municipalities.isEmpty();
        }
    }

    public record MunicipalityModel(String name, String intro, List<AreaLink> areas, List<WeekView> weeks, boolean anyPresence) {
    }

    public record ActivityView(String when, String type, String place, String organisation, String description) {
    }

    public record FigureView(String type, long count) {
    }

    public record AreaModel(long id, String name, String municipality, String municipalityHref, String intro, String action,
                            String lang, List<Option> languages, List<Option> help, boolean filtered, String filterText,
                            String clearHref, List<WeekView> weeks, boolean anyPresence, List<ActivityView> upcoming,
                            List<FigureView> figures, long figuresTotal, String figuresPeriod, String posterHref, String feedHref,
                            String feedUrl) {
        public boolean hasUpcoming() {
            return !upcoming.isEmpty();
        }

        public boolean hasFigures() {
            return !figures.isEmpty();
        }
    }

    public record PosterHours(String time, String organisation, String servicePoint, String help, List<LanguageView> languages,
                              String validity) {
    }

    public record PosterDay(String weekday, List<PosterHours> hours) {
    }

    public record PosterPlace(String name, String kind, String address, String access) {
    }

    public record PosterModel(String name, String heading, List<PosterDay> days, List<PosterPlace> places, String shortUrl,
                              String href, String printed) {
        public boolean empty() {
            return days.isEmpty();
        }
    }

    public record AccessibilityModel(String date) {
    }

    // --- routes ---

    @GET
    @Path("public")
    public PublicPage index(@Context HttpServletRequest request, @Context UriInfo uri, @QueryParam("lang") String lang) {
        PageContext context = context(request, lang);
        String q = langQuery(context);
        List<MunicipalityView> municipalities = site.municipalities().stream()
                .map(m -> new MunicipalityView(m.name(), municipalityHref(m.name(), q),
                        m.areas().stream().map(a -> new AreaLink(a.name(), "/public/areas/" + a.id() + "?" + q)).toList()))
                .toList();
        return page(context, uri, "index.mustache", text(context, "publicSite.index.title"), new IndexModel(municipalities));
    }

    @GET
    @Path("public/municipalities/{municipality}")
    public PublicPage municipality(@Context HttpServletRequest request, @Context UriInfo uri, @QueryParam("lang") String lang,
                                   @PathParam("municipality") String name) {
        PageContext context = context(request, lang);
        PublicSiteService.MunicipalityOverview overview = site.municipality(name);
        String q = langQuery(context);
        Language language = context.language();
        MunicipalityModel model = new MunicipalityModel(overview.name(),
                messages.get(language, "publicSite.municipality.intro", overview.name()),
                overview.areas().stream().map(a -> new AreaLink(a.name(), "/public/areas/" + a.id() + "?" + q)).toList(),
                weeks(overview.period(), overview.presences(), language, true), !overview.presences().isEmpty());
        return page(context, uri, "municipality.mustache", overview.name(), model);
    }

    @GET
    @Path("public/areas/{id}")
    public PublicPage area(@Context HttpServletRequest request, @Context UriInfo uri, @QueryParam("lang") String lang,
                           @PathParam("id") long id, @QueryParam("language") String languageFilter, @QueryParam("help") String helpFilter) {
        PageContext context = context(request, lang);
        PublicSiteService.AreaOverview overview = site.area(id, languageFilter, helpFilter);
        Language language = context.language();
        String q = langQuery(context);
        Area area = overview.area();
        String code = overview.language().map(SpokenLanguage::code).orElse("");
        List<Option> languages = new ArrayList<>();
        languages.add(new Option("", text(context, "publicSite.filter.anyLanguage"), code.isEmpty()));
        overview.languages().forEach(l -> languages.add(new Option(l.code(), PublicSiteService.languageName(l, language),
                l.code().equals(code))));
        List<Option> help = new ArrayList<>();
        help.add(new Option("", text(context, "publicSite.filter.anyHelp"), overview.helpChosen().isEmpty()));
        overview.help().forEach(h -> help.add(new Option(h.name(), helpLabel(h, language), overview.helpChosen().orElse(null) == h)));
        List<String> chosen = new ArrayList<>();
        overview.language().ifPresent(l -> chosen.add(PublicSiteService.languageName(l, language)));
        overview.helpChosen().ifPresent(h -> chosen.add(helpLabel(h, language)));
        String filterText = chosen.isEmpty() ? null : messages.get(language, "publicSite.filter.showing", String.join(", ", chosen));

        List<PublicTypeCount> counts = overview.figures();
        long total = counts.stream().mapToLong(PublicTypeCount::activities).sum();
        String base = uri.getBaseUri().toString();
        String feedPath = "/public/areas/" + id + "/calendar.ics?" + q;
        AreaModel model = new AreaModel(id, area.name(), area.municipality(), municipalityHref(area.municipality(), q),
                messages.get(language, "publicSite.area.intro", area.name()), "/public/areas/" + id, language.name(), languages, help,
                overview.filtered(), filterText, "/public/areas/" + id + "?" + q,
                weeks(overview.period(), overview.presences(), language, false), !overview.presences().isEmpty(),
                overview.upcoming().stream().map(a -> activity(a, language)).toList(),
                counts.stream().map(c -> new FigureView(c.typeName(), c.activities())).toList(), total,
                messages.get(language, "publicSite.figures.period", day(overview.figuresSince(), language), day(overview.now(), language)),
                "/public/areas/" + id + "/poster?" + q, feedPath, base + feedPath.substring(1));
        return page(context, uri, "area.mustache", area.name(), model);
    }

    @GET
    @Path("public/areas/{id}/poster")
    public PublicPage poster(@Context HttpServletRequest request, @Context UriInfo uri, @QueryParam("lang") String lang,
                             @PathParam("id") long id) {
        PageContext context = context(request, lang);
        PublicSiteService.Poster poster = site.poster(id);
        Language language = context.language();
        Map<DayOfWeek, List<PosterHours>> byDay = new LinkedHashMap<>();
        for (PublicSiteService.PosterSlot s : poster.slots()) {
            PresenceSlot slot = s.slot();
            byDay.computeIfAbsent(slot.weekday(), d -> new ArrayList<>()).add(new PosterHours(time(slot.startsAt(), slot.endsAt()),
                    slot.organisationName(), s.servicePoint().name(), helpText(slot, language), languages(slot.languages(), language),
                    validity(slot, poster.today(), language)));
        }
        List<PosterDay> days = byDay.entrySet().stream()
                .map(e -> new PosterDay(capitalised(e.getKey().getDisplayName(TextStyle.FULL, language.locale()), language), e.getValue()))
                .toList();
        List<PosterPlace> places = poster.servicePoints().stream().map(p -> new PosterPlace(p.name(), kindLabel(p, language),
                p.address(), site.accessText(p, language))).toList();
        String href = uri.getBaseUri().toString() + "public/areas/" + id;
        String shortUrl = href.replaceFirst("^https?://", "");
        PosterModel model = new PosterModel(poster.area().name(), messages.get(language, "publicSite.poster.heading", poster.area().name()),
                days, places, shortUrl, href, messages.get(language, "publicSite.poster.printed", day(poster.today(), language)));
        return page(context, uri, "poster.mustache", model.heading(), model);
    }

    @GET
    @Path("public/areas/{id}/calendar.ics")
    @Produces({"text/calendar", MediaType.WILDCARD})
    public Response feed(@Context HttpServletRequest request, @Context UriInfo uri, @QueryParam("lang") String lang, @PathParam("id") long id) {
        Language language = context(request, lang).language();
        String areaUrl = uri.getBaseUri().toString() + "public/areas/" + id + "?lang=" + language.name();
        return Response.ok(site.feed(id, areaUrl, language), CalendarResource.TEXT_CALENDAR)
                .header(HttpHeaders.CACHE_CONTROL, FEED_CACHE_CONTROL).build();
    }

    @GET
    @Path("accessibility")
    public PublicPage accessibility(@Context HttpServletRequest request, @Context UriInfo uri, @QueryParam("lang") String lang) {
        PageContext context = context(request, lang);
        return page(context, uri, "accessibility.mustache", text(context, "publicSite.accessibility.title"),
                new AccessibilityModel(day(STATEMENT_DATE, context.language())));
    }

    // --- mapping ---

    /** The language from {@code ?lang=}, else the language cookie, else Swedish; no user, no CSRF token, no navigation. */
    private PageContext context(HttpServletRequest request, String lang) {
        Language language = Language.parse(lang).orElseGet(() -> PageContextFactory.language(request, null));
        return new PageContext(language, messages.forTemplates(language), null, null, List.of(), request.getRequestURI());
    }

    private PublicPage page(PageContext context, UriInfo uri, String template, String title, Object model) {
        String other = context.language() == Language.en ? Language.sv.name() : Language.en.name();
        URI switched = UriBuilder.fromUri(uri.getRequestUri()).replaceQueryParam("lang", other).build();
        String href = switched.getRawPath() + (switched.getRawQuery() == null ? "" : "?" + switched.getRawQuery());
        return new PublicPage(TEMPLATES + template, context, title, model, href);
    }

    private String text(PageContext context, String key) {
        return messages.get(context.language(), key);
    }

    private static String langQuery(PageContext context) {
        return "lang=" + context.language().name();
    }

    private static String municipalityHref(String municipality, String q) {
        return "/public/municipalities/" + URLEncoder.encode(municipality, StandardCharsets.UTF_8).replace("+", "%20") + "?" + q;
    }

    /** The days of this week (from today) and of next week, each with the presences of its days; a day without any is left out. */
    private List<WeekView> weeks(PublicSiteService.Period period, List<Presence> presences, Language language, boolean withArea) {
        Map<LocalDate, List<Presence>> byDay = PublicSiteService.byDay(presences);
        LocalDate nextMonday = period.nextMonday();
        List<DayView> thisWeek = new ArrayList<>();
        List<DayView> nextWeek = new ArrayList<>();
        byDay.forEach((date, list) -> {
            String heading = capitalised(date.format(DateTimeFormatter.ofPattern("EEEE d MMMM", language.locale())), language)
                    + (date.equals(period.today()) ? " " + messages.get(language, "publicSite.today") : "");
            DayView day = new DayView("day-" + date, heading, date.equals(period.today()),
                    list.stream().map(p -> presence(p, language, withArea)).toList());
            (date.isBefore(nextMonday) ? thisWeek : nextWeek).add(day);
        });
        return List.of(
                new WeekView(messages.get(language, "publicSite.thisWeek", period.today().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), thisWeek),
                new WeekView(messages.get(language, "publicSite.nextWeek", nextMonday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)), nextWeek));
    }

    private PresenceView presence(Presence p, Language language, boolean withArea) {
        ServicePoint point = p.servicePoint();
        PresenceSlot slot = p.slot();
        return new PresenceView(time(slot.startsAt(), slot.endsAt()), slot.organisationName(), point.name(), kindLabel(point, language),
                point.address(), withArea ? point.areaName() : null, helpText(slot, language), slot.helpNote(),
                languages(slot.languages(), language), site.accessText(point, language));
    }

    private ActivityView activity(PublicActivity a, Language language) {
        String when = capitalised(a.startsAt().atZone(Dates.ZONE).format(DateTimeFormatter.ofPattern("EEEE d MMMM", language.locale())),
                language) + ", " + time(a.startsAt().atZone(Dates.ZONE).toLocalTime(), a.endsAt().atZone(Dates.ZONE).toLocalTime());
        String description = a.description() == null || a.description().length() <= DESCRIPTION_SHOWN ? a.description()
                : a.description().substring(0, DESCRIPTION_SHOWN).strip() + "…";
        return new ActivityView(when, a.typeName(), a.placeName(), a.organisationName(), description);
    }

    private List<LanguageView> languages(List<String> codes, Language language) {
        List<SpokenLanguage> known = codes.stream().map(ServicePointService::language).flatMap(Optional::stream).toList();
        List<LanguageView> views = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            SpokenLanguage l = known.get(i);
            String name = language == Language.en ? l.englishName() : l.swedishName();
            Optional<String> nativeName = l.nativeNameBeside(name);
            views.add(new LanguageView(name, nativeName.orElse(""), l.code(), l.rightToLeft() ? "rtl" : "ltr", nativeName.isPresent(),
                    i == known.size() - 1));
        }
        return views;
    }

    private String helpText(PresenceSlot slot, Language language) {
        // Semicolons: the kinds' own names have commas in them ("Arbete, studier och ekonomi").
        return String.join("; ", slot.help().stream().map(h -> helpLabel(h, language)).toList());
    }

    private String helpLabel(HelpKind kind, Language language) {
        return messages.get(language, "servicePoint.help." + kind.name());
    }

    private String kindLabel(ServicePoint point, Language language) {
        return messages.get(language, "servicePoint.kind." + point.kind().name());
    }

    private String validity(PresenceSlot slot, LocalDate today, Language language) {
        boolean starts = slot.validFrom().isAfter(today);
        if (starts && slot.validUntil() != null) {
            return messages.get(language, "publicSite.poster.between", day(slot.validFrom(), language), day(slot.validUntil(), language));
        }
        if (starts) {
            return messages.get(language, "publicSite.poster.from", day(slot.validFrom(), language));
        }
        return slot.validUntil() == null ? null : messages.get(language, "publicSite.poster.until", day(slot.validUntil(), language));
    }

    private static String time(LocalTime start, LocalTime end) {
        return HOURS.format(start) + "–" + HOURS.format(end);
    }

    private static String day(LocalDate date, Language language) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", language.locale()));
    }

    private static String day(Instant instant, Language language) {
        return day(instant.atZone(Dates.ZONE).toLocalDate(), language);
    }

    private static String capitalised(String text, Language language) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(language.locale()) + text.substring(1);
    }
}
