package org.concord.modules;

import com.sun.management.ThreadMXBean;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.module.OrchestratorModule;

import java.lang.management.ManagementFactory;

/**
 * What a module allocates on the bar path (its bar closes, and its features after each when it has any), measured with
 * the JVM's per-thread allocation counter over a whole series, after two passes (class loading, JIT, then a reset and
 * the states it re-creates once per symbol, which are not part of the per-bar path).
 */
public final class BarPath {
    private BarPath() {
    }

    /** The bytes of one measured pass over {@code bars}; the module's features are read when {@code features}. */
    public static long bytes(OrchestratorModule m, BarSeries bars, boolean features) {
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        Symbol s = bars.symbol();
        feed(m, bars, s, features);
        m.reset();
        feed(m, bars, s, features);
        long id = Thread.currentThread().getId();
        long t0 = mx.getThreadAllocatedBytes(id);
        long overhead = mx.getThreadAllocatedBytes(id) - t0;
        long before = mx.getThreadAllocatedBytes(id);
        double sink = feed(m, bars, s, features);
        long bytes = mx.getThreadAllocatedBytes(id) - before - overhead;
        System.out.println("allocated " + bytes + " bytes for " + bars.size() + " bar closes" + (features ? " + features calls" : "")
                + " of " + m.id() + ", sink " + sink);
        return bytes;
    }

    /** The bound for {@link #bytes}: one object per bar would be at least 16 bytes a bar; JIT bookkeeping is a few KB. */
    public static long noObjectPerBar(BarSeries bars) {
        return bars.size() * 16L / 8;
    }

    private static double feed(OrchestratorModule m, BarSeries b, Symbol s, boolean features) {
        double sink = 0;
        for (int i = 0; i < b.size(); i++) {
            m.onBarClose(s, Timeframe.M1, b.time(i), b.open(i), b.high(i), b.low(i), b.close(i), b.volume(i));
            if (features) {
                sink += m.features(s)[0];
            }
        }
        return sink;
    }
}
