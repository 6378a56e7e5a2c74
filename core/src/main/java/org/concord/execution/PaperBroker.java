package org.concord.execution;

import org.concord.bus.EventBus;
import org.concord.data.BarListener;
import org.concord.bus.Subscription;
import org.concord.data.TradeListener;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A simulated venue: market, limit and stop orders with attached stop-loss/take-profit exits, filled against
 * closed bars of one timeframe or against the trade stream (see {@link PaperMatcher} for the rules), with maker
 * and taker fees, slippage, an optional cap on the share of market volume taken (partial fills), cash, positions
 * and equity.
 *
 * <p>No lookahead: an order sent after a market event fills on a later event only. Within one event, working
 * orders are matched oldest first; of a stop-loss / take-profit pair the stop-loss is older, so when one bar
 * reaches both the loss is taken (the conservative reading of an OHLC bar). Exits are created when their parent
 * is done (filled, or canceled/expired after a partial fill) for the quantity filled, are active from the next
 * event, only ever reduce the position (reduce-only) and cancel each other (one-cancels-other).
 *
 * <p>Single-threaded: it is fed and called on the decision thread. Its state is this thread's alone.
 */
public final class PaperBroker implements Broker, AccountView, BarListener, TradeListener {
    private static final Logger LOG = LoggerFactory.getLogger(PaperBroker.class);
    private static final double DUST = PaperAdmission.DUST;

    private final PaperBrokerConfig config;
    private final PaperAdmission admission;
    private final EventBus bus;
    private final PaperLedger ledger;
    private final SpotFunds funds;
    private final PaperMatcher matcher = new PaperMatcher();
    private final PaperOrderBook book = new PaperOrderBook();
    private final List<ExecutionListener> listeners = new CopyOnWriteArrayList<>();
    private long nextOrderId = 1;
    private long nextFillId = 1;
    private long seq;
    private long time;
    private boolean restarted; // reset: the next market event sets the time, earlier or not (a seek back)
    private WorkingOrder replacing;
    private PaperJournal journal = PaperJournal.NONE;

    public PaperBroker(PaperBrokerConfig config) {
        this(config, PreTradeCheck.NONE, null);
    }

    /**
     * @param preTrade the risk check every order passes (the unified risk manager in Concord)
     * @param bus      where order events and fills are published, or null
     */
    public PaperBroker(PaperBrokerConfig config, PreTradeCheck preTrade, EventBus bus) {
        if (config == null) {
            throw new IllegalArgumentException("config is required");
        }
        this.config = config;
        this.admission = new PaperAdmission(preTrade);
        this.bus = bus;
        this.ledger = new PaperLedger(config.initialCash());
        this.funds = new SpotFunds(config, ledger);
    }

    public PaperBrokerConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- market data in

    @Override
    public void onBarClose(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low, double close, double volume) {
        if (tf == config.barTimeframe()) {
            onMarketBar(symbol, tf, openTime, open, high, low, close, volume);
        }
    }

    /**
     * A closed bar of {@code tf} that the caller chose to fill and mark by, whatever the configured bar timeframe (a
     * desk's symbol that has no bars of it: {@code FillTimeframes}); ignored when fills come from trades.
     */
    public void onMarketBar(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low, double close, double volume) {
        if (config.fillSource() == PaperBrokerConfig.FillSource.BARS) {
            onMarket(symbol, openTime, tf.closeTime(openTime), open, high, low, close, volume);
        }
    }

    @Override
    public void onTrade(Symbol symbol, long tradeTime, double price, double size, boolean buyerMaker) {
        if (config.fillSource() != PaperBrokerConfig.FillSource.TRADES) {
            return;
        }
        onMarket(symbol, tradeTime, tradeTime, price, price, price, price, size);
    }

