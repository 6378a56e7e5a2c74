package org.concord.modules.strategy.macrogate;

import org.concord.model.BarSeries;

/**
 * A rule's series in memory, read once from the DataProvider: closes by bar close time and prefix sums of the
 * closes, so the bar in force at a decision time is a binary search and its average is O(1). Immutable.
 */
final class MacroSeries {
    final MacroRule rule;
    private final long[] closeTimes;
    private final double[] closes;
    private final double[] prefix;

    MacroSeries(MacroRule rule, BarSeries bars) {
        this.rule = rule;
        int n = bars.size();
        closeTimes = new long[n];
        closes = new double[n];
        prefix = new double[n + 1];
        for (int i = 0; i < n; i++) {
            closeTimes[i] = bars.timeframe().closeTime(bars.time(i));
            closes[i] = bars.close(i);
            prefix[i + 1] = prefix[i] + closes[i];
        }
    }

    int size() {
        return closes.length;
    }

    /** Index of the newest bar closed at or before {@code time}, or -1: never a bar that closes after it. */
    int at(long time) {
        int lo = 0;
        int hi = closes.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (closeTimes[mid] <= time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo - 1;
    }

    double close(int i) {
        return closes[i];
    }

    /** Simple average of the {@code period} closes ending at {@code i}; NaN when fewer exist. */
    double average(int i, int period) {
        if (i + 1 < period) {
            return Double.NaN;
        }
        return (prefix[i + 1] - prefix[i + 1 - period]) / period;
    }
}
