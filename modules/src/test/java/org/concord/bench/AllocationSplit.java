package org.concord.bench;

import org.concord.backtest.BacktestConfig;
import org.concord.backtest.Backtester;
import org.concord.backtest.MarketHistory;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.OrchestratorModule;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Set;

/**
 * Where an EMA-cross backtest's bytes per bar go once it is past its start: the bytes the replay thread allocates
 * between two bars of the run (no set-up, no report), split into what is still held at the later bar (the data
 * layer's bar cache, the equity curve and the allocation history: what the run keeps as it goes) and garbage (the
 * rest). Measured in a run of its own: the heap is read after a full GC at each of the two bars, which would spoil a
 * timed run. The module that samples is the bench's EMA cross; sampling allocates nothing.
 *
 * @param perBar   allocated per bar between the two bars
 * @param heldPerBar of that, still reachable at the later bar
 */
record AllocationSplit(double perBar, double heldPerBar, long bars) {
    double garbagePerBar() {
        return perBar - heldPerBar;
    }

    /** One run of {@code cfg} over {@code history} with the EMA-cross module, sampled from bar {@code from} to bar {@code to}. */
    static AllocationSplit measure(BacktestConfig cfg, MarketHistory history, int from, int to) {
        Sampling module = new Sampling(from, to);
        Backtester.builder(cfg).history(history).module("ema-cross", () -> module).build().run();
        if (module.n < to) {
            throw new IllegalStateException("the run ended at bar " + module.n + ", before bar " + to);
        }
        long bars = to - from;
        return new AllocationSplit((double) (module.allocated[1] - module.allocated[0]) / bars, (double) (module.heap[1] - module.heap[0]) / bars, bars);
    }

    private static long heapAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The bench's EMA cross, reading the replay thread's allocation counter and the heap at two bars. */
    private static final class Sampling implements OrchestratorModule {
        private final BacktestBench.EmaCross ema = new BacktestBench.EmaCross();
        private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        private final int from;
        private final int to;
        private final long[] allocated = new long[2];
        private final long[] heap = new long[2];
        private int n;

        Sampling(int from, int to) {
            this.from = from;
            this.to = to;
        }

        @Override
        public void onBarClose(Symbol s, Timeframe tf, long openTime, double o, double h, double l, double c, double v) {
            ema.onBarClose(s, tf, openTime, o, h, l, c, v);
            n++;
            if (n == from) {
                heap[0] = heapAfterGc();
                allocated[0] = threads.getCurrentThreadAllocatedBytes();
            } else if (n == to) {
                allocated[1] = threads.getCurrentThreadAllocatedBytes();
                heap[1] = heapAfterGc();
            }
        }

        @Override
        public String id() {
            return ema.id();
        }

        @Override
        public void initialize(ModuleContext ctx) {
            ema.initialize(ctx);
        }

        @Override
        public Set<Timeframe> timeframes() {
            return ema.timeframes();
        }

        @Override
        public List<String> featureNames() {
            return ema.featureNames();
        }

        @Override
        public double[] features(Symbol s) {
            return ema.features(s);
        }

        @Override
        public List<Prediction> predictions(Symbol s) {
            return ema.predictions(s);
        }

        @Override
        public void reset() {
            ema.reset();
        }
    }
}
