package org.concord.indicators;

import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The incremental form, fed a forming bar that is revised before it closes, gives exactly (bit for bit) the
 * batch over the final bars: with one revision per real Bitstamp trade, and with made-up revisions whose highs and
 * lows go back as well as forward (which forces the rolling extremes and sums to undo).
 */
class IncrementalBatchTest {

    @TestFactory
    Stream<DynamicContainer> incrementalWithRevisionsEqualsBatchBitForBit() {
        Updates btcTrades = RealBars.bitstampUpdates(Timeframe.M1);
        Updates btc5Trades = RealBars.bitstampUpdates(Timeframe.M5);
        Updates ethMadeUp = Updates.synthetic(RealBars.eth5m(), 5, 7);
        Updates btcMadeUp = Updates.synthetic(RealBars.bitstamp(Timeframe.M1), 3, 11);
        assertThat(btcTrades.events()).isGreaterThan(5 * btcTrades.series().size());
        return Stream.of(btcTrades, btc5Trades, ethMadeUp, btcMadeUp).map(u -> DynamicContainer.dynamicContainer(
                u.series() + ", " + u.events() + " events",
                Catalogue.all().stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
                    double[][] batch = Batch.run(e.make().get(), u.series());
                    double[][] incremental = u.drive(e.make().get());
                    for (int k = 0; k < batch.length; k++) {
                        assertArrayEquals(batch[k], incremental[k], e.name() + " output " + k);
                    }
                }))));
    }

    @Test
    void correlationWithRevisionsEqualsBatch() {
        BarSeries btc = RealBars.bitstamp(Timeframe.M1);
        double[] x = Batch.values(new Returns(Returns.Kind.LOG), btc);
        double[] y = new double[x.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = btc.high(i) - btc.low(i);
        }
        x[0] = 0;
        double[] batch = Batch.run(new Correlation(20), x, y);
        Correlation c = new Correlation(20);
        SplittableRandom rnd = new SplittableRandom(3);
        double[] inc = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c.update(rnd.nextDouble(-1, 1), rnd.nextDouble(0, 50));
            for (int j = rnd.nextInt(4); j > 0; j--) {
                c.replaceLast(rnd.nextDouble(-1, 1), rnd.nextDouble(0, 50));
            }
            c.replaceLast(x[i], y[i]);
            inc[i] = c.value();
        }
        assertArrayEquals(batch, inc);
    }

    @Test
    void batchOnASeriesIndicatorEqualsBatchOnBars() {
        BarSeries eth = RealBars.eth5m();
        double[][] bars = Batch.run(new Macd(), eth);
        double[][] values = Batch.run(new Macd(), eth.closes());
        for (int k = 0; k < bars.length; k++) {
            assertArrayEquals(bars[k], values[k]);
        }
    }

    @Test
    void aResetIndicatorIsAsNew() {
        BarSeries eth = RealBars.eth5m();
        for (Catalogue.Entry e : Catalogue.all()) {
            BarIndicator ind = e.make().get();
            Batch.run(ind, RealBars.bitstamp(Timeframe.M5)); // leaves state behind; run() resets first
            double[][] again = Batch.run(ind, eth);
            double[][] fresh = Batch.run(e.make().get(), eth);
            for (int k = 0; k < fresh.length; k++) {
                assertArrayEquals(fresh[k], again[k], e.name());
            }
        }
    }
}
