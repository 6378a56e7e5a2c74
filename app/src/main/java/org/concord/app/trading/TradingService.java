package org.concord.app.trading;

import org.concord.coordination.CoordinationEngine;
import org.concord.engine.BotMode;
import org.concord.engine.TradingPipeline;
import org.concord.app.shell.FxPulse;
import org.concord.app.shell.Presenters;
import org.concord.bus.Subscription;
import org.concord.execution.Broker;
import org.concord.execution.ExecutionListener;
import org.concord.execution.Fill;
import org.concord.execution.Order;
import org.concord.execution.OrderEvent;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderState;
import org.concord.execution.OrderType;
import org.concord.execution.PaperBroker;
import org.concord.execution.Position;
import org.concord.execution.binance.BinanceSpotBroker;
import org.concord.model.Symbol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The desk's trading presenter: turns the person's intents (submit, cancel, replace, move a line, the bot switch)
 * into calls on the pipeline's writer thread — orders to the person's (manual) account — and both accounts' state,
 * the person's and the orchestrator's, into {@link TradingSnapshot}s handed to the FX pulse (at most one per pulse).
 * Never called into by a broker on the FX thread, never blocks it.
 */
public final class TradingService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TradingService.class);
    static final int DONE_SHOWN = 100;
    static final int FILLS_SHOWN = 200;

    private final TradingPipeline pipeline;
    private final FxPulse.Slot<TradingSnapshot> snapshots = new FxPulse.Slot<>();
    private final FxPulse.Slot<ActionResult> results = new FxPulse.Slot<>();
    private final AtomicBoolean dirty = new AtomicBoolean(true);
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicLong seq = new AtomicLong();
    private final AtomicLong manualIds = new AtomicLong();
    private final ScheduledFuture<?> ticker;
    private volatile TradingMode mode = TradingMode.PAPER;
    private volatile TradingSnapshot latest;
    // pipeline thread only
    private final Map<Broker, Subscription> listened = new IdentityHashMap<>();
    private int ticks;

    public TradingService(TradingPipeline pipeline, Presenters presenters) {
        if (pipeline == null || presenters == null) {
            throw new IllegalArgumentException("trading pipeline and presenters are required");
        }
        this.pipeline = pipeline;
        // events only set the dirty flag; a snapshot is taken at most every 100 ms, and every 500 ms for the marks
        this.ticker = presenters.every(100, this::requestSnapshot);
    }

    public FxPulse.Slot<TradingSnapshot> snapshots() {
        return snapshots;
    }

    public FxPulse.Slot<ActionResult> results() {
        return results;
    }

    public TradingMode mode() {
        return mode;
    }

    /** The last snapshot taken (any thread; tests and the ticket's reference price). */
    public TradingSnapshot latest() {
        return latest;
    }

    // ------------------------------------------------------------------ intents (any thread, usually FX)

    /** Sends the ticket's order; the answer (accepted, or rejected with the rule named) arrives on {@link #results}. */
    public void submit(TicketIntent intent) {
        if (intent == null) {
            throw new IllegalArgumentException("intent is required");
        }
        onDesk("submit", null, b -> {
            var acct = b.account();
            OrderRequest r = intent.toRequest(nextId(b), acct.markPrice(intent.symbol()), acct.time(intent.symbol()));
            LOG.info("manual order {}: {}", r.clientOrderId(), intent.describe());
            return b.submit(r);
        });
    }

    public void cancel(String clientOrderId) {
        requireId(clientOrderId);
        onDesk("cancel", clientOrderId, b -> b.cancel(clientOrderId));
    }

    /** Replaces a working order's quantity and price (the price it has for its type: limit or stop). */
    public void replace(String clientOrderId, double quantity, double price) {
        requireId(clientOrderId);
        if (!(quantity > 0) || !(price > 0) || Double.isInfinite(quantity) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("replace needs a positive quantity and price, got " + quantity + " / " + price);
        }
        onDesk("replace", clientOrderId, b -> {
            Order o = working(b, clientOrderId);
            if (o.type() == OrderType.MARKET) {
                throw new IllegalArgumentException("a market order has no price to move");
            }
            double remaining = quantity - o.filledQuantity();
            if (!(remaining > 0)) {
                throw new IllegalArgumentException("quantity " + quantity + " is not above what already filled (" + o.filledQuantity() + ")");
            }
            boolean limit = o.type() == OrderType.LIMIT;
            return judgedAgain(o, b.replace(clientOrderId, nextId(b), remaining, limit ? price : 0, limit ? 0 : price));
        });
    }

    /** The entry line was dragged to {@code price}: same remaining quantity, new price. */
    public void movePrice(String clientOrderId, double price) {
        requireId(clientOrderId);
        onDesk("move", clientOrderId, b -> {
            Order o = working(b, clientOrderId);
            if (o.type() == OrderType.MARKET) {
                throw new IllegalArgumentException("a market order has no price to move");
            }
            boolean limit = o.type() == OrderType.LIMIT;
            return judgedAgain(o, b.replace(clientOrderId, nextId(b), o.remainingQuantity(), limit ? price : 0, limit ? 0 : price));
        });
    }

    /**
     * {@code moved}, or a refusal that says why an order sent under the person's risk override was refused when moved:
     * the override covered the order as sent ({@link OrderRequest#replacedBy}).
     */
    private static Order judgedAgain(Order old, Order moved) {
        if (moved.state() == OrderState.REJECTED && old.request().riskOverride()) {
            throw new IllegalArgumentException(moved.reason() + " (the risk override was for the order as sent, and a moved order is"
                    + " judged again; the order stays as it was: to move it past the limit, cancel it and send it again with Override risk ticked)");
        }
        return moved;
    }

    /**
     * A working parent's stop-loss or take-profit line was dragged: the order is re-sent with the moved exit (the
     * Broker's replace keeps exits as they were). On the writer thread no market event can come between the cancel
     * and the new order; if the new one is refused, the old one is sent again unchanged.
     */
    public void moveExit(String clientOrderId, boolean stopLoss, double price) {
        requireId(clientOrderId);
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("exit price must be positive, got " + price);
        }
        onDesk("move " + (stopLoss ? "stop-loss" : "take-profit"), clientOrderId, b -> {
            Order o = working(b, clientOrderId);
            if (o.parentClientId() != null) {
                throw new IllegalArgumentException("an exit already placed cannot be moved here: cancel it and place a new one");
            }
            if (o.filledQuantity() > 0) {
                throw new IllegalArgumentException("the order is partly filled: its exits are placed when it is done");
            }
            OrderRequest old = o.request();
            double sl = stopLoss ? price : old.stopLoss();
            double tp = stopLoss ? old.takeProfit() : price;
            OrderRequest moved = old.replacedBy(nextId(b), old.quantity(), old.limitPrice(), old.stopPrice()).withBracket(sl, tp);
            b.cancel(clientOrderId);
            Order placed = b.submit(moved);
            if (placed.state() == OrderState.REJECTED) {
                // the order as it was, the person's override with it: it is the order they sent
                OrderRequest back = old.replacedBy(nextId(b), old.quantity(), old.limitPrice(), old.stopPrice());
                b.submit(old.riskOverride() ? back.withRiskOverride() : back);
                return judgedAgain(o, placed);
            }
            return placed;
        });
    }

    /**
     * Makes {@code venueBroker} (already connected) the person's account, or goes back to paper with null. The mode
     * changes on the FX side at once; orders sent after this call reach the new broker.
     */
    public void switchTo(Broker venueBroker, TradingMode newMode) {
        if ((venueBroker == null) != (newMode == null || !newMode.live())) {
            throw new IllegalArgumentException("a venue broker goes with a live mode, paper with none");
        }
        pipeline.useVenue(venueBroker);
        mode = venueBroker == null ? TradingMode.PAPER : newMode;
        LOG.warn("desk trading mode: {}", mode.badge());
        dirty.set(true);
    }

    /**
     * The bot switch: the pipeline switches the orchestrator's trading between two events and persists it; the
     * answer (switched, or refused with the reason) arrives on {@link #results}. LIVE is confirmed by the person
     * before this is called; the pipeline refuses it without a connected venue.
     */
    public void switchBot(BotMode next) {
        if (next == null) {
            throw new IllegalArgumentException("bot mode is required");
        }
        pipeline.switchBot(next).whenComplete((change, error) -> {
            results.offer(change != null ? new ActionResult("bot", null, change.accepted(), change.message(), null)
                    : ActionResult.failed("bot " + next.label(), null, String.valueOf(error)));
            dirty.set(true);
        });
    }

    /**
     * "Reset paper account" (the person confirmed it): the paper account starts again at its initial cash, its history
     * archived in the store; the answer arrives on {@link #results}. Refused while the person trades at a venue.
     */
    public void resetPaper() {
        pipeline.resetManualPaper().whenComplete((message, error) -> {
            results.offer(error == null ? new ActionResult("reset", null, true, message, null)
                    : ActionResult.failed("reset paper account", null, error.getMessage()));
            dirty.set(true);
        });
    }

    /**
     * A seek back in the replay (the person agreed), each symbol's data going back to its time in {@code to}: both
     * paper accounts start again at their initial cash, the person's history archived; the answer also arrives on
     * {@link #results}. Refused while the person trades at a venue.
     */
    public CompletableFuture<String> restartPaperSession(Map<Symbol, Long> to) {
        return pipeline.restartPaperSession(to).whenComplete((message, error) -> {
            results.offer(error == null ? new ActionResult("restart", null, true, "seek back: " + message, null)
                    : ActionResult.failed("seek back", null, error.getMessage()));
            dirty.set(true);
        });
    }

    // ------------------------------------------------------------------ pipeline thread

    private String nextId(Broker b) {
        if (b instanceof BinanceSpotBroker spot) {
            return spot.nextClientOrderId(); // never reused on that venue, even across restarts
        }
        if (b instanceof PaperBroker paper) {
            // the order id it is about to get: those go on across restarts and resets of the kept account, so a client
            // id is never reused (a reused one would be answered with the old order, and the new one never sent)
            return "man-" + paper.nextOrderId();
        }
        return "man-" + manualIds.incrementAndGet();
    }

    private static Order working(Broker b, String id) {
        Order o = b.order(id).orElseThrow(() -> new IllegalArgumentException("no order " + id));
        if (!o.state().isWorking()) {
            throw new IllegalArgumentException("order " + id + " is " + o.state());
        }
        return o;
    }

    private void onDesk(String action, String id, Function<Broker, Order> call) {
        pipeline.execute(() -> {
            ActionResult r;
            try {
                r = ActionResult.of(action, call.apply(pipeline.manualBroker()));
            } catch (IllegalArgumentException | IllegalStateException e) {
                r = ActionResult.failed(action, id, e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("{} {} failed: {}", action, id, e.toString());
                r = ActionResult.failed(action, id, e.toString());
            }
            results.offer(r);
            dirty.set(true);
            takeSnapshot();
        });
    }

    private void requestSnapshot() {
        boolean periodic = ++ticks % 5 == 0;
        if ((dirty.get() || periodic) && queued.compareAndSet(false, true)) {
            pipeline.execute(() -> {
                queued.set(false);
                takeSnapshot();
            });
        }
    }

    private void takeSnapshot() {
        Broker manual = pipeline.manualBroker();
        Broker bot = pipeline.bot().broker();
        listenTo(manual, bot);
        dirty.set(false);
        boolean shared = manual == bot; // a LIVE bot on the person's venue: one account, told apart by book
        TradingMode m = manual == pipeline.manualPaper() ? TradingMode.PAPER : mode;
        BotMode botMode = pipeline.botMode();
        Predicate<String> botBook = CoordinationEngine.BOOK::equals;
        AccountSnapshot man = account("Manual", m.live() ? m.badge() : "paper", manual, shared ? botBook.negate() : null, shared, 0);
        AccountSnapshot own = account("Bot", botMode == BotMode.LIVE && m.live() ? m.badge() : "paper", bot, shared ? botBook : null, shared,
                pipeline.bot().engine().sellsBeyondPosition());
        TradingSnapshot s = new TradingSnapshot(seq.incrementAndGet(), m, botMode, man, own, manual.account().time());
        latest = s;
        snapshots.offer(s);
    }

    /** Subscribes to the brokers in use (a change only marks the snapshot dirty), and drops the others. */
    private void listenTo(Broker... brokers) {
        List<Broker> now = List.of(brokers);
        listened.entrySet().removeIf(e -> {
            if (now.stream().noneMatch(b -> b == e.getKey())) {
                e.getValue().close();
                return true;
            }
            return false;
        });
        for (Broker b : brokers) {
            listened.computeIfAbsent(b, x -> x.addListener(new ExecutionListener() {
                @Override
                public void onOrderEvent(OrderEvent event, Order order) {
                    dirty.set(true);
                }

                @Override
                public void onFill(Fill fill, Order order) {
                    dirty.set(true);
                }
            }));
        }
    }

    /**
     * One account's rows: every working order, the newest finished orders and fills (with the true totals), its
     * positions, balances and P&L. {@code books} keeps only the orders and fills of those books (a shared account).
     */
    private static AccountSnapshot account(String name, String where, Broker b, Predicate<String> books, boolean shared, long sellsCut) {
        Predicate<String> keep = books == null ? x -> true : books;
        List<Order> working = new ArrayList<>();
        for (Order o : b.openOrders()) {
            if (keep.test(o.request().book())) {
                working.add(o);
            }
        }
        List<Order> all = b.orders();
        List<Order> done = new ArrayList<>();
        int doneTotal = 0;
        for (int i = all.size() - 1; i >= 0; i--) {
            Order o = all.get(i);
            if (!o.state().isWorking() && keep.test(o.request().book())) {
                doneTotal++;
                if (done.size() < DONE_SHOWN) {
                    done.add(o);
                }
            }
        }
        List<Fill> fills = b.fills();
        List<Fill> recent = newestOfEachSymbol(fills, keep, FILLS_SHOWN);
        int fillsTotal = (int) fills.stream().filter(f -> keep.test(f.book())).count();
        var acct = b.account();
        double realized = 0;
        double fees = 0;
        for (Symbol sym : acct.symbols()) {
            Position p = b.position(sym);
            realized += p.realizedPnl();
            fees += p.fees();
        }
        return new AccountSnapshot(name, where, shared, working, done, recent, b.positions(), b.balances(), acct.cash(), acct.equity(),
                doneTotal, fillsTotal, realized, fees, sellsCut);
    }

    /**
     * The newest {@code perSymbol} fills of each symbol among {@code fills} (oldest first) in {@code books}, newest
     * first. Of each symbol, not of all: the chart marks its own symbol's fills, and a symbol the bot traded less
     * often had none among its newest 200.
     */
    static List<Fill> newestOfEachSymbol(List<Fill> fills, Predicate<String> books, int perSymbol) {
        List<Fill> out = new ArrayList<>();
        Map<Symbol, Integer> listed = new HashMap<>();
        for (int i = fills.size() - 1; i >= 0; i--) {
            Fill f = fills.get(i);
            if (books.test(f.book()) && listed.merge(f.symbol(), 1, Integer::sum) <= perSymbol) {
                out.add(f);
            }
        }
        return out;
    }

    private static void requireId(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("client order id is required");
        }
    }

    @Override
    public void close() {
        ticker.cancel(false);
        pipeline.execute(() -> {
            listened.values().forEach(Subscription::close);
            listened.clear();
        });
    }
}
