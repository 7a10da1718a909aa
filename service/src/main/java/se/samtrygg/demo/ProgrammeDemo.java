package se.samtrygg.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import se.samtrygg.Services;
import se.samtrygg.activity.Category;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.area.Area;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.programme.DerivedSource;
import se.samtrygg.programme.Direction;
import se.samtrygg.programme.FocusArea;
import se.samtrygg.programme.FocusAreaInput;
import se.samtrygg.programme.Goal;
import se.samtrygg.programme.GoalInput;
import se.samtrygg.programme.Indicator;
import se.samtrygg.programme.IndicatorInput;
import se.samtrygg.programme.IndicatorKind;
import se.samtrygg.programme.Measure;
import se.samtrygg.programme.MeasureInput;
import se.samtrygg.programme.MeasurementInput;
import se.samtrygg.programme.PeriodLength;
import se.samtrygg.programme.Programme;
import se.samtrygg.programme.ProgrammeInput;
import se.samtrygg.programme.ProgrammeService;
import se.samtrygg.programme.ProgrammeStatus;
import se.samtrygg.programme.ProgressCommentInput;
import se.samtrygg.programme.ProgressSubject;
import se.samtrygg.programme.StatusOverrideInput;
import se.samtrygg.rollout.Rollout;

/**
 * Gävle's social sustainability programme as officials follow it up: adopted by the council in December 2018 for
 * 2019–2026, focus area Trygghet, the goal "En kommun fri från våld" with the police's figures on violence in close
 * relationships, and the measure "Huskurage i Sättra" (since spring 2019) with the residents' sense of safety from the
 * municipality's survey and four indicators counted live from the rest of the demo: apartments covered by the Huskurage
 * rollout, night walks and youth-centre evenings, the network group's meetings and action items closed on time.
 *
 * <p>The programme's own dates are the council's and fixed; the derived indicators' baselines are dated from today, like
 * the records they count (the activity log covers the past year, the rollout started five months ago). Their targets
 * give a mix of statuses, and one status is set by hand with its justification.
 */
final class ProgrammeDemo {
    static final String PROGRAMME = "Program för social hållbarhet";
    static final String GOAL = "En kommun fri från våld";
    static final String MEASURE = "Huskurage i Sättra";
    static final String SURVEY_SOURCE = "Trygghetsundersökning Gävle kommun";
    private static final LocalDate PROGRAMME_START = LocalDate.of(2019, 1, 1);
    private static final LocalDate PROGRAMME_END = LocalDate.of(2026, 12, 31);
    /** The survey's question on safety outdoors in the evening, asked in Sättra every other spring: year, share in percent. */
    private static final Object[][] SURVEY = {{2019, "61.0"}, {2021, "63.0"}, {2023, "66.0"}, {2025, "71.0"}};
    /** Reported assaults on women in close relationships per 100 000 inhabitants in Gävle, a year at a time. */
    private static final Object[][] ASSAULTS = {{2019, "281"}, {2020, "276"}, {2021, "266"}, {2022, "262"}, {2023, "254"},
        {2024, "249"}, {2025, "243"}};

    private final Services services;
    private final ProgrammeService programmes;
    private final Area sattra;
    private final Map<String, Organisation> organisations;
    private final Map<String, Long> userIds;
    private final Rollout huskurage;
    private final LocalDate today;

    ProgrammeDemo(Services services, Area sattra, Map<String, Organisation> organisations, Map<String, Long> userIds, Rollout huskurage) {
        this.services = services;
        this.programmes = services.programmes();
        this.sattra = sattra;
        this.organisations = organisations;
        this.userIds = userIds;
        this.huskurage = huskurage;
        this.today = programmes.today();
    }

