package org.concord.app.live;

import org.concord.app.shell.FxPulse;
import org.concord.app.shell.Presenters;
import org.concord.bus.EventBus;
import org.concord.data.DataProvider;
import org.concord.store.Direction;
import org.concord.bus.Subscription;
import org.concord.feed.BundledMarket;
import org.concord.model.Bar;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.OrchestratorTopics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * The watchlist's model: for each instrument its last price (close of its newest bar on its own timeframe), the change
 * since the previous daily close, its orchestrator's last decision, the person's own position and the bot's; read every
 * 500 ms off the FX thread from the DataProvider, the decisions topic and the accounts.
 */
public final class WatchlistPresenter implements AutoCloseable {
    /**
     * One row, formatted by the view. {@code changePct} NaN: no daily close before the last price yet.
     *
     * @param position    the person's own (manual: paper, or the venue when live) signed position; NaN when not known
     * @param botPosition the bot's (coordination account's) signed position; NaN when not known
     */
    public record Row(Symbol symbol, Timeframe timeframe, double last, double changePct, String decision, double position,
                      double botPosition) {
    }

    private final DataProvider data;
    private final List<Symbol> symbols;
    private final ToDoubleFunction<Symbol> position;
    private final ToDoubleFunction<Symbol> botPosition;
    private final FxPulse.Slot<List<Row>> slot = new FxPulse.Slot<>();
    private final Map<Symbol, Decision> decisions = new ConcurrentHashMap<>();
    /** The rows last offered: unchanged rows are not offered again, so a paused desk draws nothing. */
    private volatile List<Row> offered = List.of();
    private final Subscription sub;

    /**
     * @param position    the person's own signed position in a symbol (null: not known here, e.g. a remote desktop)
     * @param botPosition the bot's signed position in a symbol (null: not known here)
     */
    public WatchlistPresenter(DataProvider data, EventBus bus, Presenters presenters, List<Symbol> symbols, ToDoubleFunction<Symbol> position,
                              ToDoubleFunction<Symbol> botPosition) {
        if (data == null || bus == null || presenters == null || symbols == null || symbols.isEmpty()) {
            throw new IllegalArgumentException("data, bus, presenters and symbols are required");
        }
        this.data = data;
        this.symbols = List.copyOf(symbols);
        this.position = position;
        this.botPosition = botPosition;
        this.sub = bus.subscribe(OrchestratorTopics.DECISIONS, d -> decisions.put(d.symbol(), d));
        presenters.every(500, this::refresh);
    }

    public List<Symbol> symbols() {
        return symbols;
    }

    public FxPulse.Slot<List<Row>> slot() {
        return slot;
    }

    /** The timeframe a symbol's chart opens on when picked in the watchlist with a shorter one showing: its own bars'. */
    public static Timeframe chartTimeframe(Symbol s, Timeframe showing) {
        Timeframe own = BundledMarket.barTimeframe(s).orElse(Timeframe.M1);
        return own.millis() > showing.millis() ? own : showing;
    }

    /** Reads the rows and offers them when they changed (presenter thread; tests call it directly). */
    void refresh() {
        List<Row> rows = new ArrayList<>();
        for (Symbol s : symbols) {
            Timeframe tf = BundledMarket.barTimeframe(s).orElse(Timeframe.M1);
            Optional<Bar> last = data.latest(s, tf);
            double price = last.map(Bar::close).orElse(Double.NaN);
            double change = Double.NaN;
            long at = last.map(b -> tf.closeTime(b.openTime())).orElse(Long.MIN_VALUE);
            if (last.isPresent()) {
                BarSeries days = data.bars(s, Timeframe.D1, Long.MIN_VALUE, Long.MAX_VALUE, 3, Direction.LATEST);
                for (int i = days.size() - 1; i >= 0; i--) {
                    if (Timeframe.D1.closeTime(days.time(i)) < at) {
                        change = 100 * (price / days.close(i) - 1);
                        break;
                    }
                }
            }
            Decision d = decisions.get(s);
            // one newer than the newest bar was made on the timeline a seek back left: not this instrument's view now
            String decision = d == null || d.time() > at ? "—" : d.action() + String.format(Locale.ROOT, " %.2f", d.confidence());
            rows.add(new Row(s, tf, price, change, decision, position == null ? Double.NaN : position.applyAsDouble(s),
                    botPosition == null ? Double.NaN : botPosition.applyAsDouble(s)));
        }
        if (!rows.equals(offered)) {
            offered = List.copyOf(rows);
            slot.offer(offered);
        }
    }

    @Override
    public void close() {
        sub.close();
    }
}
