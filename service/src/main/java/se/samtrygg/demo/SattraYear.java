package se.samtrygg.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import se.samtrygg.Services;
import se.samtrygg.activity.Activity;
import se.samtrygg.activity.ActivityInput;
import se.samtrygg.activity.Category;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.common.Visibility;
import se.samtrygg.common.web.Dates;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.meeting.ActionItemState;
import se.samtrygg.observation.HandoverInput;
import se.samtrygg.observation.Observation;
import se.samtrygg.observation.ObservationInput;
import se.samtrygg.placereport.IsoWeek;
import se.samtrygg.placereport.PlaceReportInput;

/**
 * A year of Sättra's safety work up to today, and the next two weeks' plans: the activity log of the
 * partners (night walks, open youth-centre evenings, sports, safety walks, police presence, Huskurage
 * evenings, a clean-up day), observations made on the way and handed to Gavlegårdarna, and twelve weeks
 * of EST place reports. Every record is entered by a demo person of the organisation that would enter
 * it, through the services. The variation comes from a {@link Random} seeded by the day, so a given
 * day's records are the same on every load; the dates follow the day of loading.
 */
final class SattraYear {
    static final String CENTRE = "Sättra centrum";
    static final String UNDERPASS = "Gångtunneln under Sättravägen";
    static final String YOUTH_CENTRE = "Fritidsgården";
    static final String LIBRARY = "Biblioteket";
    static final String PITCH = "Bollplanen vid skolan";
    private static final long SEED = 4_2026L;
    /** How far ahead activities are already planned, so that the situation picture has something coming. */
    private static final int PLANNED_DAYS = 14;
    private static final int REPORT_WEEKS = 12;
    /** The report week (0 the oldest of the twelve) in which the underpass got its new lamps. */
    private static final int LAMPS_REPLACED_WEEK = 4;

    private final Services services;
    private final long areaId;
    private final Map<String, Long> places;
    private final Map<String, Long> types;
    private final Map<String, Long> categories;
    private final long housingId;
    private final LocalDateTime now;
    private final LocalDate today;
    private final CurrentUser nightWalkers;
    private final CurrentUser fieldAssistants;
    private final CurrentUser club;
    private final CurrentUser housing;
    private final CurrentUser tenants;
    private final CurrentUser police;
    /** The logged night walks and safety walks by day, for the observations made on them. */
    private final Map<LocalDate, Activity> nightWalks = new LinkedHashMap<>();
    private final Map<LocalDate, Activity> safetyWalks = new LinkedHashMap<>();
    private int activities;
    private int observations;
    private int reports;

    /** What was loaded, for the command's output. */
    record Counts(int activities, int observations, int placeReports) {
    }

    /** The demo people who log, by the role they play here. */
    record People(CurrentUser nightWalkers, CurrentUser fieldAssistants, CurrentUser club, CurrentUser housing, CurrentUser tenants,
                  CurrentUser police) {
    }

    SattraYear(Services services, long areaId, Map<String, Long> places, long housingId, People people, LocalDateTime now) {
        this.services = services;
        this.areaId = areaId;
        this.places = places;
        this.housingId = housingId;
        this.now = now;
        this.today = now.toLocalDate();
        this.nightWalkers = people.nightWalkers();
        this.fieldAssistants = people.fieldAssistants();
        this.club = people.club();
        this.housing = people.housing();
        this.tenants = people.tenants();
        this.police = people.police();
        this.types = services.categories().active(CategoryKind.ACTIVITY_TYPE).stream()
                .collect(Collectors.toMap(Category::name, Category::id));
        this.categories = services.categories().active(CategoryKind.OBSERVATION_CATEGORY).stream()
                .collect(Collectors.toMap(Category::name, Category::id));
    }

    /** The day Gavlegårdarna replaced the underpass lamps: the Wednesday of the fifth of the twelve report weeks. */
    static LocalDate lampsReplaced(LocalDate today) {
        return IsoWeek.of(today).monday().minusWeeks(REPORT_WEEKS - 1L).plusWeeks(LAMPS_REPLACED_WEEK).plusDays(2);
    }

    Counts load() {
        LocalDate first = today.minusYears(1).plusDays(1);
        for (LocalDate day = first; !day.isAfter(today.plusDays(PLANNED_DAYS)); day = day.plusDays(1)) {
            nightWalk(day);
            youthCentre(day);
            sports(day);
            safetyWalk(day);
            policePresence(day);
            huskurage(day);
            cleanUpDay(day);
        }
        observations();
        placeReports();
        return new Counts(activities, observations, reports);
    }

