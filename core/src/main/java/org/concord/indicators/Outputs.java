package org.concord.indicators;

/** Helpers shared by the multi-output indicators: output-index checks and the warm-up mask. */
final class Outputs {
    private Outputs() {
    }

    static void check(Indicator ind, int k) {
        if (k < 0 || k >= ind.outputCount()) {
            throw new IllegalArgumentException("output " + k + " outside [0," + ind.outputCount() + ") of " + ind);
        }
    }

    /** {@code v} when the bar at {@code index} is past {@code unstable} leading bars, else NaN. */
    static double mask(int index, int unstable, double v) {
        return index >= unstable ? v : Double.NaN;
    }

    static int requirePeriod(String name, int period, int min) {
        if (period < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + period);
        }
        return period;
    }
}
