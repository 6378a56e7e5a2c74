package org.concord.execution.binance;

import org.concord.bus.EventBus;
import org.concord.data.BarListener;
import org.concord.bus.Subscription;
import org.concord.data.TradeListener;
import org.concord.execution.AccountView;
import org.concord.execution.Balance;
import org.concord.execution.Broker;
import org.concord.execution.ExecutionListener;
import org.concord.execution.Fill;
import org.concord.execution.Order;
import org.concord.execution.OrderEvent;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.Position;
import org.concord.execution.PreTradeCheck;
import org.concord.execution.PreTradeDecision;
import org.concord.execution.TimeInForce;
import org.concord.instrument.Instrument;
import org.concord.instrument.InstrumentRegistry;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.secrets.ApiCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@link Broker} on Binance spot (testnet or live). Same contract as {@link org.concord.execution.PaperBroker}:
 * idempotent submit by client order id, the {@link PreTradeCheck} first, every transition an {@link OrderEvent},
 * a fill before the order event it causes.
 *
 * <p><b>Threading.</b> Every method, including {@link #poll()}, is called on the decision thread; REST calls are
 * made there, blocking, bounded by the configured timeouts. The user-data stream's I/O threads only queue what
 * they receive; {@link #poll()} applies it (fills, state changes, balances) on the decision thread, so listeners
 * are called there too. {@link #submit} returns once the exchange acknowledged the order (NEW) or refused it
 * (REJECTED); fills arrive through {@link #poll()}.
 *
 * <p><b>Before sending</b>: the risk check, then {@link ExchangeFilters} (quantity rounded down to the lot step,
 * prices to the tick, min notional) so the exchange does not reject for rounding; the order carries the rounded
 * values. The request is written to the journal (forced to disk) before it is sent.
 *
 * <p><b>Never twice.</b> When a new-order request got no answer (dropped connection, timeout, 5xx) the order is
 * queried by its client id until it appears or its recvWindow has passed (then it cannot be executed any more and
 * is declared not placed); it is never resent. After a stream reconnect, and at {@link #start()} after a restart
 * (same data directory), every unfinished order is queried and its missed trades fetched ({@code myTrades}) and
 * applied once, keyed by trade id.
 *
 * <p><b>Exits</b> (stop-loss / take-profit) are placed when the parent is done, for the quantity the account
 * received (fills minus commission charged in the base asset): both as one Binance OCO order list (the exchange
 * cancels one when the other executes; a spot balance cannot back two separate sell orders), one alone as a
 * STOP_LOSS or LIMIT order.
 *
 * <p><b>Replace</b> is cancel-then-new: the new order passes the risk check and the filters first (refused there,
 * the old one keeps working); then the old one is canceled (its funds are needed for the new one on a spot
 * account) and the new one sent. If the exchange refuses the new one, the old one stays canceled.
 */
public final class BinanceSpotBroker implements Broker, AccountView, TradeListener, BarListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceSpotBroker.class);
    private static final double EPS = 1e-9;
    /** The venue name of Binance's listings in the instrument registry (testnet and live list the same symbols). */
    private static final String VENUE = "binance";

    private record Prepared(ExchangeFilters.Result filtered, String refusal) {
    }

    private final BinanceSpotConfig config;
    private final PreTradeCheck preTrade;
    private final BinanceSpotRestClient rest;
    private final UserDataStream stream;
    private final SpotJournal journal;
    private final SpotOrderBook book;
    private final SpotExecution exec;
    private final SpotStreamInbox inbox;
    private final SpotAccount account = new SpotAccount();
    private final VenueMarks marks;
    private final SpotReconciler reconciler;
    private ExchangeFilters filters = new ExchangeFilters(List.of());
    private InstrumentRegistry instruments;
    private SpotOrder replacing;
    private long seq;
    private boolean started;

    /**
     * An adapter (nothing is contacted until {@link #start()}).
     *
     * @param dataDir  the data directory: state goes to {@code <dataDir>/execution/<venue>/}
     * @param preTrade the risk gate (the unified risk manager's {@code preTradeCheck()})
     * @param bus      where order events and fills are published, or null
     */
    public BinanceSpotBroker(BinanceSpotConfig config, ApiCredentials credentials, Path dataDir, PreTradeCheck preTrade, EventBus bus) {
        if (config == null || credentials == null || dataDir == null || preTrade == null) {
            throw new IllegalArgumentException("config, credentials, data directory and pre-trade check are required");
        }
        this.config = config;
        this.preTrade = preTrade;
        HttpClient http = BinanceSpotRestClient.newHttpClient(config);
        this.rest = new BinanceSpotRestClient(config, new BinanceSigner(credentials), http);
        this.marks = new VenueMarks(account, rest, System::nanoTime);
        this.journal = new SpotJournal(dataDir.resolve("execution").resolve(config.venue()));
        this.book = new SpotOrderBook(journal, bus);
        this.exec = new SpotExecution(config, rest, book, this::markPrice);
        this.reconciler = new SpotReconciler(config, rest, book, exec, account);
        this.inbox = new SpotStreamInbox(exec, account, reconciler);
        this.stream = new UserDataStream(config, rest, http, inbox);
    }

    /** Creates and {@link #start()}s an adapter. */
    public static BinanceSpotBroker connect(BinanceSpotConfig config, ApiCredentials credentials, Path dataDir, PreTradeCheck preTrade, EventBus bus) {
        BinanceSpotBroker b = new BinanceSpotBroker(config, credentials, dataDir, preTrade, bus);
        b.start();
        return b;
    }

    /** Loads the symbol filters and balances, replays the journal, reconciles every unfinished order, opens the user-data stream. */
    public void start() {
        if (started) {
            throw new IllegalStateException("adapter already started");
        }
        started = true;
        List<SymbolRules> listed = new ArrayList<>();
        for (SymbolRules r : rest.exchangeInfo()) {
            if (config.symbols().contains(r.symbol())) {
                listed.add(r);
            }
        }
        filters = new ExchangeFilters(listed);
        exec.filters(filters);
        // our symbols' Binance listings, with the grid this venue's exchangeInfo gives
        instruments = config.instruments().withListings(listed.stream().filter(r -> r.tickSize().signum() > 0 && r.stepSize().signum() > 0)
                .map(r -> new Instrument(r.symbol(), VENUE, r.symbol(), r.baseAsset(), r.quoteAsset(), r.tickSize(), r.stepSize(), r.minQty(),
                        r.minNotional())).toList());
        for (Symbol s : config.symbols()) {
            if (filters.rules(s).isEmpty()) {
                throw new IllegalStateException("symbol " + s + " is not listed on " + config.restUrl());
            }
        }
        seq = book.restoreFrom(journal, config.clientIdPrefix());
        LOG.info("binance spot adapter {} starting ({}, journal {})", config.venue(), config.environment(), journal.file());
        account.refresh(rest); // fails loudly on wrong credentials or a refused signature
        reconcileAll("start");
        stream.start();
    }

    public BinanceSpotConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- stream events (decision thread)

    /**
     * Applies what the user-data stream delivered since the last call (fills, state changes, balances) and, after a
     * (re)connection, reconciles with REST. Call it on the decision thread, e.g. once per loop turn.
     *
     * @return the number of stream items processed
     */
    public int poll() {
        reconciler.retryUnknownOutcomes();
        return inbox.apply();
    }

    // ---------------------------------------------------------------- orders in

    @Override
    public Order submit(OrderRequest request) {
        if (request == null) {
            throw new IllegalArgumentException("order request is null");
        }
        requireStarted();
        SpotOrder existing = book.get(request.clientOrderId());
        if (existing != null) {
            return existing.snapshot();
        }
        Prepared p = prepare(request);
        return exec.place(p.filtered(), p.refusal(), request, null);
    }

    /**
     * Our symbol onto the venue's (the desk's BTCUSD is sent as BTCUSDT, {@link BinanceSpotConfig#instruments}), then
     * risk first (the rule is named), then what Binance spot cannot do, then the exchange's filters.
     */
    private Prepared prepare(OrderRequest asked) {
        Symbol venueSymbol = instruments.venueSymbol(asked.symbol(), VENUE);
        OrderRequest r = venueSymbol.equals(asked.symbol()) ? asked : asked.withSymbol(venueSymbol);
        if (!config.symbols().contains(r.symbol())) {
            return new Prepared(null, "symbol " + r.symbol() + " is not traded by this adapter (configured: " + config.symbols() + ")");
        }
        marks.refresh(r.symbol()); // the venue's price when the feed gave none lately (a desk replaying history)
        PreTradeDecision d = preTrade.check(r, this);
        if (!d.accepted()) {
            return new Prepared(null, "risk rule " + d.rule() + ": " + d.message());
        }
        if (d.overridden()) {
            LOG.warn("order {} accepted under a manual risk override of {}: {}", r.clientOrderId(), d.rule(), d.message());
        }
        if (r.timeInForce() == TimeInForce.GTD) {
            return new Prepared(null, "Binance spot has no good-till-date orders: use GTC and cancel, or IOC");
        }
        ExchangeFilters.Result f = filters.apply(r, markPrice(r.symbol()));
        return f.accepted() ? new Prepared(f, null) : new Prepared(null, f.refusal());
    }

    // ---------------------------------------------------------------- cancel / replace

    @Override
    public Order cancel(String clientOrderId) {
        SpotOrder o = find(clientOrderId);
        if (o.state == OrderState.CANCELED) {
            return o.snapshot();
        }
        if (!o.working()) {
            throw new IllegalStateException("order " + clientOrderId + " is " + o.state + ": cannot cancel");
        }
        exec.cancelOnExchange(o, "canceled by client");
        if (o.working()) {
            throw new IllegalStateException("order " + clientOrderId + " could not be canceled: " + o.snapshot().reason());
        }
        if (o.state != OrderState.CANCELED && o.state != OrderState.EXPIRED) {
            throw new IllegalStateException("order " + clientOrderId + " is " + o.state + ": cannot cancel");
        }
        return o.snapshot();
    }

    @Override
    public Order replace(String clientOrderId, String newClientOrderId, double newQuantity, double newLimitPrice, double newStopPrice) {
        SpotOrder old = find(clientOrderId);
        SpotOrder existing = book.get(newClientOrderId);
        if (existing != null) {
            return existing.snapshot();
        }
        if (!old.working()) {
            throw new IllegalStateException("order " + clientOrderId + " is " + old.state + ": cannot replace");
        }
        if (old.parentClientId != null) {
            throw new IllegalStateException("order " + clientOrderId + " is an attached exit: cancel its parent's position instead");
        }
        OrderRequest r = old.request;
        OrderRequest next = r.replacedBy(newClientOrderId, newQuantity, newLimitPrice > 0 ? newLimitPrice : r.limitPrice(),
                newStopPrice > 0 ? newStopPrice : r.stopPrice());
        replacing = old; // the old order's exposure does not count against its own replacement
        Prepared p;
        try {
            p = prepare(next);
        } finally {
            replacing = null;
        }
        if (p.refusal() != null) {
            return exec.place(p.filtered(), p.refusal(), next, null);
        }
        exec.cancelOnExchange(old, "replaced by " + newClientOrderId);
        if (old.state != OrderState.CANCELED) {
            return exec.place(null, "not replaced: " + clientOrderId + " is " + old.snapshot().state()
                    + (old.working() ? " (cancel not confirmed)" : "") + " on the exchange", next, null);
        }
        return exec.place(p.filtered(), p.refusal(), next, null);
    }

    private SpotOrder find(String clientOrderId) {
        requireStarted();
        SpotOrder o = book.get(clientOrderId);
        if (o == null) {
            throw new IllegalArgumentException("unknown client order id '" + clientOrderId + "'");
        }
        return o;
    }

    // ---------------------------------------------------------------- reconciliation

    /** Balances, then every unfinished order (missed trades applied once), then open orders of ours the journal lacks. */
    public void reconcileAll(String why) {
        requireStarted();
        reconciler.reconcileAll(why);
    }

    public long reconciliations() {
        return reconciler.count();
    }

    // ---------------------------------------------------------------- helpers

    private long now() {
        return config.clock().getAsLong();
    }

    private void requireStarted() {
        if (!started) {
            throw new IllegalStateException("call start() first");
        }
    }

    /** {@code <prefix>-<n>}: the next id of a sequence kept in the journal, unique for this venue's journal. */
    public String nextClientOrderId() {
        String id;
        do {
            id = config.clientIdPrefix() + "-" + (++seq);
        } while (book.get(id) != null);
        journal.append(SpotJournal.Entry.seq(id, seq), false);
        return id;
    }

    public boolean streamConnected() {
        return stream.connected();
    }

    public UserDataStream userDataStream() {
        return stream;
    }

    public BinanceSpotRestClient rest() {
        return rest;
    }

    public Optional<SymbolRules> rules(Symbol s) {
        return filters.rules(s);
    }

    /** Every transition so far in this session, in order. */
    public List<OrderEvent> events() {
        return book.events();
    }

    // ---------------------------------------------------------------- market data in (marks)

    /** The last price of {@code symbol} (values market orders, equity and the risk check). */
    public void mark(Symbol symbol, double price) {
        if (symbol == null || !(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("mark needs a symbol and a finite price > 0, got " + symbol + " " + price);
        }
        marks.mark(symbol, price, 0);
    }

    @Override
    public void onTrade(Symbol symbol, long tradeTime, double price, double size, boolean buyerMaker) {
        marks.mark(symbol, price, tradeTime);
    }

    @Override
    public void onBarClose(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low, double close, double volume) {
        marks.mark(symbol, close, tf == null ? 0 : tf.closeTime(openTime));
    }

    // ---------------------------------------------------------------- queries

    @Override
    public Optional<Order> order(String clientOrderId) {
        SpotOrder o = book.get(clientOrderId);
        return o == null ? Optional.empty() : Optional.of(o.snapshot());
    }

    @Override
    public List<Order> openOrders() {
        return book.orders(true);
    }

    @Override
    public List<Order> orders() {
        return book.orders(false);
    }

    @Override
    public List<Position> positions() {
        List<Position> out = new ArrayList<>();
        for (Symbol s : config.symbols()) {
            Position p = position(s);
            if (!p.isFlat()) {
                out.add(p);
            }
        }
        return out;
    }

    /** The base asset's balance on the exchange, priced by this adapter's fills (average entry, realized, fees). */
    @Override
    public Position position(Symbol symbol) {
        SpotLedger.Book b = book.ledger().book(symbol);
        double q = positionQuantity(symbol);
        return new Position(symbol, q, q > 0 && b.quantity > 0 ? b.averagePrice : 0, b.realized, b.fees, markPrice(symbol));
    }

    @Override
    public List<Balance> balances() {
        return account.balances();
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
        book.listeners().add(listener);
        return () -> book.listeners().remove(listener);
    }

    @Override
    public long time() {
        return Math.max(Math.max(account.dataTime(), exec.lastEventTime()), now());
    }

    @Override
    public double cash() {
        Balance b = account.balance(config.quoteAsset());
        return b == null ? 0 : b.total();
    }

    @Override
    public double equity() {
        double e = cash();
        for (Symbol s : config.symbols()) {
            e += positionQuantity(s) * markPrice(s);
        }
        return e;
    }

    @Override
    public double positionQuantity(Symbol symbol) {
        Optional<SymbolRules> r = filters.rules(symbol);
        Balance b = r.isPresent() ? account.balance(r.get().baseAsset()) : null;
        return b == null ? 0 : b.total();
    }

    /** Excludes exits (they only reduce) and an order being replaced. */
    @Override
    public double openQuantity(Symbol symbol, OrderSide side) {
        return book.openQuantity(symbol, side, replacing);
    }

    @Override
    public double markPrice(Symbol symbol) {
        return account.markPrice(symbol, book.fills());
    }

    @Override
    public Set<Symbol> symbols() {
        return new LinkedHashSet<>(config.symbols());
    }

    /** Closes the user-data stream (deleting the listenKey) and the journal; open orders stay on the exchange. */
    @Override
    public void close() {
        stream.close();
        journal.close();
    }
}
