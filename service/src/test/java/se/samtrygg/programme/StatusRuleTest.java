package se.samtrygg.programme;

import static org.assertj.core.api.Assertions.assertThat;
import static se.samtrygg.programme.Direction.HIGHER_IS_BETTER;
import static se.samtrygg.programme.Direction.LOWER_IS_BETTER;
import static se.samtrygg.programme.ProgrammeStatus.AT_RISK;
import static se.samtrygg.programme.ProgrammeStatus.NO_DATA;
import static se.samtrygg.programme.ProgrammeStatus.OFF_TRACK;
import static se.samtrygg.programme.ProgrammeStatus.ON_TRACK;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The status rule at its edges. The plan used throughout runs 100 days, from 2024-01-01 to 2024-04-10, so that on day
 * {@code d} the straight line stands at {@code d} when it goes from 0 to 100: every figure below can be checked by hand.
 */
class StatusRuleTest {
    private static final LocalDate BASELINE_DATE = LocalDate.of(2024, 1, 1);
    private static final LocalDate TARGET_DATE = LocalDate.of(2024, 4, 10);
    private static final LocalDate DAY_50 = BASELINE_DATE.plusDays(50);
    private static final LocalDate BEFORE_TARGET = LocalDate.of(2024, 3, 1);
    private static final LocalDate AFTER_TARGET = TARGET_DATE.plusDays(1);

    @Test
    void theFiftiethDayIsHalfWayAlongThePlan() {
        assertThat(TARGET_DATE).isEqualTo(BASELINE_DATE.plusDays(100));
        assertThat(StatusRule.expectedAt(BigDecimal.ZERO, BASELINE_DATE, new BigDecimal("100"), TARGET_DATE, DAY_50))
                .isEqualByComparingTo("50");
    }

    // No data

    @Test
    void withoutABaselineATargetOrAValueThereIsNoStatus() {
        DataPoint value = at(DAY_50, "50");
        assertThat(StatusRule.assess(HIGHER_IS_BETTER, null, BASELINE_DATE, d("100"), TARGET_DATE, value, BEFORE_TARGET)).isEqualTo(NO_DATA);
        assertThat(StatusRule.assess(HIGHER_IS_BETTER, d("0"), null, d("100"), TARGET_DATE, value, BEFORE_TARGET)).isEqualTo(NO_DATA);
        assertThat(StatusRule.assess(HIGHER_IS_BETTER, d("0"), BASELINE_DATE, null, TARGET_DATE, value, BEFORE_TARGET)).isEqualTo(NO_DATA);
        assertThat(StatusRule.assess(HIGHER_IS_BETTER, d("0"), BASELINE_DATE, d("100"), null, value, BEFORE_TARGET)).isEqualTo(NO_DATA);
        assertThat(StatusRule.assess(HIGHER_IS_BETTER, d("0"), BASELINE_DATE, d("100"), TARGET_DATE, null, BEFORE_TARGET)).isEqualTo(NO_DATA);
        assertThat(StatusRule.assess(HIGHER_IS_BETTER, d("0"), BASELINE_DATE, d("100"), TARGET_DATE, null, AFTER_TARGET)).isEqualTo(NO_DATA);
    }

    @Test
    void aValueFromBeforeTheBaselineDateSaysNothingButOneFromTheBaselineDateDoes() {
        assertThat(higher("0", "100", at(BASELINE_DATE.minusDays(1), "100"), BEFORE_TARGET)).isEqualTo(NO_DATA);
        assertThat(higher("0", "100", at(BASELINE_DATE.minusDays(1), "100"), AFTER_TARGET)).as("even once the target date has passed")
                .isEqualTo(NO_DATA);
        assertThat(higher("0", "100", at(BASELINE_DATE, "0"), BEFORE_TARGET)).isEqualTo(ON_TRACK);
        // A value covering a period is placed at its last day: a period that began before the baseline date but ends on it counts.
        assertThat(higher("0", "100", new DataPoint(BASELINE_DATE.minusDays(30), BASELINE_DATE, d("0"), false), BEFORE_TARGET))
                .isEqualTo(ON_TRACK);
    }

    @Test
    void theStatusOfAnIndicatorIsReadFromItsBaselineAndTarget() {
        Indicator indicator = new Indicator(1, 1L, null, "Andel som känner sig trygga", null, "%", HIGHER_IS_BETTER, d("0"), BASELINE_DATE,
                d("100"), TARGET_DATE, IndicatorKind.MANUAL, null, null, 0, List.of(), List.of(), List.of(), null);
        assertThat(StatusRule.assess(indicator, at(DAY_50, "20"), BEFORE_TARGET)).isEqualTo(OFF_TRACK);
        Indicator withoutTarget = new Indicator(1, 1L, null, "Andel som känner sig trygga", null, "%", HIGHER_IS_BETTER, d("0"),
                BASELINE_DATE, null, null, IndicatorKind.MANUAL, null, null, 0, List.of(), List.of(), List.of(), null);
        assertThat(StatusRule.assess(withoutTarget, at(DAY_50, "30"), BEFORE_TARGET)).isEqualTo(NO_DATA);
    }

