package se.samtrygg.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import se.samtrygg.Services;
import se.samtrygg.activity.ActivityInput;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.common.Visibility;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationInput;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.servicepoint.HelpKind;
import se.samtrygg.servicepoint.PresenceExceptionInput;
import se.samtrygg.servicepoint.PresenceSlot;
import se.samtrygg.servicepoint.PresenceSlotInput;
import se.samtrygg.servicepoint.ServicePoint;
import se.samtrygg.servicepoint.ServicePointInput;
import se.samtrygg.servicepoint.ServicePointKind;

/**
 * Where residents meet public actors, as a demo: the police and the field assistants at Sättra's library on set days,
 * Huddinge's service centre with its local offices in Skogås and Vårby, the Christmas and New Year closures, and two
 * PUBLIC activities coming up in Sättra. What the public pages (/public) and the area feeds show.
 */
final class ServicePointDemo {
    static final String HUDDINGE = "Huddinge";
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
    /** The days the service points are closed around Christmas and New Year, each with its name as the reason. */
    private static final Map<MonthDay, String> HOLIDAYS = Map.of(
            MonthDay.of(12, 24), "Julafton", MonthDay.of(12, 25), "Juldagen", MonthDay.of(12, 26), "Annandag jul",
            MonthDay.of(12, 31), "Nyårsafton", MonthDay.of(1, 1), "Nyårsdagen");

    private final Services services;
    private final Area sattra;
    private final Map<String, Long> sattraPlaces;
    private final Map<String, Organisation> organisations;
    private final SattraYear.People people;
    private final LocalDate today;

    ServicePointDemo(Services services, Area sattra, Map<String, Long> sattraPlaces, Map<String, Organisation> organisations,
                     SattraYear.People people, LocalDateTime now) {
        this.services = services;
        this.sattra = sattra;
        this.sattraPlaces = sattraPlaces;
        this.organisations = organisations;
        this.people = people;
        this.today = now.toLocalDate();
    }

    /** How many service points and presence slots were made. */
    record Counts(int servicePoints, int slots) {
    }

    Counts load() {
        int slots = 0;
        // Sättra: the library, where the police and the field assistants are on set days.
        ServicePoint library = point(sattra, "Sättra bibliotek", ServicePointKind.LIBRARY, "Sättra centrum 4", true, true,
                "Hörslinga i läsesalen. Parkering för rörelsehindrade vid entrén.",
                "Biblioteket i Sättra centrum. Polisen, fältassistenterna och Gavlegårdarna finns här på bestämda tider varje vecka.");
        PresenceSlot police = slot(library, organisations.get("Polisen, lokalpolisområde Gävle"), DayOfWeek.TUESDAY, "16:00", "18:00",
                List.of(HelpKind.POLICE), "Kommunpolisen: tips, frågor och hjälp att göra en polisanmälan.", List.of("ar", "sv"));
        slot(library, organisations.get("Socialtjänsten, fältassistenterna"), DayOfWeek.THURSDAY, "15:00", "18:00",
                List.of(HelpKind.SOCIAL_SUPPORT, HelpKind.YOUTH_AND_PARENTS), "Stöd och samtal för unga och deras föräldrar.",
                List.of("so", "sv"));
        slot(library, organisations.get("Gavlegårdarna"), DayOfWeek.WEDNESDAY, "13:00", "15:00", List.of(HelpKind.HOUSING),
                "Områdesvärden svarar på frågor om lägenheten, tvättstugan och felanmälan.", List.of("sv", "ar"));
        slots += 3;
        // The police are away for training on a Tuesday a few weeks from now.
        services.servicePoints().addException(null, library.id(), new PresenceExceptionInput(police.id(),
                today.with(TemporalAdjusters.next(DayOfWeek.TUESDAY)).plusWeeks(3), "Polisen är på utbildning den här dagen."));

        // Huddinge: the service centre's local offices in Skogås and Vårby, where the police also meet residents.
        Area skogas = area("Skogås", "Bostadsområde i södra Huddinge med centrum, pendeltågsstation och många flerbostadshus.");
        Area varby = area("Vårby", "Bostadsområde i västra Huddinge vid Mälaren, med Vårby gård och Vårby centrum.");
        Organisation serviceCentre = organisation("Huddinge kommun, servicecenter", OrganisationType.MUNICIPAL_UNIT);
        Organisation debtAdvice = organisation("Huddinge kommun, budget- och skuldrådgivningen", OrganisationType.MUNICIPAL_UNIT);
        Organisation huddingePolice = organisation("Polisen, lokalpolisområde Huddinge", OrganisationType.POLICE);
        String offices = "Huddinge kommuns servicecenter har lokalkontor i Skogås och Vårby. Här får du hjälp med frågor till kommunen, "
                + "blanketter, e-tjänster och BankID, utan att boka tid.";
        ServicePoint skogasOffice = point(skogas, "Lokalkontoret i Skogås", ServicePointKind.LOCAL_OFFICE, "Skogås torg 3", true, true, null,
                offices);
        ServicePoint varbyOffice = point(varby, "Lokalkontoret i Vårby", ServicePointKind.LOCAL_OFFICE, "Vårby allé 22", true, false,
                "Hissen från gångtunneln till Vårby allé är ibland ur funktion; ring på vid entrén så kommer personalen ut.", offices);
        List<HelpKind> municipal = List.of(HelpKind.MUNICIPAL_SERVICES, HelpKind.DIGITAL_HELP, HelpKind.WORK_AND_ECONOMY);
        slot(skogasOffice, serviceCentre, DayOfWeek.MONDAY, "10:00", "16:00", municipal, null, List.of("sv", "so", "ar", "ti"));
        slot(skogasOffice, serviceCentre, DayOfWeek.WEDNESDAY, "13:00", "19:00", municipal, null, List.of("sv", "fa", "tr", "ar"));
        slot(skogasOffice, debtAdvice, DayOfWeek.WEDNESDAY, "13:00", "16:00", List.of(HelpKind.WORK_AND_ECONOMY),
                "Budget- och skuldrådgivning: hjälp med räkningar, skulder och budget. Gratis och du kan vara anonym.", List.of("sv", "ar"));
        slot(skogasOffice, huddingePolice, DayOfWeek.THURSDAY, "14:00", "16:00", List.of(HelpKind.POLICE),
                "Kommunpolisen: tips, frågor och hjälp att göra en polisanmälan.", List.of("sv", "so"));
        slot(varbyOffice, serviceCentre, DayOfWeek.TUESDAY, "10:00", "16:00", municipal, null, List.of("sv", "so", "ar", "ti"));
        slot(varbyOffice, serviceCentre, DayOfWeek.THURSDAY, "13:00", "19:00", municipal, null, List.of("sv", "fa", "tr"));
        slot(varbyOffice, huddingePolice, DayOfWeek.TUESDAY, "14:00", "16:00", List.of(HelpKind.POLICE),
                "Kommunpolisen: tips, frågor och hjälp att göra en polisanmälan.", List.of("sv", "ar", "tr"));
        slots += 7;

        for (ServicePoint point : List.of(library, skogasOffice, varbyOffice)) {
            HOLIDAYS.forEach((day, name) -> services.servicePoints().addException(null, point.id(),
                    new PresenceExceptionInput(null, next(day), name)));
        }
        openActivities();
        return new Counts(3, slots);
    }

