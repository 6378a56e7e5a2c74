package org.concord.modules.extrema;

import org.concord.model.BarSeries;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Local extrema with a confirmation lag: bar {@code c} is a local maximum when its high is strictly above the highs
 * of the {@code lag} bars on each side (a minimum: its low strictly below their lows). It can only be known once the
 * {@code lag}-th bar after it has closed, so that is when it is reported. Incremental, O(lag) per bar; keeps the last
 * {@code keep} extrema. Not thread-safe.
 */
public final class ExtremaDetector {
    private final int lag;
    private final int window;
    private final int keep;
    private final double[] highs;
    private final double[] lows;
    private final long[] times;
    private long bars;
    private final Deque<Extremum> recent = new ArrayDeque<>();
    private Extremum lastMax;
    private Extremum lastMin;
    private long lastMaxBar = -1;
    private long lastMinBar = -1;

    public ExtremaDetector(int lag, int keep) {
        if (lag < 1 || lag > 500 || keep < 1) {
            throw new IllegalArgumentException("lag in [1,500] and keep >= 1 required, got " + lag + ", " + keep);
        }
        this.lag = lag;
        this.window = 2 * lag + 1;
        this.keep = keep;
        this.highs = new double[window];
        this.lows = new double[window];
        this.times = new long[window];
    }

    /**
     * Adds a closed bar.
     *
     * @return the extremum this bar confirmed, or null (a bar cannot confirm both: the candidate's high and low
     *         cannot both stand out unless it is the widest bar, in which case the maximum is returned and both recorded)
     */
    public Extremum add(long openTime, double high, double low, long closeTime) {
        int slot = (int) (bars % window);
        highs[slot] = high;
        lows[slot] = low;
        times[slot] = openTime;
        bars++;
        if (bars < window) {
            return null;
        }
        int c = (int) ((bars - 1 - lag) % window);
        boolean isMax = true;
        boolean isMin = true;
        for (int j = 0; j < window; j++) {
            if (j != c) {
                isMax &= highs[c] > highs[j];
                isMin &= lows[c] < lows[j];
            }
        }
        Extremum found = null;
        if (isMin) {
            lastMin = remember(new Extremum(times[c], lows[c], false, closeTime));
            lastMinBar = bars - 1 - lag;
            found = lastMin;
        }
        if (isMax) {
            lastMax = remember(new Extremum(times[c], highs[c], true, closeTime));
            lastMaxBar = bars - 1 - lag;
            found = lastMax;
        }
        return found;
    }

    private Extremum remember(Extremum e) {
        recent.addLast(e);
        if (recent.size() > keep) {
            recent.removeFirst();
        }
        return e;
    }

    public Extremum lastMax() {
        return lastMax;
    }

    public Extremum lastMin() {
        return lastMin;
    }

    /** Bars between the last maximum's bar and the newest bar (-1 before the first maximum). */
    public long barsSinceMax() {
        return lastMaxBar < 0 ? -1 : bars - 1 - lastMaxBar;
    }

    public long barsSinceMin() {
        return lastMinBar < 0 ? -1 : bars - 1 - lastMinBar;
    }

    /** The newest extremum (the later bar; a maximum on a tie), or null. */
    public Extremum last() {
        if (lastMax == null) {
            return lastMin;
        }
        if (lastMin == null) {
            return lastMax;
        }
        return lastMinBar > lastMaxBar ? lastMin : lastMax;
    }

    /** The last {@code keep} extrema, oldest first. */
    public List<Extremum> recent() {
        return new ArrayList<>(recent);
    }

    public long bars() {
        return bars;
    }

    public int lag() {
        return lag;
    }

    public void clear() {
        bars = 0;
        recent.clear();
        lastMax = null;
        lastMin = null;
        lastMaxBar = -1;
        lastMinBar = -1;
    }

    /**
     * Labels a whole series offline (for training sets): every extremum the detector confirms, in order. Each label
     * carries its confirmation time; a trainer that wants causal inputs must only pair a label with data after it.
     */
    public static List<Extremum> label(BarSeries series, int lag) {
        ExtremaDetector d = new ExtremaDetector(lag, Integer.MAX_VALUE);
        List<Extremum> out = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            int before = d.recent.size();
            d.add(series.time(i), series.high(i), series.low(i), series.timeframe().closeTime(series.time(i)));
            out.addAll(d.recent.stream().skip(before).toList());
        }
        return out;
    }
}
