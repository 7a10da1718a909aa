package se.samtrygg.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import se.samtrygg.activity.Category;
import se.samtrygg.activity.CategoryInput;
import se.samtrygg.activity.CategoryKind;
import se.samtrygg.area.Area;
import se.samtrygg.area.AreaInput;
import se.samtrygg.common.NotFoundException;
import se.samtrygg.identity.CurrentUser;
import se.samtrygg.identity.Role;
import se.samtrygg.identity.User;
import se.samtrygg.organisation.Organisation;
import se.samtrygg.organisation.OrganisationType;
import se.samtrygg.rollout.PropertyInput;
import se.samtrygg.rollout.Rollout;
import se.samtrygg.rollout.RolloutInput;
import se.samtrygg.support.Fixtures;
import se.samtrygg.support.Http;
import se.samtrygg.support.TestServer;

/**
 * The editing forms of programme follow-up as an official uses them: building a programme's tree and its indicators,
 * refused forms that keep what was typed, the confirm pages before deleting, and the status set by hand. Partners and
 * coordinators get none of the forms.
 */
class ProgrammeFormPagesTest {
    private final TestServer server = TestServer.shared();
    private final Fixtures fixtures = new Fixtures(server);
    private final ProgrammeService programmes = server.services().programmes();
    private final Area area = server.services().areas().create(null, new AreaInput(Fixtures.unique("Sättra"), "Gävle", null));
    private final Organisation unit = fixtures.organisation(OrganisationType.MUNICIPAL_UNIT);
    private final User official = fixtures.user(Set.of(Role.OFFICIAL));
    private final CurrentUser officialPrincipal = Fixtures.principal(official);
    private final Http asOfficial = signedIn(official);

