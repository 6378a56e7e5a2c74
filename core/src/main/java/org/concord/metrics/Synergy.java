package org.concord.metrics;

import java.util.Map;

/**
 * Whether the buckets do better together than apart: the combined system's profit against the sum of the profits
 * of each bucket run alone on the same data with the same capital share, and the Sharpe ratio of the combined
 * system against the best bucket alone.
 *
 * @param synergy          combined pnl - sum of alone pnl (positive: cooperation adds profit)
 * @param relativeSynergy  synergy / |sum of alone pnl| (NaN when that sum is 0)
 * @param sharpeUplift     combined Sharpe - best alone Sharpe
 */
public record Synergy(double combinedPnl, Map<String, Double> alonePnl, double sumAlonePnl, double synergy, double relativeSynergy,
                      double combinedSharpe, double bestAloneSharpe, double sharpeUplift) {
    public Synergy {
        alonePnl = Map.copyOf(alonePnl);
    }

    /**
     * @param alonePnl     profit of each bucket run alone
     * @param aloneSharpe  Sharpe of each bucket run alone
     */
    public static Synergy of(double combinedPnl, double combinedSharpe, Map<String, Double> alonePnl, Map<String, Double> aloneSharpe) {
        if (alonePnl == null || alonePnl.isEmpty() || aloneSharpe == null) {
            throw new IllegalArgumentException("at least one bucket run alone is needed");
        }
        double sum = 0;
        for (double v : alonePnl.values()) {
            sum += v;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (double v : aloneSharpe.values()) {
            best = Math.max(best, v);
        }
        if (aloneSharpe.isEmpty()) {
            best = 0;
        }
        double syn = combinedPnl - sum;
        return new Synergy(combinedPnl, alonePnl, sum, syn, sum != 0 ? syn / Math.abs(sum) : Double.NaN, combinedSharpe, best,
                combinedSharpe - best);
    }
}
