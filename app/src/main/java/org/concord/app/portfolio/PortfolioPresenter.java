package org.concord.app.portfolio;

import org.concord.annotate.DisplaySettings;
import org.concord.app.shell.FxPulse;
import org.concord.app.shell.Presenters;
import org.concord.bus.EventBus;
import org.concord.coordination.AllocationUpdate;
import org.concord.coordination.Bucket;
import org.concord.coordination.ConflictEvent;
import org.concord.coordination.CoordinationTopics;
import org.concord.data.Subscription;
import org.concord.execution.ExecutionTopics;
import org.concord.risk.RiskEvent;
import org.concord.risk.RiskTopics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The portfolio and risk panel's model, fed only by bus topics: {@code portfolio.snapshots} (equity, positions,
 * drawdown, bucket correlation), {@code coordination.allocations} and {@code .conflicts}, {@code risk.events} and
 * {@code execution.fills}. Whatever wires orchestrator → coordination → broker publishes them.
 */
public final class PortfolioPresenter implements AutoCloseable {
    private final DisplaySettings display;
    static final int MAX_POINTS = 600;
    private static final int MAX_KEPT = 20_000;
    private final FxPulse.Slot<PortfolioModel> slot = new FxPulse.Slot<>();
    private final List<Subscription> subs = new ArrayList<>();
    private final Deque<String> events = new ArrayDeque<>();
    private long[] eqT = new long[256];
    private double[] eq = new double[256];
    private int eqN;
    private final List<AllocationUpdate> allocations = new ArrayList<>();
    private PortfolioSnapshot latest;
    private boolean dirty;

    public PortfolioPresenter(EventBus bus, Presenters presenters, DisplaySettings display) {
        this.display = display;
        if (bus == null || presenters == null) {
            throw new IllegalArgumentException("bus and presenters are required");
        }
        subs.add(bus.subscribe(PortfolioTopics.SNAPSHOTS, this::onSnapshot));
        subs.add(bus.subscribe(CoordinationTopics.ALLOCATIONS, this::onAllocation));
        subs.add(bus.subscribe(CoordinationTopics.CONFLICTS, this::onConflict));
        subs.add(bus.subscribe(RiskTopics.EVENTS, this::onRisk));
        subs.add(bus.subscribe(ExecutionTopics.FILLS, f -> {
            event(f.time(), "fill " + f.side() + " " + fmt(f.quantity()) + " " + f.symbol() + " @ " + fmt(f.price()) + " (" + f.book() + ")");
        }));
        presenters.every(100, this::publishIfDirty);
    }

    public FxPulse.Slot<PortfolioModel> slot() {
        return slot;
    }

    private synchronized void onSnapshot(PortfolioSnapshot s) {
        latest = s;
        if (eqN == eq.length) {
            if (eqN >= MAX_KEPT) { // keep the newest half: the curve shows recent history at full resolution
                int keep = eqN / 2;
                System.arraycopy(eqT, eqN - keep, eqT, 0, keep);
                System.arraycopy(eq, eqN - keep, eq, 0, keep);
                eqN = keep;
            } else {
                eqT = java.util.Arrays.copyOf(eqT, eqN * 2);
                eq = java.util.Arrays.copyOf(eq, eqN * 2);
            }
        }
        eqT[eqN] = s.time();
        eq[eqN++] = s.equity();
        dirty = true;
    }

    private synchronized void onAllocation(AllocationUpdate u) {
        allocations.add(u);
        if (allocations.size() > MAX_KEPT) {
            allocations.subList(0, MAX_KEPT / 2).clear();
        }
        dirty = true;
    }

    private void onConflict(ConflictEvent c) {
        event(c.time(), "conflict " + c.symbol() + " " + (c.policy() == null ? "net limit" : c.policy()) + ": " + c.outcome()
                + " (buy " + fmt(c.buyScore()) + " vs sell " + fmt(c.sellScore()) + ", scale " + fmt(c.scale()) + ")");
    }

    private void onRisk(RiskEvent r) {
        event(r.time(), "risk " + r.kind() + " " + r.rule() + ": " + r.message());
    }

    private synchronized void event(long time, String text) {
        events.addFirst(display.current().dateTime(time) + "  " + text);
        while (events.size() > 500) {
            events.removeLast();
        }
        dirty = true;
    }

    private void publishIfDirty() {
        PortfolioModel m;
        synchronized (this) {
            if (!dirty) {
                return;
            }
            dirty = false;
            int step = Math.max(1, (eqN + MAX_POINTS - 1) / MAX_POINTS);
            int n = (eqN + step - 1) / step;
            long[] t = new long[n];
            double[] e = new double[n];
            for (int i = 0, j = 0; i < eqN; i += step, j++) {
                t[j] = eqT[i];
                e[j] = eq[i];
            }
            if (n > 0) { // always end on the newest point
                t[n - 1] = eqT[eqN - 1];
                e[n - 1] = eq[eqN - 1];
            }
            int as = Math.max(1, (allocations.size() + MAX_POINTS - 1) / MAX_POINTS);
            int an = (allocations.size() + as - 1) / as;
            long[] at = new long[an];
            Map<Bucket, double[]> alloc = new EnumMap<>(Bucket.class);
            for (Bucket b : Bucket.all()) {
                alloc.put(b, new double[an]);
            }
            for (int i = 0, j = 0; i < allocations.size(); i += as, j++) {
                AllocationUpdate u = allocations.get(i);
                at[j] = u.time();
                for (Bucket b : Bucket.all()) {
                    alloc.get(b)[j] = u.allocation().getOrDefault(b, 0.0);
                }
            }
            m = new PortfolioModel(latest, t, e, at, alloc, List.copyOf(events));
        }
        slot.offer(m);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.2f" : "%.4f", v);
    }

    @Override
    public void close() {
        subs.forEach(Subscription::close);
    }
}