    @Test
    void anOfficialBuildsAProgrammeWithAFocusAreaGoalMeasureAndBothKindsOfIndicator() {
        String name = Fixtures.unique("Socialt hållbarhetsprogram");
        assertThat(asOfficial.get("/programmes/new").body()).contains("Nytt program").contains("name=\"_csrf\"");
        Http.Response created = asOfficial.postForm("/programmes", Map.of("name", name, "adoptedBy", "Kommunfullmäktige",
                "adoptedOn", "2018-12-10", "periodStart", "2019-01-01", "periodEnd", "2026-12-31", "description", "Gävles program."));
        assertThat(created.status()).isEqualTo(303);
        long programmeId = idIn(created.location(), "programmes");
        Programme programme = programmes.get(officialPrincipal, programmeId);
        assertThat(programme.name()).isEqualTo(name);
        assertThat(programme.adoptedOn()).isEqualTo(LocalDate.of(2018, 12, 10));
        assertThat(programme.periodEnd()).isEqualTo(LocalDate.of(2026, 12, 31));

        assertThat(asOfficial.get("/programmes/" + programmeId + "/focus-areas/new").status()).isEqualTo(200);
        Http.Response focusAreaAdded = asOfficial.postForm("/programmes/" + programmeId + "/focus-areas", Map.of("name", "Trygghet",
                "description", "", "position", ""));
        assertThat(focusAreaAdded.status()).isEqualTo(303);
        assertThat(local(focusAreaAdded.location())).isEqualTo("/programmes/" + programmeId);
        long focusAreaId = programmes.overview(officialPrincipal, programmeId).focusAreas().get(0).focusArea().id();

        assertThat(asOfficial.get("/focus-areas/" + focusAreaId + "/goals/new").body()).contains("Trygghet");
        Http.Response goalAdded = asOfficial.postForm("/focus-areas/" + focusAreaId + "/goals", Map.of("name", "En kommun fri från våld",
                "description", "", "position", ""));
        assertThat(goalAdded.status()).isEqualTo(303);
        long goalId = idIn(goalAdded.location(), "goals");
        assertThat(programmes.goal(officialPrincipal, goalId).node().goal().name()).isEqualTo("En kommun fri från våld");

        Category nightWalk = activityType("Nattvandring");
        Rollout rollout = rollout();
        String measureForm = asOfficial.get("/goals/" + goalId + "/measures/new").body();
        assertThat(measureForm).as("areas, rollouts and activity types as checkboxes, the rollout under its area")
                .contains("id=\"areaIds-" + area.id() + "\"").contains("id=\"rolloutIds-" + rollout.id() + "\"")
                .contains("<legend>" + area.name() + " (Gävle)</legend>").contains("id=\"activityTypeIds-" + nightWalk.id() + "\"")
                .contains("<option value=\"" + unit.id() + "\">").contains("Ett införande kan höra till högst en åtgärd.");
        Http.Response measureAdded = asOfficial.postFormPairs("/goals/" + goalId + "/measures", List.of(
                Map.entry("name", "Huskurage i Sättra"), Map.entry("description", ""),
                Map.entry("responsibleOrganisationId", Long.toString(unit.id())), Map.entry("startDate", "2019-03-01"),
                Map.entry("endDate", ""), Map.entry("position", ""), Map.entry("areaIds", Long.toString(area.id())),
                Map.entry("rolloutIds", Long.toString(rollout.id())), Map.entry("activityTypeIds", Long.toString(nightWalk.id()))));
        assertThat(measureAdded.status()).isEqualTo(303);
        long measureId = idIn(measureAdded.location(), "measures");
        Measure measure = programmes.measure(officialPrincipal, measureId).node().measure();
        assertThat(measure.responsibleOrganisationId()).isEqualTo(unit.id());
        assertThat(measure.endDate()).isNull();
        assertThat(measure.areas()).extracting(Ref::id).containsExactly(area.id());
        assertThat(measure.rollouts()).extracting(Ref::id).containsExactly(rollout.id());
        assertThat(measure.activityTypes()).extracting(Ref::id).containsExactly(nightWalk.id());
        assertThat(asOfficial.get("/rollouts/" + rollout.id()).body()).as("the rollout page names the measure it serves")
                .contains("<a href=\"/measures/" + measureId + "\">Huskurage i Sättra</a>");

        assertThat(asOfficial.get("/indicators/new?measureId=" + measureId).body()).contains("Räknas fram ur Samtryggs uppgifter")
                .as("the unit is what the official types, not set by the source").doesNotContain("Enheten blir")
                .contains("Huskurage i Sättra");
        Http.Response derivedAdded = asOfficial.postFormPairs("/indicators", List.of(Map.entry("measureId", Long.toString(measureId)),
                Map.entry("name", "Nattvandringar i Sättra"), Map.entry("description", ""), Map.entry("unit", "antal"),
                Map.entry("direction", "HIGHER_IS_BETTER"), Map.entry("position", ""), Map.entry("baselineValue", "12"),
                Map.entry("baselineDate", "2019-01-01"), Map.entry("targetValue", "40"), Map.entry("targetDate", "2022-12-31"),
                Map.entry("kind", "DERIVED"), Map.entry("source", "ACTIVITIES"), Map.entry("period", "QUARTER"),
                Map.entry("areaIds", Long.toString(area.id())), Map.entry("activityTypeIds", Long.toString(nightWalk.id()))));
        assertThat(derivedAdded.status()).isEqualTo(303);
        Indicator derived = programmes.indicator(officialPrincipal, idIn(derivedAdded.location(), "indicators")).indicator();
        assertThat(derived.measureId()).isEqualTo(measureId);
        assertThat(derived.kind()).isEqualTo(IndicatorKind.DERIVED);
        assertThat(derived.source()).isEqualTo(DerivedSource.ACTIVITIES);
        assertThat(derived.period()).isEqualTo(PeriodLength.QUARTER);
        assertThat(derived.areas()).extracting(Ref::id).containsExactly(area.id());
        assertThat(derived.activityTypes()).extracting(Ref::id).containsExactly(nightWalk.id());
        assertThat(derived.baselineValue()).isEqualByComparingTo("12");

        Http.Response manualAdded = asOfficial.postFormPairs("/indicators", List.of(Map.entry("goalId", Long.toString(goalId)),
                Map.entry("name", "Andel som känner sig trygga"), Map.entry("description", "Trygghetsenkäten"), Map.entry("unit", "procent"),
                Map.entry("direction", "HIGHER_IS_BETTER"), Map.entry("position", ""), Map.entry("baselineValue", "61,5"),
                Map.entry("baselineDate", "2019-01-01"), Map.entry("targetValue", "75.25"), Map.entry("targetDate", "2026-12-31"),
                Map.entry("kind", "MANUAL"), Map.entry("period", "QUARTER"), Map.entry("areaIds", Long.toString(area.id()))));
        assertThat(manualAdded.status()).isEqualTo(303);
        long manualId = idIn(manualAdded.location(), "indicators");
        Indicator manual = programmes.indicator(officialPrincipal, manualId).indicator();
        assertThat(manual.goalId()).isEqualTo(goalId);
        assertThat(manual.kind()).isEqualTo(IndicatorKind.MANUAL);
        assertThat(manual.baselineValue()).as("a decimal comma").isEqualByComparingTo("61.5");
        assertThat(manual.targetValue()).as("a decimal point").isEqualByComparingTo("75.25");
        assertThat(manual.period()).as("what only a derived indicator has is left out of a manual one").isNull();
        assertThat(manual.areas()).isEmpty();

        String edit = asOfficial.get("/indicators/" + manualId + "/edit").body();
        assertThat(edit).as("the stored values as a Swede types them; the kind shown, not offered")
                .contains("value=\"61,5\"").contains("value=\"75,25\"").contains("Typen kan inte ändras").doesNotContain("name=\"kind\"");
        Http.Response changed = asOfficial.postForm("/indicators/" + manualId + "/edit", Map.of("name", "Andel boende som känner sig trygga",
                "description", "Trygghetsenkäten", "unit", "procent", "direction", "HIGHER_IS_BETTER", "position", "1",
                "baselineValue", "61,5", "baselineDate", "2019-01-01", "targetValue", "80", "targetDate", "2026-12-31"));
        assertThat(changed.status()).isEqualTo(303);
        assertThat(local(changed.location())).isEqualTo("/indicators/" + manualId);
        Indicator renamed = programmes.indicator(officialPrincipal, manualId).indicator();
        assertThat(renamed.name()).isEqualTo("Andel boende som känner sig trygga");
        assertThat(renamed.targetValue()).isEqualByComparingTo(new BigDecimal("80"));
        assertThat(renamed.kind()).isEqualTo(IndicatorKind.MANUAL);

        assertThat(asOfficial.get("/programmes/" + programmeId + "/edit").body()).contains("value=\"" + name + "\"")
                .contains("value=\"2018-12-10\"");
        assertThat(asOfficial.postForm("/programmes/" + programmeId + "/edit", Map.of("name", name, "adoptedBy", "Kommunfullmäktige",
                "adoptedOn", "2018-12-10", "periodStart", "2019-01-01", "periodEnd", "2030-12-31", "description", "")).status())
                .isEqualTo(303);
        assertThat(programmes.get(officialPrincipal, programmeId).periodEnd()).isEqualTo(LocalDate.of(2030, 12, 31));
    }