    // Along the line, higher is better: from 0 to 100, 50 expected on day 50, the planned change 100

    @Test
    void higherIsBetterLaggingAtMostTenPercentOfThePlannedChangeIsOnTrackAtMostTwentyFiveAtRiskMoreOffTrack() {
        assertThat(higher("0", "100", at(DAY_50, "50"), BEFORE_TARGET)).isEqualTo(ON_TRACK);
        assertThat(higher("0", "100", at(DAY_50, "40"), BEFORE_TARGET)).as("exactly 10 %").isEqualTo(ON_TRACK);
        assertThat(higher("0", "100", at(DAY_50, "39.99"), BEFORE_TARGET)).isEqualTo(AT_RISK);
        assertThat(higher("0", "100", at(DAY_50, "25"), BEFORE_TARGET)).as("exactly 25 %").isEqualTo(AT_RISK);
        assertThat(higher("0", "100", at(DAY_50, "24.99"), BEFORE_TARGET)).isEqualTo(OFF_TRACK);
        assertThat(higher("0", "100", at(DAY_50, "-10"), BEFORE_TARGET)).as("worse than the baseline").isEqualTo(OFF_TRACK);
    }

    @Test
    void aheadOfTheLineIsOnTrackHoweverFarAhead() {
        assertThat(higher("0", "100", at(DAY_50, "50.01"), BEFORE_TARGET)).isEqualTo(ON_TRACK);
        assertThat(higher("0", "100", at(DAY_50, "250"), BEFORE_TARGET)).isEqualTo(ON_TRACK);
        assertThat(lower("100", "20", at(DAY_50, "-5"), BEFORE_TARGET)).isEqualTo(ON_TRACK);
    }

    @Test
    void theThresholdsAreSharesOfTheWholePlannedChangeNotOfTheValue() {
        // From 1000 to 1100: on day 50, 1050 expected; 1040 lags 10 of the planned 100 (not 1 % of the value).
        assertThat(higher("1000", "1100", at(DAY_50, "1040"), BEFORE_TARGET)).isEqualTo(ON_TRACK);
        assertThat(higher("1000", "1100", at(DAY_50, "1030"), BEFORE_TARGET)).isEqualTo(AT_RISK);
        assertThat(higher("1000", "1100", at(DAY_50, "1020"), BEFORE_TARGET)).isEqualTo(OFF_TRACK);
    }

    // Lower is better: from 100 down to 20, 60 expected on day 50, the planned change 80

    @Test
    void lowerIsBetterLaggingIsBeingAboveTheLine() {
        assertThat(lower("100", "20", at(DAY_50, "60"), BEFORE_TARGET)).isEqualTo(ON_TRACK);
        assertThat(lower("100", "20", at(DAY_50, "68"), BEFORE_TARGET)).as("exactly 10 % of 80").isEqualTo(ON_TRACK);
        assertThat(lower("100", "20", at(DAY_50, "68.01"), BEFORE_TARGET)).isEqualTo(AT_RISK);
        assertThat(lower("100", "20", at(DAY_50, "80"), BEFORE_TARGET)).as("exactly 25 % of 80").isEqualTo(AT_RISK);
        assertThat(lower("100", "20", at(DAY_50, "80.01"), BEFORE_TARGET)).isEqualTo(OFF_TRACK);
        assertThat(lower("100", "20", at(DAY_50, "59"), BEFORE_TARGET)).as("below the line is ahead").isEqualTo(ON_TRACK);
        assertThat(lower("100", "20", at(DAY_50, "120"), BEFORE_TARGET)).as("worse than the baseline").isEqualTo(OFF_TRACK);
    }

    // Baseline equal to the target: the line is flat; the shortfall is measured against |target|, or 1 when both are 0

    @Test
    void whenBaselineEqualsTargetTheShortfallIsMeasuredAgainstTheTarget() {
        assertThat(higher("50", "50", at(DAY_50, "50"), BEFORE_TARGET)).isEqualTo(ON_TRACK);
        assertThat(higher("50", "50", at(DAY_50, "45"), BEFORE_TARGET)).as("5 of 50: 10 %").isEqualTo(ON_TRACK);
        assertThat(higher("50", "50", at(DAY_50, "44"), BEFORE_TARGET)).isEqualTo(AT_RISK);
        assertThat(higher("50", "50", at(DAY_50, "37.5"), BEFORE_TARGET)).as("12.5 of 50: 25 %").isEqualTo(AT_RISK);
        assertThat(higher("50", "50", at(DAY_50, "37"), BEFORE_TARGET)).isEqualTo(OFF_TRACK);
        assertThat(lower("-40", "-40", at(DAY_50, "-36"), BEFORE_TARGET)).as("a negative target counts by its size: 4 of 40")
                .isEqualTo(ON_TRACK);
        assertThat(lower("-40", "-40", at(DAY_50, "-29"), BEFORE_TARGET)).isEqualTo(OFF_TRACK);
    }

