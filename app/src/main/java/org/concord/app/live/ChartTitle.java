package org.concord.app.live;

import io.fair_acc.chartfx.Chart;

/**
 * What the live chart's title says: the instrument and timeframe shown, and, past the end of a bundled recording, that
 * its prices are synthetic (the status bar alone said so, and a new trader took the looped candles for the market).
 * FX thread.
 */
final class ChartTitle {
    static final String SYNTHETIC = " · synthetic prices (looped recording)";
    private final Chart chart;
    private String shown = "";
    private boolean synthetic;

    ChartTitle(Chart chart) {
        this.chart = chart;
    }

    /** A new history: its instrument and timeframe ("BTCUSD 1m"). */
    void show(String instrument) {
        shown = instrument;
        chart.setTitle(synthetic ? shown + SYNTHETIC : shown);
    }

    /** Whether the data shown is a looped copy of its recording now. */
    void synthetic(boolean looped) {
        if (looped != synthetic) {
            synthetic = looped;
            chart.setTitle(looped ? shown + SYNTHETIC : shown);
        }
    }
}
