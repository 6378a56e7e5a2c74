package org.concord.training;

import org.concord.backtest.MarketHistory;
import org.concord.bus.InProcessEventBus;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.indicators.pivots.PivotEvent;
import org.concord.indicators.pivots.PivotTracker;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.concord.store.FrameStore;
import org.concord.training.models.ModelRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay that seeks back (or starts over) sends the training coordinator candles earlier than the last: the pivot
 * structure starts again there. Before, the tracker refused the candle and every later batch failed with it ("not
 * processed", on the real display at every bar after a seek back), so no frame matured and no pivot was published.
 */
class PivotsAfterRewindTest {
    @TempDir
    Path dir;

    @Test
    void afterTheDataGoesBackThePivotsAreThoseOfTheNewTimeline() throws Exception {
        BarSeries m1 = RealBars.bitstamp().get(Timeframe.M1);
        BarSeries tape = m1.copyRange(0, 600);
        BarSeries again = m1.copyRange(0, 400);
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("c.db"));
             DataProvider data = DataProvider.transientSession(new BarStore(db));
             TrainingCoordinator c = new TrainingCoordinator(data, new FrameStore(db), new ModelRepository(dir.resolve("models")),
                     new InProcessEventBus(), new TrainingQueues(), TrainedModels.config())) {
            List<PivotEvent> seen = new CopyOnWriteArrayList<>();
            c.subscribe(new TrainingSubscriber() {
                @Override
                public void onPivotEvent(PivotEvent pivot) {
                    seen.add(pivot);
                }
            });
            MarketHistory.bars(tape, "first pass").replay(data);
            c.flush();
            int before = seen.size();
            assertThat(before).as("pivots of the first pass").isGreaterThan(10);

            data.resetSession(BundledData.BTCUSD, tape.time(0)); // what a replay's seek back does
            MarketHistory.bars(again, "after the seek back").replay(data);
            c.flush();

            PivotTracker fresh = new PivotTracker(BundledData.BTCUSD, Timeframe.M1, 3, 2);
            List<PivotEvent> expected = new ArrayList<>();
            for (int i = 0; i < again.size(); i++) {
                expected.addAll(fresh.onBarClose(again.time(i), again.high(i), again.low(i)));
            }
            assertThat(expected).hasSizeGreaterThan(5);
            // the first pass's last candles may be handled after its flush: the new timeline's pivots are the last ones
            assertThat(seen.size() - before).isGreaterThanOrEqualTo(expected.size());
            assertThat(seen.subList(seen.size() - expected.size(), seen.size())).isEqualTo(expected);
        }
    }
}