    @Test
    void aRefusedFormShowsEachMessageBesideItsFieldKeepsWhatWasTypedAndStoresNothing() {
        String name = Fixtures.unique("Program");
        Http.Response refused = asOfficial.postForm("/programmes", Map.of("name", name, "adoptedBy", "Kommunfullmäktige",
                "adoptedOn", "", "periodStart", "2019-13-01", "periodEnd", "2026-12-31", "description", ""));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("class=\"error-summary\"").contains("<a href=\"#periodStart\">")
                .contains("id=\"periodStart-error\"").contains("Ange ett datum som ÅÅÅÅ-MM-DD.")
                .contains("value=\"" + name + "\"").contains("value=\"Kommunfullmäktige\"").contains("value=\"2019-13-01\"");
        Http.Response backwards = asOfficial.postForm("/programmes", Map.of("name", "", "adoptedBy", "", "adoptedOn", "",
                "periodStart", "2026-01-01", "periodEnd", "2019-12-31", "description", "Ett program"));
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.body()).contains("id=\"name-error\"").contains("aria-invalid=\"true\"").contains(">Ett program</textarea>");
        assertThat(programmes.list(officialPrincipal)).extracting(Programme::name).doesNotContain(name, "");

        Tree tree = tree();
        Http.Response badNumbers = asOfficial.postFormPairs("/indicators", List.of(Map.entry("goalId", Long.toString(tree.goal())),
                Map.entry("name", "Anmälda våldsbrott"), Map.entry("unit", "antal"), Map.entry("direction", "LOWER_IS_BETTER"),
                Map.entry("baselineValue", "tolv"), Map.entry("baselineDate", "2019-01-01"), Map.entry("targetValue", "40,123456"),
                Map.entry("targetDate", "2026-12-31"), Map.entry("kind", "MANUAL")));
        assertThat(badNumbers.status()).isEqualTo(422);
        assertThat(badNumbers.body()).contains("id=\"baselineValue-error\"").contains("Ange ett tal, till exempel 42,5 eller 42.5.")
                .contains("id=\"targetValue-error\"").contains("value=\"tolv\"").contains("value=\"40,123456\"")
                .contains("value=\"LOWER_IS_BETTER\" checked").contains("value=\"Anmälda våldsbrott\"");

