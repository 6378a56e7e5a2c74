package org.concord.app.shell;

import javafx.scene.chart.ValueAxis;
import javafx.scene.text.Text;
import org.concord.annotate.DisplaySettings;
import org.concord.chart.DisplayFormat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

import static org.concord.app.shell.CalendarSteps.DAY;
import static org.concord.app.shell.CalendarSteps.HOUR;
import static org.concord.app.shell.CalendarSteps.MINUTE;

/**
 * A time axis (x in epoch seconds) for the desk's JavaFX charts (portfolio, backtest equity) whose ticks fall on calendar times in the display
 * zone: the smallest {@link CalendarSteps calendar step} whose labels fit side by side with a gap, as the live chart's
 * {@code LiveTimeAxis} does for its ChartFX axis (that one cannot serve a JavaFX chart). A plain {@code NumberAxis} stepped from the first point by a "nice" number of seconds: a person read
 * "11-26 12:46, 15:33, 18:20". Labels that would pass either end of the axis are left out rather than cut.
 */
public final class CalendarTimeAxis extends ValueAxis<Number> {
    private final DisplaySettings display;
    private final Text measure = new Text();
    /** The step of the ticks laid out last (seconds); decides how labels are written. */
    private long step = HOUR;

    public CalendarTimeAxis(DisplaySettings display) {
        this.display = display;
        setMinorTickVisible(false);
        setAutoRanging(true);
        // another zone moves every tick: lay the axis out again
        display.formatProperty().addListener((o, a, b) -> {
            invalidateRange();
            requestAxisLayout();
        });
    }

    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        // the data's own span, not rounded out to a "nice" number of seconds
        double lo = minValue;
        double hi = maxValue;
        if (!(hi > lo)) {
            lo -= 30;
            hi += 30;
        }
        return new double[] {lo, hi, calculateNewScale(length, lo, hi)};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setLowerBound(r[0]);
        setUpperBound(r[1]);
        currentLowerBound.set(r[0]);
        setScale(r[2]);
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound(), getScale()};
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] r = (double[]) range;
        double lo = r[0];
        double hi = r[1];
        List<Number> out = new ArrayList<>();
        if (!(hi > lo) || !(length > 0)) {
            return out;
        }
        DisplayFormat f = display.format();
        double label = labelWidth(f.axisTime(Math.round(lo * 1000), 10 * DAY * 1000));
        step = CalendarSteps.step(hi - lo, length, label, 0);
        // a label must lie whole within the axis: half its width (in seconds) in from either end
        double margin = (label / 2) * (hi - lo) / length;
        for (long t : ticks((long) Math.floor(lo), (long) Math.ceil(hi), step, f.zone())) {
            if (t >= lo + margin && t <= hi - margin) {
                out.add(t);
            }
        }
        return out;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return label(display.format(), Math.round(value.doubleValue() * 1000), step);
    }

    /** "MM-dd HH:mm" under a day's step, "MM-dd" from a day on, "HH:mm:ss" under a minute's. */
    public static String label(DisplayFormat f, long epochMillis, long stepSeconds) {
        long span = stepSeconds < MINUTE ? 0 : stepSeconds < DAY ? 10 * DAY * 1000 : 30 * DAY * 1000;
        return f.axisTime(epochMillis, span);
    }

    private double labelWidth(String text) {
        measure.setFont(getTickLabelFont());
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    /**
     * Tick times (epoch seconds) in [from, to] at whole multiples of {@code step} in {@code zone}'s local time: under a
     * day from midnight, days from midnight, weeks from Monday, months from the first, years from January.
     */
    public static List<Long> ticks(long from, long to, long step, ZoneId zone) {
        List<Long> out = new ArrayList<>();
        ZonedDateTime start = Instant.ofEpochSecond(from).atZone(zone);
        if (step < DAY) {
            ZonedDateTime day = start.truncatedTo(ChronoUnit.DAYS);
            long into = from - day.toEpochSecond();
            ZonedDateTime t = day.plusSeconds((into + step - 1) / step * step);
            for (; t.toEpochSecond() <= to; t = t.plusSeconds(step)) {
                out.add(t.toEpochSecond());
            }
            return out;
        }
        ZonedDateTime t = start.truncatedTo(ChronoUnit.DAYS);
        if (step < 7 * DAY) {
            for (; t.toEpochSecond() <= to; t = t.plusDays(step / DAY)) {
                add(out, t, from);
            }
        } else if (step < 30 * DAY) {
            t = t.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            for (; t.toEpochSecond() <= to; t = t.plusWeeks(step / (7 * DAY))) {
                add(out, t, from);
            }
        } else {
            int months = (int) Math.max(1, Math.round(step / (30.4 * DAY)));
            t = t.withDayOfMonth(1);
            t = t.withMonth((t.getMonthValue() - 1) / Math.min(months, 12) * Math.min(months, 12) + 1);
            for (; t.toEpochSecond() <= to; t = t.plusMonths(months)) {
                add(out, t, from);
            }
        }
        return out;
    }

    private static void add(List<Long> out, ZonedDateTime t, long from) {
        if (t.toEpochSecond() >= from) {
            out.add(t.toEpochSecond());
        }
    }
}
