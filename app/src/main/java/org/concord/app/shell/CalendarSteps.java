package org.concord.app.shell;

/**
 * The calendar steps a chart's time axis ticks at (x in epoch seconds): 1/2/5/10/15/30 s or min, 1/2/3/4/6/12 h,
 * days, weeks, months, years; and the rule that picks one, the smallest whose labels fit side by side across the axis
 * with a {@link #GAP}. One table for the live chart's ChartFX axis and the portfolio's JavaFX axes.
 */
public final class CalendarSteps {
    /** Room (px) left between two neighbouring labels. */
    public static final double GAP = 16;
    public static final long MINUTE = 60;
    public static final long HOUR = 3_600;
    public static final long DAY = 86_400;
    /** Steps in seconds, increasing; past the last one, whole multiples of it. */
    private static final long[] STEPS = {
        1, 2, 5, 10, 15, 30,
        MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
        HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 12 * HOUR,
        DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 61 * DAY, 91 * DAY, 182 * DAY, 365 * DAY,
    };

    private CalendarSteps() {
    }

    /**
     * The step (seconds) for {@code spanSeconds} over {@code axisPixels} with labels {@code labelPixels} wide: two
     * labels at least {@link #GAP} apart, and at least {@code minimum}.
     */
    public static long step(double spanSeconds, double axisPixels, double labelPixels, double minimum) {
        double need = minimum;
        if (spanSeconds > 0 && axisPixels > 0) {
            need = Math.max(need, spanSeconds * (labelPixels + GAP) / axisPixels);
        }
        for (long s : STEPS) {
            if (s >= need) {
                return s;
            }
        }
        long last = STEPS[STEPS.length - 1];
        return (long) Math.ceil(need / last) * last;
    }
}
