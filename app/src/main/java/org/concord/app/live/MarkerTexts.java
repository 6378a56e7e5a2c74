package org.concord.app.live;

import org.concord.orchestrator.Decision;
import org.concord.orchestrator.DecisionFusion;

import java.util.Locale;

/**
 * What a chart marker says on hover, in a trader's words. The decision's own fields name who fused it by id
 * ({@code "rule (neural-fusion untrained)"}): right for the log, jargon under a pointer.
 */
final class MarkerTexts {
    private static final String UNTRAINED = " untrained)";

    private MarkerTexts() {
    }

    /**
     * Short lines, as the hover label is no wider than the plot (one line was cut to "…" at 1600×1000): "BUY ·
     * confidence 55 % · decision #1234", then who decided ("weighted vote of 7 modules", and "(neural-fusion not
     * trained yet)" on a line of its own).
     */
    static String decision(Decision d) {
        return String.format(Locale.ROOT, "%s · confidence %.0f %% · decision #%d\n%s", d.action(), 100 * d.confidence(), d.seq(), decidedBy(d));
    }

    /** Who decided: the modules' weighted vote, or a learned fusion module over their votes. */
    static String decidedBy(Decision d) {
        int n = d.contributions().size();
        String voters = n == 1 ? "1 module" : n + " modules";
        String f = d.fusion();
        if (f.equals(DecisionFusion.RULE)) {
            return "weighted vote of " + voters;
        }
        String prefix = DecisionFusion.RULE + " (";
        if (f.startsWith(prefix) && f.endsWith(UNTRAINED)) {
            return "weighted vote of " + voters + "\n(" + f.substring(prefix.length(), f.length() - UNTRAINED.length()) + " not trained yet)";
        }
        return f + " over the votes of " + voters;
    }

    /** A confirmed extremum of the {@code extrema} module: "confirmed swing top 905.98". */
    static String extremum(boolean top, double price) {
        return String.format(Locale.ROOT, "confirmed swing %s %.2f", top ? "top" : "bottom", price);
    }
}
