package org.concord.app.backtest;

import org.concord.backtest.BacktestConfig;
import org.concord.config.TradingSettings;
import org.concord.execution.SizingConfig;
import org.concord.risk.RiskLimitField;
import org.concord.risk.RiskLimits;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The desk's trading settings in a Backtest-tab run: the risk limits and sizing method in force (the Bot portfolio &amp;
 * risk tab's, {@code concord.yaml}'s {@code trading:} section), so the run trades as the bot would. Found in a new
 * trader's trial: with "Max per instrument" at 10 % the tab's run held 44 % on average, its report saying
 * {@code "limits": {}}, because it always ran on the defaults.
 */
final class DeskLimits {
    private DeskLimits() {
    }

    /** {@code c} with {@code desk}'s limits (those that differ from the defaults) and sizing; {@code c} when null. */
    static BacktestConfig apply(BacktestConfig c, TradingSettings desk) {
        if (desk == null) {
            return c;
        }
        Map<String, Double> changed = new LinkedHashMap<>();
        RiskLimits defaults = RiskLimits.defaults();
        for (RiskLimitField f : RiskLimitField.values()) {
            if (f.of(desk.limits()) != f.of(defaults)) {
                changed.put(f.key(), f.of(desk.limits()));
            }
        }
        String sizing = desk.sizing() == SizingConfig.Method.KELLY ? "kelly" : "fixed";
        return c.withLimits(changed).withCoordination(c.coordination().withSizing(sizing));
    }

    /**
     * What a run's risk limits and sizing were, as the person set them: "default risk limits, fixed-fractional
     * sizing", "risk limits: Max per instrument 10 %, Max order size 5 %; Kelly sizing".
     */
    static String describe(BacktestConfig c) {
        String sizing = "kelly".equals(c.coordination().sizing()) ? "Kelly sizing" : "fixed-fractional sizing";
        if (c.limits().isEmpty()) {
            return "default risk limits, " + sizing;
        }
        StringJoiner set = new StringJoiner(", ", "risk limits: ", "; " + sizing);
        for (RiskLimitField f : RiskLimitField.values()) { // in the form's order
            Double v = c.limits().get(f.key());
            if (v == null) {
                continue;
            }
            double shown = f.unit().toDisplay(v);
            set.add(f.label() + " " + String.format(Locale.ROOT, shown == Math.rint(shown) ? "%.0f" : "%.2f", shown)
                    + (f.unit().suffix().isEmpty() ? "" : " " + f.unit().suffix()));
        }
        return set.toString();
    }
}
