package org.concord.coordination;

import com.sun.management.ThreadMXBean;
import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignalGroupsTest {
    private static final Symbol BTC = Symbol.of("BTCUSD");
    private static final Symbol ETH = Symbol.of("ETHUSD");
    private static final Symbol ADA = Symbol.of("ADAUSD");

    private static Signal signal(String source, Symbol s, Bucket b) {
        return new Signal(source, s, 0, b, Action.BUY, 0.1, 0.8, b.minHoldingBars(), b.minHoldingBars(), b.maxHoldingBars(), Timeframe.M5,
                null, null);
    }

    @Test
    void groupsBySymbolInNaturalOrderAndByBucketAndStartsEmptyAfterClear() {
        SignalGroups g = new SignalGroups();
        Signal a = signal("a", ETH, Bucket.SHORT);
        Signal b = signal("b", BTC, Bucket.SHORT);
        Signal c = signal("c", ETH, Bucket.SHORT);
        Signal d = signal("d", ETH, Bucket.LONG);
        for (Signal s : List.of(a, b, c, d)) {
            g.add(s);
        }
        g.addSymbol(ADA); // a held book without signals
        g.addSymbol(BTC); // already there
        g.sort();
        assertThat(g.size()).isEqualTo(3);
        assertThat(List.of(g.symbol(0), g.symbol(1), g.symbol(2))).containsExactly(ADA, BTC, ETH);
        assertThat(g.signals(0, Bucket.SHORT)).isEmpty();
        assertThat(g.signals(1, Bucket.SHORT)).containsExactly(b);
        assertThat(g.signals(2, Bucket.SHORT)).containsExactly(a, c); // arrival order within a group
        assertThat(g.signals(2, Bucket.LONG)).containsExactly(d);
        g.intents(2)[Bucket.LONG.ordinal()] = null;

        g.clear();
        assertThat(g.size()).isZero();
        g.add(signal("e", BTC, Bucket.MEDIUM));
        g.sort();
        assertThat(g.size()).isEqualTo(1);
        assertThat(g.symbol(0)).isEqualTo(BTC);
        assertThat(g.signals(0, Bucket.SHORT)).isEmpty();
        assertThat(g.signals(0, Bucket.MEDIUM)).extracting(Signal::sourceId).containsExactly("e");
        assertThat(g.intents(0)).containsOnlyNulls();
    }

    @Test
    void growsPastItsFirstSlotsKeepingEveryGroup() {
        SignalGroups g = new SignalGroups();
        for (int i = 9; i >= 0; i--) {
            g.add(signal("s" + i, Symbol.of("SYM" + i + "USD"), Bucket.SCALPING));
        }
        g.sort();
        assertThat(g.size()).isEqualTo(10);
        for (int k = 0; k < 10; k++) {
            assertThat(g.symbol(k)).isEqualTo(Symbol.of("SYM" + k + "USD"));
            assertThat(g.signals(k, Bucket.SCALPING)).extracting(Signal::sourceId).containsExactly("s" + k);
        }
    }

    /** The planner's grouping is scratch: once its symbols and group sizes were seen, a decision's grouping allocates nothing. */
    @Test
    void groupingADecisionAllocatesNothingOnceSeen() {
        SignalGroups g = new SignalGroups();
        List<Signal> signals = List.of(signal("a", ETH, Bucket.SHORT), signal("b", BTC, Bucket.SHORT), signal("c", ETH, Bucket.LONG),
                signal("d", BTC, Bucket.MEDIUM));
        Runnable decision = () -> {
            g.clear();
            for (int i = 0; i < signals.size(); i++) {
                g.add(signals.get(i));
            }
            g.addSymbol(ADA);
            g.sort();
        };
        ThreadMXBean mx = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            decision.run();
        }
        long before = mx.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 20_000; i++) {
            decision.run();
        }
        long bytes = mx.getCurrentThreadAllocatedBytes() - before;
        assertThat(g.size()).isEqualTo(3);
        // under a byte per decision: the tree map, enum maps and lists it replaced were hundreds of bytes each time
        assertThat(bytes).as("bytes for 20,000 groupings").isLessThan(20_000);
    }
}