    /** Matches working orders against one event starting at {@code startTime}, then marks the symbol at {@code close}. */
    private void onMarket(Symbol symbol, long startTime, long endTime, double o, double h, double l, double c, double v) {
        if (symbol == null || !(o > 0) || !(h > 0) || !(l > 0) || !(c > 0) || !(v >= 0) || Double.isInfinite(h) || Double.isInfinite(v)) {
            LOG.warn("paper broker ignores invalid market event {} @{} o={} h={} l={} c={} v={}", symbol, startTime, o, h, l, c, v);
            return;
        }
        seq++;
        time = restarted ? startTime : Math.max(time, startTime);
        restarted = false;
        ledger.advance(symbol, startTime);
        double budget = config.maxParticipation() > 0 ? config.maxParticipation() * v : Double.POSITIVE_INFINITY;
        List<WorkingOrder> working = book.working();
        int n = working.size(); // exits created during this event are appended and wait for the next one
        for (int i = 0; i < n; i++) {
            WorkingOrder w = working.get(i);
            if (!w.state.isWorking() || !w.request.symbol().equals(symbol) || w.activeAfterSeq >= seq) {
                continue;
            }
            TimeInForce tif = w.request.timeInForce();
            if (tif == TimeInForce.GTD && startTime >= w.request.expireTime()) {
                finish(w, OrderState.EXPIRED, "expired at " + Instant.ofEpochMilli(w.request.expireTime()));
                continue;
            }
            budget -= tryFill(w, o, h, l, v, budget);
            boolean active = w.request.type() != OrderType.STOP || w.triggered;
            if (!w.seenMarket) {
                w.seenMarket = true; // a limit's first event is matched differently: a restart must know it has passed
                journal(w);
            }
            if (tif == TimeInForce.IOC && active && w.state.isWorking()) {
                finish(w, OrderState.EXPIRED, "IOC remainder " + w.remaining() + " not filled on the first opportunity");
            }
        }
        time = Math.max(time, endTime);
        ledger.mark(symbol, c, endTime);
        book.compact();
    }

    /** @return the quantity filled */
    private double tryFill(WorkingOrder w, double o, double h, double l, double volume, double budget) {
        double qty = Math.min(w.remaining(), budget);
        if (!(qty > DUST)) {
            return 0;
        }
        if (!matcher.match(w, o, h, l, qty, volume, config.slippage())) {
            return 0;
        }
        double price = matcher.price;
        Liquidity liq = matcher.liquidity;
        String why = funds.capFill(w, qty, price);
        if (why != null) {
            finish(w, OrderState.CANCELED, why);
            return 0;
        }
        qty = funds.cappedQuantity();
        applyFill(w, qty, price, liq);
        return qty;
    }

    private void applyFill(WorkingOrder w, double qty, double price, Liquidity liq) {
        double fee = config.fees().fee(qty * price, liq);
        Fill f = new Fill(nextFillId++, w.orderId, w.request.clientOrderId(), w.request.symbol(), w.request.side(), qty, price,
                fee, liq, time(w.request.symbol()), w.request.book());
        ledger.apply(f);
        book.fill(f);
        journal.fill(f);
        OrderState prev = w.state;
        w.filled += qty;
        w.notionalFilled += qty * price;
        w.fees += fee;
        w.updatedTime = f.time();
        if (w.request.quantity() - w.filled <= DUST * Math.max(1, w.request.quantity())) {
            w.filled = w.request.quantity();
        }
        boolean done = w.remaining() == 0;
        w.state = done ? OrderState.FILLED : OrderState.PARTIALLY_FILLED;
        funds.release(w, qty, done);
        Order snap = w.snapshot();
        for (ExecutionListener l : listeners) {
            l.onFill(f, snap);
        }
        if (bus != null) {
            bus.publish(ExecutionTopics.FILLS, f);
        }
        emit(w, prev, qty, price);
        if (done) {
            afterDone(w);
        }
        if (ledger.quantity(w.request.symbol()) == 0) {
            cancelExits(w.request.symbol(), "position closed");
        }
    }

    // ---------------------------------------------------------------- orders in

