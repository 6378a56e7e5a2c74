package org.concord.app.live;

import org.concord.app.shell.Presenters;
import org.concord.bus.InProcessEventBus;
import org.concord.chart.ChartOverlay;
import org.concord.data.DataProvider;
import org.concord.engine.OverlayTopics;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.live.LiveDeltas.await;

/**
 * A seek back restarts a symbol's session: the chart shows that symbol's history up to the seek at once. Seen on the
 * desk: after a seek back to the tape's first day, the ETHUSD chart kept showing the 2023-03-14 bars the data had
 * gone back before, until ETHUSD's next 5m bar arrived (a day of replay time later).
 */
class LivePresenterSessionResetTest {
    @TempDir
    Path dir;

    @Test
    void aSessionResetReloadsTheShownSymbolsHistoryWithoutWaitingForItsNextBar() throws Exception {
        BarSeries eth = BundledData.eth5mBars();
        Symbol s = eth.symbol();
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("concord.db"));
             DataProvider data = new DataProvider(new BarStore(db));
             InProcessEventBus bus = new InProcessEventBus();
             Presenters presenters = new Presenters()) {
            data.resetSession(s, eth.time(0));
            for (int i = 0; i < 300; i++) {
                data.onBar(s, Timeframe.M5, eth.time(i), eth.open(i), eth.high(i), eth.low(i), eth.close(i), eth.volume(i), true, "test");
            }
            try (LivePresenter live = new LivePresenter(data, bus, presenters, s, Timeframe.M5)) {
                await(live, d -> d.reload() != null && d.reload().size() == 300);
                bus.publish(OverlayTopics.OVERLAYS, new ChartOverlay(s, eth.time(299), Map.of("P", eth.close(299)), List.of()));
                await(live, d -> d.overlay() != null);
                long back = eth.time(100);
                data.resetSession(s, back); // a seek back; the next ETHUSD bar is far away
                LiveDelta after = await(live, d -> d.reload() != null);
                assertThat(after.reload().size()).as("the bars before the seek").isEqualTo(100);
                assertThat(after.reload().lastTime()).isLessThan(back);
                assertThat(after.overlay()).as("the old timeline's levels").isNull();
            }
        }
    }
}
