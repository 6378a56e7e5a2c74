package org.concord.app.live;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.axes.spi.TickMark;
import javafx.collections.ObservableList;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.text.Text;
import org.concord.app.shell.CalendarSteps;

/**
 * The live chart's time axis (x in epoch seconds): its tick step is the smallest {@link CalendarSteps calendar step}
 * whose labels, as written now, fit side by side across the axis with a gap. ChartFX sizes the step for labels two characters wide (twice the font size); "11-25 06:00" is about
 * 60 px, so at 15m, 1h and 1d on a chart about 420 px wide the labels were written over each other. Its own time
 * steps (1.5 h, 2.5 h, 5 h) also put ticks on odd hours.
 */
final class LiveTimeAxis extends DefaultNumericAxis {
    private final Text measure = new Text();

    LiveTimeAxis(String name) {
        super(name);
        setTimeAxis(true);
    }

    /** ChartFX asks this at every layout of the axis, with the axis's new length. */
    @Override
    public double computePreferredTickUnit(double length) {
        double span = getMax() - getMin();
        return CalendarSteps.step(span, length, labelWidth(), 0);
    }

    /**
     * Leaves out a label that would pass either end of the axis: ChartFX only leaves out those past its parent's
     * bounds, and the axis's own canvas cut the rest (the first label read "25 00:00" at 15m and 1h on the desk).
     * ChartFX makes every label visible again before each draw, so this runs at each one.
     */
    @Override
    protected void drawTickLabels(GraphicsContext gc, double axisWidth, double axisHeight, ObservableList<TickMark> marks,
                                  double tickLength) {
        for (TickMark m : marks) {
            if (m.isVisible() && !whole(m.getPosition(), m.getWidth(), axisWidth)) {
                m.setVisible(false);
            }
        }
        super.drawTickLabels(gc, axisWidth, axisHeight, marks, tickLength);
    }

    /** Whether a label {@code width} wide, centred at {@code position}, lies within an axis {@code length} long. */
    static boolean whole(double position, double width, double length) {
        return position - width / 2 >= 0 && position + width / 2 <= length;
    }

    /** The width (px) of a label as it is written now: the span's format, the axis's tick-label font. */
    double labelWidth() {
        if (getTickLabelFormatter() == null || !Double.isFinite(getMin())) {
            return 0;
        }
        measure.setFont(getTickLabelStyle().getFont());
        // every label of a span has the same pattern of fixed-width fields: the first one's width is theirs
        measure.setText(getTickLabelFormatter().toString(getMin()));
        return measure.getLayoutBounds().getWidth();
    }
}