    Programme load() {
        Programme programme = programmes.create(null, new ProgrammeInput(PROGRAMME, "Kommunfullmäktige", LocalDate.of(2018, 12, 10),
                PROGRAMME_START, PROGRAMME_END,
                "Gävle kommuns program för social hållbarhet: att skillnaderna i livsvillkor mellan stadsdelarna ska minska och att "
                        + "alla ska kunna känna sig trygga där de bor. Programmet följs upp varje år i en rapport till kommunstyrelsen."));
        FocusArea safety = programmes.addFocusArea(null, programme.id(), new FocusAreaInput("Trygghet",
                "Alla i Gävle ska kunna röra sig tryggt i sitt bostadsområde, dag som kväll, och få stöd när de utsätts för våld.", null));
        Goal goal = programmes.addGoal(null, safety.id(), new GoalInput(GOAL,
                "Våld i nära relationer ska upptäckas tidigare och minska. Grannar, bostadsbolag och föreningar ska veta hur de "
                        + "kan reagera och vart de kan vända sig.", null));
        Indicator assaults = programmes.createIndicator(null, new IndicatorInput(goal.id(), null,
                "Anmälda misshandelsbrott mot kvinnor i nära relation per 100 000 invånare",
                "Polisanmälda misshandelsbrott mot kvinnor över 18 år där gärningspersonen är bekant och offret har en nära "
                        + "relation till gärningspersonen, i Gävle kommun, per helår.", "per 100 000 invånare",
                Direction.LOWER_IS_BETTER, new BigDecimal("284"), LocalDate.of(2018, 12, 31), new BigDecimal("220"), PROGRAMME_END,
                IndicatorKind.MANUAL, null, null, null, null, null, null));
        for (Object[] year : ASSAULTS) {
            measure(assaults, LocalDate.of((Integer) year[0], 12, 31), (String) year[1], null, "Polisens statistik",
                    "Helårsvärde för Gävle kommun.");
        }

        Measure measure = programmes.addMeasure(null, goal.id(), new MeasureInput(MEASURE,
                "Huskurage uppmuntrar grannar att reagera när de misstänker våld hos en granne: knacka på, fråga hur det står till, "
                        + "ring polisen. Metoden införs fastighet för fastighet tillsammans med Gavlegårdarna, polisen och "
                        + "Hyresgästföreningen Sättra, med informationskvällar för de boende.",
                organisations.get("Gävle kommun, enheten för social hållbarhet").id(), LocalDate.of(2019, Month.APRIL, 1), PROGRAMME_END,
                null, List.of(sattra.id()), List.of(huskurage.id()), types("Huskurage-information")));
        surveyIndicator(measure);
        Indicator evenings = derivedIndicators(measure);
        overrideStatus(measure);
        comments(goal, measure, evenings);
        return programme;
    }

    /**
     * The survey in Sättra: higher is better, from 61 % in spring 2019 towards 75 % by the end of the programme, and 2025's
     * value also entered for the area, so the breakdown by area has it (only Sättra: the indicator is about Sättra).
     */
    private void surveyIndicator(Measure measure) {
        Indicator survey = programmes.createIndicator(null, new IndicatorInput(null, measure.id(),
                "Andel boende i Sättra som känner sig trygga utomhus på kvällen",
                "Andelen som svarar att de känner sig ganska eller mycket trygga när de går ut ensamma en sen kväll i sitt "
                        + "bostadsområde. Frågan ställs vartannat år i kommunens trygghetsundersökning.", "procent",
                Direction.HIGHER_IS_BETTER, new BigDecimal("61.0"), LocalDate.of(2019, 4, 15), new BigDecimal("75.0"), PROGRAMME_END,
                IndicatorKind.MANUAL, null, null, null, null, null, null));
        for (Object[] year : SURVEY) {
            measure(survey, LocalDate.of((Integer) year[0], 4, 15), (String) year[1], null, SURVEY_SOURCE,
                    (Integer) year[0] == 2019 ? "Utgångsvärde. Cirka 400 svarande i Sättra." : "Cirka 400 svarande i Sättra.");
        }
        measure(survey, LocalDate.of(2025, 4, 15), "71.0", sattra.id(), SURVEY_SOURCE, null);
    }

    /**
     * Four indicators counted from the demo's own records, with the measure's area (Sättra) and rollout where they name
     * none: coverage of the rollout against its plan, the partners' evenings for young people per quarter, the network
     * group's meetings per quarter and the share of Sättra's action items closed on time per year (no full year yet, so no
     * data).
     */
    private Indicator derivedIndicators(Measure measure) {
        LocalDate targetDate = today.isAfter(PROGRAMME_END) ? today.withMonth(12).withDayOfMonth(31) : PROGRAMME_END;
        long apartments = huskurage.progress().apartments();
        programmes.createIndicator(null, new IndicatorInput(null, measure.id(), "Lägenheter i Sättra som nåtts av Huskurage",
                "Lägenheter i fastigheter där informationsbrev och affischer är på plats, enligt införandet.", "lägenheter",
                Direction.HIGHER_IS_BETTER, BigDecimal.ZERO, huskurage.startDate(), BigDecimal.valueOf(apartments), huskurage.targetDate(),
                IndicatorKind.DERIVED, DerivedSource.APARTMENTS_COVERED, PeriodLength.QUARTER, null, null, null, null));

        LocalDate logStart = quarterStart(today.minusYears(1)).plusMonths(3);
        Indicator evenings = programmes.createIndicator(null, new IndicatorInput(null, measure.id(),
                "Nattvandringar och kvällar på fritidsgården",
                "Nattvandringar och kvällar med öppen fritidsgård i Sättra per kvartal, av alla organisationer.", "aktiviteter",
                Direction.HIGHER_IS_BETTER, new BigDecimal("36"), logStart, new BigDecimal("45"), targetDate,
                IndicatorKind.DERIVED, DerivedSource.ACTIVITIES, PeriodLength.QUARTER, null, null,
                types("Nattvandring", "Fritidsgård (öppen verksamhet)"), null));

        // The network group's monthly series began three months ago (DemoData.meetings): none before, one a month from then.
        LocalDate groupStart = today.withDayOfMonth(1).minusMonths(3);
        programmes.createIndicator(null, new IndicatorInput(null, measure.id(), "Möten i Nätverksgruppen Sättra",
                "Nätverksgruppens möten per kvartal som hölls (inställda möten räknas inte). Gruppen ska träffas varje månad.", "möten",
                Direction.HIGHER_IS_BETTER, BigDecimal.ZERO, groupStart, new BigDecimal("3"), targetDate,
                IndicatorKind.DERIVED, DerivedSource.MEETINGS_HELD, PeriodLength.QUARTER, null, null, null, null));

        programmes.createIndicator(null, new IndicatorInput(null, measure.id(), "Åtgärdspunkter i Sättra klara i tid",
                "Andelen av områdets åtgärdspunkter, från möten och observationer, som blev klara senast på förfallodagen.", "procent",
                Direction.HIGHER_IS_BETTER, new BigDecimal("70"), today.withDayOfYear(1), new BigDecimal("90"), targetDate,
                IndicatorKind.DERIVED, DerivedSource.ACTION_ITEMS_CLOSED_ON_TIME, PeriodLength.YEAR, null, null, null, null));
        return evenings;
    }