    /** A night walk that adults are invited to join, and an open evening at the youth centre: PUBLIC, on the public page. */
    private void openActivities() {
        LocalDate saturday = today.with(TemporalAdjusters.next(DayOfWeek.SATURDAY)).plusWeeks(1);
        activity(people.nightWalkers(), "Nattvandring", SattraYear.CENTRE, saturday.atTime(20, 0), saturday.atTime(23, 0),
                "Föräldravandring: vi går i små grupper genom Sättra tillsammans med Nattvandrarna. Alla vuxna är välkomna, "
                        + "ingen anmälan. Samling vid Sättra centrum kvart i åtta; vi bjuder på kaffe efteråt.");
        LocalDate wednesday = today.with(TemporalAdjusters.next(DayOfWeek.WEDNESDAY));
        activity(people.fieldAssistants(), "Fritidsgård (öppen verksamhet)", SattraYear.YOUTH_CENTRE, wednesday.atTime(17, 0),
                wednesday.atTime(20, 0), "Öppet hus på fritidsgården för unga och deras föräldrar: se lokalerna, träffa "
                        + "fritidsledarna och fältassistenterna, pingisturnering och fika.");
    }

    private void activity(CurrentUser who, String type, String place, LocalDateTime start, LocalDateTime end, String description) {
        long typeId = services.categories().active(CategoryKind.ACTIVITY_TYPE).stream().filter(c -> c.name().equals(type))
                .findFirst().orElseThrow().id();
        services.activities().create(who, new ActivityInput(null, sattra.id(), sattraPlaces.get(place), typeId,
                start.atZone(STOCKHOLM).toOffsetDateTime(), end.atZone(STOCKHOLM).toOffsetDateTime(), 4, null, description,
                Visibility.PUBLIC));
    }

    private ServicePoint point(Area area, String name, ServicePointKind kind, String address, boolean stepFree, boolean hearingLoop,
                               String accessibilityNote, String description) {
        return services.servicePoints().create(null, new ServicePointInput(area.id(), name, kind, address, stepFree, hearingLoop,
                accessibilityNote, description, true));
    }

    private PresenceSlot slot(ServicePoint point, Organisation organisation, DayOfWeek weekday, String from, String to, List<HelpKind> help,
                              String helpNote, List<String> languages) {
        return services.servicePoints().addSlot(null, new PresenceSlotInput(point.id(), organisation.id(), weekday, LocalTime.parse(from),
                LocalTime.parse(to), null, null, help, helpNote, languages));
    }

    private Area area(String name, String description) {
        return services.areas().findByName(HUDDINGE, name)
                .orElseGet(() -> services.areas().create(null, new AreaInput(name, HUDDINGE, description)));
    }

    private Organisation organisation(String name, OrganisationType type) {
        return services.organisations().findByName(name)
                .orElseGet(() -> services.organisations().create(null, new OrganisationInput(name, type)));
    }

    /** The next time this day of the year comes, today included. */
    private LocalDate next(MonthDay day) {
        LocalDate thisYear = day.atYear(today.getYear());
        return thisYear.isBefore(today) ? thisYear.plusYears(1) : thisYear;
    }
}
