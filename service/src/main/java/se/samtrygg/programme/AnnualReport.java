package se.samtrygg.programme;

import java.time.LocalDate;
import java.util.List;

/**
 * The annual follow-up report for {@code year}: statuses as they stood on {@code asOf} (the year's last day, or today
 * for the year under way), every indicator's values within the year and the year's comments.
 */
public record AnnualReport(Programme programme, int year, LocalDate asOf, List<Section> focusAreas) {

    public record Section(FocusArea focusArea, List<GoalPart> goals) {
    }

    public record GoalPart(Goal goal, Assessment assessment, List<IndicatorPart> indicators, List<MeasurePart> measures,
                           List<ProgressComment> comments) {
    }

    public record MeasurePart(Measure measure, Assessment assessment, List<IndicatorPart> indicators, List<ProgressComment> comments) {
    }

    /** {@code values}: the data points that fall in the year; {@code latest}: the last one on or before {@code asOf}. */
    public record IndicatorPart(Indicator indicator, Assessment assessment, List<DataPoint> values, DataPoint latest,
                                List<ProgressComment> comments) {
    }
}