    // The activity log

    /**
     * Nattvandrarna walk every Friday 21:00-01:00, only every other Friday in July, and add walks on
     * Valborgsmässoafton and during the autumn holiday (week 44).
     */
    private void nightWalk(LocalDate day) {
        boolean friday = day.getDayOfWeek() == DayOfWeek.FRIDAY;
        boolean valborg = day.getMonth() == Month.APRIL && day.getDayOfMonth() == 30;
        boolean autumnHoliday = week(day) == 44 && (day.getDayOfWeek() == DayOfWeek.TUESDAY || day.getDayOfWeek() == DayOfWeek.THURSDAY);
        if (friday && day.getMonth() == Month.JULY && week(day) % 2 == 1 && !valborg) {
            return;
        }
        if (!friday && !valborg && !autumnHoliday) {
            return;
        }
        Random r = random(day, 1);
        String place = pick(r, CENTRE, CENTRE, CENTRE, UNDERPASS, UNDERPASS, YOUTH_CENTRE, YOUTH_CENTRE, PITCH, PITCH, LIBRARY);
        int staff = valborg ? 8 : 4 + r.nextInt(autumnHoliday ? 3 : 5);
        int reached = reach(r, day, 10, 40);
        if (valborg) {
            reached = 36 + r.nextInt(5);
        }
        StringBuilder text = new StringBuilder();
        if (valborg) {
            text.append("Valborgsmässoafton: förstärkt nattvandring med extra vuxna. Många unga ute vid brasan och i centrum; "
                    + "lugnt överlag och polisen fanns på plats. ");
        } else if (autumnHoliday) {
            text.append("Extra nattvandring under höstlovet, delvis tillsammans med fältassistenterna. ");
        } else if (day.getMonth() == Month.JUNE && day.getDayOfMonth() >= 7 && day.getDayOfMonth() <= 14) {
            text.append("Skolavslutningshelgen: fler unga ute än vanligt. ");
        }
        text.append(switch (place) {
            case CENTRE -> "Start vid Sättra centrum, sedan runda via gångtunneln, skolan och bollplanen.";
            case UNDERPASS -> "Start vid gångtunneln under Sättravägen, vidare mot centrum och fritidsgården.";
            case YOUTH_CENTRE -> "Start vid fritidsgården, runda via torget, gångtunneln och skolan.";
            case PITCH -> "Start vid bollplanen, vidare längs gångvägarna in mot centrum.";
            default -> "Start vid biblioteket, runda genom centrum och bort mot skolan.";
        });
        text.append(pick(r, "", "", " Vi gick i två grupper och möttes vid torget.", " Vi stannade en stund vid fritidsgården."));
        text.append(' ').append(season(r, day));
        if (!valborg) {
            text.append(' ').append(reached >= 28 ? "Många unga ute, mest vid torget och fritidsgården."
                    : reached >= 18 ? "Ett par grupper unga ute, god stämning." : "Lugn kväll, få unga ute.");
        }
        text.append(' ').append(pick(r,
                "Bjöd på kaffe och pratade med några föräldrar.",
                "Hjälpte en ungdom att få tag på skjuts hem.",
                "Hälsade på fältassistenterna vid fritidsgården.",
                "Pratade med ett gäng om lördagens fotboll på bollplanen.",
                "Plockade upp glas och burkar vid lekplatsen.",
                "Inget särskilt att rapportera.",
                "Delade ut reflexer och informationsblad om nattvandringen."));
        LocalTime start = valborg ? LocalTime.of(20, 0) : LocalTime.of(21, 0);
        LocalTime end = autumnHoliday ? LocalTime.of(0, 0) : valborg ? LocalTime.of(2, 0) : LocalTime.of(1, 0);
        Activity walk = log(nightWalkers, "Nattvandring", place, day.atTime(start), day.plusDays(1).atTime(end), staff, reached,
                text.toString(), Visibility.NETWORK);
        if (walk != null) {
            nightWalks.put(day, walk);
        }
    }