    @Override
    public Order submit(OrderRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("order request is null");
        }
        WorkingOrder existing = book.get(request.clientOrderId());
        if (existing != null) {
            return existing.snapshot();
        }
        WorkingOrder w = new WorkingOrder(nextOrderId++, request, time(request.symbol()), seq);
        book.add(w);
        String refusal = admission.refusal(request, this, funds, replacing);
        if (refusal != null) {
            w.state = OrderState.REJECTED;
            w.reason = refusal;
            LOG.info("order {} rejected: {}", request.clientOrderId(), refusal);
            emit(w, null, 0, 0);
            return w.snapshot();
        }
        w.state = OrderState.NEW;
        funds.reserve(w);
        book.work(w);
        emit(w, null, 0, 0);
        return w.snapshot();
    }

    @Override
    public Order cancel(String clientOrderId) {
        WorkingOrder w = book.find(clientOrderId);
        if (w.state == OrderState.CANCELED) {
            return w.snapshot();
        }
        if (!w.state.isWorking()) {
            throw new IllegalStateException("order " + clientOrderId + " is " + w.state + ": cannot cancel");
        }
        finish(w, OrderState.CANCELED, "canceled by client");
        book.compact();
        return w.snapshot();
    }

    @Override
    public Order replace(String clientOrderId, String newClientOrderId, double newQuantity, double newLimitPrice, double newStopPrice) {
        WorkingOrder old = book.find(clientOrderId);
        WorkingOrder existing = book.get(newClientOrderId);
        if (existing != null) {
            return existing.snapshot();
        }
        if (!old.state.isWorking()) {
            throw new IllegalStateException("order " + clientOrderId + " is " + old.state + ": cannot replace");
        }
        if (old.parentClientId != null) {
            throw new IllegalStateException("order " + clientOrderId + " is an attached exit: cancel its parent's position instead");
        }
        OrderRequest r = old.request;
        OrderRequest next = r.replacedBy(newClientOrderId, newQuantity, newLimitPrice > 0 ? newLimitPrice : r.limitPrice(),
                newStopPrice > 0 ? newStopPrice : r.stopPrice());
        replacing = old; // the old order's exposure and cash do not count against its own replacement
        Order result;
        try {
            result = submit(next);
        } finally {
            replacing = null;
        }
        if (result.state() == OrderState.NEW) {
            finish(old, OrderState.CANCELED, "replaced by " + newClientOrderId);
            book.compact();
        }
        return result;
    }

    // ---------------------------------------------------------------- lifecycle

    private void finish(WorkingOrder w, OrderState state, String reason) {
        OrderState prev = w.state;
        w.state = state;
        w.reason = reason;
        w.updatedTime = time(w.request.symbol());
        funds.release(w, 0, true);
        emit(w, prev, 0, 0);
        if (w.ocoSibling != null && w.ocoSibling.ocoSibling == w) {
            w.ocoSibling.ocoSibling = null; // the sibling lives on alone (reduce-only keeps it safe)
        }
        afterDone(w);
    }

    /** A finished order: create its exits for what it filled; a filled exit cancels its sibling. */
    private void afterDone(WorkingOrder w) {
        if (w.state == OrderState.FILLED && w.ocoSibling != null && w.ocoSibling.state.isWorking()) {
            WorkingOrder sib = w.ocoSibling;
            sib.ocoSibling = null;
            w.ocoSibling = null;
            finish(sib, OrderState.CANCELED, "one-cancels-other: " + w.request.clientOrderId() + " filled");
        }
        OrderRequest r = w.request;
        if (w.filled > 0 && r.hasBracket() && w.parentClientId == null) {
            createExits(w);
        }
    }

    private void createExits(WorkingOrder parent) {
        OrderRequest slr = BracketExits.stopLoss(parent);
        OrderRequest tpr = BracketExits.takeProfit(parent);
        WorkingOrder sl = slr == null ? null : exit(parent, slr);
        WorkingOrder tp = tpr == null ? null : exit(parent, tpr);
        if (sl != null && tp != null) {
            sl.ocoSibling = tp;
            tp.ocoSibling = sl;
        }
    }

    private WorkingOrder exit(WorkingOrder parent, OrderRequest req) {
        WorkingOrder c = new WorkingOrder(nextOrderId++, req, time(req.symbol()), seq);
        c.parentClientId = parent.request.clientOrderId();
        c.reduceOnly = true;
        c.state = OrderState.NEW;
        book.add(c);
        book.work(c);
        emit(c, null, 0, 0);
        return c;
    }

    private void cancelExits(Symbol s, String reason) {
        List<WorkingOrder> working = book.working();
        for (int i = 0, n = working.size(); i < n; i++) {
            WorkingOrder w = working.get(i);
            if (w.reduceOnly && w.state.isWorking() && w.request.symbol().equals(s)) {
                finish(w, OrderState.CANCELED, reason);
            }
        }
    }

    private void emit(WorkingOrder w, OrderState prev, double lastQty, double lastPrice) {
        OrderRequest r = w.request;
        OrderEvent e = new OrderEvent(time(r.symbol()), w.orderId, r.clientOrderId(), r.symbol(), r.side(), r.type(), prev, w.state,
                r.quantity(), w.filled, lastQty, lastPrice, w.reason);
        book.event(e);
        journal(w);
        Order snap = listeners.isEmpty() ? null : w.snapshot();
        for (ExecutionListener l : listeners) {
            l.onOrderEvent(e, snap);
        }
        if (bus != null) {
            bus.publish(ExecutionTopics.ORDER_EVENTS, e);
        }
    }

    private void journal(WorkingOrder w) {
        if (journal != PaperJournal.NONE) {
            journal.order(PaperOrderRecord.of(w));
        }
    }

    // ---------------------------------------------------------------- persistence (the desk's own account)

    /** Reports every fill and order transition from now on to {@code j} (on this broker's thread). */
    public void journalTo(PaperJournal j) {
        journal = j == null ? PaperJournal.NONE : j;
    }

    /** The id the next order gets; ids only grow, across {@link #restore} and {@link #reset} too. */
    public long nextOrderId() {
        return nextOrderId;
    }

    /**
     * Makes this account the stored one: its fills replayed through the ledger (cash, positions, P&L, fees), its
     * orders back, the working ones working again with their held cash, marks at each symbol's last fill until the
     * market moves. Call it before the account trades (a restart), on the broker's thread. Nothing is journaled.
     */
    public void restore(PaperAccountState s) {
        if (s == null) {
            throw new IllegalArgumentException("stored account state is null");
        }
        clear(s.initialCash());
        time = Math.max(time, Math.max(ledger.replay(s.fills()), book.restore(s, funds)));
        nextOrderId = Math.max(nextOrderId, s.nextOrderId());
        nextFillId = Math.max(nextFillId, s.nextFillId());
    }

    /**
     * Starts the account again at its initial cash: no orders, fills or positions; ids go on; nothing is journaled.
     * The account's clock then follows the next market event even when it is earlier (a replay seeked back).
     */
    public void reset() {
        clear(config.initialCash());
        restarted = true;
    }

    private void clear(double cash) {
        ledger.clear(cash);
        funds.clear();
        book.clear();
    }

    // ---------------------------------------------------------------- queries

    @Override
    public Optional<Order> order(String clientOrderId) {
        return book.order(clientOrderId);
    }

    @Override
    public List<Order> openOrders() {
        return book.openOrders();
    }

    @Override
    public List<Order> orders() {
        return book.orders();
    }

    /** Every order transition so far, in order (the same events the listeners and the bus got). */
    public List<OrderEvent> events() {
        return book.events();
    }

    @Override
    public List<Position> positions() {
        return ledger.openPositions();
    }

    @Override
    public Position position(Symbol symbol) {
        return ledger.position(symbol);
    }

    @Override
    public List<Balance> balances() {
        List<Balance> out = new ArrayList<>();
        out.add(new Balance(config.quoteAsset(), ledger.cash(), funds.reserved()));
        for (Position p : ledger.openPositions()) {
            double locked = config.allowShort() ? 0 : Math.min(Math.max(0, p.quantity()), openQuantity(p.symbol(), OrderSide.SELL));
            out.add(new Balance(p.symbol().code(), p.quantity(), locked));
        }
        return out;
    }

    @Override
    public List<Fill> fills() {
        return book.fills();
    }

    @Override
    public AccountView account() {
        return this;
    }

    @Override
    public Subscription addListener(ExecutionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener is null");
        }
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public long time() {
        return time;
    }

    @Override
    public long time(Symbol symbol) {
        return ledger.time(symbol, time);
    }

    @Override
    public double cash() {
        return ledger.cash();
    }

    @Override
    public double equity() {
        return ledger.equity();
    }

    @Override
    public double positionQuantity(Symbol symbol) {
        return ledger.quantity(symbol);
    }

    /** Excludes reduce-only exits (they can only shrink a position) and an order being replaced. */
    @Override
    public double openQuantity(Symbol symbol, OrderSide side) {
        return book.openQuantity(symbol, side, replacing);
    }

    @Override
    public double markPrice(Symbol symbol) {
        return ledger.markPrice(symbol);
    }

    @Override
    public Set<Symbol> symbols() {
        Set<Symbol> out = new LinkedHashSet<>();
        for (Symbol s : ledger.symbols()) {
            out.add(s);
        }
        return out;
    }
}
