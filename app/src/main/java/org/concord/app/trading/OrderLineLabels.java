package org.concord.app.trading;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Stacks the order lines' labels (all at the plot's left edge) so that none covers another, each beside its own
 * line, which stays at its exact price. A label goes just above its line; when that would cover a label already
 * placed (lines placed top to bottom), just below it; when that would too, under the lowest label placed. Seen on the
 * desk: limit orders a few dollars apart wrote "BUY LIMIT 0.1 @ 882.00" over "BUY LIMIT 0.1 @ 881.00". Labels stay
 * inside the plot: a line drawn at the top edge (its price above the chart) has its label below it, and labels stacked
 * past the bottom edge move up, pushing those above them up (a far order drawn at the bottom edge under two near ones
 * had its label stacked out of sight, in the acceptance suite's screenshots).
 */
final class OrderLineLabels {
    /** Room (px) between a label and its line, and between two stacked labels. */
    static final double GAP = 1;

    private OrderLineLabels() {
    }

    /**
     * The top (same coordinates as {@code lineY}) of each label {@code height[i]} tall for a line at {@code lineY[i]},
     * between {@code plotTop} and {@code plotBottom} where there is room; NaN for a line not drawn (NaN y).
     */
    static double[] tops(double[] lineY, double[] height, double plotTop, double plotBottom) {
        int n = lineY.length;
        double[] top = new double[n];
        Arrays.fill(top, Double.NaN);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (Double.isFinite(lineY[i])) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble(i -> lineY[i]));
        List<double[]> placed = new ArrayList<>();
        double lowest = Double.NEGATIVE_INFINITY;
        for (int i : order) {
            double h = height[i];
            double above = lineY[i] - GAP - h;
            double below = lineY[i] + GAP;
            double t = above >= plotTop && free(above, h, placed) ? above : free(below, h, placed) ? below : Math.max(below, lowest + GAP);
            top[i] = t;
            placed.add(new double[] {t, t + h});
            lowest = Math.max(lowest, t + h);
        }
        // from the bottom up: a label past the plot's bottom moves up, and each label above stays clear of the one below
        order.sort(Comparator.comparingDouble(i -> -top[i]));
        double limit = plotBottom;
        for (int i : order) {
            if (top[i] + height[i] > limit) {
                top[i] = limit - height[i];
            }
            limit = top[i] - GAP;
        }
        return top;
    }

    private static boolean free(double top, double h, List<double[]> placed) {
        for (double[] p : placed) {
            if (top < p[1] + GAP && p[0] < top + h + GAP) {
                return false;
            }
        }
        return true;
    }
}