        Http.Response noSource = asOfficial.postFormPairs("/indicators", List.of(Map.entry("goalId", Long.toString(tree.goal())),
                Map.entry("name", "Möten i Sättra"), Map.entry("unit", "antal"), Map.entry("direction", "HIGHER_IS_BETTER"),
                Map.entry("kind", "DERIVED"), Map.entry("period", "YEAR"), Map.entry("areaIds", Long.toString(area.id()))));
        assertThat(noSource.status()).isEqualTo(422);
        assertThat(noSource.body()).as("the message beside the source, the ticked area still ticked")
                .contains("id=\"source-error\"").contains("value=\"" + area.id() + "\" checked").contains("value=\"YEAR\" checked")
                .contains("value=\"DERIVED\" checked");
        assertThat(programmes.goal(officialPrincipal, tree.goal()).node().indicators()).as("nothing stored").isEmpty();

        Http.Response noOrganisation = asOfficial.postForm("/goals/" + tree.goal() + "/measures", Map.of("name", "Huskurage",
                "responsibleOrganisationId", "", "startDate", "2019-03-01"));
        assertThat(noOrganisation.status()).isEqualTo(422);
        assertThat(noOrganisation.body()).contains("id=\"responsibleOrganisationId-error\"").contains("value=\"Huskurage\"");
        assertThat(programmes.goal(officialPrincipal, tree.goal()).node().measures()).isEmpty();
    }

    @Test
    void everyFieldThatMayBeLeftBlankSaysSoInItsLabel() {
        Tree tree = tree();
        assertThat(asOfficial.get("/programmes/new").body()).contains(">Programmets namn</label>")
                .contains(">Antaget av (valfritt)</label>").contains(">Antaget den (valfritt)</label>")
                .contains(">Beskrivning (valfri)</label>");
        assertThat(asOfficial.get("/programmes/" + tree.programme() + "/focus-areas/new").body())
                .contains(">Beskrivning (valfri)</label>").contains(">Plats i ordningen (valfri)</label>");
        assertThat(asOfficial.get("/focus-areas/" + tree.focusArea() + "/goals/new").body())
                .contains(">Beskrivning (valfri)</label>").contains(">Plats i ordningen (valfri)</label>");
        assertThat(asOfficial.get("/goals/" + tree.goal() + "/measures/new").body()).contains(">Slutdatum (valfritt)</label>")
                .contains(">Beskrivning (valfri)</label>").contains(">Startdatum</label>");
        assertThat(asOfficial.get("/indicators/new?goalId=" + tree.goal()).body()).contains(">Utgångsvärde (valfritt)</label>")
                .contains(">Utgångsvärdet gäller den (valfritt)</label>").contains(">Målvärde (valfritt)</label>")
                .contains(">Målet ska nås senast (valfritt)</label>").contains(">Plats i ordningen (valfri)</label>");
    }

    @Test
    void aNewIndicatorsFormNeedsExactlyOneGoalOrMeasureToBelongTo() {
        Tree tree = tree();
        Measure measure = measure(tree.goal());
        for (String query : List.of("", "?goalId=", "?goalId=tolv", "?goalId=" + tree.goal() + "&measureId=" + measure.id())) {
            Http.Response shown = asOfficial.get("/indicators/new" + query);
            assertThat(shown.status()).as("GET /indicators/new" + query + " is no form to fill in, and nothing refused").isEqualTo(404);
            assertThat(shown.body()).doesNotContain("Uppgifterna kunde inte sparas");
        }
        Http.Response posted = asOfficial.postFormPairs("/indicators", List.of(Map.entry("goalId", "tolv"),
                Map.entry("name", "Anmälda våldsbrott"), Map.entry("unit", "antal"), Map.entry("direction", "LOWER_IS_BETTER"),
                Map.entry("kind", "MANUAL")));
        assertThat(posted.status()).isEqualTo(422);
        assertThat(posted.body()).as("the form again, the message where its owner is named, what was typed kept")
                .contains("<a href=\"#owner\">Öppna formuläret från ett mål eller en åtgärd, så att indikatorn hamnar rätt.</a>")
                .contains("value=\"Anmälda våldsbrott\"").contains("value=\"LOWER_IS_BETTER\" checked")
                .doesNotContain("Uppgifterna kunde inte sparas");
        assertThat(programmes.goal(officialPrincipal, tree.goal()).node().indicators()).isEmpty();
    }

    @Test
    void aFieldThatCannotBeReadDoesNotHideABlankRequiredOne() {
        Tree tree = tree();
        Http.Response focusArea = asOfficial.postForm("/programmes/" + tree.programme() + "/focus-areas", Map.of("name", " ",
                "description", "", "position", "x"));
        assertThat(focusArea.status()).isEqualTo(422);
        assertThat(focusArea.body()).contains("id=\"name-error\"").contains("id=\"position-error\"");
        Http.Response goal = asOfficial.postForm("/focus-areas/" + tree.focusArea() + "/goals", Map.of("name", "", "description", "",
                "position", "x"));
        assertThat(goal.status()).isEqualTo(422);
        assertThat(goal.body()).contains("id=\"name-error\"").contains("id=\"position-error\"");
        Http.Response indicator = asOfficial.postFormPairs("/indicators", List.of(Map.entry("goalId", Long.toString(tree.goal())),
                Map.entry("name", ""), Map.entry("unit", ""), Map.entry("baselineValue", "tolv"), Map.entry("kind", "MANUAL")));
        assertThat(indicator.status()).isEqualTo(422);
        assertThat(indicator.body()).contains("id=\"baselineValue-error\"").contains("id=\"name-error\"").contains("id=\"unit-error\"")
                .contains("id=\"direction-error\"");
        Http.Response measure = asOfficial.postForm("/goals/" + tree.goal() + "/measures", Map.of("name", "", "responsibleOrganisationId", "",
                "startDate", "2019-13-01"));
        assertThat(measure.status()).isEqualTo(422);
        assertThat(measure.body()).contains("id=\"startDate-error\"").contains("id=\"name-error\"")
                .contains("id=\"responsibleOrganisationId-error\"");
        Http.Response programme = asOfficial.postForm("/programmes", Map.of("name", "", "periodStart", "2019-13-01", "periodEnd", ""));
        assertThat(programme.status()).isEqualTo(422);
        assertThat(programme.body()).contains("id=\"periodStart-error\"").contains("id=\"name-error\"").contains("id=\"periodEnd-error\"");
        Http.Response status = asOfficial.postForm("/goals/" + tree.goal() + "/status", Map.of("status", "PERHAPS", "justification", ""));
        assertThat(status.status()).isEqualTo(422);
        assertThat(status.body()).contains("id=\"status-error\"").contains("id=\"justification-error\"");
        assertThat(programmes.overview(officialPrincipal, tree.programme()).focusAreas()).hasSize(1);
    }

    @Test
    void rolloutsInTwoAreasOfTheSameNameAreListedUnderEachAreaApart() {
        Tree tree = tree();
        Area namesake = server.services().areas().create(null, new AreaInput(area.name(), "Sandviken", null));
        Rollout here = rollout();
        Rollout there = rollout(namesake);
        String form = asOfficial.get("/goals/" + tree.goal() + "/measures/new").body();
        int gavle = form.indexOf("<legend>" + area.name() + " (Gävle)</legend>");
        int sandviken = form.indexOf("<legend>" + area.name() + " (Sandviken)</legend>");
        assertThat(gavle).as("one group per area, named with its municipality").isPositive();
        assertThat(sandviken).isPositive();
        int herePosition = form.indexOf("id=\"rolloutIds-" + here.id() + "\"");
        int therePosition = form.indexOf("id=\"rolloutIds-" + there.id() + "\"");
        assertThat(gavle < sandviken ? herePosition > gavle && herePosition < sandviken && therePosition > sandviken
                : therePosition > sandviken && therePosition < gavle && herePosition > gavle).as("each rollout under its own area").isTrue();
    }

    @Test
    void deletingAsksFirstSaysWhatGoesWithItAndIsRefusedWhileSomethingLiesUnderIt() {
        Tree tree = tree();
        Indicator indicator = manualIndicator(tree.goal());
        programmes.addMeasurement(null, indicator.id(), new MeasurementInput(LocalDate.of(2020, 3, 1), new BigDecimal("63"), null, "Enkät",
                null));
        programmes.addMeasurement(null, indicator.id(), new MeasurementInput(LocalDate.of(2021, 3, 1), new BigDecimal("66"), null, "Enkät",
                null));
        programmes.comment(officialPrincipal, new ProgressCommentInput(ProgressSubject.INDICATOR, indicator.id(), 2021, null,
                "Fler svarade i år."));

        String programmePage = asOfficial.get("/programmes/" + tree.programme() + "/delete").body();
        assertThat(programmePage).contains("kan inte tas bort så länge det har delområden (nu 1)")
                .doesNotContain("action=\"/programmes/" + tree.programme() + "/delete\"");
        Http.Response refused = asOfficial.postForm("/programmes/" + tree.programme() + "/delete", Map.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Det går inte att ta bort så länge något ligger under det. Ta bort det först.");
        assertThat(programmes.get(officialPrincipal, tree.programme())).isNotNull();
        assertThat(asOfficial.get("/goals/" + tree.goal() + "/delete").body()).contains("(åtgärder: 0, indikatorer: 1)");

        String confirm = asOfficial.get("/indicators/" + indicator.id() + "/delete").body();
        assertThat(confirm).contains("Ta bort indikatorn " + indicator.name()).contains("inmatade värden tas bort med den (nu 2)")
                .contains("Kommentarerna om utvecklingen tas också bort (nu 1)").contains("Det går inte att ångra.")
                .contains("action=\"/indicators/" + indicator.id() + "/delete\"");
        Http.Response deleted = asOfficial.postForm("/indicators/" + indicator.id() + "/delete", Map.of());
        assertThat(deleted.status()).isEqualTo(303);
        assertThat(local(deleted.location())).isEqualTo("/goals/" + tree.goal());
        assertThatThrownBy(() -> programmes.indicator(officialPrincipal, indicator.id())).isInstanceOf(NotFoundException.class);

        assertThat(asOfficial.get("/goals/" + tree.goal() + "/delete").body()).contains("action=\"/goals/" + tree.goal() + "/delete\"");
        assertThat(asOfficial.get("/goals/" + tree.goal() + "/delete").body()).as("a goal is not a \"den\"")
                .contains("Kommentarerna om utvecklingen tas också bort (nu 0)");
        assertThat(local(asOfficial.postForm("/goals/" + tree.goal() + "/delete", Map.of()).location()))
                .isEqualTo("/programmes/" + tree.programme());
        assertThat(local(asOfficial.postForm("/focus-areas/" + tree.focusArea() + "/delete", Map.of()).location()))
                .isEqualTo("/programmes/" + tree.programme());
        assertThat(asOfficial.get("/programmes/" + tree.programme() + "/delete").body())
                .contains("action=\"/programmes/" + tree.programme() + "/delete\"");
        assertThat(local(asOfficial.postForm("/programmes/" + tree.programme() + "/delete", Map.of()).location())).isEqualTo("/programmes");
        assertThatThrownBy(() -> programmes.get(officialPrincipal, tree.programme())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aMeasureWithIndicatorsIsNotDeletedAndAnEmptyOneIsAfterTheConfirmPage() {
        Tree tree = tree();
        Measure measure = measure(tree.goal());
        Indicator indicator = programmes.createIndicator(null, new IndicatorInput(null, measure.id(), "Lägenheter med Huskurage", null,
                "lägenheter", Direction.HIGHER_IS_BETTER, null, null, null, null, IndicatorKind.DERIVED, DerivedSource.APARTMENTS_COVERED,
                PeriodLength.QUARTER, null, null, null, null));
        assertThat(asOfficial.get("/measures/" + measure.id() + "/delete").body())
                .contains("kan inte tas bort så länge den har indikatorer (nu 1)");
        assertThat(asOfficial.get("/indicators/" + indicator.id() + "/delete").body()).as("a derived indicator's records stay")
                .contains("de uppgifterna finns kvar");
        asOfficial.postForm("/indicators/" + indicator.id() + "/delete", Map.of());
        assertThat(asOfficial.get("/measures/" + measure.id() + "/delete").body()).contains("Själva införandena och aktiviteterna finns kvar.");
        Http.Response deleted = asOfficial.postForm("/measures/" + measure.id() + "/delete", Map.of());
        assertThat(local(deleted.location())).isEqualTo("/goals/" + tree.goal());
        assertThat(programmes.goal(officialPrincipal, tree.goal()).node().measures()).isEmpty();
    }

    @Test
    void aStatusSetByHandNeedsAJustificationAndCanBeClearedAgain() {
        Tree tree = tree();
        Indicator indicator = manualIndicator(tree.goal());
        String form = asOfficial.get("/goals/" + tree.goal() + "/status").body();
        assertThat(form).contains("Status enligt regeln").contains("Uppgift saknas").contains("value=\"OFF_TRACK\"")
                .doesNotContain("value=\"NO_DATA\"").doesNotContain("name=\"clear\"");

        Http.Response refused = asOfficial.postForm("/goals/" + tree.goal() + "/status", Map.of("status", "OFF_TRACK", "justification", " "));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"justification-error\"").contains("Fyll i fältet.").contains("value=\"OFF_TRACK\" checked");
        assertThat(programmes.goal(officialPrincipal, tree.goal()).node().assessment().overridden()).isFalse();

        Http.Response set = asOfficial.postForm("/goals/" + tree.goal() + "/status", Map.of("status", "AT_RISK",
                "justification", "Enkäten 2024 visar att färre känner sig trygga kvällstid."));
        assertThat(set.status()).isEqualTo(303);
        assertThat(local(set.location())).isEqualTo("/goals/" + tree.goal());
        Assessment assessment = programmes.goal(officialPrincipal, tree.goal()).node().assessment();
        assertThat(assessment.status()).isEqualTo(ProgrammeStatus.AT_RISK);
        assertThat(assessment.computed()).isEqualTo(ProgrammeStatus.NO_DATA);

        String overridden = asOfficial.get("/goals/" + tree.goal() + "/status").body();
        assertThat(overridden).as("Risk in words, symbol and the read pages' colour (amber, not Ur fas' red)")
                .contains("<span class=\"status status-at-risk\"><span class=\"status-symbol\" aria-hidden=\"true\">!</span> Risk</span>")
                .contains("<span class=\"status status-no-data\">");
        assertThat(overridden).contains("Status satt för hand").contains("Enkäten 2024 visar att färre känner sig trygga kvällstid.")
                .contains(official.name()).contains("name=\"clear\"");
        Http.Response cleared = asOfficial.postForm("/goals/" + tree.goal() + "/status", Map.of("clear", "true"));
        assertThat(cleared.status()).isEqualTo(303);
        assertThat(programmes.goal(officialPrincipal, tree.goal()).node().assessment().overridden()).isFalse();

        Http.Response noStatus = asOfficial.postForm("/indicators/" + indicator.id() + "/status", Map.of("justification", "Ny mätning"));
        assertThat(noStatus.status()).isEqualTo(422);
        assertThat(noStatus.body()).contains("id=\"status-error\"").contains(">Ny mätning</textarea>");
        assertThat(asOfficial.postForm("/indicators/" + indicator.id() + "/status", Map.of("status", "ON_TRACK",
                "justification", "Ny mätning på väg")).status()).isEqualTo(303);
        assertThat(programmes.indicator(officialPrincipal, indicator.id()).assessment().status()).isEqualTo(ProgrammeStatus.ON_TRACK);
    }

    @Test
    void partnersAndCoordinatorsAreRefusedEveryForm() {
        Tree tree = tree();
        Measure measure = measure(tree.goal());
        Indicator indicator = manualIndicator(tree.goal());
        List<String> forms = List.of("/programmes/new", "/programmes/" + tree.programme() + "/edit", "/programmes/" + tree.programme() + "/delete",
                "/programmes/" + tree.programme() + "/focus-areas/new", "/focus-areas/" + tree.focusArea() + "/edit",
                "/focus-areas/" + tree.focusArea() + "/delete", "/focus-areas/" + tree.focusArea() + "/goals/new",
                "/goals/" + tree.goal() + "/edit", "/goals/" + tree.goal() + "/delete", "/goals/" + tree.goal() + "/measures/new",
                "/measures/" + measure.id() + "/edit", "/measures/" + measure.id() + "/delete", "/indicators/new?goalId=" + tree.goal(),
                "/indicators/new?measureId=" + measure.id(), "/indicators/" + indicator.id() + "/edit",
                "/indicators/" + indicator.id() + "/delete", "/goals/" + tree.goal() + "/status", "/measures/" + measure.id() + "/status",
                "/indicators/" + indicator.id() + "/status");
        List<String> posts = List.of("/programmes", "/programmes/" + tree.programme() + "/edit", "/programmes/" + tree.programme() + "/delete",
                "/programmes/" + tree.programme() + "/focus-areas", "/focus-areas/" + tree.focusArea() + "/edit",
                "/focus-areas/" + tree.focusArea() + "/delete", "/focus-areas/" + tree.focusArea() + "/goals", "/goals/" + tree.goal() + "/edit",
                "/goals/" + tree.goal() + "/delete", "/goals/" + tree.goal() + "/measures", "/measures/" + measure.id() + "/edit",
                "/measures/" + measure.id() + "/delete", "/indicators", "/indicators/" + indicator.id() + "/edit",
                "/indicators/" + indicator.id() + "/delete", "/goals/" + tree.goal() + "/status", "/measures/" + measure.id() + "/status",
                "/indicators/" + indicator.id() + "/status");
        for (Role role : List.of(Role.PARTNER, Role.COORDINATOR)) {
            Http other = signedIn(fixtures.user(Set.of(role), unit));
            for (String path : forms) {
                Http.Response response = other.get(path);
                assertThat(response.status()).as(role + " GET " + path).isEqualTo(403);
                assertThat(response.body()).contains("Åtkomst nekad");
            }
            for (String path : posts) {
                Http.Response response = other.postForm(path, Map.of("name", "Ändrat", "goalId", Long.toString(tree.goal()),
                        "status", "OFF_TRACK", "justification", "Ändrat"));
                assertThat(response.status()).as(role + " POST " + path).isEqualTo(403);
            }
        }
        assertThat(programmes.get(officialPrincipal, tree.programme()).name()).isNotEqualTo("Ändrat");
        assertThat(programmes.goal(officialPrincipal, tree.goal()).node().assessment().overridden()).isFalse();
        assertThat(programmes.indicator(officialPrincipal, indicator.id()).indicator().name()).isEqualTo(indicator.name());
        assertThat(programmes.measure(officialPrincipal, measure.id()).node().measure().name()).isEqualTo(measure.name());
    }

    // Helpers

    /** A programme with one focus area and one goal, made by the system. */
    private record Tree(long programme, long focusArea, long goal) {
    }

    private Tree tree() {
        Programme programme = programmes.create(null, new ProgrammeInput(Fixtures.unique("Program"), "Kommunfullmäktige",
                LocalDate.of(2018, 12, 10), LocalDate.of(2019, 1, 1), LocalDate.of(2026, 12, 31), null));
        FocusArea focusArea = programmes.addFocusArea(null, programme.id(), new FocusAreaInput("Trygghet", null, null));
        Goal goal = programmes.addGoal(null, focusArea.id(), new GoalInput("En kommun fri från våld", null, null));
        return new Tree(programme.id(), focusArea.id(), goal.id());
    }

    private Indicator manualIndicator(long goalId) {
        return programmes.createIndicator(null, new IndicatorInput(goalId, null, Fixtures.unique("Andel trygga"), null, "procent",
                Direction.HIGHER_IS_BETTER, new BigDecimal("61"), LocalDate.of(2019, 1, 1), new BigDecimal("75"), LocalDate.of(2026, 12, 31),
                IndicatorKind.MANUAL, null, null, null, null, null, null));
    }

    private Measure measure(long goalId) {
        return programmes.addMeasure(null, goalId, new MeasureInput(Fixtures.unique("Huskurage"), null, unit.id(), LocalDate.of(2019, 3, 1),
                null, null, List.of(area.id()), null, null));
    }

    private Category activityType(String name) {
        User admin = fixtures.user(Set.of(Role.ADMIN));
        return server.services().categories().create(Fixtures.principal(admin), new CategoryInput(CategoryKind.ACTIVITY_TYPE,
                Fixtures.unique(name), null, true));
    }

    private Rollout rollout() {
        return rollout(area);
    }

    private Rollout rollout(Area in) {
        User coordinator = fixtures.user(Set.of(Role.COORDINATOR), unit);
        CurrentUser principal = Fixtures.principal(coordinator);
        long huskurage = server.services().methodTemplates().list(principal, false).stream().filter(t -> t.name().equals("Huskurage"))
                .findFirst().orElseThrow().id();
        Organisation housing = fixtures.organisation(OrganisationType.HOUSING_COMPANY);
        LocalDate today = server.services().rollouts().today();
        List<PropertyInput> properties = new ArrayList<>(List.of(new PropertyInput("Sättragatan 12", housing.id(), 2, 36)));
        return server.services().rollouts().create(principal, new RolloutInput(huskurage, in.id(), null, today, today.plusMonths(6), null,
                List.of(), properties));
    }

    private Http signedIn(User user) {
        Http http = new Http(server).withSession(fixtures.session(user));
        http.get("/");
        return http;
    }

    private static long idIn(String location, String collection) {
        return Long.parseLong(location.replaceAll(".*/" + collection + "/(\\d+).*", "$1"));
    }

    /** The path and query a redirect sends the browser to. */
    private static String local(String location) {
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
