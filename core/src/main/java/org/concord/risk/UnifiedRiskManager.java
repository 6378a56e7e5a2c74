package org.concord.risk;

import org.concord.bus.EventBus;
import org.concord.data.BarListener;
import org.concord.execution.AccountView;
import org.concord.execution.OrderOrigin;
import org.concord.execution.OrderRequest;
import org.concord.execution.PreTradeCheck;
import org.concord.execution.PreTradeDecision;
import org.concord.model.RecentEvents;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The last word on every trade. Two entry points apply the same rules:
 * <ul>
 *   <li>{@link #check(long, TradePlan, AccountBooks, MarketView)}: the coordination layer's plan, item by item in
 *       priority order; each item is clipped to what every limit allows (drawdown scaling first), NaN/infinite
 *       items are rejected with the reason, deleveraging items are added when the drawdown threshold is crossed.</li>
 *   <li>{@link #preTradeCheck()}: the gate a {@link org.concord.execution.Broker} runs on each order, from the
 *       coordination layer and from a person alike. It does not resize: an order that would break a limit is
 *       rejected naming the rule, unless it is a MANUAL order with an explicit override, which passes and is logged
 *       as an OVERRIDDEN event.</li>
 * </ul>
 * Invariant (property-tested): starting within the limits, no order the check lets through makes any exposure
 * exceed its limit, whatever the inputs (confidence 1, sizes of 1e12, NaN, infinities).
 *
 * <p>Single-threaded (the decision thread). Feed it closed bars of {@code correlationTimeframe} for the correlation
 * analyzer and equity observations for the drawdown defender.
 */
public final class UnifiedRiskManager implements BarListener {
    private static final Logger LOG = LoggerFactory.getLogger(UnifiedRiskManager.class);
    /** Book of the risk manager's own deleveraging orders. */
    public static final String RISK_BOOK = "risk";
    /** Risk events kept for reports and the desk (the newest; {@link #eventCount()} counts them all). */
    public static final int HISTORY = 10_000;

    // replaced between two events by setLimits (the decision thread), read by every rule
    private volatile RiskLimits limits;
    private final DrawdownDefender drawdown;
    private final CorrelationAnalyzer correlations;
    private final Timeframe correlationTimeframe;
    private final EventBus bus;
    private final RecentEvents<RiskEvent> history = new RecentEvents<>(HISTORY);

    public UnifiedRiskManager(RiskLimits limits) {
        this(limits, Timeframe.M5, new CorrelationAnalyzer(288, 30), null);
    }

    public UnifiedRiskManager(RiskLimits limits, Timeframe correlationTimeframe, CorrelationAnalyzer correlations, EventBus bus) {
        if (limits == null || correlationTimeframe == null || correlations == null) {
            throw new IllegalArgumentException("limits, correlationTimeframe and correlations are required");
        }
        this.limits = limits;
        this.drawdown = new DrawdownDefender(limits);
        this.correlations = correlations;
        this.correlationTimeframe = correlationTimeframe;
        this.bus = bus;
    }

    public RiskLimits limits() {
        return limits;
    }

    /**
     * Replaces the limits (a person's edit in the desk, on the decision thread between two events): every check
     * from now on uses them; the drawdown peak is kept. Positions already beyond a lowered limit stay; what adds to
     * them is refused or clipped.
     */
    public void setLimits(RiskLimits next) {
        if (next == null) {
            throw new IllegalArgumentException("limits are required");
        }
        LOG.info("risk limits replaced: {}", next);
        this.limits = next;
        drawdown.setLimits(next);
    }

    public DrawdownDefender drawdown() {
        return drawdown;
    }

    public CorrelationAnalyzer correlations() {
        return correlations;
    }

    @Override
    public void onBarClose(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low, double close, double volume) {
        if (tf == correlationTimeframe) {
            correlations.onClose(symbol, tf.closeTime(openTime), close);
        }
    }

    /** An equity observation (the engine calls it every bar so the peak is not missed between trades). */
    public void observeEquity(double equity) {
        drawdown.observe(equity);
    }

    /** The newest {@value #HISTORY} events, oldest first. */
    public List<RiskEvent> history() {
        return history.list();
    }

    /** Every risk event so far, including those older than the {@value #HISTORY} kept. */
    public long eventCount() {
        return history.total();
    }

    /** The exposures of a portfolio now, for reports and the desk's risk panel. */
    public ExposureMonitor exposures(AccountBooks portfolio, MarketView market) {
        return ExposureMonitor.of(limits, correlations, portfolio, market);
    }

    // ------------------------------------------------------------------ plan check

    /** Checks the plan of the decision at {@code t}; see the class comment. Never throws on bad numbers in the plan. */
    public RiskCheckResult check(long t, TradePlan plan, AccountBooks portfolio, MarketView market) {
        if (plan == null || portfolio == null || market == null) {
            throw new IllegalArgumentException("plan, portfolio and market are required");
        }
        drawdown.observe(portfolio.equity());
        boolean cut = drawdown.takeDeleverageSignal();
        if (plan.isEmpty() && !cut) {
            return RiskCheckResult.unchanged(plan); // the common idle decision: nothing to value
        }
        List<RiskEvent> events = new ArrayList<>();
        List<PlannedOrder> out = new ArrayList<>(plan.orders().size() + 2);
        ExposureMonitor state = ExposureMonitor.of(limits, correlations, portfolio, market);
        if (cut) {
            deleverage(t, state, market, events, out);
        }
        for (PlannedOrder item : plan.orders()) {
            PlannedOrder adjusted = checkItem(t, item, state, market, events);
            if (adjusted != null) {
                out.add(adjusted);
            }
        }
        for (RiskEvent e : events) {
            record(e);
        }
        return new RiskCheckResult(TradePlan.of(out), events);
    }

    private PlannedOrder checkItem(long t, PlannedOrder item, ExposureMonitor state, MarketView market, List<RiskEvent> events) {
        double q = item.quantity();
        Symbol s = item.symbol();
        if (Double.isNaN(q) || Double.isInfinite(q)) {
            events.add(new RiskEvent(t, RiskEvent.Kind.REJECTED, RiskRule.INVALID_INPUT, item.id(), item.book(), s, q, 0, Double.NaN, Double.NaN,
                    "item " + item.id() + ": quantity is " + q + " (not a finite number): rejected"));
            return null;
        }
        if (q == 0) {
            return null;
        }
        double p = market.price(s);
        if (!(p > 0) || Double.isInfinite(p)) {
            events.add(new RiskEvent(t, RiskEvent.Kind.REJECTED, RiskRule.NO_PRICE, item.id(), item.book(), s, q, 0, Double.NaN, Double.NaN,
                    "item " + item.id() + ": no usable price for " + s + " (" + p + "): rejected"));
            return null;
        }
        int k = state.slot(s, p);
        double pos = state.position(k);
        double closing = closingPart(pos, q);
        double opening = Math.abs(q) - closing;
        double e = state.equity();
        if (opening > 0) {
            opening = limitOpening(t, item, q, closing, opening, p, e, events);
        }
        double q1 = closing + opening >= Math.abs(q) ? q : Math.signum(q) * (closing + opening); // never more than asked
        double allowed = q1;
        for (RiskRule r : ExposureMonitor.EXPOSURE_RULES) {
            double a = state.allowed(r, k, item.book(), q1);
            if (Math.abs(a) < Math.abs(q1)) {
                double value = state.measure(r, k, item.book(), q1) / state.equityAfter(k, q1);
                events.add(event(t, a, r, item, q, value, limits.limit(r),
                        item.id() + ": " + r + " would reach " + pct(value) + " of equity, limit " + pct(limits.limit(r))));
                if (Math.abs(a) < Math.abs(allowed)) {
                    allowed = a;
                }
            }
        }
        if (allowed == 0) {
            return null;
        }
        state.apply(k, item.book(), allowed);
        return allowed == q ? item : item.withQuantity(allowed);
    }

    /** Applies equity, drawdown and order-size rules to the part of an item that adds exposure. */
    private double limitOpening(long t, PlannedOrder item, double q, double closing, double opening, double p, double e, List<RiskEvent> events) {
        if (!(e > 0)) {
            events.add(event(t, Math.signum(q) * closing, RiskRule.EQUITY, item, q, e, 0, item.id() + ": equity " + e + " is not positive: no new exposure"));
            return 0;
        }
        if (drawdown.halted()) {
            events.add(event(t, Math.signum(q) * closing, RiskRule.DRAWDOWN_HALT, item, q, drawdown.drawdown(), limits.drawdownThreshold(),
                    item.id() + ": drawdown " + pct(drawdown.drawdown()) + " past the threshold: no new exposure"));
            return 0;
        }
        double scale = drawdown.scale();
        if (scale < 1) {
            opening *= scale;
            events.add(event(t, Math.signum(q) * (closing + opening), RiskRule.DRAWDOWN_SCALE, item, q, drawdown.drawdown(),
                    limits.drawdownScaleStart(), item.id() + ": drawdown " + pct(drawdown.drawdown()) + ": new exposure scaled to " + pct(scale)));
        }
        double maxOpen = limits.maxOrderFraction() * e / p;
        if (opening > maxOpen) {
            double value = opening * p / e;
            opening = maxOpen * (1 - 1e-12);
            events.add(event(t, Math.signum(q) * (closing + opening), RiskRule.ORDER_SIZE, item, q, value, limits.maxOrderFraction(),
                    item.id() + ": order adds " + pct(value) + " of equity, limit " + pct(limits.maxOrderFraction())));
        }
        return opening;
    }

    /**
     * Cuts every position to {@code deleverageTo} of its size. The cuts still pass the exposure rules: with working
     * orders counted, a cut could otherwise raise a worst-case exposure.
     */
    private void deleverage(long t, ExposureMonitor state, MarketView market, List<RiskEvent> events, List<PlannedOrder> out) {
        for (int k = 0, n = state.size(); k < n; k++) {
            double cut = -state.position(k) * (1 - limits.deleverageTo());
            if (cut == 0) {
                continue;
            }
            Symbol s = state.symbol(k);
            PlannedOrder item = new PlannedOrder("delev-" + s.code() + "-" + t, RISK_BOOK, s, cut, state.price(k),
                    "drawdown " + pct(drawdown.drawdown()) + " crossed " + pct(limits.drawdownThreshold()));
            PlannedOrder done = checkItem(t, item, state, market, events);
            if (done != null) {
                out.add(done);
                events.add(new RiskEvent(t, RiskEvent.Kind.DELEVERAGED, RiskRule.DELEVERAGE, item.id(), RISK_BOOK, s, cut, done.quantity(),
                        drawdown.drawdown(), limits.drawdownThreshold(), "drawdown " + pct(drawdown.drawdown())
                        + " crossed the threshold: " + s + " cut toward " + pct(limits.deleverageTo()) + " of its size"));
            }
        }
    }

    /** The part of {@code q} that brings {@code pos} toward zero. */
    static double closingPart(double pos, double q) {
        if (pos == 0 || Math.signum(pos) == Math.signum(q)) {
            return 0;
        }
        return Math.min(Math.abs(q), Math.abs(pos));
    }

    private static RiskEvent event(long t, double allowed, RiskRule rule, PlannedOrder item, double requested, double value,
                                   double limit, String message) {
        RiskEvent.Kind kind = allowed == 0 ? RiskEvent.Kind.REJECTED : RiskEvent.Kind.CLIPPED;
        return new RiskEvent(t, kind, rule, item.id(), item.book(), item.symbol(), requested, allowed, value, limit, message);
    }

    /** {@code v} as a percentage with two decimals ("12.35%"), as {@code %.2f%%} gives it, without a Formatter per event. */
    static String pct(double v) {
        double p = v * 100;
        if (!Double.isFinite(p) || Math.abs(p) >= 1e15) {
            return String.format(Locale.ROOT, "%.2f%%", p);
        }
        BigDecimal r = BigDecimal.valueOf(p).setScale(2, RoundingMode.HALF_UP); // the shortest decimal, rounded as Formatter does
        return (Math.copySign(1.0, p) < 0 && r.signum() == 0 ? "-" : "") + r.toPlainString() + "%";
    }

    private void record(RiskEvent e) {
        history.add(e);
        if (bus != null) {
            bus.publish(RiskTopics.EVENTS, e);
        }
    }

    // ------------------------------------------------------------------ order gate

    /** The gate for a broker: same rules, no resizing; see the class comment. */
    public PreTradeCheck preTradeCheck() {
        return this::checkOrder;
    }

    /** Checks one order against the account it would be sent on. */
    public PreTradeDecision checkOrder(OrderRequest r, AccountView account) {
        if (r == null || account == null) {
            throw new IllegalArgumentException("order and account are required");
        }
        drawdown.observe(account.equity());
        AccountBooks portfolio = AccountBooks.of(account);
        MarketView market = MarketView.of(account);
        ExposureMonitor state = ExposureMonitor.of(limits, correlations, portfolio, market);
        Symbol s = r.symbol();
        double p = market.price(s);
        double q = r.signedQuantity();
        String violation = null;
        RiskRule rule = null;
        double value = Double.NaN;
        if (!(p > 0) || Double.isInfinite(p)) {
            rule = RiskRule.NO_PRICE;
            violation = "no usable price for " + s;
        } else {
            int k = state.slot(s, p);
            double closing = closingPart(state.position(k), q);
            double opening = Math.abs(q) - closing;
            double e = state.equity();
            if (opening > 0 && !(e > 0)) {
                rule = RiskRule.EQUITY;
                value = e;
                violation = "equity " + e + " is not positive";
            } else if (opening > 0 && drawdown.halted() && r.origin() != OrderOrigin.RISK) {
                rule = RiskRule.DRAWDOWN_HALT;
                value = drawdown.drawdown();
                violation = "drawdown " + pct(value) + " is past the " + pct(limits.drawdownThreshold()) + " threshold: no new exposure";
            } else if (opening * p > limits.maxOrderFraction() * e * (1 + 1e-9)) {
                rule = RiskRule.ORDER_SIZE;
                value = opening * p / e;
                violation = "order adds " + pct(value) + " of equity, limit " + pct(limits.maxOrderFraction());
            } else {
                for (RiskRule rr : ExposureMonitor.EXPOSURE_RULES) {
                    if (rr == RiskRule.BOOK_EXPOSURE) {
                        continue; // books are the coordination layer's; its plan check holds them
                    }
                    double a = state.allowed(rr, k, null, q);
                    if (Math.abs(a) < Math.abs(q) * (1 - 1e-9)) {
                        rule = rr;
                        value = state.measure(rr, k, null, q) / state.equityAfter(k, q);
                        violation = rr + " would reach " + pct(value) + " of equity, limit " + pct(limits.limit(rr));
                        break;
                    }
                }
            }
        }
        if (rule == null) {
            return PreTradeDecision.ACCEPT;
        }
        String msg = "order " + r.clientOrderId() + " (" + r.origin() + " " + r.side() + " " + r.quantity() + " " + s + "): " + violation;
        if (r.origin() == OrderOrigin.MANUAL && r.riskOverride()) {
            LOG.warn("RISK OVERRIDE by the operator: {}", msg);
            record(new RiskEvent(account.time(s), RiskEvent.Kind.OVERRIDDEN, rule, r.clientOrderId(), r.book(), s, q, q, value, limits.limit(rule),
                    msg + " (accepted under the operator's explicit override)"));
            return PreTradeDecision.overridden(rule.name(), msg);
        }
        record(new RiskEvent(account.time(s), RiskEvent.Kind.REJECTED, rule, r.clientOrderId(), r.book(), s, q, 0, value, limits.limit(rule), msg));
        return PreTradeDecision.reject(rule.name(), msg);
    }
}
