package org.concord.indicators;

import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incremental form allocates nothing per update: the whole catalogue fed bars and revisions of the forming
 * bar, measured with the JVM's per-thread allocation counter.
 */
class AllocationTest {

    @Test
    void updatesAllocateNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assertThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        BarSeries bars = RealBars.bitstamp(Timeframe.M1);
        List<Catalogue.Entry> entries = Catalogue.all();
        BarIndicator[] set = new BarIndicator[entries.size()];
        for (int i = 0; i < set.length; i++) {
            set[i] = entries.get(i).make().get();
        }
        Correlation corr = new Correlation(20);
        feed(set, corr, bars, 0, bars.size()); // warm-up pass: class loading, JIT
        long id = Thread.currentThread().getId();
        long t0 = mx.getThreadAllocatedBytes(id);
        long t1 = mx.getThreadAllocatedBytes(id);
        long overhead = t1 - t0;
        long before = mx.getThreadAllocatedBytes(id);
        double sink = feed(set, corr, bars, 0, bars.size());
        long after = mx.getThreadAllocatedBytes(id);
        long bytes = after - before - overhead;
        long updates = (long) bars.size() * (set.length + 1) * 3;
        System.out.println("allocated " + bytes + " bytes for " + updates + " updates (" + bars.size() + " bars x "
                + (set.length + 1) + " indicators x 3 revisions), sink " + sink);
        // One object per update would be >= 16 bytes x updates (~ 9 MB); the JVM's own bookkeeping (JIT) is a few KB.
        assertThat(bytes).as("bytes allocated while updating").isLessThan(updates / 64);
    }

    private static double feed(BarIndicator[] set, Correlation corr, BarSeries bars, int from, int to) {
        for (BarIndicator ind : set) {
            ind.reset();
        }
        corr.reset();
        double sink = 0;
        for (int i = from; i < to; i++) {
            double o = bars.open(i);
            for (BarIndicator ind : set) {
                ind.onBar(o, o, o, o, 0);
                ind.replaceLast(o, Math.max(o, bars.close(i)), Math.min(o, bars.close(i)), bars.close(i), bars.volume(i) / 2);
                ind.replaceLast(bars, i);
                for (int k = 0; k < ind.outputCount(); k++) {
                    sink += ind.output(k);
                }
            }
            corr.update(bars.close(i), bars.volume(i));
            corr.replaceLast(bars.close(i), bars.volume(i));
            sink += corr.value();
        }
        return sink;
    }
}
