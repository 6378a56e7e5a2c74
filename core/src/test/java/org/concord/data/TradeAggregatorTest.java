package org.concord.data;

import org.concord.feed.BundledData;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class TradeAggregatorTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");

    record Event(String kind, Timeframe tf, long openTime, double o, double h, double l, double c, double v) {
    }

    static final class Recorder implements BarListener {
        final List<Event> events = new ArrayList<>();

        @Override
        public void onBarUpdate(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
            events.add(new Event("update", tf, t, o, h, l, c, v));
        }

        @Override
        public void onBarClose(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
            events.add(new Event("close", tf, t, o, h, l, c, v));
        }

        List<Event> closes(Timeframe tf) {
            return events.stream().filter(e -> e.kind.equals("close") && e.tf == tf).toList();
        }
    }

    /** The independent, straightforward computation: bucket every trade by floor(t / tf) in a sorted map. */
    private static TreeMap<Long, double[]> naiveBars(TradeTape tape, Timeframe tf) {
        TreeMap<Long, double[]> bars = new TreeMap<>();
        for (int i = 0; i < tape.size(); i++) {
            long bucket = (tape.time(i) / tf.millis()) * tf.millis();
            double p = tape.price(i);
            double[] b = bars.get(bucket);
            if (b == null) {
                bars.put(bucket, new double[] {p, p, p, p, tape.size(i)});
            } else {
                b[1] = Math.max(b[1], p);
                b[2] = Math.min(b[2], p);
                b[3] = p;
                b[4] += tape.size(i);
            }
        }
        return bars;
    }

    @Test
    void everyTimeframeMatchesANaiveBucketingOfTheRealBitstampTrades() {
        TradeTape tape = BundledData.bitstampTrades();
        assertThat(tape.size()).isEqualTo(100_000);
        Recorder rec = new Recorder();
        TradeAggregator agg = new TradeAggregator(tape.symbol(), rec);
        for (int i = 0; i < tape.size(); i++) {
            assertThat(agg.onTrade(tape.time(i), tape.price(i), tape.size(i))).isTrue();
        }
        for (Timeframe tf : Timeframe.values()) {
            TreeMap<Long, double[]> expected = naiveBars(tape, tf);
            List<Event> closes = rec.closes(tf);
            // every bucket but the last (still forming) has closed, in time order
            assertThat(closes).hasSize(expected.size() - 1);
            int k = 0;
            for (var e : expected.headMap(expected.lastKey()).entrySet()) {
                Event c = closes.get(k++);
                assertThat(c.openTime).as("%s bar %d", tf, k).isEqualTo(e.getKey());
                double[] b = e.getValue();
                assertThat(new double[] {c.o, c.h, c.l, c.c}).as("%s OHLC @%d", tf, c.openTime).containsExactly(b[0], b[1], b[2], b[3]);
                assertThat(c.v).as("%s volume @%d", tf, c.openTime).isCloseTo(b[4], org.assertj.core.data.Offset.offset(1e-9 * Math.max(1, b[4])));
            }
            var last = expected.lastEntry();
            var forming = agg.formingBar(tf);
            assertThat(forming.openTime()).isEqualTo(last.getKey());
            assertThat(forming.close()).isEqualTo(last.getValue()[3]);
            assertThat(forming.closed()).isFalse();
        }
        // sanity on the real data: about a week of trading
        assertThat(rec.closes(Timeframe.D1)).hasSize(6);
        assertThat(rec.closes(Timeframe.M1).size()).isGreaterThan(8_000);
    }

    @Test
    void closesOfOneInstantArriveShortestFirstAndBeforeTheTradeThatCausedThem() {
        Recorder rec = new Recorder();
        TradeAggregator agg = new TradeAggregator(BTC, rec).publishUpdates(EnumSet.of(Timeframe.S1, Timeframe.H1));
        long day = Timeframe.D1.millis();
        agg.onTrade(day - 500, 100, 1);       // last half second of a day
        rec.events.clear();
        agg.onTrade(day + 10, 101, 2);        // next day: every timeframe rolls
        List<Event> ev = rec.events;
        assertThat(ev.stream().filter(e -> e.kind.equals("close")).map(Event::tf).toList())
                .containsExactly(Timeframe.values());
        // the closes carry the old bar; the updates after them carry the new trade
        assertThat(ev.subList(0, 7)).allSatisfy(e -> assertThat(e.c).isEqualTo(100.0));
        assertThat(ev.subList(7, ev.size())).extracting(Event::kind).containsOnly("update");
        assertThat(ev.subList(7, ev.size())).extracting(Event::tf).containsExactly(Timeframe.S1, Timeframe.H1);
        assertThat(ev.get(7).o).isEqualTo(101.0);
        assertThat(ev.get(7).v).isEqualTo(2.0);
    }

    @Test
    void partialBarUpdatesTrackTheFormingBar() {
        Recorder rec = new Recorder();
        TradeAggregator agg = new TradeAggregator(BTC, rec).publishUpdates(EnumSet.of(Timeframe.M1));
        agg.onTrade(60_000, 10, 1);
        agg.onTrade(60_100, 12, 1);
        agg.onTrade(60_200, 9, 1);
        agg.onTrade(60_300, 11, 0.5);
        Event last = rec.events.get(rec.events.size() - 1);
        assertThat(last).isEqualTo(new Event("update", Timeframe.M1, 60_000, 10, 12, 9, 11, 3.5));
        assertThat(rec.closes(Timeframe.M1)).isEmpty();
    }

    @Test
    void lateAndInvalidTradesAreRejectedCountedAndChangeNothing() {
        Recorder rec = new Recorder();
        TradeAggregator agg = new TradeAggregator(BTC, rec);
        assertThat(agg.onTrade(10_000, 100, 1)).isTrue();
        assertThat(agg.onTrade(10_000, 101, 1)).isTrue(); // equal timestamps are fine
        assertThat(agg.onTrade(9_999, 50, 1)).isFalse();
        assertThat(agg.onTrade(10_001, Double.NaN, 1)).isFalse();
        assertThat(agg.onTrade(10_001, -1, 1)).isFalse();
        assertThat(agg.onTrade(10_001, 0, 1)).isFalse();
        assertThat(agg.onTrade(10_001, Double.POSITIVE_INFINITY, 1)).isFalse();
        assertThat(agg.onTrade(10_001, 100, -1)).isFalse();
        assertThat(agg.onTrade(10_001, 100, Double.NaN)).isFalse();
        assertThat(agg.rejectedOutOfOrder()).isEqualTo(1);
        assertThat(agg.rejectedInvalid()).isEqualTo(6);
        assertThat(agg.accepted()).isEqualTo(2);
        var bar = agg.formingBar(Timeframe.S1);
        assertThat(bar.low()).isEqualTo(100);
        assertThat(bar.high()).isEqualTo(101);
        assertThat(bar.volume()).isEqualTo(2);
    }

    @Test
    void advanceToClosesDueBarsInAQuietMarketAndLaterTradesReopenThem() {
        Recorder rec = new Recorder();
        TradeAggregator agg = new TradeAggregator(BTC, rec);
        agg.onTrade(61_000, 10, 1);
        agg.advanceTo(62_000);  // the 1s bar [61s, 62s) is due
        assertThat(rec.closes(Timeframe.S1)).hasSize(1);
        assertThat(agg.hasForming(Timeframe.S1)).isFalse();
        assertThat(agg.hasForming(Timeframe.M1)).isTrue();
        agg.advanceTo(120_000); // the 1m bar [60s,120s) is due
        assertThat(rec.closes(Timeframe.M1)).singleElement().satisfies(e -> assertThat(e.openTime).isEqualTo(60_000));
        assertThat(agg.onTrade(119_999, 11, 1)).as("a trade before the clock is late").isFalse();
        assertThat(agg.onTrade(125_000, 12, 1)).isTrue();
        assertThat(agg.formingBar(Timeframe.M1).openTime()).isEqualTo(120_000);
        assertThat(agg.formingBar(Timeframe.H1).openTime()).isEqualTo(0);
        assertThat(agg.formingBar(Timeframe.H1).volume()).as("hour bar keeps both trades").isEqualTo(2);
        agg.onTrade(3_600_000, 13, 1);
        assertThat(rec.closes(Timeframe.M1)).hasSize(2);
        assertThat(rec.closes(Timeframe.H1)).singleElement().satisfies(e -> {
            assertThat(e.o).isEqualTo(10);
            assertThat(e.c).isEqualTo(12);
            assertThat(e.h).isEqualTo(12);
        });
        // no bar was closed twice
        assertThat(rec.closes(Timeframe.S1)).extracting(Event::openTime).doesNotHaveDuplicates();
    }

    @Test
    void gapsProduceNoSyntheticBars() {
        Recorder rec = new Recorder();
        TradeAggregator agg = new TradeAggregator(BTC, rec);
        agg.onTrade(0, 10, 1);
        agg.onTrade(10 * 60_000, 11, 1); // ten minutes later
        assertThat(rec.closes(Timeframe.M1)).singleElement().satisfies(e -> assertThat(e.openTime).isZero());
    }
}
