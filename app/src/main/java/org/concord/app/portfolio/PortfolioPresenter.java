package org.concord.app.portfolio;

import org.concord.annotate.DisplaySettings;
import org.concord.app.shell.FxPulse;
import org.concord.app.shell.Presenters;
import org.concord.bus.EventBus;
import org.concord.config.TradingSettings;
import org.concord.coordination.AlignmentEvent;
import org.concord.coordination.AllocationUpdate;
import org.concord.coordination.Bucket;
import org.concord.coordination.ConflictEvent;
import org.concord.coordination.CoordinationEngine;
import org.concord.coordination.CoordinationTopics;
import org.concord.bus.Subscription;
import org.concord.engine.TradingSettingsChange;
import org.concord.engine.TradingSettingsCommand;
import org.concord.engine.TradingSettingsTopics;
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
 * drawdown, bucket correlation, sources, synergy, settings in force), {@code coordination.allocations},
 * {@code .conflicts} and {@code .alignments}, {@code risk.events}, {@code execution.fills} and the answers to settings
 * commands. Whatever wires orchestrator → coordination → broker publishes them. The tab's edits go back as
 * {@link TradingSettingsCommand}s ({@link #applySettings}); core validates, applies and answers.
 */
public final class PortfolioPresenter implements AutoCloseable {
    private final DisplaySettings display;
    static final int MAX_POINTS = 600;
    /** Conflict rows kept for the table (the counts in the snapshot cover the whole run). */
    public static final int MAX_CONFLICTS = 200;
    private final FxPulse.Slot<PortfolioModel> slot = new FxPulse.Slot<>();
    private final List<Subscription> subs = new ArrayList<>();
    private final EventBus bus;
    private final Presenters presenters;
    private final Deque<ConflictRow> conflicts = new ArrayDeque<>();
    private final Series harmony = new Series();
    private TradingSettingsChange settingsChange;
    private final Deque<String> events = new ArrayDeque<>();
    private final Series equity = new Series();
    private final List<AllocationUpdate> allocations = new ArrayList<>();
    private PortfolioSnapshot latest;
    private TradingSettings inForce;
    private boolean dirty;

    public PortfolioPresenter(EventBus bus, Presenters presenters, DisplaySettings display) {
        this.display = display;
        if (bus == null || presenters == null) {
            throw new IllegalArgumentException("bus and presenters are required");
        }
        this.bus = bus;
        this.presenters = presenters;
        subs.add(bus.subscribe(PortfolioTopics.SNAPSHOTS, this::onSnapshot));
        subs.add(bus.subscribe(CoordinationTopics.ALLOCATIONS, this::onAllocation));
        subs.add(bus.subscribe(CoordinationTopics.CONFLICTS, this::onConflict));
        subs.add(bus.subscribe(CoordinationTopics.ALIGNMENTS, this::onAlignment));
        subs.add(bus.subscribe(TradingSettingsTopics.CHANGES, this::onSettingsChange));
        subs.add(bus.subscribe(RiskTopics.EVENTS, this::onRisk));
        subs.add(bus.subscribe(ExecutionTopics.FILLS, f -> {
            if (CoordinationEngine.BOOK.equals(f.book())) { // the bot's account: the person's own fills are in the blotter
                event(f.time(), "fill " + f.side() + " " + fmt(f.quantity()) + " " + f.symbol() + " @ " + fmt(f.price()) + " (" + f.book() + ")");
            }
        }));
        presenters.every(100, this::publishIfDirty);
    }

    public FxPulse.Slot<PortfolioModel> slot() {
        return slot;
    }

    /** The risk limits and sizing method the pipeline last said are in force (a snapshot or an applied change); null before either. */
    public synchronized TradingSettings settingsInForce() {
        return inForce;
    }

    private synchronized void onSnapshot(PortfolioSnapshot s) {
        latest = s;
        if (s.coordination() != null && s.coordination().settings() != null) {
            inForce = s.coordination().settings();
        }
        equity.add(s.time(), s.equity());
        dirty = true;
    }

    private synchronized void onAllocation(AllocationUpdate u) {
        if (!allocations.isEmpty() && u.time() < allocations.get(allocations.size() - 1).time()) {
            allocations.clear(); // the data went back: as the curves (Series), the allocation starts again
        }
        allocations.add(u);
        if (allocations.size() > Series.MAX_KEPT) {
            allocations.subList(0, Series.MAX_KEPT / 2).clear();
        }
        dirty = true;
    }

    private void onConflict(ConflictEvent c) {
        event(c.time(), "conflict " + c.symbol() + " " + (c.policy() == null ? "net limit" : c.policy()) + ": " + c.outcome()
                + " (buy " + fmt(c.buyScore()) + " vs sell " + fmt(c.sellScore()) + ", scale " + fmt(c.scale()) + ")");
        if (c.policy() == null) {
            return; // a net-limit cut, not two sides: counted in the snapshot, listed with the events
        }
        ConflictRow row = new ConflictRow(display.current().dateTime(c.time()), c.symbol().code(), side(c.buyers(), c.buySources(), c.buyScore()),
                side(c.sellers(), c.sellSources(), c.sellScore()), c.policy().name(), c.outcome());
        synchronized (this) {
            conflicts.addFirst(row);
            while (conflicts.size() > MAX_CONFLICTS) {
                conflicts.removeLast();
            }
            dirty = true;
        }
    }

    private static String side(List<Bucket> buckets, List<String> sources, double score) {
        if (buckets.isEmpty()) {
            return "—";
        }
        StringBuilder b = new StringBuilder();
        for (Bucket k : buckets) {
            b.append(b.length() == 0 ? "" : ", ").append(k.book());
        }
        b.append(" (").append(String.format(Locale.ROOT, "%.2f", score)).append(")");
        if (!sources.isEmpty()) {
            b.append(": ").append(String.join(", ", sources));
        }
        return b.toString();
    }

    private synchronized void onAlignment(AlignmentEvent a) {
        harmony.add(a.time(), a.harmony());
        dirty = true;
    }

    private synchronized void onSettingsChange(TradingSettingsChange c) {
        settingsChange = c;
        inForce = c.inForce();
        dirty = true;
    }

    /**
     * Sends new risk limits (field key → value in the stored unit) and sizing method ("kelly", "fixed-fractional")
     * to core, off the FX thread; the answer comes back in the model's {@code settingsChange}.
     */
    public void applySettings(Map<String, Double> limits, String sizing) {
        TradingSettingsCommand c = new TradingSettingsCommand(limits, sizing);
        presenters.run(() -> bus.publish(TradingSettingsTopics.COMMANDS, c));
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
            Series.Points eq = equity.decimated(MAX_POINTS);
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
            Series.Points h = harmony.decimated(MAX_POINTS);
            m = new PortfolioModel(latest, eq.time(), eq.value(), at, alloc, List.copyOf(events), List.copyOf(conflicts), h.time(), h.value(), settingsChange);
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