    @Test
    void whenBaselineAndTargetAreBothZeroTheShortfallIsMeasuredInUnits() {
        // No reported violence, and none planned: every single one counts.
        assertThat(lower("0", "0", at(DAY_50, "0"), BEFORE_TARGET)).isEqualTo(ON_TRACK);
        assertThat(lower("0", "0", at(DAY_50, "0.1"), BEFORE_TARGET)).isEqualTo(ON_TRACK);
        assertThat(lower("0", "0", at(DAY_50, "0.25"), BEFORE_TARGET)).isEqualTo(AT_RISK);
        assertThat(lower("0", "0", at(DAY_50, "1"), BEFORE_TARGET)).isEqualTo(OFF_TRACK);
        assertThat(higher("0", "0", at(DAY_50, "-0.2"), BEFORE_TARGET)).isEqualTo(AT_RISK);
        assertThat(higher("0", "0", at(DAY_50, "3"), BEFORE_TARGET)).isEqualTo(ON_TRACK);
    }

    // The target date

    @Test
    void onTheTargetDateTheLineIsAtTheTargetAndTheThresholdsStillApply() {
        assertThat(higher("0", "100", at(TARGET_DATE, "95"), TARGET_DATE)).isEqualTo(ON_TRACK);
        assertThat(higher("0", "100", at(TARGET_DATE, "80"), TARGET_DATE)).isEqualTo(AT_RISK);
        // A value from before the target date, assessed on it, is compared with the line on its own day.
        assertThat(higher("0", "100", at(DAY_50, "45"), TARGET_DATE)).isEqualTo(ON_TRACK);
    }

    @Test
    void onceTheTargetDateHasPassedOnlyReachingTheTargetIsOnTrackAndEverythingElseOffTrack() {
        assertThat(higher("0", "100", at(TARGET_DATE, "100"), AFTER_TARGET)).isEqualTo(ON_TRACK);
        assertThat(higher("0", "100", at(TARGET_DATE, "130"), AFTER_TARGET)).as("beyond it").isEqualTo(ON_TRACK);
        assertThat(higher("0", "100", at(TARGET_DATE, "99.99"), AFTER_TARGET)).as("no longer at risk: missed").isEqualTo(OFF_TRACK);
        assertThat(higher("0", "100", at(DAY_50, "100"), AFTER_TARGET)).as("an old value that reached it").isEqualTo(ON_TRACK);
        assertThat(higher("0", "100", at(DAY_50, "50"), AFTER_TARGET)).as("an old value on the line, but short of the target")
                .isEqualTo(OFF_TRACK);

        assertThat(lower("100", "20", at(TARGET_DATE, "20"), AFTER_TARGET)).isEqualTo(ON_TRACK);
        assertThat(lower("100", "20", at(TARGET_DATE, "12"), AFTER_TARGET)).as("below it").isEqualTo(ON_TRACK);
        assertThat(lower("100", "20", at(TARGET_DATE, "20.01"), AFTER_TARGET)).isEqualTo(OFF_TRACK);
        assertThat(lower("0", "0", at(TARGET_DATE, "0"), AFTER_TARGET)).isEqualTo(ON_TRACK);
        assertThat(lower("0", "0", at(TARGET_DATE, "1"), AFTER_TARGET)).isEqualTo(OFF_TRACK);
    }

    // Combining the statuses of a measure's or goal's parts

    @Test
    void aMeasureOrGoalIsAsBadAsItsWorstPartWithDataAndHasNoDataWhenNoPartHas() {
        assertThat(StatusRule.combine(List.of())).isEqualTo(NO_DATA);
        assertThat(StatusRule.combine(List.of(NO_DATA, NO_DATA))).isEqualTo(NO_DATA);
        assertThat(StatusRule.combine(List.of(NO_DATA, ON_TRACK, NO_DATA))).isEqualTo(ON_TRACK);
        assertThat(StatusRule.combine(List.of(ON_TRACK, AT_RISK, NO_DATA))).isEqualTo(AT_RISK);
        assertThat(StatusRule.combine(List.of(NO_DATA, AT_RISK, ON_TRACK))).isEqualTo(AT_RISK);
        assertThat(StatusRule.combine(List.of(AT_RISK, OFF_TRACK, ON_TRACK))).isEqualTo(OFF_TRACK);
        assertThat(StatusRule.combine(List.of(OFF_TRACK, NO_DATA, AT_RISK))).isEqualTo(OFF_TRACK);
        assertThat(StatusRule.combine(List.of(ON_TRACK, ON_TRACK))).isEqualTo(ON_TRACK);
    }

    private static ProgrammeStatus higher(String baseline, String target, DataPoint latest, LocalDate asOf) {
        return StatusRule.assess(HIGHER_IS_BETTER, d(baseline), BASELINE_DATE, d(target), TARGET_DATE, latest, asOf);
    }

    private static ProgrammeStatus lower(String baseline, String target, DataPoint latest, LocalDate asOf) {
        return StatusRule.assess(LOWER_IS_BETTER, d(baseline), BASELINE_DATE, d(target), TARGET_DATE, latest, asOf);
    }

    private static DataPoint at(LocalDate day, String value) {
        return new DataPoint(day, day, d(value), false);
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }
}
