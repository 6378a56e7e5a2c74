package org.concord.coordination;

import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.data.BarListener;
import org.concord.execution.AccountView;
import org.concord.execution.Broker;
import org.concord.execution.ExecutionListener;
import org.concord.execution.Fill;
import org.concord.execution.Order;
import org.concord.execution.OrderEvent;
import org.concord.execution.PositionSizer;
import org.concord.execution.SizingConfig;
import org.concord.metrics.EquityCurve;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.risk.MarketView;
import org.concord.risk.PlannedOrder;
import org.concord.risk.RiskCheckResult;
import org.concord.risk.UnifiedRiskManager;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The coordination layer wired end to end on the decision thread: signals → {@link PositionCoordinator} (alignment,
 * conflicts, sizing) → {@link UnifiedRiskManager#check} → netting between the buckets' books → {@link TradeScheduler}
 * → orders on a {@link Broker} (whose pre-trade gate is the same risk manager) → fills back into the
 * {@link BucketLedger} → bucket performance, allocation, source weights and the adapters' feedback.
 *
 * <p>Per bar of the decision timeframe a driver (live loop or backtester) calls, in this order:
 * <ol>
 *   <li>the broker's market data (a {@link org.concord.execution.PaperBroker} fills against the bar),</li>
 *   <li>{@link #onBarClose} (marks, equity, due slices; at the end of each statistics period the regime, bucket
 *       returns and allocation update: {@link CoordinationConfig#statisticsPeriod()}),</li>
 *   <li>{@link #decide} with the signals of that decision (possibly none: held positions still expire).</li>
 * </ol>
 * Same inputs, same configuration ⇒ same orders: nothing here reads a clock or a thread.
 *
 * <p>The orders at the broker are {@link CoordinationOrders}': on a spot account a sell never leaves for more than
 * the account holds free ({@link #sellsBeyondPosition()}). A net order worth less than {@link #DUST_NOTIONAL}
 * (rounding residue) is not sent, nor one under the planner's minimum notional that neither exits to flat nor cuts
 * risk.
 */
public final class CoordinationEngine implements BarListener, ExecutionListener {
    /** The broker book name of the coordination layer's orders. */
    public static final String BOOK = "coordination";
    /** Orders worth less than this (quote units: a millionth of a cent) are rounding residue and never sent. */
    public static final double DUST_NOTIONAL = 1e-6;
    private static final double DUST = 1e-12;

    private final CoordinationConfig config;
    private final Broker broker;
    private final AccountView riskAccount;
    private final UnifiedRiskManager risk;
    private final EventBus bus;
    private final Symbol reference;
    private final BucketLedger ledger = new BucketLedger();
    private final CapitalAllocationManager allocations;
    private final UcbWeightLearner learner;
    private final PositionCoordinator coordinator;
    private final TradeScheduler scheduler;
    private final CoordinatedPortfolio portfolio;
    private final SymbolValues marks = new SymbolValues();
    private final SymbolValues vpin = new SymbolValues();
    private final Set<Symbol> macroClosed = new HashSet<>();
    private final Function<Symbol, EntryGate> entriesClosedFn = this::entriesClosed;
    private final List<LearnerUpdate> learnerUpdates = new ArrayList<>();
    private final CoordinationOrders orders;
    private final SourceFeedback feedback;
    private final CoordinationEvents events;
    private final List<TradeFeedback> bucketTrades = new ArrayList<>();
    private Retention retention = Retention.ALL;
    private final SourceContributions sources = new SourceContributions();
    private final EquityCurve equity = new EquityCurve();
    private final ToDoubleFunction<Symbol> priceFn = this::price;
    private final ToDoubleFunction<Symbol> vpinFn = this::vpin;
    private final MarketView market = this::price;
    private final StatisticsPeriods statistics;
    private final Subscription brokerEvents; // closed by detach(): a replaced engine books no more fills

    /**
     * @param reference the market whose bars drive the regime, bucket returns and the equity curve
     * @param bus       where coordination events go (null: only the histories)
     */
    public CoordinationEngine(CoordinationConfig config, Broker broker, UnifiedRiskManager risk, Symbol reference, EventBus bus) {
        this(config, broker, risk, reference, bus, null);
    }

    /**
     * @param riskAccount what the risk manager judges the plan against and watches the drawdown of: the broker's
     *                    account (null), or a wider view that contains it, e.g. a {@link org.concord.execution.CombinedAccount}
     *                    of every account the risk manager guards. Sizing always uses the broker's own equity.
     */
    public CoordinationEngine(CoordinationConfig config, Broker broker, UnifiedRiskManager risk, Symbol reference, EventBus bus,
                              AccountView riskAccount) {
        if (config == null || broker == null || risk == null || reference == null) {
            throw new IllegalArgumentException("config, broker, risk and reference symbol are required");
        }
        this.config = config;
        this.broker = broker;
        this.riskAccount = riskAccount == null ? broker.account() : riskAccount;
        this.risk = risk;
        this.bus = bus;
        this.reference = reference;
        this.allocations = new CapitalAllocationManager(config.allocation(), config.optimizer(),
                new RegimeDetector(config.measure(), config.regime()), new RegimeScores(288, 100), bus);
        this.statistics = new StatisticsPeriods(config, allocations, ledger, priceFn);
        this.learner = new UcbWeightLearner(config.learner());
        this.coordinator = new PositionCoordinator(config.coordinator(), ledger, allocations, learner, new PositionSizer(config.sizing()),
                config.alignment());
        this.scheduler = new TradeScheduler(config.scheduler());
        this.orders = new CoordinationOrders(broker, ledger, scheduler, config.coordinator().allowShort(), priceFn);
        this.portfolio = new CoordinatedPortfolio(this.riskAccount, ledger);
        this.feedback = new SourceFeedback(bus);
        this.events = new CoordinationEvents(bus);
        ledger.setTradeListener(this::onBucketTrade);
        this.brokerEvents = broker.addListener(this);
    }

    // ------------------------------------------------------------------ inputs

    /** Routes action and outcome feedback to {@code adapter} for its source id. */
    public void registerAdapter(ModelAdapter<?> adapter) {
        if (adapter == null) {
            throw new IllegalArgumentException("adapter is null");
        }
        feedback.register(adapter);
        learner.arm(adapter.sourceId());
    }

    /** Order-flow toxicity for {@code symbol} in [0, 1] (from the microstructure module); sizes shrink above the threshold. */
    public void setVpin(Symbol symbol, double value) {
        if (symbol == null || !(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("vpin must be in [0, 1] for a symbol, got " + value);
        }
        vpin.put(symbol, value);
    }

    /**
     * Opens or closes new entries on {@code symbol} (the macro gate): while closed, the books may only shrink toward
     * flat; what is held stays, exits still go out.
     */
    public void setEntriesOpen(Symbol symbol, boolean open) {
        if (symbol == null) {
            throw new IllegalArgumentException("symbol is required");
        }
        if (open) {
            macroClosed.remove(symbol);
        } else {
            macroClosed.add(symbol);
        }
    }

    /**
     * The gate that closes new entries on {@code symbol}, null while open. Past the drawdown threshold the risk manager
     * refuses new exposure anyway; planning none spares the books a planned opening per bar, and the risk log a
     * refusal per bucket per bar for as long as the halt holds (120,250 of them in one 94k-bar backtest). The halt
     * is judged per book, so it is a little stricter than the risk manager's netted check, which stays as the
     * backstop.
     */
    private EntryGate entriesClosed(Symbol symbol) {
        if (risk.drawdown().halted()) {
            return EntryGate.DRAWDOWN_HALT;
        }
        return macroClosed.contains(symbol) ? EntryGate.MACRO : null;
    }

    @Override
    public void onBarClose(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low, double close, double volume) {
        risk.onBarClose(symbol, tf, openTime, open, high, low, close, volume);
        if (tf != config.decisionTimeframe() || !(close > 0) || Double.isInfinite(close)) {
            return;
        }
        long t = tf.closeTime(openTime);
        boolean ref = symbol.equals(reference);
        if (ref) {
            statistics.beforeBar(t);
        }
        marks.put(symbol, close);
        if (ref) {
            double e = broker.account().equity();
            statistics.onBar(t, close, volume, e);
            equity.add(t, e, grossExposure(e));
            risk.observeEquity(riskAccount.equity());
        }
        orders.submitDue(t);
    }

    private double grossExposure(double e) {
        double g = 0;
        for (int i = 0; i < marks.size(); i++) {
            g += Math.abs(broker.account().positionQuantity(marks.symbol(i))) * marks.value(i);
        }
        return e > 0 ? g / e : 0;
    }

    /** One decision at {@code time} (a bar close time) with the signals the models gave for it. */
    public DecisionReport decide(long time, List<Signal> signals) {
        double e = broker.account().equity();
        sources.onSignals(signals);
        PositionCoordinator.PlanResult pr = coordinator.plan(time, signals, e, priceFn, vpinFn, entriesClosedFn);
        RiskCheckResult rr = risk.check(time, pr.plan(), portfolio, market);
        List<TradeScheduler.Slice> queued = rr.plan().isEmpty() ? List.of() : scheduler.schedule(time, net(time, pr, rr),
                Math.min(config.scheduler().maxSliceFraction(), risk.limits().maxOrderFraction()) * e, priceFn);
        List<String> sent = orders.submitDue(time);
        events.record(pr);
        feedback.onDecision(time, signals, pr, rr);
        return DecisionReport.of(pr, rr, queued, sent);
    }

    /** Nets the checked items per symbol into market orders, crossing opposite books internally first. */
    private List<NetOrder> net(long time, PositionCoordinator.PlanResult pr, RiskCheckResult rr) {
        Map<Symbol, double[]> comps = new TreeMap<>();
        Map<Symbol, double[]> unattributed = new HashMap<>();
        Map<Symbol, double[]> urgency = new HashMap<>(); // {tf rank, -strength, holding}
        for (PlannedOrder item : rr.plan().orders()) {
            Symbol s = item.symbol();
            double[] c = comps.computeIfAbsent(s, k -> new double[Bucket.COUNT]);
            double[] u = urgency.computeIfAbsent(s, k -> new double[]{Integer.MAX_VALUE, 0, Integer.MAX_VALUE});
            Bucket b = Bucket.ofBook(item.book());
            if (b != null) {
                c[b.ordinal()] += item.quantity();
                PositionCoordinator.ItemInfo info = pr.items().get(item.id());
                if (info != null && NetOrder.compareUrgency(info.timeframeRank(), info.strength(), info.holdingBars(),
                        (int) u[0], -u[1], (int) u[2]) < 0) {
                    u[0] = info.timeframeRank();
                    u[1] = -info.strength();
                    u[2] = info.holdingBars();
                }
            } else {
                // a risk cut: shared by the books that hold the position, the rest belongs to no book
                double q = item.quantity();
                double held = 0;
                for (Bucket x : Bucket.ALL) {
                    double p = ledger.position(x, s).quantity();
                    if (Math.signum(p) == -Math.signum(q)) {
                        held += p;
                    }
                }
                double share = held == 0 ? 0 : Math.min(1, Math.abs(q / held));
                for (Bucket x : Bucket.ALL) {
                    double p = ledger.position(x, s).quantity();
                    if (Math.signum(p) == -Math.signum(q)) {
                        c[x.ordinal()] -= p * share;
                    }
                }
                unattributed.computeIfAbsent(s, k -> new double[1])[0] += q + held * share;
                u[0] = -1; // risk first
                u[1] = -1;
                u[2] = 0;
            }
        }
        List<NetOrder> out = new ArrayList<>();
        for (Map.Entry<Symbol, double[]> en : comps.entrySet()) {
            Symbol s = en.getKey();
            double[] c = en.getValue();
            for (Bucket b : Bucket.ALL) {
                if (c[b.ordinal()] != 0) {
                    ledger.addPending(b, s, c[b.ordinal()]);
                }
            }
            ledger.crossInternally(s, c, price(s), time);
            double[] riskCut = unattributed.get(s);
            double q = riskCut == null ? 0 : riskCut[0];
            for (double v : c) {
                q += v;
            }
            if (sendable(s, q, riskCut != null)) {
                double[] u = urgency.get(s);
                out.add(new NetOrder(s, q, c, (int) u[0], -u[1], (int) u[2]));
            } else {
                orders.release(s, c, 1); // rounding residue: no order, so nothing is on order for the books either
            }
        }
        out.sort((a, b) -> NetOrder.compareUrgency(a.timeframeRank(), a.strength(), a.holdingBars(), b.timeframeRank(), b.strength(), b.holdingBars()));
        return out;
    }

    /**
     * Whether a net order of {@code q} on {@code s} goes out. Rounding residue never does. Under the planner's minimum
     * notional it goes out only as an exit to flat or with a risk cut in it: the planner plans no entry that small, but
     * the risk check can clip one below it (at the exposure cap the desk's bot had one a bar, 1.7e-8 BTC, that the
     * broker's own check then refused).
     */
    private boolean sendable(Symbol s, double q, boolean riskCut) {
        double p = price(s);
        double notional = Math.abs(q) * p;
        if (notional <= DUST_NOTIONAL) {
            return false;
        }
        if (riskCut || notional >= config.coordinator().minOrderNotional()) {
            return true;
        }
        return Math.abs(broker.account().positionQuantity(s) + q) * p <= DUST_NOTIONAL; // to flat
    }

    /**
     * Drops every slice still waiting in the scheduler; what the books had on order for them is released. Orders
     * already at the broker are left to it. The desk calls this when the orchestrator's trading is switched off.
     *
     * @return the slices dropped
     */
    public List<TradeScheduler.Slice> cancelQueued() {
        return orders.cancelQueued();
    }

    /**
     * Drops the queued slices and stops taking the broker's events, for good: the engine is being replaced by a fresh
     * one on the same broker (a restarted paper session), whose fills it must not book into its own ledger.
     */
    public List<TradeScheduler.Slice> detach() {
        brokerEvents.close();
        return orders.cancelQueued();
    }

    /** Sizes every intent from the next decision on with {@code sizing} (the method chosen in the desk or the config). */
    public void setSizing(SizingConfig sizing) {
        coordinator.setSizer(new PositionSizer(sizing));
    }

    /** The sizing in force (the config's until {@link #setSizing}). */
    public SizingConfig sizing() {
        return coordinator.sizer().config();
    }

    // ------------------------------------------------------------------ broker events

    @Override
    public void onFill(Fill fill, Order order) {
        orders.onFill(fill);
    }

    @Override
    public void onOrderEvent(OrderEvent event, Order order) {
        orders.onOrderEvent(event, order);
    }

    private void onBucketTrade(Bucket b, Symbol s, BucketLedger.Position p, long exitTime, double ret, double pnl) {
        TradeFeedback fb = new TradeFeedback(p.leadSource(), s, b, p.entryTime(), exitTime, ret, p.predictedReturn(), pnl);
        bucketTrades.add(fb);
        retention.apply(bucketTrades);
        sources.onTrade(fb);
        allocations.onTradeClosed(b, ret, p.predictedReturn());
        if (!p.leadSource().isEmpty()) {
            Regime regime = allocations.regime();
            learner.reward(regime, p.leadSource(), ret);
            if (learner.config().mode() == UcbWeightLearner.Mode.FEEDBACK) {
                learner.feedback(p.leadSource(), ret, allocations.tracker(b).maxDrawdown());
            }
            learnerUpdates.add(new LearnerUpdate(exitTime, regime, p.leadSource(), ret, learner.weightMap(regime)));
            retention.apply(learnerUpdates);
            feedback.onTradeClosed(p.leadSource(), fb);
        }
    }

    // ------------------------------------------------------------------ events

    // ------------------------------------------------------------------ queries

    double price(Symbol s) {
        double m = marks.get(s, Double.NaN); // marks are > 0: NaN means none yet
        return Double.isNaN(m) ? broker.account().markPrice(s) : m;
    }

    double vpin(Symbol s) {
        return vpin.get(s, 0.0);
    }

    public CoordinationConfig config() {
        return config;
    }

    public Broker broker() {
        return broker;
    }

    public UnifiedRiskManager risk() {
        return risk;
    }

    public CapitalAllocationManager allocations() {
        return allocations;
    }

    public UcbWeightLearner learner() {
        return learner;
    }

    public BucketLedger ledger() {
        return ledger;
    }

    public TradeScheduler scheduler() {
        return scheduler;
    }

    public EquityCurve equityCurve() {
        return equity;
    }

    /**
     * How much of its histories a live engine keeps (the equity curve thinned, the allocation updates, bucket trades
     * and learner updates their newest); a backtest's engine keeps them whole for its report.
     */
    public void keep(Retention r) {
        if (r == null) {
            throw new IllegalArgumentException("retention is required");
        }
        retention = r;
        equity.limitTo(r.max());
        allocations.keep(r);
        r.apply(bucketTrades);
        r.apply(learnerUpdates);
    }

    /** The newest conflicts (up to {@value CoordinationEvents#KEPT}), oldest first; {@link #eventCounts} counts them all. */
    public List<ConflictEvent> conflicts() {
        return events.conflicts();
    }

    /** The newest alignments (up to {@value CoordinationEvents#KEPT}), oldest first. */
    public List<AlignmentEvent> alignments() {
        return events.alignments();
    }

    /** The newest rejected signals (up to {@value CoordinationEvents#KEPT}), oldest first. */
    public List<SignalRejected> rejectedSignals() {
        return events.rejected();
    }

    /** Every event recorded since the start, by kind, risk events included. */
    public EventCounts eventCounts() {
        return events.counts(risk.eventCount());
    }

    /** The learner's weights after each closed bucket trade rewarded its lead source. */
    public List<LearnerUpdate> learnerUpdates() {
        return Collections.unmodifiableList(learnerUpdates);
    }

    /** Signals the meta-labeling gate stopped. */
    public long metaSkipped() {
        return coordinator.metaSkipped();
    }

    /** Planned entries (new, larger or flipped positions) {@code gate} stopped. */
    public long entriesBlocked(EntryGate gate) {
        return coordinator.entriesBlocked(gate);
    }

    /** Per source: signals, trades it led, their profit (add the learner's weights with {@code rows}). */
    public SourceContributions sources() {
        return sources;
    }

    /** Every closed bucket trade (what the adapters got as feedback). */
    public List<TradeFeedback> bucketTrades() {
        return Collections.unmodifiableList(bucketTrades);
    }

    /** Sells cut to the free position, or dropped, because a spot account cannot sell what it does not hold. */
    public long sellsBeyondPosition() {
        return orders.sellsBeyondPosition();
    }
}
