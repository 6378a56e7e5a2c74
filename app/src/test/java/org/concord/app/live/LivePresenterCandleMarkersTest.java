package org.concord.app.live;

import javafx.scene.Scene;
import org.concord.app.shell.Presenters;
import org.concord.bus.InProcessEventBus;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.OrchestratorTopics;
import org.concord.store.BarStore;
import org.concord.store.Direction;
import org.concord.store.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.live.LiveDeltas.await;
import static org.concord.app.DeskHarness.fx;

/**
 * Decision markers on a chart of a longer timeframe than the decisions'. Seen on the desk: on the 1d chart the 1m
 * decisions' diamonds sat between and beside the day candles, at their minute's time and raw price, since the
 * presenter rounded them to the decision's timeframe only and the chart found no candle at that time.
 */
class LivePresenterCandleMarkersTest {
    @TempDir
    Path dir;

    @Test
    void minuteDecisionsSitOnTheirDayCandleTheLatestOfThemOnly() throws Exception {
        TradeTape tape = BundledData.bitstampTrades();
        Symbol btc = tape.symbol();
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("concord.db"));
             DataProvider data = new DataProvider(new BarStore(db));
             InProcessEventBus bus = new InProcessEventBus();
             Presenters presenters = new Presenters()) {
            data.resetSession(btc, tape.firstTime());
            for (int i = 0; i < 5_000; i++) {
                data.onTrade(btc, tape.time(i), tape.price(i), tape.size(i), tape.buyerMaker(i), "test");
            }
            BarSeries minutes = data.bars(btc, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 10, Direction.LATEST);
            long t1 = minutes.time(minutes.size() - 3);
            long t2 = minutes.time(minutes.size() - 2);
            assertThat(Timeframe.D1.floor(t1)).as("two minutes of one day").isEqualTo(Timeframe.D1.floor(t2));
            double price = minutes.close(minutes.size() - 1);
            try (LivePresenter live = new LivePresenter(data, bus, presenters, btc, Timeframe.D1)) {
                // the tape's one day is still forming: the history of closed days is empty, the day comes as an update
                LiveDelta first = await(live, d -> d.reload() != null);
                BarSeries days = first.reload();
                long day = Timeframe.D1.floor(t1);

                // a decision's time is its bar's close: the marker's bar opens a minute before
                bus.publish(OrchestratorTopics.DECISIONS, new Decision(1, btc, Timeframe.M1, t1 + 60_000, price, Action.BUY, 0.6, 0.6, "test", List.of()));
                bus.publish(OrchestratorTopics.DECISIONS, new Decision(2, btc, Timeframe.M1, t2 + 60_000, price, Action.SELL, 0.7, 0.7, "test", List.of()));
                LiveDelta marked = await(live, d -> !d.markers().isEmpty() && !d.markers().get(d.markers().size() - 1).buy());
                assertThat(marked.markers()).as("one marker per day candle, the latest decision's").singleElement().satisfies(m -> {
                    assertThat(m.time()).as("on the day candle").isEqualTo(day);
                    assertThat(m.buy()).isFalse();
                    assertThat(m.label()).contains("#2");
                });

                // on the chart: one diamond on that candle, also when the two came in two deltas
                FxToolkit.registerPrimaryStage();
                LiveChartView view = fx(LiveChartView::new);
                FxToolkit.setupStage(s -> {
                    s.setScene(new Scene(view.node(), 800, 500));
                    s.show();
                });
                FxRobot robot = new FxRobot();
                List<LiveDelta.Marker> ms = LivePresenter.onCandles(List.of(
                        new LiveDelta.Marker(t1, price, true, 0.6, "BUY #1"), new LiveDelta.Marker(t2, price, false, 0.7, "SELL #2")), Timeframe.D1);
                robot.interact(() -> view.apply(new LiveDelta(btc, Timeframe.D1, days, new long[] {day},
                        new double[] {price, price + 50, price - 50, price, 10},
                        List.of(new LiveDelta.Marker(day, price, true, 0.6, "BUY #1")), true, null)));
                robot.interact(() -> view.apply(new LiveDelta(btc, Timeframe.D1, null, new long[0], new double[0], ms, false, null)));
                WaitForAsyncUtils.waitForFxEvents();
                assertThat(fx(view::markerCount)).as("diamonds on the one day candle").isEqualTo(1);
                FxToolkit.cleanupStages();
            }
        }
    }
}
