package org.concord.feed;

import org.concord.data.MarketDataSink;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the bars of every longer timeframe that is a whole multiple of a feed's bar timeframe (5m → 15m, 1h, 4h,
 * 1d) from the feed's closed bars, as an exchange's klines of several intervals would arrive: a longer bar closes
 * when the base bar that ends at its close arrives, or — after a gap — when the first base bar of a later bucket
 * does. Nothing is built from a bar that has not closed, so no rolled-up bar shows data after its own close.
 */
final class BarRollup {
    private final Symbol symbol;
    private final MarketDataSink sink;
    private final String source;
    private final List<Bucket> buckets = new ArrayList<>();

    private static final class Bucket {
        final Timeframe tf;
        long openTime = Long.MIN_VALUE;
        double o;
        double h;
        double l;
        double c;
        double v;

        Bucket(Timeframe tf) {
            this.tf = tf;
        }
    }

    BarRollup(Symbol symbol, Timeframe base, MarketDataSink sink, String source) {
        this.symbol = symbol;
        this.sink = sink;
        this.source = source;
        for (Timeframe tf : Timeframe.all()) {
            if (tf.millis() > base.millis() && tf.millis() % base.millis() == 0) {
                buckets.add(new Bucket(tf));
            }
        }
    }

    /** The longer timeframes built (in ascending order). */
    List<Timeframe> timeframes() {
        return buckets.stream().map(b -> b.tf).toList();
    }

    /** A closed base bar (in time order); emits the longer bars it completes. */
    void onBar(long openTime, long closeTime, double o, double h, double l, double c, double v) {
        for (Bucket b : buckets) {
            long start = b.tf.floor(openTime);
            if (b.openTime != Long.MIN_VALUE && b.openTime != start) {
                emit(b); // a gap: the bucket never got its last base bar
            }
            if (b.openTime == Long.MIN_VALUE) {
                b.openTime = start;
                b.o = o;
                b.h = h;
                b.l = l;
                b.c = c;
                b.v = v;
            } else {
                b.h = Math.max(b.h, h);
                b.l = Math.min(b.l, l);
                b.c = c;
                b.v += v;
            }
            if (closeTime >= b.tf.closeTime(b.openTime)) {
                emit(b);
            }
        }
    }

    /** Forgets the buckets in progress (a replay starting over). */
    void reset() {
        buckets.forEach(b -> b.openTime = Long.MIN_VALUE);
    }

    private void emit(Bucket b) {
        sink.onBar(symbol, b.tf, b.openTime, b.o, b.h, b.l, b.c, b.v, true, source);
        b.openTime = Long.MIN_VALUE;
    }
}