    /**
     * The field assistants keep Fritidsgården open on Tuesday and Thursday evenings; in the summer
     * weeks (27-31) only on Wednesdays, not at all over Christmas, with afternoon openings in the
     * autumn holiday. Holiday openings and the planned evenings are public.
     */
    private void youthCentre(LocalDate day) {
        int week = week(day);
        boolean summer = week >= 27 && week <= 31;
        boolean holiday = week == 44 && (day.getDayOfWeek() == DayOfWeek.MONDAY || day.getDayOfWeek() == DayOfWeek.WEDNESDAY);
        boolean evening = summer ? day.getDayOfWeek() == DayOfWeek.WEDNESDAY
                : day.getDayOfWeek() == DayOfWeek.TUESDAY || day.getDayOfWeek() == DayOfWeek.THURSDAY;
        if (christmas(day) || !(evening || holiday)) {
            return;
        }
        Random r = random(day, 2);
        String text;
        if (holiday) {
            text = "Lovöppet på fritidsgården: pingisturnering, bakning och film. Öppet för alla i mellanstadie- och högstadieåldern.";
        } else if (summer) {
            text = "Sommaröppet: grillkväll och spontanfotboll utanför fritidsgården.";
        } else {
            text = "Öppen verksamhet. " + pick(r,
                    "Pingis, biljard och fika.",
                    "Tjejkväll med matlagning.",
                    "Spelkväll med FIFA-turnering.",
                    "Läxhjälp före ordinarie öppettid.",
                    "Samtal om nätet och grupptryck, ledda av fältassistenterna.",
                    "Musikstudion öppen, några unga spelade in egna låtar.",
                    "Filmkväll och fika; lugnt och många nya besökare.")
                    + " " + pick(r, "Inga incidenter.", "Bra stämning.", "Några föräldrar tittade in.", "Två fältassistenter och "
                            + "en fritidsledare på plats.");
        }
        LocalDateTime start = holiday ? day.atTime(13, 0) : day.atTime(18, 0);
        LocalDateTime end = holiday ? day.atTime(17, 0) : day.atTime(21, 0);
        Visibility visibility = holiday || start.isAfter(now) ? Visibility.PUBLIC : Visibility.NETWORK;
        log(fieldAssistants, "Fritidsgård (öppen verksamhet)", YOUTH_CENTRE, start, end, 2 + r.nextInt(3), reach(r, day, 15, 40), text,
                visibility);
    }

    /** Sättra IF's open football on Saturday mornings at the pitch, except in July and over Christmas. */
    private void sports(LocalDate day) {
        if (day.getDayOfWeek() != DayOfWeek.SATURDAY || day.getMonth() == Month.JULY || christmas(day)) {
            return;
        }
        Random r = random(day, 3);
        boolean winter = day.getMonthValue() <= 3 || day.getMonthValue() >= 11;
        String text = (winter ? "Vintertid inomhus i skolans idrottshall bredvid bollplanen. " : "")
                + pick(r,
                "Öppen fotbollsträning för 10-13 år, ingen anmälan och inga avgifter.",
                "Spontanidrott: fotboll och innebandy för alla som kom.",
                "Träning och småmatcher, blandade lag med unga från hela området.",
                "Fotbollsskola för de yngre följd av match för de äldre.")
                + " " + pick(r, "Ledarna bjöd på frukt.", "Flera nya deltagare.", "Några föräldrar hjälpte till.",
                "Bra uppslutning trots vädret.");
        log(club, "Idrottsaktivitet för unga", PITCH, day.atTime(10, 0), day.atTime(12, 0), 2 + r.nextInt(4), reach(r, day, 12, 35),
                text, Visibility.NETWORK);
    }

