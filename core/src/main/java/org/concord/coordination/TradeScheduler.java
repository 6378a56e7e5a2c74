package org.concord.coordination;

import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Orders and staggers the market orders of the coordination layer. Orders go out most urgent first (shorter
 * timeframe, then stronger signal, then shorter holding period; ties by due time, then age). An order
 * larger than {@code maxSliceFraction} of equity is cut into equal slices, one per 5-minute bar (at most
 * {@code maxSlices}; beyond that the slices grow), so that a large position is built over several bars.
 */
public final class TradeScheduler {
    /** Staggering parameters. */
    public record Config(double maxSliceFraction, int maxSlices) {
        public Config {
            if (!(maxSliceFraction > 0 && maxSliceFraction <= 10) || maxSlices < 1) {
                throw new IllegalArgumentException("need 0 < maxSliceFraction <= 10 and maxSlices >= 1, got " + this);
            }
        }

        /** Slices of at most 10% of equity, at most 10 of them. */
        public static Config defaults() {
            return new Config(0.10, 10);
        }
    }

    /** One order to send at {@code dueTime} or later. {@code composition} splits it between the buckets. */
    public record Slice(String clientOrderId, Symbol symbol, double quantity, long dueTime, long sequence, int timeframeRank,
                        double strength, int holdingBars, double[] composition) {
        public Slice {
            composition = composition.clone();
        }
    }

    private final Config config;
    private final List<Slice> queue = new ArrayList<>();
    private long nextSequence = 1;

    public TradeScheduler(Config config) {
        if (config == null) {
            throw new IllegalArgumentException("scheduler config is null");
        }
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /**
     * Queues {@code orders}, staggered. {@code maxSliceNotional} is the largest slice in quote currency (the caller
     * passes {@code min(maxSliceFraction, the risk manager's order limit) * equity}).
     *
     * @return the slices created, in the order they were queued
     */
    public List<Slice> schedule(long time, List<NetOrder> orders, double maxSliceNotional, ToDoubleFunction<Symbol> price) {
        List<Slice> out = new ArrayList<>();
        for (NetOrder o : orders) {
            double p = price.applyAsDouble(o.symbol());
            double notional = Math.abs(o.quantity()) * p;
            int k = 1;
            if (maxSliceNotional > 0 && notional > maxSliceNotional && Double.isFinite(notional)) {
                k = (int) Math.min(config.maxSlices(), Math.ceil(notional / maxSliceNotional));
            }
            long seq = nextSequence++;
            for (int i = 0; i < k; i++) {
                double[] comp = o.composition().clone();
                for (int b = 0; b < comp.length; b++) {
                    comp[b] /= k;
                }
                Slice s = new Slice("cc" + seq + "-" + (i + 1) + "of" + k, o.symbol(), o.quantity() / k, time + i * Bucket.BAR_MILLIS, seq,
                        o.timeframeRank(), o.strength(), o.holdingBars(), comp);
                queue.add(s);
                out.add(s);
            }
        }
        return out;
    }

    /** Removes and returns the slices due at {@code time}, most urgent first. */
    public List<Slice> due(long time) {
        if (queue.isEmpty()) {
            return List.of();
        }
        List<Slice> out = new ArrayList<>();
        for (int i = 0; i < queue.size(); ) {
            Slice s = queue.get(i);
            if (s.dueTime() <= time) {
                out.add(s);
                queue.remove(i);
            } else {
                i++;
            }
        }
        out.sort(TradeScheduler::byUrgency);
        return out;
    }

    static int byUrgency(Slice a, Slice b) {
        int c = NetOrder.compareUrgency(a.timeframeRank(), a.strength(), a.holdingBars(), b.timeframeRank(), b.strength(), b.holdingBars());
        if (c != 0) {
            return c;
        }
        c = Long.compare(a.dueTime(), b.dueTime());
        return c != 0 ? c : Long.compare(a.sequence(), b.sequence());
    }

    /** Slices not yet due, in queue order. */
    public List<Slice> queued() {
        return Collections.unmodifiableList(queue);
    }

    /** Drops every queued slice of {@code symbol} (e.g. when deleveraging) and returns them. */
    public List<Slice> cancel(Symbol symbol) {
        List<Slice> out = new ArrayList<>();
        queue.removeIf(s -> {
            if (s.symbol().equals(symbol)) {
                out.add(s);
                return true;
            }
            return false;
        });
        return out;
    }
}
