package se.samtrygg.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;
import se.samtrygg.activity.Activity;
import se.samtrygg.activity.ActivityInput;
import se.samtrygg.activity.CategoryInput;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.common.Visibility;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.servicepoint.HelpKind;
import se.samtrygg.servicepoint.PresenceExceptionInput;
import se.samtrygg.servicepoint.PresenceSlot;
import se.samtrygg.servicepoint.PresenceSlotInput;
import se.samtrygg.servicepoint.ServicePoint;
import se.samtrygg.servicepoint.ServicePointInput;
import se.samtrygg.servicepoint.ServicePointKind;
import se.samtrygg.servicepoint.ServicePointService;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/**
 * The public pages and the area feed as a resident meets them: over HTTP, without an account. With NETWORK and
 * ORGANISATION activities of their own types in the area, the area page, the municipality page, the poster and the feed
 * show none of them, not even as a count; a holiday closes a day on the page and in the feed; the filters; English; the
 * accessibility statement, linked from the footer of every page.
 */
class PublicSiteTest {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final ServicePointService servicePoints = server.services().servicePoints();
    private final Http resident = new Http(server);
    /** A municipality of this test's own, so that its page lists this test's areas only. */
    private final String municipality = Fixtures.unique("Kommun");
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), municipality,
            "Intern beskrivning som bara nätverket läser"));
    private final Organisation police = fixtures.organisation(OrganisationType.POLICE);
    private final Organisation fieldAssistants = fixtures.organisation(OrganisationType.SOCIAL_SERVICES);
    private final Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
    private final ServicePoint library = servicePoints.create(null, new ServicePointInput(area.id(), "Sätra bibliotek",
            ServicePointKind.LIBRARY, "Sätra centrum 7", true, true, "Automatisk dörr vid huvudentrén.", null, true));
    private final LocalDate today = servicePoints.today();
    private final LocalDate nextMonday = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));

    // --- what never reaches a public page ---

    @Test
    void nothingNetworkOrOrganisationVisibleReachesTheAreaPageTheMunicipalityPageThePosterOrTheFeedNotEvenAsACount() {
        policeHours();
        User walker = fixtures.user(Set.of(Role.PARTNER), fieldAssistants);
        CurrentUser author = Fixtures.principal(walker);
        String openType = activityType("Öppen kväll");
        String networkType = activityType("Nätverkets typ");
        String ownType = activityType("Egen typ");
        String marker = Fixtures.unique("hemligt");
        Instant now = Instant.now(server.clock());

        // The last 90 days: two PUBLIC activities, and NETWORK and ORGANISATION ones, some of the open type itself.
        List<Activity> past = new ArrayList<>();
        past.add(log(author, openType, now.minusSeconds(86400L * 3), Visibility.PUBLIC, "Öppen kväll på fritidsgården, alla välkomna."));
        past.add(log(author, openType, now.minusSeconds(86400L * 40), Visibility.PUBLIC, "Pingisturnering för alla."));
        Activity networkPast = log(author, networkType, now.minusSeconds(86400L * 5), Visibility.NETWORK, "NETWORK " + marker);
        Activity ownPast = log(author, ownType, now.minusSeconds(86400L * 6), Visibility.ORGANISATION, "ORGANISATION " + marker);
        Activity networkOfOpenType = log(author, openType, now.minusSeconds(86400L * 7), Visibility.NETWORK, "NETWORK2 " + marker);
        Activity ownOfOpenType = log(author, openType, now.minusSeconds(86400L * 8), Visibility.ORGANISATION, "ORGANISATION2 " + marker);
        // Ahead: one PUBLIC, one NETWORK, one ORGANISATION.
        Activity upcoming = log(author, openType, now.plusSeconds(86400L * 4), Visibility.PUBLIC, "Nattvandring med föräldrar, samling vid torget.");
        Activity networkAhead = log(author, networkType, now.plusSeconds(86400L * 5), Visibility.NETWORK, "NETWORK3 " + marker);
        Activity ownAhead = log(author, ownType, now.plusSeconds(86400L * 6), Visibility.ORGANISATION, "ORGANISATION3 " + marker);
        List<Activity> hidden = List.of(networkPast, ownPast, networkOfOpenType, ownOfOpenType, networkAhead, ownAhead);
        long publicInTheLast90Days = past.stream().filter(a -> a.visibility() == Visibility.PUBLIC).count();

        String page = page("/public/areas/" + area.id());
        assertThat(page).contains("Nattvandring med föräldrar, samling vid torget.").contains(fieldAssistants.name());
        assertThat(figures(page)).as("the figures count the PUBLIC activities of the last 90 days only")
                .containsExactly(openType + "=" + publicInTheLast90Days);
        assertThat(page).contains("<td>" + publicInTheLast90Days + "</td></tr></tfoot>");
        assertThat(page).contains("Bara aktiviteter som är öppna för alla räknas här.");

        String municipalityPage = page("/public/municipalities/" + municipality);
        String poster = page("/public/areas/" + area.id() + "/poster");
        String feed = page("/public/areas/" + area.id() + "/calendar.ics");
        String english = page("/public/areas/" + area.id() + "?lang=en");
        for (String shown : List.of(page, municipalityPage, poster, feed, english)) {
            assertThat(shown).doesNotContain(marker).doesNotContain(networkType).doesNotContain(ownType)
                    .as("no person's name, only organisations").doesNotContain(walker.name())
                    .as("the area's description is for the network").doesNotContain("Intern beskrivning");
            for (Activity a : hidden) {
                assertThat(shown).doesNotContain("activity-" + a.id() + "@samtrygg");
            }
        }
        List<String> uids = parse(feed).events().stream().map(e -> value(e, Property.UID)).toList();
        assertThat(uids).contains("activity-" + upcoming.id() + "@samtrygg", "activity-" + past.get(0).id() + "@samtrygg")
                .as("40 days ago is before the feed's 30 days back").doesNotContain("activity-" + past.get(1).id() + "@samtrygg");
    }

    // --- holidays ---

    @Test
    void aHolidayClosureRemovesThatDaysHoursFromThePageAndTheFeedAndTheOtherDaysStay() {
        LocalDate holiday = nextMonday.plusDays(2); // next week's Wednesday
        PresenceSlot wednesdays = slot(housing, DayOfWeek.WEDNESDAY, "13:00", "15:00", List.of(HelpKind.HOUSING), List.of("sv"));
        PresenceSlot thursdays = slot(fieldAssistants, DayOfWeek.THURSDAY, "15:00", "19:00", List.of(HelpKind.SOCIAL_SUPPORT),
                List.of("sv", "so"));
        String before = page("/public/areas/" + area.id());
        assertThat(before).contains("id=\"day-" + holiday + "\"").contains("id=\"day-" + holiday.plusDays(1) + "\"");

        servicePoints.addException(null, library.id(), new PresenceExceptionInput(null, holiday, "Juldagen"));
        LocalDate cancelled = holiday.plusDays(8); // the Thursday after next week: only in the feed
        servicePoints.addException(null, library.id(), new PresenceExceptionInput(thursdays.id(), cancelled, "Personalen är på utbildning"));

        String after = page("/public/areas/" + area.id());
        assertThat(after).as("the closed day").doesNotContain("id=\"day-" + holiday + "\"")
                .as("the day after").contains("id=\"day-" + holiday.plusDays(1) + "\"");
        assertThat(daySection(after, holiday.plusDays(1))).contains(fieldAssistants.name()).contains("15:00–19:00");

        Ics feed = parse(page("/public/areas/" + area.id() + "/calendar.ics"));
        List<String> uids = feed.events().stream().map(e -> value(e, Property.UID)).toList();
        assertThat(uids).doesNotContain(presenceUid(wednesdays, holiday)).doesNotContain(presenceUid(thursdays, cancelled))
                .contains(presenceUid(wednesdays, holiday.plusWeeks(1)), presenceUid(thursdays, holiday.plusDays(1)),
                        presenceUid(thursdays, cancelled.plusWeeks(1)));
        assertThat(uids.stream().filter(u -> u.startsWith("presence-" + wednesdays.id() + "-"))).as("eight weeks of Wednesdays, one closed")
                .hasSizeBetween(6, 7);
    }

    // --- the feed ---

    @Test
    void theFeedIsAValidCalendarWithStockholmTimesAndUidsThatStayTheSame() {
        PresenceSlot tuesdays = policeHours();
        Http.Response response = resident.get("/public/areas/" + area.id() + "/calendar.ics");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/calendar");
        assertThat(response.headers().allValues("Cache-Control")).as("not the no-store of the pages").containsExactly(PublicSitePages.FEED_CACHE_CONTROL);
        Ics feed = parse(response.body());
        assertThat(feed.calendar.getProperty("X-WR-CALNAME").map(Property::getValue)).hasValue("Träffa oss i " + area.name() + " (Samtrygg)");
        assertThat(feed.calendar.getComponents(Component.VTIMEZONE)).isNotEmpty();
        LocalDate tuesday = nextMonday.plusDays(1);
        VEvent event = feed.event(presenceUid(tuesdays, tuesday));
        assertThat(instant(event, Property.DTSTART)).isEqualTo(ZonedDateTime.of(tuesday, LocalTime.of(16, 0), STOCKHOLM).toInstant());
        assertThat(instant(event, Property.DTEND)).isEqualTo(ZonedDateTime.of(tuesday, LocalTime.of(18, 0), STOCKHOLM).toInstant());
        assertThat(event.getProperty(Property.DTSTART).flatMap(p -> p.getParameter("TZID")).map(p -> ((net.fortuna.ical4j.model.Parameter) p).getValue()))
                .hasValue("Europe/Stockholm");
        assertThat(value(event, Property.SUMMARY)).isEqualTo(police.name() + " – Sätra bibliotek");
        assertThat(value(event, Property.LOCATION)).isEqualTo("Sätra bibliotek, Sätra centrum 7");
        assertThat(value(event, Property.DESCRIPTION)).contains("Träffa polisen").contains("arabiska (العربية)").contains("hörslinga");
        assertThat(feed.events()).as("eight weeks of Tuesdays").hasSizeBetween(8, 9);

        List<String> again = parse(page("/public/areas/" + area.id() + "/calendar.ics")).events().stream()
                .map(e -> value(e, Property.UID)).toList();
        assertThat(again).containsExactlyElementsOf(feed.events().stream().map(e -> value(e, Property.UID)).toList());
        String english = page("/public/areas/" + area.id() + "/calendar.ics?lang=en");
        assertThat(parse(english).event(presenceUid(tuesdays, tuesday)).getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .contains("Meet the police").contains("Arabic (العربية)");
    }

    // --- filters and languages ---

    @Test
    void theLanguageAndHelpFiltersShowOnlyTheHoursThatMatch() {
        policeHours();
        slot(fieldAssistants, DayOfWeek.THURSDAY, "15:00", "19:00", List.of(HelpKind.SOCIAL_SUPPORT, HelpKind.YOUTH_AND_PARENTS),
                List.of("sv", "so"));
        slot(housing, DayOfWeek.WEDNESDAY, "13:00", "15:00", List.of(HelpKind.HOUSING), List.of("sv"));

        String all = page("/public/areas/" + area.id());
        assertThat(all).contains(police.name()).contains(fieldAssistants.name()).contains(housing.name());
        assertThat(all).as("the languages offered, named in Swedish and in themselves")
                .contains("<option value=\"ar\">arabiska (العربية)</option>").contains("<option value=\"so\">somaliska (Soomaali)</option>")
                .contains("<option value=\"sv\">svenska</option>");
        assertThat(all).as("marked up with their language and direction").contains("<span lang=\"ar\" dir=\"rtl\">العربية</span>")
                .contains("<span lang=\"so\" dir=\"ltr\">Soomaali</span>");

        String arabic = page("/public/areas/" + area.id() + "?language=ar");
        assertThat(arabic).contains(police.name()).doesNotContain(fieldAssistants.name()).doesNotContain(housing.name())
                .contains("<option value=\"ar\" selected>").contains("Du ser bara tider med: arabiska (العربية).");
        String support = page("/public/areas/" + area.id() + "?help=SOCIAL_SUPPORT");
        assertThat(support).contains(fieldAssistants.name()).doesNotContain(police.name()).doesNotContain(housing.name());
        String both = page("/public/areas/" + area.id() + "?language=so&help=POLICE");
        assertThat(both).doesNotContain(police.name()).doesNotContain(fieldAssistants.name())
                .contains("Det finns inga tider som passar dina val");
        String unknown = page("/public/areas/" + area.id() + "?language=xx&help=NOTHING");
        assertThat(unknown).as("an unknown code filters nothing").contains(police.name()).contains(fieldAssistants.name())
                .contains(housing.name());
    }

    @Test
    void theAreaPageInEnglishNamesTheLanguagesInEnglishAndInThemselves() {
        policeHours();
        String page = page("/public/areas/" + area.id() + "?lang=en");
        assertThat(page).contains("<html lang=\"en\">").contains("When and where can I meet someone?").contains("Meet the police")
                .contains("Arabic (<span lang=\"ar\" dir=\"rtl\">العربية</span>)").contains("The entrance has no steps.")
                .contains("There is a hearing loop.").contains("Activities in the last 90 days")
                .as("links keep the language").contains("/public/areas/" + area.id() + "/poster?lang=en")
                .contains("<a class=\"language-switch\" href=\"/public/areas/" + area.id() + "?lang=sv\"");
        String swedish = page("/public/areas/" + area.id());
        assertThat(swedish).contains("<html lang=\"sv\">").contains("Träffa polisen").contains("arabiska")
                .contains("Entrén är utan trappsteg.").contains("Det finns hörslinga.");
    }

    @Test
    void theAreaPageListsThisAndNextWeeksHoursByDayWithoutTheSignedInAppsNavigation() {
        PresenceSlot tuesdays = policeHours();
        String page = page("/public/areas/" + area.id());
        LocalDate nextTuesday = nextMonday.plusDays(1);
        assertThat(daySection(page, nextTuesday)).contains("16:00–18:00").contains(police.name()).contains("Sätra bibliotek")
                .contains("Sätra centrum 7").contains("Träffa polisen").contains("Automatisk dörr vid huvudentrén.");
        assertThat(page).doesNotContain("id=\"day-" + nextMonday.plusWeeks(1).plusDays(1) + "\"").as("not the week after next");
        assertThat(page).doesNotContain("main-nav").doesNotContain("/logout").doesNotContain("_csrf");
        assertThat(tuesdays.languages()).containsExactly("ar", "sv");
    }

    @Test
    void theMunicipalityPageListsItsAreasAndTheirHoursAndThePublicIndexListsTheMunicipality() {
        policeHours();
        Area other = server.services().areas().create(null, new AreaInput(Fixtures.unique("Brynäs"), municipality, null));
        String page = page("/public/municipalities/" + municipality);
        assertThat(page).contains("<h1>" + municipality + "</h1>").contains("href=\"/public/areas/" + area.id() + "?lang=sv\"")
                .contains("href=\"/public/areas/" + other.id() + "?lang=sv\"");
        assertThat(daySection(page, nextMonday.plusDays(1))).contains(area.name()).contains(police.name()).contains("16:00–18:00");
        assertThat(resident.get("/public/municipalities/" + Fixtures.unique("Ingen")).status()).isEqualTo(404);
        assertThat(page("/public")).contains(">" + municipality + "</a>");
    }

    @Test
    void thePosterIsOnePrintablePageWithTheWeeklyHoursLanguagesAndAddresses() {
        policeHours();
        slot(fieldAssistants, DayOfWeek.THURSDAY, "15:00", "19:00", List.of(HelpKind.SOCIAL_SUPPORT), List.of("sv", "so"));
        String poster = page("/public/areas/" + area.id() + "/poster");
        assertThat(poster).contains("Träffa oss i " + area.name()).contains("<h3>Tisdag</h3>").contains("<h3>Torsdag</h3>")
                .contains("16:00–18:00").contains(police.name()).contains("العربية").contains("Sätra centrum 7")
                .contains("Entrén är utan trappsteg.").contains("/public/areas/" + area.id() + "</a>")
                .as("no navigation").doesNotContain("site-header").doesNotContain("main-nav");
        assertThat(poster.indexOf("<h3>Tisdag</h3>")).isLessThan(poster.indexOf("<h3>Torsdag</h3>"));
        String css = page("/assets/samtrygg.css");
        assertThat(css).contains("@page poster").contains("size: A4").contains("@media print");
    }

    // --- the accessibility statement ---

    @Test
    void theAccessibilityStatementAnswersInSwedishAndEnglishAndEveryFooterLinksToIt() {
        Http.Response statement = resident.get("/accessibility");
        assertThat(statement.status()).isEqualTo(200);
        assertThat(statement.body()).contains("<h1>Tillgänglighetsredogörelse</h1>").contains("Hur tillgänglig är webbtjänsten?")
                .contains("Innehåll som inte är tillgängligt").contains("Rapportera brister").contains("Myndigheten för digital förvaltning (Digg)")
                .contains("https://www.digg.se/tdosanmalan").contains("axe-core").contains("tangentbord").contains("24 november 2026");
        assertThat(page("/accessibility?lang=en")).contains("<h1>Accessibility statement</h1>")
                .contains("The Agency for Digital Government (Digg)");

        String link = "<a href=\"/accessibility?lang=sv\">Tillgänglighetsredogörelse</a>";
        assertThat(page("/login")).as("the login page").contains(link);
        assertThat(page("/public/areas/" + area.id())).as("a public page").contains(link);
        User partner = fixtures.user(Set.of(Role.PARTNER), police);
        assertThat(new Http(server).withSession(fixtures.session(partner)).get("/").body().replace("&#61;", "=")).as("a signed-in page").contains(link);
    }

    @Test
    void everyPublicRouteAnswersWithoutSignIn() {
        for (String path : List.of("/public", "/public/municipalities/" + municipality, "/public/areas/" + area.id(),
                "/public/areas/" + area.id() + "/poster", "/public/areas/" + area.id() + "/calendar.ics", "/accessibility")) {
            Http.Response response = resident.get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
        }
        Http.Response missing = resident.get("/public/areas/999999999");
        assertThat(missing.status()).as("an unknown area is not found, not sent to the login page").isEqualTo(404);
        assertThat(resident.get("/public/areas/999999999/calendar.ics").status()).isEqualTo(404);
    }

    // --- helpers ---

    /**
     * A page's HTML as a resident's browser gets it, with the one entity Mustache writes in our links decoded ("lang&#61;sv"
     * is "lang=sv" to a browser), so that the tests can name links as they are followed.
     */
    private String page(String path) {
        Http.Response response = resident.get(path);
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.body().replace("&#61;", "=");
    }

    /** The police at the library on Tuesdays 16-18, Arabic and Swedish spoken. */
    private PresenceSlot policeHours() {
        return slot(police, DayOfWeek.TUESDAY, "16:00", "18:00", List.of(HelpKind.POLICE), List.of("ar", "sv"));
    }

    private PresenceSlot slot(Organisation organisation, DayOfWeek weekday, String from, String to, List<HelpKind> help,
                              List<String> languages) {
        return servicePoints.addSlot(null, new PresenceSlotInput(library.id(), organisation.id(), weekday, LocalTime.parse(from),
                LocalTime.parse(to), null, null, help, null, languages));
    }

    private String activityType(String name) {
        User admin = fixtures.user(Set.of(Role.ADMIN));
        return server.services().categories().create(Fixtures.principal(admin),
                new CategoryInput(CategoryKind.ACTIVITY_TYPE, Fixtures.unique(name), null, true)).name();
    }

    private Activity log(CurrentUser author, String typeName, Instant start, Visibility visibility, String description) {
        long typeId = server.services().categories().active(CategoryKind.ACTIVITY_TYPE).stream().filter(c -> c.name().equals(typeName))
                .findFirst().orElseThrow().id();
        OffsetDateTime startsAt = start.atZone(STOCKHOLM).toOffsetDateTime();
        return server.services().activities().create(author, new ActivityInput(null, area.id(), null, typeId, startsAt,
                startsAt.plusHours(2), 2, 10, description, visibility));
    }

    /** The figures table as "type=count" rows. */
    private static List<String> figures(String page) {
        String table = page.substring(page.indexOf("<table class=\"public-figures\">"), page.indexOf("</table>", page.indexOf("public-figures")));
        String body = table.substring(table.indexOf("<tbody>"), table.indexOf("</tbody>"));
        Matcher row = Pattern.compile("<tr><th scope=\"row\">([^<]+)</th><td>(\\d+)</td></tr>").matcher(body);
        List<String> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(row.group(1) + "=" + row.group(2));
        }
        return rows;
    }

    /** The section of one day on a page. */
    private static String daySection(String page, LocalDate day) {
        int start = page.indexOf("id=\"day-" + day + "\"");
        assertThat(start).as("a section for " + day).isNotNegative();
        return page.substring(start, page.indexOf("</section>", start));
    }

    private static String presenceUid(PresenceSlot slot, LocalDate day) {
        return "presence-" + slot.id() + "-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "@samtrygg";
    }

    /** The feed as a second library (ical4j) reads it, validated. */
    private record Ics(Calendar calendar) {
        List<VEvent> events() {
            return calendar.getComponents(Component.VEVENT);
        }

        VEvent event(String uid) {
            List<VEvent> found = events().stream().filter(e -> uid.equals(value(e, Property.UID))).toList();
            assertThat(found).as("events with UID " + uid).hasSize(1);
            return found.get(0);
        }
    }

    private static Ics parse(String text) {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(text));
            ValidationResult result = calendar.validate();
            assertThat(result.hasErrors()).as("ical4j validation: " + result + "\n" + text).isFalse();
            return new Ics(calendar);
        } catch (IOException | ParserException e) {
            throw new AssertionError("ical4j could not read the feed:\n" + text, e);
        }
    }

    private static String value(Component component, String property) {
        return component.getProperty(property).map(Property::getValue).orElse(null);
    }

    private static Instant instant(Component component, String property) {
        Optional<DateProperty<?>> found = component.getProperty(property);
        return Instant.from(found.orElseThrow().getDate());
    }
}
