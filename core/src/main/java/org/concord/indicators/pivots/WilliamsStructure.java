package org.concord.indicators.pivots;

import java.util.Arrays;

/**
 * Larry Williams' market structure for one series, built incrementally:
 * <ul>
 *   <li>Level 1: bar {@code c} is a swing high when its high is strictly above the highs of the {@code strength} bars
 *       on each side (lows: strictly below); it is confirmed when the {@code strength}-th bar after it closes.</li>
 *   <li>Level n ≥ 2: a level-(n-1) swing high strictly above the level-(n-1) swing highs before and after it
 *       (lows: strictly below); confirmed when that next level-(n-1) swing is confirmed.</li>
 *   <li>Structure per level from its last two swings: highs HH (+1) / LH (-1), lows HL (+1) / LL (-1), 0 when
 *       unknown or equal; trend +1 when HH and HL, -1 when LH and LL, else 0.</li>
 * </ul>
 * Nothing uses a bar before it closed: a swing exists only from its confirmation on. Not thread-safe.
 */
public final class WilliamsStructure {
    private final int levels;
    private final int strength;
    private final int window;
    private final double[] highs;
    private final double[] lows;
    private final long[] times;
    private int count;
    // per level: the last three swings of that level (index 0 = newest) for highs and lows
    private final SwingPoint[][] hi;
    private final SwingPoint[][] lo;
    private final int[] hiCount;
    private final int[] loCount;

    public WilliamsStructure(int levels, int strength) {
        if (levels < 1 || levels > 8 || strength < 1 || strength > 50) {
            throw new IllegalArgumentException("levels in [1,8] and strength in [1,50] required, got " + levels + ", " + strength);
        }
        this.levels = levels;
        this.strength = strength;
        this.window = 2 * strength + 1;
        this.highs = new double[window];
        this.lows = new double[window];
        this.times = new long[window];
        this.hi = new SwingPoint[levels][3];
        this.lo = new SwingPoint[levels][3];
        this.hiCount = new int[levels];
        this.loCount = new int[levels];
    }

    /** Bars on each side of a level-1 swing. */
    public int strength() {
        return strength;
    }

    public int levels() {
        return levels;
    }

    /** Adds a closed bar (open time, high, low, close time). */
    public void add(long openTime, double high, double low, long closeTime) {
        int slot = count % window;
        highs[slot] = high;
        lows[slot] = low;
        times[slot] = openTime;
        count++;
        if (count < window) {
            return;
        }
        // the centre of the window is the candidate: strength bars before it and strength after it are known
        int c = (count - 1 - strength) % window;
        boolean isHigh = true;
        boolean isLow = true;
        for (int j = 0; j < window; j++) {
            if (j == c) {
                continue;
            }
            isHigh &= highs[c] > highs[j];
            isLow &= lows[c] < lows[j];
        }
        if (isHigh) {
            push(hi, hiCount, 0, new SwingPoint(times[c], highs[c], closeTime), true);
        }
        if (isLow) {
            push(lo, loCount, 0, new SwingPoint(times[c], lows[c], closeTime), false);
        }
    }

    private void push(SwingPoint[][] side, int[] counts, int level, SwingPoint p, boolean high) {
        SwingPoint[] s = side[level];
        s[2] = s[1];
        s[1] = s[0];
        s[0] = p;
        counts[level]++;
        if (level + 1 < levels && counts[level] >= 3) {
            // the middle of the last three swings of this level is a swing of the next level if it stands out
            SwingPoint mid = s[1];
            boolean promote = high ? mid.price() > s[2].price() && mid.price() > s[0].price()
                    : mid.price() < s[2].price() && mid.price() < s[0].price();
            if (promote) {
                push(side, counts, level + 1, new SwingPoint(mid.barTime(), mid.price(), p.confirmedAt()), high);
            }
        }
    }

    /** The newest confirmed swing high of {@code level} (1-based), or null. */
    public SwingPoint lastHigh(int level) {
        return hi[check(level)][0];
    }

    public SwingPoint lastLow(int level) {
        return lo[check(level)][0];
    }

    /** +1 higher high, -1 lower high, 0 unknown/equal. */
    public int highs(int level) {
        SwingPoint[] s = hi[check(level)];
        return s[1] == null ? 0 : (int) Math.signum(s[0].price() - s[1].price());
    }

    /** +1 higher low, -1 lower low, 0 unknown/equal. */
    public int lows(int level) {
        SwingPoint[] s = lo[check(level)];
        return s[1] == null ? 0 : (int) Math.signum(s[0].price() - s[1].price());
    }

    /** +1 (HH and HL), -1 (LH and LL), else 0. */
    public int trend(int level) {
        int h = highs(level);
        int l = lows(level);
        return h == 1 && l == 1 ? 1 : h == -1 && l == -1 ? -1 : 0;
    }

    /** Swings confirmed so far at {@code level}. */
    public int highCount(int level) {
        return hiCount[check(level)];
    }

    public int lowCount(int level) {
        return loCount[check(level)];
    }

    private int check(int level) {
        if (level < 1 || level > levels) {
            throw new IllegalArgumentException("level must be in [1," + levels + "], got " + level);
        }
        return level - 1;
    }

    public void clear() {
        count = 0;
        for (int l = 0; l < levels; l++) {
            Arrays.fill(hi[l], null);
            Arrays.fill(lo[l], null);
            hiCount[l] = 0;
            loCount[l] = 0;
        }
    }
}
