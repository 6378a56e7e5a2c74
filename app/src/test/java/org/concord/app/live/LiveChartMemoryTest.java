package org.concord.app.live;

import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.testkit.RealBars;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * The live chart holds at most {@link LiveChartView#MAX_BARS} bars however long the replay runs: past it the oldest
 * leave, down to what a reload loads, and the newest are still the ones drawn. Found on the real display: three
 * minutes of a max-speed replay grew the chart's columns by doubling to two million bars (100 MB of a 512 MB heap),
 * and the next doubling failed on the FX thread, out of memory.
 */
class LiveChartMemoryTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aLongReplayKeepsTheChartsBarsBoundedAndTheNewestShown() throws Exception {
        LiveChartView view = ChartOnStage.show(1000, 600);
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1);
        robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.M1, m1, new long[0], new double[0], List.of(), true, null)));
        // the recording's bars again and again, each pass a later stretch of time: deltas of a few thousand bars
        int appended = 0;
        long shift = 0;
        long span = m1.time(m1.size() - 1) - m1.time(0) + Timeframe.M1.millis();
        while (appended < LiveChartView.MAX_BARS + 10_000) {
            shift += span;
            long[] t = new long[m1.size()];
            double[] v = new double[m1.size() * 5];
            for (int i = 0; i < m1.size(); i++) {
                t[i] = m1.time(i) + shift;
                v[i * 5] = m1.open(i);
                v[i * 5 + 1] = m1.high(i);
                v[i * 5 + 2] = m1.low(i);
                v[i * 5 + 3] = m1.close(i);
                v[i * 5 + 4] = m1.volume(i);
            }
            robot.interact(() -> view.apply(new LiveDelta(BTC, Timeframe.M1, null, t, v, List.of(), false, null)));
            appended += m1.size();
            assertThat(fx(view::barCount)).as("bars the chart holds after %d appended", appended).isLessThanOrEqualTo(LiveChartView.MAX_BARS);
        }
        long newest = m1.time(m1.size() - 1) + shift;
        assertThat(fx(() -> view.columns().time(view.barCount() - 1))).as("the newest bar kept").isEqualTo(newest);
        assertThat(fx(view::barCount)).as("at least a reload's worth kept").isGreaterThanOrEqualTo(LivePresenter.HISTORY_LIMIT);
        // the candles drawn are the columns' (rebuilt after the drop, not stale indices into the moved arrays)
        assertThat(fx(() -> view.candles().getDataCount())).isPositive();
        int bucket = fx(() -> view.candles().bucket());
        assertThat(fx(() -> view.candles().get(0, view.candles().getDataCount() - 1))).as("the last candle's x (s), %d bars per candle", bucket)
                .isCloseTo(newest / 1000.0, org.assertj.core.data.Offset.offset(bucket * 60.0));
    }
}
