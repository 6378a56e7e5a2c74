package org.concord.annotate.chart;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.util.StringConverter;
import org.concord.chart.DisplayFormat;

import java.util.function.Supplier;

/**
 * A pane's two axes, ranged by the pane alone (no auto-ranging): time below (x in epoch seconds), price on the right
 * like a trading chart. Tick labels are written with the desk's {@link DisplayFormat}: prices at tick precision,
 * times in the user's zone at the precision the visible span needs, never in scientific notation. Minor ticks
 * are off: with candles behind them they only add noise.
 */
final class PaneAxes {
    /** Room (px) left between two time labels. */
    static final double LABEL_GAP = 24;
    final DefaultNumericAxis x = new DefaultNumericAxis("");
    final DefaultNumericAxis y = new DefaultNumericAxis("");
    private final Supplier<DisplayFormat> format;
    private final Text measure = new Text();

    PaneAxes(Supplier<DisplayFormat> format) {
        this.format = format;
        measure.setFont(Font.font(11)); // about the tick labels' size; a little wider than they are is the safe side
        for (DefaultNumericAxis a : new DefaultNumericAxis[] {x, y}) {
            a.setUnit(null);
            a.setAutoRanging(false);
            a.setAutoGrowRanging(false);
            a.setAutoRangeRounding(false);
            a.setAnimated(false);
            a.getMinorTickStyle().setVisible(false);
        }
        x.setTimeAxis(true);
        // time labels are wide ("11-25 09:00"): as many as fit side by side, or ChartFX lets them run into each other
        x.widthProperty().addListener((o, was, w) -> fitTimeLabels());
        x.minProperty().addListener((o, was, v) -> fitTimeLabels());
        x.maxProperty().addListener((o, was, v) -> fitTimeLabels());
        y.setForceZeroInRange(false);
        // price steps of 1, 2 or 5 × 10^k that are whole ticks: ChartFX's 2.5 steps (0.025) cannot be written at
        // tick precision and came out as uneven labels (836.03, 836.05, 836.08)
        y.getAxisLabelFormatter().setTickUnitSupplier(raw -> priceStep(raw, format.get().tick()));
        relabel();
    }

    /** Caps the number of time labels at what fits: the axis width over one label's width (in the current span's format) and a gap. */
    private void fitTimeLabels() {
        double w = x.getWidth();
        if (!(w > 0) || !(x.getMax() > x.getMin())) {
            return;
        }
        long span = (long) ((x.getMax() - x.getMin()) * 1000);
        measure.setText(format.get().axisTime((long) (x.getMin() * 1000), span));
        double label = measure.getLayoutBounds().getWidth() + LABEL_GAP;
        x.setMaxMajorTickLabelCount(Math.max(2, (int) (w / label)));
    }

    /** The smallest step of 1, 2 or 5 × 10^k that is at least {@code raw} and a whole number of ticks. */
    static double priceStep(double raw, double tick) {
        if (raw <= tick) {
            return tick; // one tick is always writable at tick precision, whatever its mantissa (0.25)
        }
        double r = raw;
        double decade = Math.pow(10, Math.floor(Math.log10(r)));
        for (double m : new double[] {1, 2, 5, 10}) {
            double step = m * decade;
            if (step >= r * (1 - 1e-9)) {
                return Math.ceil(step / tick - 1e-9) * tick;
            }
        }
        return Math.ceil(r / tick) * tick;
    }

    /** Writes the tick labels again (the display format changed). */
    void relabel() {
        x.setTickLabelFormatter(new Labels(true));
        y.setTickLabelFormatter(new Labels(false));
    }

    /** One axis's tick labels in the current format (a new instance per format, so ChartFX redraws them). */
    private final class Labels extends StringConverter<Number> {
        private final boolean time;

        Labels(boolean time) {
            this.time = time;
        }

        @Override
        public String toString(Number v) {
            if (v == null || !Double.isFinite(v.doubleValue())) {
                return "";
            }
            DisplayFormat f = format.get();
            if (time) {
                long span = (long) ((x.getMax() - x.getMin()) * 1000);
                return f.axisTime(Math.round(v.doubleValue() * 1000), span);
            }
            return f.plainPrice(v.doubleValue());
        }

        @Override
        public Number fromString(String s) {
            throw new UnsupportedOperationException("axis labels are not parsed");
        }
    }
}
