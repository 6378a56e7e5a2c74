package org.concord.coordination;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns how much to trust each source, online, per market regime.
 * <ul>
 *   <li>UCB (default): a contextual bandit with the regime as context. Each source's score in a regime is its mean
 *       reward plus {@code exploration * sqrt(ln N / n)} (N rewards in the regime, n of them the source's; a source
 *       never rewarded in the regime gets the highest score). Weights are a softmax of the scores.</li>
 *   <li>FEEDBACK: multiplicative weights from realized outcomes, ignoring the regime:
 *       {@code w *= exp(learningRate * (profit - drawdownPenalty * drawdown))}, renormalized, floored.</li>
 *   <li>EQUAL: no learning, every source weighs the same (the baseline the learner is judged against).</li>
 * </ul>
 * Weights of the registered sources sum to 1 and are never below {@code minWeight / sources} (no source is shut out
 * for good). Single-threaded.
 */
public final class UcbWeightLearner {
    public enum Mode { UCB, FEEDBACK, EQUAL }

    /** Parameters. Rewards are clipped to [-1, 1]. */
    public record Config(Mode mode, double exploration, double temperature, double learningRate, double drawdownPenalty, double minWeight) {
        public Config {
            if (mode == null || !(exploration >= 0) || !(temperature > 0) || !(learningRate > 0) || !(drawdownPenalty >= 0)
                    || !(minWeight >= 0 && minWeight < 1)) {
                throw new IllegalArgumentException("invalid learner config " + this);
            }
        }

        public static Config defaults() {
            return new Config(Mode.UCB, 0.05, 0.02, 2.0, 1.0, 0.1);
        }

        public Config withMode(Mode m) {
            return new Config(m, exploration, temperature, learningRate, drawdownPenalty, minWeight);
        }
    }

    private final Config config;
    private final Map<String, Integer> arms = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private double[][] sum = new double[Regime.COUNT][4];
    private long[][] count = new long[Regime.COUNT][4];
    private final long[] total = new long[Regime.COUNT];
    private double[] feedbackWeight = new double[4];
    /** Weights per regime as last computed; null after anything they depend on changed (a plan reads one per signal). */
    private final double[][] cached = new double[Regime.COUNT][];

    public UcbWeightLearner(Config config) {
        if (config == null) {
            throw new IllegalArgumentException("learner config is null");
        }
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /** The arm index of {@code sourceId}, registering it on first sight. */
    public int arm(String sourceId) {
        Integer a = arms.get(sourceId);
        if (a != null) {
            return a;
        }
        int i = names.size();
        if (i == feedbackWeight.length) {
            int c = i * 2;
            for (int r = 0; r < Regime.COUNT; r++) {
                sum[r] = Arrays.copyOf(sum[r], c);
                count[r] = Arrays.copyOf(count[r], c);
            }
            feedbackWeight = Arrays.copyOf(feedbackWeight, c);
        }
        arms.put(sourceId, i);
        names.add(sourceId);
        Arrays.fill(cached, null);
        // a newcomer starts at the mean weight of the others
        double mean = 0;
        for (int k = 0; k < i; k++) {
            mean += feedbackWeight[k];
        }
        feedbackWeight[i] = i == 0 ? 1 : mean / i;
        return i;
    }

    public List<String> sources() {
        return Collections.unmodifiableList(names);
    }

    /** A realized reward (e.g. a closed trade's return) for {@code sourceId} in {@code regime}. */
    public void reward(Regime regime, String sourceId, double reward) {
        if (Double.isNaN(reward) || Double.isInfinite(reward)) {
            return;
        }
        int a = arm(sourceId);
        int r = regime.index();
        sum[r][a] += Math.max(-1, Math.min(1, reward));
        count[r][a]++;
        total[r]++;
        cached[r] = null;
    }

    /** FEEDBACK mode: realized profit (a return) and the drawdown suffered meanwhile, both fractions. */
    public void feedback(String sourceId, double profit, double drawdown) {
        if (!Double.isFinite(profit) || !Double.isFinite(drawdown)) {
            return;
        }
        int a = arm(sourceId);
        double x = Math.max(-1, Math.min(1, profit)) - config.drawdownPenalty() * Math.max(0, Math.min(1, drawdown));
        feedbackWeight[a] *= Math.exp(config.learningRate() * x);
        normalizeFeedback();
        Arrays.fill(cached, null);
    }

    private void normalizeFeedback() {
        int n = names.size();
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += feedbackWeight[i];
        }
        for (int i = 0; i < n; i++) {
            feedbackWeight[i] = s > 0 ? feedbackWeight[i] / s * n : 1;
        }
    }

    /** Weights of all registered sources in {@code regime}, in {@link #sources()} order, summing to 1. */
    public double[] weights(Regime regime) {
        int n = names.size();
        double[] w = new double[n];
        if (n == 0) {
            return w;
        }
        if (config.mode() == Mode.EQUAL) {
            Arrays.fill(w, 1.0);
        } else if (config.mode() == Mode.FEEDBACK) {
            for (int i = 0; i < n; i++) {
                w[i] = feedbackWeight[i];
            }
        } else {
            int r = regime.index();
            double lnN = Math.log(Math.max(1, total[r]));
            double top = Double.NEGATIVE_INFINITY;
            double[] ucb = new double[n];
            for (int i = 0; i < n; i++) {
                long c = count[r][i];
                ucb[i] = c == 0 ? Double.NaN : sum[r][i] / c + config.exploration() * Math.sqrt(lnN / c);
                if (c > 0) {
                    top = Math.max(top, ucb[i]);
                }
            }
            for (int i = 0; i < n; i++) {
                double u = Double.isNaN(ucb[i]) ? (top == Double.NEGATIVE_INFINITY ? 0 : top) : ucb[i]; // unplayed: the best so far
                w[i] = Math.exp((u - (top == Double.NEGATIVE_INFINITY ? 0 : top)) / config.temperature());
            }
        }
        return floorAndNormalize(w);
    }

    /** Source id → weight in {@code regime}, in {@link #sources()} order. */
    public Map<String, Double> weightMap(Regime regime) {
        double[] w = weights(regime);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < w.length; i++) {
            out.put(names.get(i), w[i]);
        }
        return out;
    }

    /** The weight of one source in {@code regime} (registers it). */
    public double weight(Regime regime, String sourceId) {
        int a = arm(sourceId);
        double[] w = cached[regime.index()];
        if (w == null) {
            w = weights(regime);
            cached[regime.index()] = w;
        }
        return w[a];
    }

    private double[] floorAndNormalize(double[] w) {
        int n = w.length;
        double s = 0;
        for (double v : w) {
            s += v;
        }
        double floor = config.minWeight() / n;
        double free = 1 - floor * n;
        for (int i = 0; i < n; i++) {
            w[i] = floor + free * (s > 0 ? w[i] / s : 1.0 / n);
        }
        return w;
    }
}
