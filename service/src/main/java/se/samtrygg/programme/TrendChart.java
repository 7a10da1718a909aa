package se.samtrygg.programme;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of an indicator's trend chart, an inline SVG drawn by the template without scripts: the values as points
 * joined by a line (time across, value up), the baseline as its own point and the target as a dashed line, each labelled
 * in words. The chart is a picture of the data table under it, which is what screen readers and print rely on.
 */
final class TrendChart {
    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    private static final int LEFT = 72;
    private static final int RIGHT = 24;
    private static final int TOP = 28;
    private static final int BOTTOM = 44;
    private static final int TICKS = 4;

    /** {@code hollow}: a period still under way, whose value will grow. */
    record Point(String x, String y, boolean hollow) {
    }

    record Tick(String x, String y, String label, String anchor) {
    }

    /** The target line and its label, placed above the line unless that leaves the chart. */
    record Target(String x1, String x2, String y, String labelX, String labelY, String label) {
    }

    record Chart(int width, int height, String title, String description, String left, String right, String top, String bottom,
                 List<Point> points, String line, Point baseline, String baselineLabelX, String baselineLabelY, String baselineLabel,
                 Target target, List<Tick> valueTicks, List<Tick> dateTicks) {
        public boolean hasLine() {
            return line != null;
        }
    }

    private TrendChart() {
    }

    /** The chart of the series with the indicator's baseline and target, or null when there is nothing to draw. */
    static Chart of(Indicator indicator, List<DataPoint> series, ProgrammeTexts texts) {
        boolean hasBaseline = indicator.baselineValue() != null && indicator.baselineDate() != null;
        boolean hasTarget = indicator.targetValue() != null;
        if (series.isEmpty() && !hasBaseline) {
            return null;
        }
        List<LocalDate> dates = new ArrayList<>();
        List<BigDecimal> values = new ArrayList<>();
        series.forEach(p -> {
            dates.add(p.to());
            values.add(p.value());
        });
        if (hasBaseline) {
            dates.add(indicator.baselineDate());
            values.add(indicator.baselineValue());
        }
        if (hasTarget) {
            values.add(indicator.targetValue());
            if (indicator.targetDate() != null) {
                dates.add(indicator.targetDate());
            }
        }
        LocalDate first = dates.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = dates.stream().max(LocalDate::compareTo).orElseThrow();
        double low = values.stream().mapToDouble(BigDecimal::doubleValue).min().orElse(0);
        double high = values.stream().mapToDouble(BigDecimal::doubleValue).max().orElse(0);
        if (low >= 0 && low <= high - low) {
            low = 0; // counts and shares read best from zero, unless that squeezes the values into a sliver
        }
        if (high == low) {
            high = low == 0 ? 1 : high + Math.abs(high) * 0.1;
            low = low == 0 ? 0 : low - Math.abs(low) * 0.1;
        }
        // round steps (1, 2 or 5 times a power of ten) so that the value axis reads 60, 65, 70 rather than 61, 66, 71
        double step = niceStep((high - low) / TICKS);
        double bottom = Math.floor(low / step) * step;
        double top = Math.ceil(high / step) * step;
        if (top - bottom < step * TICKS) {
            top = bottom + step * TICKS;
        }
        low = bottom;
        high = top;
        Scale scale = new Scale(first, last, low, high);

        List<Point> points = series.stream().map(p -> new Point(f(scale.x(p.to())), f(scale.y(p.value().doubleValue())), p.partial()))
                .toList();
        String line = points.size() < 2 ? null : String.join(" ", points.stream().map(p -> p.x() + "," + p.y()).toList());

        Point baseline = null;
        String baselineX = null;
        String baselineY = null;
        String baselineLabel = null;
        if (hasBaseline) {
            double x = scale.x(indicator.baselineDate());
            double y = scale.y(indicator.baselineValue().doubleValue());
            baseline = new Point(f(x), f(y), false);
            baselineLabel = texts.text("followUp.chart.baselineLabel", texts.withUnit(indicator.baselineValue(), indicator.unit()));
            baselineX = f(Math.min(x + 8, WIDTH - RIGHT - 120));
            baselineY = f(y + 18 > HEIGHT - BOTTOM ? y - 10 : y + 18);
        }
        Target target = null;
        if (hasTarget) {
            double y = scale.y(indicator.targetValue().doubleValue());
            String label = indicator.targetDate() == null
                    ? texts.text("followUp.chart.targetLabel", texts.withUnit(indicator.targetValue(), indicator.unit()))
                    : texts.text("followUp.chart.targetLabelDated", texts.withUnit(indicator.targetValue(), indicator.unit()),
                            indicator.targetDate().toString());
            target = new Target(f(LEFT), f(WIDTH - RIGHT), f(y), f(LEFT + 6), f(y - 8 < TOP ? y + 18 : y - 8), label);
        }

        List<Tick> valueTicks = new ArrayList<>();
        for (double value = low; value <= high + step / 2; value += step) {
            valueTicks.add(new Tick(f(LEFT - 8), f(scale.y(value) + 4), texts.number(round(value, step)), "end"));
        }
        List<Tick> dateTicks = new ArrayList<>();
        if (last.equals(first)) {
            dateTicks.add(new Tick(f(scale.x(first)), f(HEIGHT - BOTTOM + 20), first.toString(), "middle"));
        } else {
            dateTicks.add(new Tick(f(LEFT), f(HEIGHT - BOTTOM + 20), first.toString(), "start"));
            dateTicks.add(new Tick(f(WIDTH - RIGHT), f(HEIGHT - BOTTOM + 20), last.toString(), "end"));
        }
        return new Chart(WIDTH, HEIGHT, texts.text("followUp.chart.title", indicator.name()), description(indicator, series, texts),
                f(LEFT), f(WIDTH - RIGHT), f(TOP), f(HEIGHT - BOTTOM), points, line, baseline, baselineX, baselineY, baselineLabel,
                target, valueTicks, dateTicks);
    }

