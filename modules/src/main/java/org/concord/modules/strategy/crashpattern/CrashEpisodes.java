package org.concord.modules.strategy.crashpattern;

import org.concord.model.BarSeries;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds crashes in a series of closes: a close at least {@code minFall} below the highest close of the
 * {@code withinBars} bars before it. Each crash is reported once, at its first such bar (the confirmation); the
 * search for the next one starts after it, from a new peak. Nothing after the confirmation is read, so an episode
 * found in a prefix of a series is the same in the whole series.
 *
 * <p>An episode's pattern is the path that led into it: the {@code length} closes up to its <em>trigger</em>, the
 * first bar after the peak that was half the fall below it. A detector matching that path fires while the crash is
 * under way, not after it; the pattern may be used only from the confirmation's close on (then the fall is known).
 */
public final class CrashEpisodes {
    private CrashEpisodes() {
    }

    /**
     * One crash: bar indexes of its peak, trigger (half the fall) and confirmation ({@code minFall} reached).
     *
     * @param fall the fall at the confirmation, as a fraction of the peak close
     */
    public record Episode(int peak, int trigger, int confirm, double fall) {
        public Episode {
            if (peak < 0 || trigger <= peak || confirm < trigger) {
                throw new IllegalArgumentException("need 0 <= peak < trigger <= confirm, got " + peak + ", " + trigger + ", " + confirm);
            }
        }
    }

    /** The crashes of {@code s} in time order. */
    public static List<Episode> find(BarSeries s, double minFall, int withinBars) {
        if (s == null) {
            throw new IllegalArgumentException("series is null");
        }
        if (!(minFall > 0 && minFall < 1)) {
            throw new IllegalArgumentException("minFall must be in (0, 1), got " + minFall);
        }
        if (withinBars < 1) {
            throw new IllegalArgumentException("withinBars must be at least 1, got " + withinBars);
        }
        List<Episode> out = new ArrayList<>();
        int from = 0; // bars before this belong to the last episode
        for (int j = 1; j < s.size(); j++) {
            int peak = highest(s, Math.max(from, j - withinBars), j - 1);
            if (peak < 0) {
                continue;
            }
            double top = s.close(peak);
            double fall = 1 - s.close(j) / top;
            if (fall >= minFall) {
                int trigger = peak + 1;
                while (1 - s.close(trigger) / top < minFall / 2) {
                    trigger++;
                }
                out.add(new Episode(peak, trigger, j, fall));
                from = j;
            }
        }
        return out;
    }

    /** Index of the highest close in [from, to] (the earliest on ties), or -1 when the range is empty. */
    private static int highest(BarSeries s, int from, int to) {
        int best = -1;
        for (int i = from; i <= to; i++) {
            if (best < 0 || s.close(i) > s.close(best)) {
                best = i;
            }
        }
        return best;
    }
}
