package org.concord.annotate.chart;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
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
    /** Horizontal room (px) per time label. */
    static final double LABEL_SPACING = 80;
    final DefaultNumericAxis x = new DefaultNumericAxis("");
    final DefaultNumericAxis y = new DefaultNumericAxis("");
    private final Supplier<DisplayFormat> format;

    PaneAxes(Supplier<DisplayFormat> format) {
        this.format = format;
        for (DefaultNumericAxis a : new DefaultNumericAxis[] {x, y}) {
            a.setUnit(null);
            a.setAutoRanging(false);
            a.setAutoGrowRanging(false);
            a.setAutoRangeRounding(false);
            a.setAnimated(false);
            a.getMinorTickStyle().setVisible(false);
        }
        x.setTimeAxis(true);
        // time labels ("11-25 09:00") are wide: at most one per LABEL_SPACING px, or they run into each other
        x.widthProperty().addListener((o, was, w) -> x.setMaxMajorTickLabelCount(Math.max(2, (int) (w.doubleValue() / LABEL_SPACING))));
        y.setForceZeroInRange(false);
        relabel();
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