    /** The chart in words: baseline, target, how many values over which days and the latest. */
    static String description(Indicator indicator, List<DataPoint> series, ProgrammeTexts texts) {
        List<String> sentences = new ArrayList<>();
        if (indicator.baselineValue() != null && indicator.baselineDate() != null) {
            sentences.add(texts.text("followUp.chart.baseline", texts.withUnit(indicator.baselineValue(), indicator.unit()),
                    indicator.baselineDate().toString()));
        }
        if (indicator.targetValue() != null) {
            sentences.add(indicator.targetDate() == null
                    ? texts.text("followUp.chart.target", texts.withUnit(indicator.targetValue(), indicator.unit()))
                    : texts.text("followUp.chart.targetDated", texts.withUnit(indicator.targetValue(), indicator.unit()),
                            indicator.targetDate().toString()));
        }
        if (series.isEmpty()) {
            sentences.add(texts.text("followUp.chart.noValues"));
        } else {
            DataPoint newest = series.get(series.size() - 1);
            sentences.add(texts.text("followUp.chart.values", Integer.toString(series.size()), texts.when(series.get(0), indicator.period()),
                    texts.when(newest, indicator.period()), texts.withUnit(newest.value(), indicator.unit())));
        }
        sentences.add(texts.text("followUp.chart.seeTable"));
        return String.join(" ", sentences);
    }

    private record Scale(LocalDate first, LocalDate last, double low, double high) {
        double x(LocalDate date) {
            long days = ChronoUnit.DAYS.between(first, last);
            if (days == 0) {
                return LEFT + (WIDTH - LEFT - RIGHT) / 2.0;
            }
            return LEFT + (WIDTH - LEFT - RIGHT) * (double) ChronoUnit.DAYS.between(first, date) / days;
        }

        double y(double value) {
            return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * (value - low) / (high - low);
        }
    }

    private static double niceStep(double rough) {
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }

    /** A tick's value with as many decimals as the step has (none for 5, one for 0.5, two for 0.05). */
    private static BigDecimal round(double value, double step) {
        int digits = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
        return new BigDecimal(value, MathContext.DECIMAL64).setScale(digits, java.math.RoundingMode.HALF_UP);
    }

    private static String f(double coordinate) {
        return String.format(Locale.ROOT, "%.1f", coordinate);
    }
}
