package org.concord.training;

import org.concord.bus.InProcessEventBus;
import org.concord.data.CandleCompletion;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Timeframe;
import org.concord.store.FrameStore;
import org.concord.training.models.ModelRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The frames thread's share of a candle, with its turns run by hand. On the real display at max speed a turn took 256
 * candles with a store query each, the frames thread fell behind the feed, and three minutes in the desk's 512 MB heap
 * was full of 2.7 million queued candles (its live chart then failed on the FX thread, out of memory).
 */
class CandleMaturingTest {
    @TempDir
    static Path dir;
    static DataProvider data;
    static FrameStore frames;
    static BarSeries m1;

    @BeforeAll
    static void feed() {
        data = RealBars.provider(dir, BundledData.bitstampTrades());
        frames = new FrameStore(data.store().database());
        m1 = RealBars.bitstamp().get(Timeframe.M1);
    }

    @AfterAll
    static void close() {
        data.close();
        data.store().database().close();
    }

    private static TrainingCoordinator coordinator(String name) {
        return new TrainingCoordinator(data, frames, new ModelRepository(dir.resolve(name)), new InProcessEventBus(), new TrainingQueues(),
                TrainedModels.config());
    }

    private static CandleCompletion candle(BarSeries s, int i) {
        return new CandleCompletion(RealBars.symbol(), s.timeframe(), s.time(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
    }

    @Test
    void aTurnTakesEveryCandleQueuedByThenAndOnlyTheTimeframesItReads() {
        BarSeries h1 = RealBars.bitstamp().get(Timeframe.H1);
        try (TrainingCoordinator c = coordinator("turns")) {
            List<Runnable> turns = new ArrayList<>();
            CandleMaturing maturing = new CandleMaturing(c, turns::add);
            for (int i = 0; i < m1.size(); i++) {
                maturing.onCandle(candle(m1, i));
                if (i < h1.size()) {
                    maturing.onCandle(candle(h1, i)); // neither the frames' base timeframe nor the pivots': nothing reads it
                }
            }
            assertThat(maturing.queued()).as("candles queued: the 1m ones only").isEqualTo(m1.size());
            assertThat(turns).as("the frames thread woken once").hasSize(1);
            turns.remove(0).run();
            assertThat(maturing.queued()).as("candles left after one turn").isZero();
            assertThat(turns).as("turns asked for after it").isEmpty();
        }
    }

    @Test
    void framesDueWithinOneTurnEachMatureOnTheirOwnCandle() {
        try (TrainingCoordinator c = coordinator("frames")) {
            List<InferenceFrameReference> stored = new ArrayList<>();
            for (int k = 0; k < 12; k++) {
                stored.add(AskModel.at(c, Timeframe.M1.closeTime(m1.time(3_000 + 37 * k)), true).reference());
            }
            c.flush();
            List<Runnable> turns = new ArrayList<>();
            CandleMaturing maturing = new CandleMaturing(c, turns::add);
            int from = 3_000 + 37 * 4; // the first four frames are due before the turn's first candle
            List<CandleCompletion> fed = new ArrayList<>();
            for (int i = from; i < from + 1_500; i++) {
                fed.add(candle(m1, i));
                maturing.onCandle(fed.get(fed.size() - 1));
            }
            turns.remove(0).run();
            for (InferenceFrameReference r : stored) {
                long due = r.horizonEnd();
                long expected = fed.stream().mapToLong(CandleCompletion::closeTime).filter(t -> t >= due).findFirst().orElseThrow();
                long first = fed.get(0).closeTime();
                assertThat(frames.get(r.id()).orElseThrow().outcome().maturedAt()).as("frame at %d, due %d", r.windowEnd(), due)
                        .isEqualTo(Math.max(first, expected));
            }
        }
    }
}
