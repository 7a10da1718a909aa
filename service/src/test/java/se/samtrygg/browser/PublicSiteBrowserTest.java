package se.samtrygg.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.activity.ActivityInput;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.common.Visibility;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationInput;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.servicepoint.HelpKind;
import se.samtrygg.servicepoint.PresenceSlotInput;
import se.samtrygg.servicepoint.ServicePoint;
import se.samtrygg.servicepoint.ServicePointInput;
import se.samtrygg.servicepoint.ServicePointKind;
import se.samtrygg.servicepoint.ServicePointService;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.TestServer;

/**
 * Issue 9 as a resident without an account meets it: on a phone, from the list of areas to Sättra's public page; the
 * resident asks for hours in Arabic and finds the police at the library next Tuesday, opens the poster to print for the
 * notice board, then the municipality's page and the accessibility statement. Every page passes axe-core (WCAG 2.1 AA),
 * and on the phone nothing scrolls sideways.
 */
class PublicSiteBrowserTest {
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    private final TestServer server = TestServer.sharedByBrowsers();
    private final Fixtures fixtures = new Fixtures(server);

    @Test
    void aResidentFindsNextTuesdaysPoliceHoursInArabicInSattraAndPrintsThePoster() {
        ServicePointService servicePoints = server.services().servicePoints();
        Area sattra = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
        Organisation police = organisation("Polisen, lokalpolisområde Gävle", OrganisationType.POLICE);
        Organisation fieldAssistants = organisation("Socialtjänsten, fältassistenterna", OrganisationType.SOCIAL_SERVICES);
        Organisation municipality = organisation("Gävle kommun, medborgarservice", OrganisationType.MUNICIPAL_UNIT);
        ServicePoint library = servicePoints.create(null, new ServicePointInput(sattra.id(), "Sätra bibliotek", ServicePointKind.LIBRARY,
                "Sätra centrum 7", true, true, null, null, true));
        ServicePoint youthCentre = servicePoints.create(null, new ServicePointInput(sattra.id(), "Fritidsgården Sätra",
                ServicePointKind.YOUTH_CENTRE, "Sättragatan 22", false, false, "Två trappsteg vid entrén, ramp på baksidan.", null, true));
        servicePoints.addSlot(null, new PresenceSlotInput(library.id(), police.id(), DayOfWeek.TUESDAY, LocalTime.of(16, 0),
                LocalTime.of(18, 0), null, null, List.of(HelpKind.POLICE), "Tips, anmälningar och frågor.", List.of("ar", "sv")));
        servicePoints.addSlot(null, new PresenceSlotInput(youthCentre.id(), fieldAssistants.id(), DayOfWeek.THURSDAY, LocalTime.of(15, 0),
                LocalTime.of(19, 0), null, null, List.of(HelpKind.SOCIAL_SUPPORT, HelpKind.YOUTH_AND_PARENTS), null, List.of("so", "sv")));
        servicePoints.addSlot(null, new PresenceSlotInput(library.id(), municipality.id(), DayOfWeek.MONDAY, LocalTime.of(10, 0),
                LocalTime.of(12, 0), null, null, List.of(HelpKind.MUNICIPAL_SERVICES, HelpKind.DIGITAL_HELP), null, List.of("sv", "fa", "ti")));
        nightWalk(sattra, fieldAssistants);

        LocalDate nextTuesday = servicePoints.today().with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        try (Browser phone = Browser.open(server, PHONE_WIDTH, PHONE_HEIGHT)) {
            phone.go("/public");
            assertThat(phone.heading()).isEqualTo("Träffa oss där du bor");
            checkOnPhone(phone, "the list of areas");
            phone.clickLink(sattra.name());
            assertThat(phone.heading()).isEqualTo(sattra.name());
            assertThat(phone.has(".main-nav")).as("no navigation of the signed-in app").isFalse();
            assertThat(phone.text("main")).contains(police.name()).contains(fieldAssistants.name()).contains(municipality.name())
                    .contains("Nattvandring").contains("Bara aktiviteter som är öppna för alla räknas här.");
            checkOnPhone(phone, "the area page");

            phone.choose("Språk", "arabiska (العربية)").press("Visa tider");
            assertThat(phone.path()).contains("language=ar");
            assertThat(phone.text(".public-presences .notice")).startsWith("Du ser bara tider med: arabiska (العربية).");
            String tuesday = phone.text("#day-" + nextTuesday);
            assertThat(tuesday).startsWith("Tisdag " + nextTuesday.getDayOfMonth() + " ").contains("16:00–18:00").contains(police.name())
                    .contains("Sätra bibliotek").contains("Sätra centrum 7").contains("Träffa polisen").contains("arabiska (العربية)")
                    .contains("Entrén är utan trappsteg.").contains("Det finns hörslinga.");
            assertThat(phone.attribute("#day-" + nextTuesday + " [lang=ar]", "dir")).isEqualTo("rtl");
            assertThat(phone.text(".public-presences")).doesNotContain(fieldAssistants.name()).doesNotContain(municipality.name());
            checkOnPhone(phone, "the area page filtered by Arabic");

            phone.clickLink("Affisch att skriva ut");
            assertThat(phone.heading()).isEqualTo("Träffa oss i " + sattra.name());
            assertThat(phone.has(".site-header")).as("the poster has no navigation").isFalse();
            assertThat(phone.texts(".poster-hours h3")).containsExactly("Måndag", "Tisdag", "Torsdag");
            assertThat(phone.text(".poster")).contains("16:00–18:00").contains(police.name()).contains("العربية").contains("Soomaali")
                    .contains("Sätra centrum 7").contains("Sättragatan 22").contains("/public/areas/" + sattra.id());
            checkOnPhone(phone, "the poster");
        }

        try (Browser desktop = Browser.open(server)) {
            desktop.go("/public/areas/" + sattra.id() + "/poster");
            desktop.assertAccessible("the poster on a desktop");
            desktop.go("/public/areas/" + sattra.id()).clickLink("Gävle");
            assertThat(desktop.heading()).isEqualTo("Gävle");
            assertThat(desktop.text("main")).contains(sattra.name()).contains(police.name());
            desktop.assertAccessible("the municipality page");
            desktop.clickLink("English");
            assertThat(desktop.heading()).isEqualTo("Gävle");
            assertThat(desktop.text("main")).contains("When and where can I meet someone?");
            desktop.assertAccessible("the municipality page in English");
            desktop.clickLink("Accessibility statement");
            assertThat(desktop.heading()).isEqualTo("Accessibility statement");
            desktop.assertAccessible("the accessibility statement in English");
            desktop.clickLink("Svenska");
            assertThat(desktop.heading()).isEqualTo("Tillgänglighetsredogörelse");
            assertThat(desktop.text("main")).contains("Myndigheten för digital förvaltning (Digg)").contains("axe-core");
            desktop.assertAccessible("the accessibility statement");
        }
    }

    private Organisation organisation(String name, OrganisationType type) {
        return server.services().organisations().create(null, new OrganisationInput(Fixtures.unique(name), type));
    }

    /** A PUBLIC night walk in four days, logged by a field assistant. */
    private void nightWalk(Area area, Organisation organisation) {
        User walker = fixtures.user(Set.of(Role.PARTNER), organisation);
        long type = server.services().categories().active(CategoryKind.ACTIVITY_TYPE).stream()
                .filter(c -> c.name().equals("Nattvandring")).findFirst().orElseThrow().id();
        OffsetDateTime start = servicePointsToday().plusDays(4).atTime(21, 0).atZone(STOCKHOLM).toOffsetDateTime();
        server.services().activities().create(Fixtures.principal(walker), new ActivityInput(null, area.id(), null, type, start,
                start.plusHours(3), 6, null, "Nattvandring med föräldrar. Samling vid torget.", Visibility.PUBLIC));
    }

    private LocalDate servicePointsToday() {
        return server.services().servicePoints().today();
    }

    private static void checkOnPhone(Browser browser, String what) {
        browser.assertAccessible(what).assertNoHorizontalScroll(what + " on a phone");
    }
}