    /**
     * Hyresgästföreningen and Gavlegårdarna walk the area with residents on the second Wednesday of
     * every month but July; the tenants' association logs it. In the dark months it starts earlier.
     */
    private void safetyWalk(LocalDate day) {
        if (day.getMonth() == Month.JULY
                || !day.equals(day.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.WEDNESDAY)))) {
            return;
        }
        Random r = random(day, 4);
        String place = pick(r, UNDERPASS, CENTRE, PITCH, LIBRARY);
        boolean dark = day.getMonthValue() <= 2 || day.getMonthValue() >= 10;
        String text = "Trygghetsvandring tillsammans med Gavlegårdarna, med boende från området. Vi utgick från " + spoken(place)
                + " och " + pick(r, "gick genom innergårdarna och längs gångvägarna.", "gick runt centrum och bostadsgårdarna.",
                "gick längs Sättravägen och tillbaka genom området.")
                + " Vi tittade särskilt på belysning, buskage, skadegörelse och platser som känns otrygga"
                + (dark ? " när det är mörkt." : ".");
        LocalTime start = dark ? LocalTime.of(17, 30) : LocalTime.of(18, 0);
        Activity walk = log(tenants, "Trygghetsvandring", place, day.atTime(start), day.atTime(start.plusHours(2)), 5 + r.nextInt(4),
                reach(r, day, 8, 20), text, Visibility.NETWORK);
        if (walk != null) {
            safetyWalks.put(day, walk);
        }
    }

    /**
     * The community police officer is in the area about every other week, more often in the evening;
     * a third of the visits are the police's own notes (ORGANISATION), which no other organisation reads.
     */
    private void policePresence(LocalDate day) {
        Random r = random(day.with(DayOfWeek.MONDAY), 5);
        if (r.nextInt(2) == 0 || christmas(day)) {
            return;
        }
        DayOfWeek chosen = pick(r, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        if (day.getDayOfWeek() != chosen) {
            return;
        }
        boolean own = r.nextInt(3) == 0;
        boolean evening = r.nextBoolean();
        String[] visit = own ? pick(r,
                new String[] {CENTRE, "Egen notering: planerad närvaro kvällstid i Sättra centrum efter tips om samlingar vid torget. "
                        + "Inga ingripanden."},
                new String[] {UNDERPASS, "Egen notering: uppföljning av skadegörelsen i gångtunneln; inget nytt att lämna till "
                        + "nätverket ännu."},
                new String[] {CENTRE, "Egen notering: samordnad närvaro med ordningsvakterna i centrum; lugnt, inga anmälningar."},
                new String[] {PITCH, "Egen notering: kontroll av mopedtrafik på gångvägarna kring skolan, två muntliga påpekanden."})
                : pick(r,
                new String[] {CENTRE, "Kommunpolisen fanns på plats i Sättra centrum och samtalade med boende och näringsidkare om "
                        + "tryggheten."},
                new String[] {YOUTH_CENTRE, "Polisen besökte fritidsgården och pratade med unga om mopeder och trafik."},
                new String[] {UNDERPASS, "Dialogpromenad med boende genom gångtunneln och längs Sättravägen."},
                new String[] {CENTRE, "Polisen på plats vid Sättra centrum, många frågor om inbrott i källarförråd."},
                new String[] {LIBRARY, "Medborgardialog vid biblioteket: boende fick berätta var de känner sig otrygga."});
        String place = visit[0];
        String text = visit[1];
        LocalDateTime start = day.atTime(evening ? 19 : 14, 0);
        log(police, "Polisens närvaro/dialog", place, start, start.plusHours(2 + r.nextInt(2)), 2, own ? null : reach(r, day, 10, 30),
                text, own ? Visibility.ORGANISATION : Visibility.NETWORK);
    }

    /** Two Huskurage information evenings at the library: the third Tuesday of March and the second Thursday of October. */
    private void huskurage(LocalDate day) {
        boolean spring = day.getMonth() == Month.MARCH && day.equals(day.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.TUESDAY)));
        boolean autumn = day.getMonth() == Month.OCTOBER
                && day.equals(day.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.THURSDAY)));
        if (!spring && !autumn) {
            return;
        }
        Random r = random(day, 6);
        String text = "Informationskväll om Huskurage för boende, tillsammans med polisen och Gavlegårdarna: vad man kan göra "
                + "om man misstänker våld hos en granne (knacka på, fråga hur det står till, ring polisen). "
                + (spring ? "Material på svenska, arabiska och somaliska delades ut." : "Uppföljning av vårens kväll; fler trapphus vill vara med.");
        log(tenants, "Huskurage-information", LIBRARY, day.atTime(18, 30), day.atTime(20, 0), 4, reach(r, day, 15, 35), text,
                Visibility.PUBLIC);
    }

    /** The spring clean-up day: Gavlegårdarna with the tenants' association and Sättra IF, the second Saturday of May. */
    private void cleanUpDay(LocalDate day) {
        if (day.getMonth() != Month.MAY || !day.equals(day.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SATURDAY)))) {
            return;
        }
        log(housing, "Städ-/skräpplockardag", CENTRE, day.atTime(10, 0), day.atTime(14, 0), 12, 70,
                "Vårstädning i Sättra för alla boende, tillsammans med Hyresgästföreningen och Sättra IF. Vi plockade skräp på gårdar, "
                        + "gångvägar och runt bollplanen; containrar för grovsopor vid centrum och korvgrillning till alla som hjälpte till.",
                Visibility.PUBLIC);
    }

    // Observations and handovers

    /**
     * The broken lamps in the underpass, seen on a night walk about nine weeks ago and fixed by
     * Gavlegårdarna; the overflowing recycling station, handed over a month ago and still not dealt
     * with; a safety walk's dark bushes, in progress; and a scatter of other things seen on the walks.
     */
    private void observations() {
        LocalDate firstReportWeek = IsoWeek.of(today).monday().minusWeeks(REPORT_WEEKS - 1L);
        Activity lampWalk = walkNear(firstReportWeek.plusWeeks(2).with(DayOfWeek.FRIDAY));
        if (lampWalk != null) {
            Observation lamps = observe(nightWalkers, lampWalk, UNDERPASS, 45, "Belysning",
                    "Tre av lamporna i gångtunneln under Sättravägen är trasiga. Tunneln är nästan helt mörk efter kl. 22 och flera "
                            + "unga sa att de hellre går runt över vägen.", Visibility.NETWORK);
            LocalDate seen = local(lampWalk).toLocalDate();
            Observation handed = services.observations().handOver(nightWalkers, lamps.id(),
                    new HandoverInput(housingId, seen.plusWeeks(2), "Byt de trasiga lamporna i gångtunneln under Sättravägen"));
            services.actionItems().comment(housing, handed.actionItemId(),
                    "Tre nya lampor med skalskydd är monterade i gångtunneln; vi ser över resten av armaturerna vid nästa rond.");
            services.actionItems().setState(housing, handed.actionItemId(), ActionItemState.DONE);
        }
        Activity litterWalk = walkNear(firstReportWeek.plusWeeks(7).with(DayOfWeek.FRIDAY));
        if (litterWalk != null) {
            Observation litter = observe(nightWalkers, litterWalk, CENTRE, 80, "Nedskräpning",
                    "Nedskräpning vid återvinningsstationen bakom Sättra centrum: containrarna är överfulla och kartonger och påsar "
                            + "har blåst ut över gångvägen.", Visibility.NETWORK);
            services.observations().handOver(nightWalkers, litter.id(), new HandoverInput(housingId, today.minusDays(10),
                    "Töm och städa runt återvinningsstationen bakom Sättra centrum, och se över tömningsschemat"));
        }
        Activity lastSafetyWalk = safetyWalks.values().stream().filter(a -> local(a).isBefore(now.minusDays(1)))
                .reduce((a, b) -> b).orElse(null);
        if (lastSafetyWalk != null) {
            Observation bushes = observe(tenants, lastSafetyWalk, UNDERPASS, 30, "Otrygg plats",
                    "Buskagen vid gångtunnelns norra mynning har vuxit sig höga och skymmer sikten; boende på vandringen sa att de "
                            + "känner sig otrygga där när det är mörkt.", Visibility.NETWORK);
            Observation handed = services.observations().handOver(tenants, bushes.id(),
                    new HandoverInput(housingId, today.plusWeeks(3), "Klipp ner buskagen vid gångtunnelns norra mynning"));
            services.actionItems().setState(housing, handed.actionItemId(), ActionItemState.IN_PROGRESS);
        }
        String[][] safetyWalkFindings = {
                {"Belysning", PITCH, "Belysningen på gångvägen mellan skolan och bollplanen släcks redan kl. 22."},
                {"Skadegörelse", CENTRE, "Sönderslagen ruta i busskuren vid Sättra centrum."},
                {"Otrygg plats", LIBRARY, "Gångvägen bakom biblioteket är mörk och ödslig; flera boende undviker den på kvällen."},
                {"Nedskräpning", PITCH, "Mycket skräp kring bänkarna vid bollplanen."},
                {"Belysning", LIBRARY, "Två lampor längs gångvägen till biblioteket lyser inte."}};
        int i = 0;
        int walkIndex = 0;
        for (Activity walk : safetyWalks.values()) {
            if (walkIndex++ % 2 == 0 || walk == lastSafetyWalk || !local(walk).isBefore(now.minusDays(1))
                    || i >= safetyWalkFindings.length) {
                continue;
            }
            String[] finding = safetyWalkFindings[i++];
            observe(tenants, walk, finding[1], 40, finding[0], finding[2], Visibility.NETWORK);
        }
        String[][] walkFindings = {
                {"Skadegörelse", PITCH, "Klotter på elskåpet vid bollplanen."},
                {"Nedskräpning", YOUTH_CENTRE, "Glas och burkar på gården utanför fritidsgården."},
                {"Otrygg plats", PITCH, "En grupp äldre ungdomar samlas vid bollplanen sent på kvällen; yngre säger att de känner sig "
                        + "otrygga."},
                {"Annat", CENTRE, "Många yngre barn ute sent, flera utan vuxen som visste var de var."},
                {"Belysning", CENTRE, "Gatlyktan vid bussfickan på Sättravägen blinkar."},
                {"Annat", UNDERPASS, "Mopeder som kör genom gångtunneln och på gångvägarna."},
                {"Skadegörelse", UNDERPASS, "Nytt klotter på väggen i gångtunneln."},
                {"Nedskräpning", LIBRARY, "Skräp och fimpar vid bänkarna utanför biblioteket."}};
        int walkNumber = 0;
        int finding = 0;
        for (Activity walk : nightWalks.values()) {
            walkNumber++;
            if (walk == lampWalk || walk == litterWalk || walkNumber % 6 != 3 || !local(walk).plusHours(3).isBefore(now)) {
                continue;
            }
            String[] f = walkFindings[finding++ % walkFindings.length];
            observe(nightWalkers, walk, f[1], 60 + 20 * (walkNumber % 4), f[0], f[2], Visibility.NETWORK);
        }
        standalone(police, CENTRE, today.minusDays(12).atTime(22, 15), "Otrygg plats",
                "Egen notering: fler rapporter om mopedåkning och samlingar vid torget fredagskvällar; bevakas vid kommande "
                        + "närvaropass.", Visibility.ORGANISATION);
        standalone(fieldAssistants, YOUTH_CENTRE, today.minusDays(20).atTime(20, 40), "Annat",
                "Fler unga från andra stadsdelar kommer till fritidsgården på torsdagar än för en månad sedan.", Visibility.NETWORK);
        standalone(housing, CENTRE, today.minusDays(33).atTime(8, 30), "Skadegörelse",
                "Klotter på tvättstugedörren vid Sättragatan 14; sanerat samma dag.", Visibility.NETWORK);
        standalone(club, PITCH, today.minusDays(45).atTime(9, 30), "Nedskräpning",
                "Glas och burkar på bollplanen på lördagsmorgonen, vi städade innan träningen.", Visibility.NETWORK);
    }

    /** The night walk on the day or the closest one before it; null when there is none in the past. */
    private Activity walkNear(LocalDate day) {
        for (LocalDate d = day; d.isAfter(day.minusDays(14)); d = d.minusDays(1)) {
            Activity walk = nightWalks.get(d);
            if (walk != null && local(walk).plusHours(3).isBefore(now)) {
                return walk;
            }
        }
        return null;
    }

    private Observation observe(CurrentUser who, Activity during, String place, int minutesIn, String category, String text,
                                Visibility visibility) {
        observations++;
        return services.observations().create(who, new ObservationInput(during.id(), null, null, places.get(place),
                local(during).plusMinutes(minutesIn), categories.get(category), text, visibility));
    }

    private void standalone(CurrentUser who, String place, LocalDateTime at, String category, String text, Visibility visibility) {
        observations++;
        services.observations().create(who, new ObservationInput(null, null, areaId, places.get(place), at, categories.get(category),
                text, visibility));
    }

    // EST place reports

    /** A place's week as it was, before each organisation's eye adds its own small differences. */
    private record Signs(int vandalism, int littering, int lighting, int gatherings, int incidents) {
    }

    /**
     * Twelve weeks of reports: Nattvandrarna on the underpass, the centre and the youth centre after
     * each Friday's walk; Gavlegårdarna on the underpass and the centre; the police on the centre and
     * the underpass, every fourth week as their own (ORGANISATION) assessment. The underpass gets
     * lighter and calmer once its lamps are replaced (see {@link #lampsReplaced}); the centre's littering grows with
     * the overflowing recycling station.
     */
    private void placeReports() {
        IsoWeek current = IsoWeek.of(today);
        for (int w = 0; w < REPORT_WEEKS; w++) {
            IsoWeek week = new IsoWeek(current.monday().minusWeeks(REPORT_WEEKS - 1L - w));
            Random r = random(week.monday(), 7);
            boolean walked = nightWalks.keySet().stream().anyMatch(d -> IsoWeek.of(d).equals(week) && d.atTime(23, 0).isBefore(now));
            String upcoming = upcoming(new IsoWeek(week.monday().plusWeeks(1)));
            if (walked) {
                report(nightWalkers, UNDERPASS, week, noisy(r, underpass(w)), upcoming, w < LAMPS_REPLACED_WEEK
                        ? "Tunneln är mörk och flera unga går hellre runt över vägen." : w == LAMPS_REPLACED_WEEK
                        ? "Nya lampor på plats i veckan."
                        : "Ljust i tunneln nu och fler går igenom den, även sent.", Visibility.NETWORK);
                report(nightWalkers, CENTRE, week, noisy(r, centre(w, r)), null,
                        w >= 7 ? "Överfulla containrar vid återvinningsstationen." : null, Visibility.NETWORK);
                report(nightWalkers, YOUTH_CENTRE, week, noisy(r, new Signs(r.nextInt(2), 1, w < 3 ? 1 : 0, 1 + r.nextInt(2), 0)), null,
                        null, Visibility.NETWORK);
            }
            if (w % 2 == 0 || w == REPORT_WEEKS - 1) {
                report(housing, UNDERPASS, week, noisy(r, underpass(w)), null, w == LAMPS_REPLACED_WEEK ? "Tre lampor bytta, nya armaturer med skalskydd."
                        : w == LAMPS_REPLACED_WEEK + 1 ? "Klotter sanerat." : null, Visibility.NETWORK);
                report(housing, CENTRE, week, noisy(r, centre(w, r)), upcoming,
                        w >= 7 ? "Tömningen av återvinningsstationen räcker inte; vi ser över schemat med entreprenören." : null,
                        Visibility.NETWORK);
            }
            Visibility own = w % 4 == 3 ? Visibility.ORGANISATION : Visibility.NETWORK;
            report(police, CENTRE, week, noisy(r, centre(w, r)), null, own == Visibility.ORGANISATION
                    ? "Egen bedömning: läget stabilt, fortsatt närvaro fredagskvällar." : null, own);
            report(police, UNDERPASS, week, noisy(r, underpass(w)), null, null, own);
        }
    }

    private static Signs underpass(int w) {
        int lighting = w < 1 ? 2 : w < LAMPS_REPLACED_WEEK ? 3 : w == LAMPS_REPLACED_WEEK ? 1 : 0;
        return new Signs(w == LAMPS_REPLACED_WEEK + 1 ? 2 : 1, 1, lighting, w <= LAMPS_REPLACED_WEEK ? 2 : 1, 0);
    }

    private static Signs centre(int w, Random r) {
        return new Signs(r.nextInt(2), w >= 9 ? 3 : w >= 6 ? 2 : 1, 0, 2, w == 8 ? 1 : 0);
    }

    /** Each reporter sees a little differently: now and then one sign a step up or down, never the lighting story. */
    private static Signs noisy(Random r, Signs s) {
        int delta = r.nextInt(5) == 0 ? (r.nextBoolean() ? 1 : -1) : 0;
        return switch (r.nextInt(3)) {
            case 0 -> new Signs(clamp(s.vandalism() + delta), s.littering(), s.lighting(), s.gatherings(), s.incidents());
            case 1 -> new Signs(s.vandalism(), clamp(s.littering() + delta), s.lighting(), s.gatherings(), s.incidents());
            default -> new Signs(s.vandalism(), s.littering(), s.lighting(), clamp(s.gatherings() + delta), s.incidents());
        };
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(3, value));
    }

    /** What is coming up in the week after, as a reporter would mention it. */
    private String upcoming(IsoWeek next) {
        List<String> events = new ArrayList<>();
        for (LocalDate d = next.monday(); !d.isAfter(next.sunday()); d = d.plusDays(1)) {
            if (d.equals(d.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.WEDNESDAY))) && d.getMonth() != Month.JULY) {
                events.add("Trygghetsvandring onsdag kl. 18.");
            }
            if (d.getMonth() == Month.APRIL && d.getDayOfMonth() == 30) {
                events.add("Valborgsmässoafton: förstärkt nattvandring och brasa vid bollplanen.");
            }
            if (week(d) == 44 && d.getDayOfWeek() == DayOfWeek.MONDAY) {
                events.add("Höstlov: extra nattvandringar tisdag och torsdag, lovöppet på fritidsgården.");
            }
            if (d.getMonth() == Month.MAY && d.equals(d.with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SATURDAY)))) {
                events.add("Städdag lördag kl. 10-14.");
            }
        }
        return events.isEmpty() ? null : String.join(" ", events);
    }

    private void report(CurrentUser who, String place, IsoWeek week, Signs s, String upcoming, String comment, Visibility visibility) {
        reports++;
        services.placeReports().report(who, new PlaceReportInput(null, places.get(place), week.toString(), s.vandalism(), s.littering(),
                s.lighting(), s.gatherings(), s.incidents(), upcoming, comment, visibility));
    }

    // Helpers

    private Activity log(CurrentUser who, String type, String place, LocalDateTime start, LocalDateTime end, Integer staff,
                         Integer reached, String description, Visibility visibility) {
        boolean planned = start.isAfter(now);
        activities++;
        return services.activities().create(who, new ActivityInput(null, areaId, places.get(place), types.get(type), offset(start),
                offset(end), staff, planned ? null : reached, planned ? plan(type, place, description) : description, visibility));
    }

    /** What an activity still to come says: the plan, not how it went; nobody has been reached yet. */
    private static String plan(String type, String place, String description) {
        return switch (type) {
            case "Nattvandring" -> "Planerad nattvandring. Samling vid " + spoken(place) + " kvart i nio; fler vuxna är välkomna att "
                    + "gå med.";
            case "Fritidsgård (öppen verksamhet)" -> "Öppet på fritidsgården för unga i högstadieåldern: pingis, biljard, spel och fika.";
            case "Idrottsaktivitet för unga" -> "Öppen fotbollsträning för 10-13 år på bollplanen, ingen anmälan och inga avgifter.";
            case "Trygghetsvandring" -> "Trygghetsvandring med Gavlegårdarna och Hyresgästföreningen; alla boende är välkomna. "
                    + "Samling vid " + spoken(place) + ".";
            case "Polisens närvaro/dialog" -> description.startsWith("Egen notering")
                    ? "Egen notering: planerat närvaropass i området." : "Kommunpolisen finns på plats vid " + spoken(place)
                    + " för samtal med boende.";
            default -> "Planerad. " + description;
        };
    }

    private static OffsetDateTime offset(LocalDateTime local) {
        return local.atZone(Dates.ZONE).toOffsetDateTime();
    }

    private static LocalDateTime local(Activity activity) {
        return LocalDateTime.ofInstant(activity.startsAt(), Dates.ZONE);
    }

    /** People reached: fewer in the dark and cold months and in high summer, more in spring and autumn. */
    private static int reach(Random r, LocalDate day, int min, int max) {
        double season = switch (day.getMonth()) {
            case DECEMBER, JANUARY, FEBRUARY -> 0.45;
            case JULY -> 0.55;
            case MARCH, NOVEMBER, AUGUST -> 0.7;
            default -> 0.9;
        };
        int top = min + (int) Math.round((max - min) * season);
        return min + r.nextInt(top - min + 1);
    }

    private static String season(Random r, LocalDate day) {
        return switch (day.getMonth()) {
            case DECEMBER, JANUARY, FEBRUARY -> pick(r, "Kallt och halt ute.", "Snö och minusgrader.",
                    "Mörkt och kallt, vi höll oss mest kring centrum.");
            case MARCH, APRIL, MAY -> pick(r, "Ljusare kvällar.", "Milt väder, boende kvar ute på gårdarna sent.", "Torr och mild vårkväll.");
            case JUNE, JULY, AUGUST -> pick(r, "Varm kväll.", "Ljust hela kvällen.", "Sommarkväll, en del besökare från andra stadsdelar.");
            default -> pick(r, "Mörkt tidigt; vi gick extra runt gångtunneln.", "Regn och blåst.",
                    "Höstmörker, vi delade ut reflexer vid skolan.");
        };
    }

    private static boolean christmas(LocalDate day) {
        return (day.getMonth() == Month.DECEMBER && day.getDayOfMonth() >= 22) || (day.getMonth() == Month.JANUARY && day.getDayOfMonth() <= 6);
    }

    private static int week(LocalDate day) {
        return day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    /** The same draws for the same day and purpose on every load, whatever day the data is loaded. */
    private static Random random(LocalDate day, int purpose) {
        // Mixed, because java.util.Random's first draws from neighbouring seeds are alike (SplitMix64's finaliser).
        long z = (SEED * 31 * 31 + day.toEpochDay() * 31 + purpose) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    /** A place's name as it reads inside a sentence. */
    private static String spoken(String place) {
        return switch (place) {
            case UNDERPASS -> "gångtunneln";
            case YOUTH_CENTRE -> "fritidsgården";
            case LIBRARY -> "biblioteket";
            case PITCH -> "bollplanen";
            default -> place;
        };
    }

    @SafeVarargs
    private static <T> T pick(Random r, T... choices) {
        return choices[r.nextInt(choices.length)];
    }
}
