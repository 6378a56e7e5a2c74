package org.concord.training.eval;

import java.util.Locale;

/**
 * The one rule that decides whether a model version may become active: its out-of-sample lift must be positive
 * against the best of majority class, always-long and always-flat, both on accuracy and on P&L per signal after
 * costs, from the same walk-forward folds ({@link Scorecard}). Every activation goes through
 * {@code ModelRepository.activate}, which applies it; a version below the gate becomes active only with a
 * {@link Confirmation} that names the gap (logged).
 */
public final class PromotionGate {
    private PromotionGate() {
    }

    /** The gate's answer: passed, and in words the model's lift (or gap) on both scores. */
    public record Verdict(boolean passed, String gap) {
        public Verdict {
            if (gap == null || gap.isBlank()) {
                throw new IllegalArgumentException("a verdict says why");
            }
        }
    }

    /**
     * A person's decision to activate a version below the gate: {@code gap} must be the verdict's text they were
     * shown (so a confirmation for one gap never activates another), {@code by} who or what confirmed it.
     */
    public record Confirmation(String gap, String by) {
        public Confirmation {
            if (gap == null || gap.isBlank() || by == null || by.isBlank()) {
                throw new IllegalArgumentException("a confirmation names the gap and who confirmed it");
            }
        }
    }

    /** Thrown when a version below the gate is activated without (or with a wrong) confirmation. */
    public static final class BelowGateException extends IllegalStateException {
        private final transient Verdict verdict;

        public BelowGateException(String what, Verdict verdict) {
            super(what + " is below the promotion gate: " + verdict.gap() + " — activating it needs a confirmation that names this gap");
            this.verdict = verdict;
        }

        public Verdict verdict() {
            return verdict;
        }
    }

    /** Judges out-of-sample figures (null: none recorded, e.g. a version saved before the gate existed). */
    public static Verdict judge(Scorecard oos) {
        if (oos == null || oos.n() == 0) {
            return new Verdict(false, "no out-of-sample baselines recorded for this version");
        }
        Scorecard.Baseline acc = oos.bestAccuracyBaseline();
        Scorecard.Baseline pnl = oos.bestPnlBaseline();
        boolean passed = oos.accuracyLiftPoints() > 0 && oos.pnlLiftPct() > 0;
        String text = String.format(Locale.ROOT, "out of sample (n=%d) accuracy %.1f%% vs %s %.1f%% (%+.1f pts); P&L %+.3f%%/signal after %.2f%% costs vs %s %+.3f%% (%+.3f)",
                oos.n(), 100 * oos.accuracy(), acc.name(), 100 * acc.value(), oos.accuracyLiftPoints(), oos.pnlPct(), oos.costPct(), pnl.name(),
                pnl.value(), oos.pnlLiftPct());
        return new Verdict(passed, text);
    }
}
