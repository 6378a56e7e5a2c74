package org.concord.app.training;

import org.concord.chart.DisplayFormat;
import org.concord.training.eval.PromotionGate;
import org.concord.training.loop.Metrics;
import org.concord.training.models.ModelManifest;
import org.concord.training.models.ModelVersionStore;

import java.util.Locale;
import java.util.Map;

/**
 * How the training panel writes core's figures: each one says what it was measured on (the newest fold's holdout, one
 * fold, or every fold out of sample) and stands next to its baseline (accuracy next to the majority class, AUC next to
 * 0.500, what any constant call scores). A person once read AUC 0.605 on the last job's line and 0.518 in the versions
 * table for the same version: the first was the newest fold's, the second every fold's, and neither said so.
 */
public final class TrainingFigures {
    /** The AUC of a constant call (majority, always-long, always-flat) and of a coin: a model must beat it. */
    static final double CHANCE_AUC = 0.5;

    private TrainingFigures() {
    }

    /**
     * "holdout AUC 0.658 vs 0.500 chance, accuracy 0.726 vs majority 0.726 (+0.0 pts), n=229" from an event's figures,
     * {@code scope} first ("holdout", "fold 2/4", "out-of-sample"); "" when it carries none.
     */
    static String metrics(String scope, Map<String, Double> m) {
        if (m == null || !m.containsKey("accuracy")) {
            return "";
        }
        return metrics(scope, get(m, "accuracy"), get(m, "baseline"), get(m, "auc"), m.containsKey("n") ? (int) Math.round(m.get("n")) : -1);
    }

    /** Metrics of one evaluation (core's {@link Metrics}), written as {@link #metrics(String, Map)} does; "" for none. */
    static String metrics(String scope, Metrics m) {
        return m == null ? "" : metrics(scope, m.accuracy(), m.baselineAccuracy(), m.auc(), m.n());
    }

    private static String metrics(String scope, double accuracy, double majority, double auc, int n) {
        StringBuilder sb = new StringBuilder();
        if (Double.isFinite(auc)) {
            sb.append(String.format(Locale.ROOT, "AUC %.3f vs %.3f chance", auc, CHANCE_AUC));
        }
        if (Double.isFinite(accuracy)) {
            sb.append(sb.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "accuracy %.3f", accuracy));
            if (Double.isFinite(majority)) {
                sb.append(String.format(Locale.ROOT, " vs majority %.3f (%+.1f pts)", majority, 100 * (accuracy - majority)));
            }
        }
        if (sb.length() == 0) {
            return "";
        }
        if (n >= 0) {
            sb.append(", n=").append(n);
        }
        return scope + " " + sb;
    }

    /** An event's calls against every baseline (core's scorecard), "" when it carries none. */
    static String baselines(Map<String, Double> m) {
        if (m == null || !m.containsKey("majority")) {
            return "";
        }
        return String.format(Locale.ROOT, "accuracy %.1f%% vs majority %.1f%%, always-long %.1f%%, always-flat %.1f%%; P&L/signal %+.3f%% vs %+.3f%%, "
                        + "%+.3f%%, %+.3f%%; buy-and-hold %+.2f%%", 100 * get(m, "oosAccuracy"), 100 * get(m, "majority"), 100 * get(m, "alwaysLong"),
                100 * get(m, "alwaysFlat"), get(m, "pnlPct"), get(m, "majorityPnlPct"), get(m, "alwaysLongPnlPct"), get(m, "alwaysFlatPnlPct"),
                get(m, "buyAndHoldPct"));
    }

    /** One saved version as the Models table shows it: figures from its row and its manifest (core), nothing computed. */
    public static TrainingSnapshot.ModelRow row(ModelVersionStore.VersionRow v, ModelManifest m, DisplayFormat f) {
        String holdout = m != null && m.holdout() != null ? metrics("holdout", m.holdout())
                : metrics("holdout", v.holdoutAccuracy(), v.holdoutBaseline(), Double.NaN, -1);
        // the stored AUC is every fold's out of sample, not the holdout's (the manifest's oos metrics when there)
        String oos = m != null && m.oos() != null ? metrics("out-of-sample", m.oos()) : metrics("out-of-sample", Double.NaN, Double.NaN, v.oosAuc(), -1);
        PromotionGate.Verdict gate = PromotionGate.judge(m == null ? null : m.baselines());
        return new TrainingSnapshot.ModelRow(v.modelId(), v.version(), v.state(), holdout, oos,
                f.dateMinute(v.dataFrom()) + " → " + f.dateMinute(v.dataTo()) + ", " + v.samples() + " samples", v.createdAt(),
                m == null || m.baselines() == null ? "" : m.baselines().describe(), (gate.passed() ? "passes: " : "below: ") + gate.gap(),
                m == null ? null : m.calibration());
    }

    /** The promotion gate's word ("passes", "below") of a verdict written "passes: …" or "below: …". */
    static String verdict(String gate) {
        int colon = gate.indexOf(':');
        return colon < 0 ? gate : gate.substring(0, colon);
    }

    /** What a verdict written "below: …" says after its word. */
    static String gap(String gate) {
        int colon = gate.indexOf(':');
        return colon < 0 ? "" : gate.substring(colon + 1).trim();
    }

    private static double get(Map<String, Double> m, String k) {
        Double v = m.get(k);
        return v == null ? Double.NaN : v;
    }
}
