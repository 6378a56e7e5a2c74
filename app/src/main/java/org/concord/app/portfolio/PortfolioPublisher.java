package org.concord.app.portfolio;

import org.concord.bus.EventBus;
import org.concord.config.TradingSettings;
import org.concord.coordination.Bucket;
import org.concord.coordination.CoordinationEngine;
import org.concord.coordination.EventCounts;
import org.concord.coordination.LiveSynergy;
import org.concord.coordination.Regime;
import org.concord.execution.Fill;
import org.concord.execution.Position;
import org.concord.indicators.Correlation;
import org.concord.model.Symbol;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Samples the coordination engine, its broker and risk manager after each coordination bar and publishes a
 * {@link PortfolioSnapshot}. Call {@link #onBar} on the thread that owns the engine (single writer). The bucket
 * correlation is core's rolling {@link Correlation} over each pair of bucket P&L changes.
 */
public final class PortfolioPublisher {
    public static final int WINDOW = 120;
    private final CoordinationEngine engine;
    private final Supplier<TradingSettings> settings;
    private final EventBus bus;
    private final Bucket[] buckets = Bucket.all();
    private final Correlation[] pairs;
    private final double[] lastPnl = new double[Bucket.COUNT];
    private boolean first = true;

    /** Limits and sizing as {@code engine} has them (a backtest's engine, a test). */
    public PortfolioPublisher(CoordinationEngine engine, EventBus bus) {
        this(engine, bus, () -> new TradingSettings(engine.risk().limits(), engine.sizing().method()));
    }

    /** @param settings the settings in force in the pipeline that owns {@code engine} */
    public PortfolioPublisher(CoordinationEngine engine, EventBus bus, Supplier<TradingSettings> settings) {
        if (engine == null || bus == null || settings == null) {
            throw new IllegalArgumentException("engine, bus and settings are required");
        }
        this.engine = engine;
        this.settings = settings;
        this.bus = bus;
        this.pairs = new Correlation[Bucket.COUNT * Bucket.COUNT];
        for (int i = 0; i < pairs.length; i++) {
            pairs[i] = new Correlation(WINDOW);
        }
    }

    /** Samples the state after the engine processed the bar closing at {@code time}; returns what was published. */
    public PortfolioSnapshot onBar(long time) {
        var account = engine.broker().account();
        double[] delta = new double[Bucket.COUNT];
        for (Bucket b : buckets) {
            double pnl = engine.ledger().pnl(b, account::markPrice);
            pnl = Double.isFinite(pnl) ? pnl : lastPnl[b.ordinal()];
            delta[b.ordinal()] = pnl - lastPnl[b.ordinal()];
            lastPnl[b.ordinal()] = pnl;
        }
        if (!first) {
            for (int k = 0; k < pairs.length; k++) {
                pairs[k].update(delta[k / Bucket.COUNT], delta[k % Bucket.COUNT]);
            }
        }
        first = false;
        // a bucket whose P&L did not move over the window has no correlation (core's Correlation says 0 there, also on
        // the diagonal): shown as 0.00, a bucket that never traded read as uncorrelated, even with itself
        boolean[] moved = new boolean[Bucket.COUNT];
        for (int i = 0; i < Bucket.COUNT; i++) {
            moved[i] = pairs[i * Bucket.COUNT + i].value() > 0.5; // its own correlation: NaN (window not full), 0 or 1
        }
        double[] corr = new double[Bucket.COUNT * Bucket.COUNT];
        for (int i = 0; i < Bucket.COUNT; i++) {
            for (int j = 0; j < Bucket.COUNT; j++) {
                double v = pairs[i * Bucket.COUNT + j].value();
                corr[i * Bucket.COUNT + j] = moved[i] && moved[j] && Double.isFinite(v) ? v : Double.NaN;
            }
        }
        List<PortfolioSnapshot.PositionRow> rows = new ArrayList<>();
        for (Position p : engine.broker().positions()) {
            if (!p.isFlat()) {
                rows.add(new PortfolioSnapshot.PositionRow(p.symbol().code(), p.quantity(), p.averagePrice(), p.markPrice(),
                        p.unrealizedPnl(), p.realizedPnl()));
            }
        }
        Map<Bucket, Double> alloc = new EnumMap<>(Bucket.class);
        double[] a = engine.allocations().allocations();
        for (Bucket b : buckets) {
            alloc.put(b, a[b.ordinal()]);
        }
        double equity = account.equity();
        double gross = 0;
        for (Symbol s : account.symbols()) {
            gross += Math.abs(account.positionQuantity(s)) * account.markPrice(s);
        }
        long fills = 0;
        double fees = 0;
        for (Fill f : engine.broker().fills()) {
            if (CoordinationEngine.BOOK.equals(f.book())) {
                fills++;
                fees += f.fee();
            }
        }
        var dd = engine.risk().drawdown();
        PortfolioSnapshot snap = new PortfolioSnapshot(time, equity, account.cash(), equity > 0 ? gross / equity : 0, fills, fees, dd.drawdown(),
                dd.scale(), engine.risk().limits().drawdownThreshold(), dd.halted(), rows, alloc, List.of(buckets), corr, WINDOW, coordination());
        bus.publish(PortfolioTopics.SNAPSHOTS, snap);
        return snap;
    }

    private PortfolioSnapshot.Coordination coordination() {
        Regime regime = engine.allocations().regime();
        var cfg = engine.config();
        EventCounts counts = engine.eventCounts();
        return new PortfolioSnapshot.Coordination(counts.conflictsResolved(), counts.netLimitCuts(), counts.alignments(), regime.toString(),
                cfg.minAllocation(), cfg.maxAllocation(), engine.sources().rows(engine.learner(), regime), LiveSynergy.of(engine),
                settings.get(), cfg.coordinator().maxSymbolNetExposure());
    }
}
