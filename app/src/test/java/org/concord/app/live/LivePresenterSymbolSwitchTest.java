package org.concord.app.live;

import org.concord.app.shell.Presenters;
import org.concord.bus.InProcessEventBus;
import org.concord.chart.ChartOverlay;
import org.concord.data.DataProvider;
import org.concord.engine.OverlayTopics;
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

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.live.LiveDeltas.await;

/**
 * A chart switched to another symbol gets that symbol's markers and levels only. Seen on the desk: after typing
 * XRPUSD (no bars on the replay) the chart kept BTCUSD's pivot levels and decision diamonds under "XRPUSD 1d", since
 * the presenter kept one list of markers and one overlay whatever the symbol, and sent them with the next history.
 */
class LivePresenterSymbolSwitchTest {
    @TempDir
    Path dir;

    @Test
    void aSwitchSendsTheNewSymbolsMarkersAndLevelsNotTheOldOnes() throws Exception {
        TradeTape tape = BundledData.bitstampTrades();
        Symbol btc = tape.symbol();
        Symbol xrp = Symbol.of("XRPUSD");
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("concord.db"));
             DataProvider data = new DataProvider(new BarStore(db));
             InProcessEventBus bus = new InProcessEventBus();
             Presenters presenters = new Presenters()) {
            data.resetSession(btc, tape.firstTime());
            for (int i = 0; i < 5_000; i++) {
                data.onTrade(btc, tape.time(i), tape.price(i), tape.size(i), tape.buyerMaker(i), "test");
            }
            BarSeries bars = data.bars(btc, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 10, Direction.LATEST);
            long t = bars.lastTime();
            double price = bars.close(bars.size() - 1);
            try (LivePresenter live = new LivePresenter(data, bus, presenters, btc, Timeframe.M1)) {
                LiveDelta first = await(live, d -> d.reload() != null && !d.reload().isEmpty());
                assertThat(first.symbol()).isEqualTo(btc);

                ChartOverlay btcLevels = new ChartOverlay(btc, t, Map.of("swing high", price + 5), List.of());
                // the overlay first: every later delta carries the symbol's latest one, so the marker's delta has both
                bus.publish(OverlayTopics.OVERLAYS, btcLevels);
                bus.publish(OrchestratorTopics.DECISIONS, new Decision(1, btc, Timeframe.M1, t, price, Action.BUY, 0.6, 0.6, "test", List.of()));
                await(live, d -> d.markers().size() == 1 && d.overlay() == btcLevels);

                live.select(xrp, Timeframe.M1);
                LiveDelta onXrp = await(live, d -> d.reload() != null && d.symbol().equals(xrp));
                assertThat(onXrp.reload().isEmpty()).as("XRPUSD has no bars on this feed").isTrue();
                assertThat(onXrp.markers()).as("BTCUSD's decision markers sent with XRPUSD's history").isEmpty();
                assertThat(onXrp.overlay()).as("BTCUSD's levels sent with XRPUSD's history").isNull();

                // back on BTCUSD: its own marker and levels come back with its history
                live.select(btc, Timeframe.M1);
                LiveDelta back = await(live, d -> d.reload() != null && d.symbol().equals(btc));
                assertThat(back.markers()).singleElement().satisfies(m -> assertThat(m.buy()).isTrue());
                assertThat(back.overlay()).isSameAs(btcLevels);
            }
        }
    }
}
