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
 * Found in a new trader's trial: past the end of the bundled recording the replay loops over a shifted, price-mirrored
 * copy, and only the status bar said so; the chart, titled "BTCUSD 1m", showed the made-up candles as the market's.
 * The title says it while the shown instrument's data is synthetic, across a change of timeframe, and stops saying
 * it when the data is real again (a seek back).
 */
class SyntheticTitleTest {
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void hide() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void theTitleSaysThePricesAreSyntheticWhileTheyAre() throws Exception {
        LiveChartView view = ChartOnStage.show(600, 400);
        BarSeries m1 = RealBars.bitstamp(Timeframe.M1).copyRange(0, 300);
        BarSeries m5 = RealBars.bitstamp(Timeframe.M5).copyRange(0, 100);
        Symbol btc = Symbol.of("BTCUSD");
        robot.interact(() -> view.apply(new LiveDelta(btc, Timeframe.M1, m1, new long[0], new double[0], List.of(), true, null)));
        assertThat(fx(() -> view.node().getTitle())).isEqualTo("BTCUSD 1m");

        robot.interact(() -> view.showSynthetic(true));
        assertThat(fx(() -> view.node().getTitle())).isEqualTo("BTCUSD 1m · synthetic prices (looped recording)");
        robot.interact(() -> view.apply(new LiveDelta(btc, Timeframe.M5, m5, new long[0], new double[0], List.of(), true, null)));
        assertThat(fx(() -> view.node().getTitle())).as("a new timeframe's history keeps the note")
                .isEqualTo("BTCUSD 5m · synthetic prices (looped recording)");

        robot.interact(() -> view.showSynthetic(false));
        assertThat(fx(() -> view.node().getTitle())).isEqualTo("BTCUSD 5m");
    }
}
