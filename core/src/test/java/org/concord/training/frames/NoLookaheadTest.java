package org.concord.training.frames;

import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference.Outcome;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.concord.training.RealBars;
import org.concord.training.labels.BarrierConfig;
import org.concord.training.labels.TripleBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No lookahead: altering any data after a frame's end time changes neither its features nor its label's inputs
 * (entry, volatility); altering data after the time limit does not change the label either.
 */
class NoLookaheadTest {
    static final FrameSpec SPEC = FrameSpec.of(60, Timeframe.M1, Timeframe.M5, Timeframe.H1);
    static final Symbol S = RealBars.symbol();

    /** A copy of every series where each bar that closes after {@code after} is scaled (prices ×1.37, volume ×5). */
    static Map<Timeframe, BarSeries> perturbedAfter(long after) {
        Map<Timeframe, BarSeries> out = new EnumMap<>(Timeframe.class);
        for (Map.Entry<Timeframe, BarSeries> e : RealBars.bitstamp().entrySet()) {
            BarSeries s = e.getValue();
            BarSeries p = new BarSeries(s.symbol(), s.timeframe(), Math.max(1, s.size()));
            for (int i = 0; i < s.size(); i++) {
                boolean future = e.getKey().closeTime(s.time(i)) > after;
                double k = future ? 1.37 : 1.0;
                p.append(s.time(i), s.open(i) * k, s.high(i) * k, s.low(i) * k, s.close(i) * k, s.volume(i) * (future ? 5 : 1));
            }
            out.put(e.getKey(), p);
        }
        return out;
    }

    @Test
    void perturbingTheFutureChangesNeitherFeaturesNorLabelInputs() {
        BarSeries m1 = RealBars.bitstamp().get(Timeframe.M1);
        TripleBarrier tb = new TripleBarrier(BarrierConfig.DEFAULT);
        for (int idx : new int[] {61, 1_500, 4_321, 8_000}) {
            long t = Timeframe.M1.closeTime(m1.time(idx));
            SeriesWindowSource real = RealBars.source();
            SeriesWindowSource fake = new SeriesWindowSource(perturbedAfter(t));
            Frame a = new FrameBuilder(real, SPEC).build(S, t);
            Frame b = new FrameBuilder(fake, SPEC).build(S, t);
            assertThat(b.input()).as("features at m1 #" + idx).isEqualTo(a.input());
            assertThat(b.entryPrice()).isEqualTo(a.entryPrice());
            assertThat(tb.volatility(fake, S, Timeframe.M1, t)).isEqualTo(tb.volatility(real, S, Timeframe.M1, t));
            // the perturbation does reach the future: the label path differs (so this test can fail)
            long horizonEnd = t + tb.horizonMs(Timeframe.M1);
            assertThat(fake.range(S, Timeframe.M1, t, horizonEnd, 20).closes()).isNotEqualTo(real.range(S, Timeframe.M1, t, horizonEnd, 20).closes());

            // data after the time limit: the label itself is unchanged
            SeriesWindowSource afterLimit = new SeriesWindowSource(perturbedAfter(horizonEnd));
            Outcome o1 = tb.label(real, S, Timeframe.M1, t, a.entryPrice(), null, Action.BUY, horizonEnd);
            Outcome o2 = tb.label(afterLimit, S, Timeframe.M1, t, a.entryPrice(), null, Action.BUY, horizonEnd);
            assertThat(o2).isEqualTo(o1);
        }
    }

    @Test
    void frameBuiltLiveEqualsFrameRebuiltAfterTheFutureArrived(@TempDir Path dir) {
        TradeTape tape = BundledData.bitstampTrades();
        long cut = tape.time(50_000);
        long at = Timeframe.M1.floor(cut);
        SqliteDatabase db = SqliteDatabase.open(dir.resolve("c.db"));
        try (DataProvider dp = new DataProvider(new BarStore(db))) {
            dp.resetSession(tape.symbol(), tape.firstTime());
            int i = 0;
            for (; i < tape.size() && tape.time(i) < at; i++) {
                dp.onTrade(tape.symbol(), tape.time(i), tape.price(i), tape.size(i), tape.buyerMaker(i), "test");
            }
            dp.onClock(tape.symbol(), at);
            FrameBuilder fb = new FrameBuilder(WindowSource.of(dp), SPEC);
            Frame live = fb.build(S, at);
            for (; i < tape.size(); i++) {
                dp.onTrade(tape.symbol(), tape.time(i), tape.price(i), tape.size(i), tape.buyerMaker(i), "test");
            }
            dp.onClock(tape.symbol(), tape.lastTime() + 86_400_000L);
            Frame later = fb.build(S, at);
            assertThat(later.hash()).isEqualTo(live.hash());
            assertThat(later.barCounts()).isEqualTo(live.barCounts());
            // and the windows really hold only bars closed at or before `at`
            for (BarSeries w : dp.multiTimeframe(S, List.of(Timeframe.M1, Timeframe.M5, Timeframe.H1), at, 60).values()) {
                if (!w.isEmpty()) {
                    assertThat(w.timeframe().closeTime(w.lastTime())).isLessThanOrEqualTo(at);
                }
            }
        } finally {
            db.close();
        }
    }
}