    /** The official's and the coordinator's notes on progress: last year, the last full quarter and the quarter under way. */
    private void comments(Goal goal, Measure measure, Indicator evenings) {
        CurrentUser official = person("erik.sjoberg");
        CurrentUser coordinator = person("anna.lindqvist");
        int year = today.getYear();
        int quarter = today.get(IsoFields.QUARTER_OF_YEAR);
        programmes.comment(official, new ProgressCommentInput(ProgressSubject.GOAL, goal.id(), year - 1, null,
                "Anmälningarna fortsätter att minska, men långsammare än planen. Polisen påpekar att fler anmälningar också kan betyda "
                        + "att fler vågar anmäla; vi följer utvecklingen tillsammans med socialtjänsten."));
        programmes.comment(coordinator, new ProgressCommentInput(ProgressSubject.MEASURE, measure.id(), year - 1, null,
                "Informationskvällarna på biblioteket var välbesökta. Gavlegårdarna har beslutat att införa Huskurage i alla sina "
                        + "hus i Sättra, och arbetet planeras till nästa år."));
        programmes.comment(coordinator, new ProgressCommentInput(ProgressSubject.MEASURE, measure.id(), year, quarter,
                "Brev och affischer är på plats i ungefär hälften av husen. Polisens informationsmöte för de sista husen är "
                        + "försenat; nytt datum bokas med Hyresgästföreningen."));
        LocalDate lastQuarter = quarterStart(today).minusMonths(3);
        programmes.comment(coordinator, new ProgressCommentInput(ProgressSubject.INDICATOR, evenings.id(), lastQuarter.getYear(),
                lastQuarter.get(IsoFields.QUARTER_OF_YEAR), "Färre kvällar än planerat: nattvandrarna har svårt att få ihop vuxna "
                        + "vissa fredagar. Vi bjuder in föräldrar via Sättraskolan så att fler kan gå med."));
        programmes.comment(official, new ProgressCommentInput(ProgressSubject.GOAL, goal.id(), year, quarter,
                "Anmälningarna minskar fortfarande långsammare än planen. Huskurage i Sättra har nått ungefär hälften av "
                        + "lägenheterna; resultatet av nästa trygghetsundersökning läggs in när det kommer."));
    }

    /**
     * The one status set by hand, on the measure: the official weighs what the figures cannot say (whatever the computed
     * status is on the day of loading, the justification explains the judgement).
     */
    private void overrideStatus(Measure measure) {
        programmes.overrideStatus(person("erik.sjoberg"), ProgressSubject.MEASURE, measure.id(), new StatusOverrideInput(
                ProgrammeStatus.AT_RISK, "Bedömningen väger in mer än siffrorna: breven och affischerna är på plats i ungefär hälften "
                        + "av husen, som planerat, men polisens informationsmöten för de sista husen är försenade, och utan dem blir "
                        + "husen inte täckta. Bedömningen gäller tills mötena är hållna."));
    }

    private void measure(Indicator indicator, LocalDate on, String value, Long areaId, String source, String comment) {
        if (on.isAfter(today)) {
            return;
        }
        programmes.addMeasurement(null, indicator.id(), new MeasurementInput(on, new BigDecimal(value), areaId, source, comment));
    }

    private List<Long> types(String... names) {
        Map<String, Long> byName = services.categories().active(CategoryKind.ACTIVITY_TYPE).stream()
                .collect(Collectors.toMap(Category::name, Category::id));
        return java.util.Arrays.stream(names).map(name -> {
            Long id = byName.get(name);
            if (id == null) { // said here, by name, rather than as a null id somewhere in the service
                throw new IllegalStateException("the demo's activity type \"" + name + "\" is missing or inactive");
            }
            return id;
        }).toList();
    }

    private static LocalDate quarterStart(LocalDate day) {
        return day.withMonth((day.get(IsoFields.QUARTER_OF_YEAR) - 1) * 3 + 1).withDayOfMonth(1);
    }

    private CurrentUser person(String name) {
        return services.users().principalOf(userIds.get(name + "@demo.samtrygg.se"));
    }
}
