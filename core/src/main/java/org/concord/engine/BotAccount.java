package org.concord.engine;

import org.concord.coordination.BucketLedger;
import org.concord.coordination.CoordinationEngine;
import org.concord.coordination.Signal;
import org.concord.execution.Broker;
import org.concord.execution.PaperBroker;
import org.concord.execution.SizingConfig;
import org.concord.model.Fmt;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.StringJoiner;

/**
 * The orchestrator's own trading: its {@link BotMode}, its own paper account (apart from the person's) with the
 * coordination engine that trades it, and — while a venue is connected — a second engine that trades the venue
 * account for it in {@link BotMode#LIVE}. Decisions reach an engine only when the bot trades; bars always reach
 * every engine (marks, regime, allocation and equity stay current, so switching on starts from today's market).
 *
 * <p>Single writer: every method but the queries runs on the pipeline's thread. The mode is volatile so the desk
 * can read it anywhere.
 */
public final class BotAccount {
    private static final Logger LOG = LoggerFactory.getLogger(BotAccount.class);

    private final PaperBroker paper;
    private volatile CoordinationEngine paperEngine; // replaced when the paper session restarts
    private final BotModeStore store;
    private volatile BotMode mode;
    private volatile Broker venue;
    private volatile CoordinationEngine venueEngine;
    private volatile long decisionsWhileOff;

    /**
     * @param store where the switch is persisted, or null (backtests: nothing is written)
     */
    BotAccount(PaperBroker paper, CoordinationEngine paperEngine, BotMode initial, BotModeStore store) {
        if (paper == null || paperEngine == null || initial == null) {
            throw new IllegalArgumentException("paper account, its engine and the initial mode are required");
        }
        if (initial == BotMode.LIVE) {
            throw new IllegalArgumentException("the bot cannot start LIVE: no venue is connected yet");
        }
        this.paper = paper;
        this.paperEngine = paperEngine;
        this.store = store;
        this.mode = initial;
    }

    // ---------------------------------------------------------------- pipeline thread

    void onBar(Symbol s, Timeframe tf, long openTime, double o, double h, double l, double c, double v) {
        paper.onMarketBar(s, tf, openTime, o, h, l, c, v);
        paperEngine.onBarClose(s, tf, openTime, o, h, l, c, v);
        CoordinationEngine ve = venueEngine;
        if (ve != null) {
            ve.onBarClose(s, tf, openTime, o, h, l, c, v);
        }
    }

    /** Hands the decision's signals to the engine that trades now; false (nothing sent) while the bot is OFF. */
    boolean decide(long time, List<Signal> signals) {
        if (!mode.trades()) {
            decisionsWhileOff++;
            return false;
        }
        engine().decide(time, signals);
        return true;
    }

    BotModeChange switchTo(BotMode next) {
        if (next == null) {
            throw new IllegalArgumentException("bot mode is required");
        }
        BotMode was = mode;
        if (next == BotMode.LIVE && venue == null) {
            return BotModeChange.refused(next, was, "the bot trades LIVE only on a connected venue: Go LIVE… (Ctrl+L) first; bot stays "
                    + was.label());
        }
        if (next == was) {
            return BotModeChange.accepted(was, "bot already " + was.label());
        }
        CoordinationEngine leaving = engine();
        int dropped = leaving.cancelQueued().size();
        String held = next == BotMode.OFF ? held(leaving) : ""; // switched on, the bot manages what it holds again
        mode = next;
        persist(next);
        LOG.warn("bot mode {} -> {}{}{}", was, next, dropped > 0 ? " (" + dropped + " queued slices dropped)" : "",
                held.isEmpty() ? "" : "; left open: " + held);
        return BotModeChange.accepted(next, switch (next) {
            // Off stops orders and does not liquidate: said at the switch, so a position is not left unmanaged unseen
            case OFF -> held.isEmpty() ? "bot OFF: decisions are still shown, no order is sent"
                    : "bot OFF: no order is sent, and what it holds stays open with no exit managing it (" + held
                    + "); switch it on again to manage it";
            case PAPER -> "bot PAPER: the orchestrator trades its own paper account";
            case LIVE -> "bot LIVE: the orchestrator trades the venue account";
        });
    }

    /**
     * The positions of {@code engine}'s books, net per symbol ("BTCUSD 0.52317, ETHUSD -1.2"), or "" when flat: what
     * they will hold once their orders already at the broker are done (those stay there and fill after a switch).
     */
    private static String held(CoordinationEngine engine) {
        StringJoiner out = new StringJoiner(", ");
        BucketLedger books = engine.ledger();
        for (Symbol s : books.symbols()) {
            double q = books.committed(s);
            if (Math.abs(q) > 1e-9) { // what round trips leave in floating point is flat
                out.add(s + " " + Fmt.num(q));
            }
        }
        return out.toString();
    }

    /**
     * Starts the bot's paper account again at its initial cash with no orders, fills or positions, traded by
     * {@code fresh} (an engine on the same paper broker): the old engine's books, allocation, learner and curves go
     * with it, its queued slices are dropped, and it books no more fills. The mode stays. Says what happened.
     */
    String restartPaper(CoordinationEngine fresh) {
        if (fresh == null) {
            throw new IllegalArgumentException("the fresh engine is required");
        }
        int dropped = paperEngine.detach().size();
        paper.reset();
        paperEngine = fresh;
        LOG.warn("the bot's paper account was restarted at {} {}{}", paper.config().initialCash(), paper.config().quoteAsset(),
                dropped > 0 ? " (" + dropped + " queued slices dropped)" : "");
        return String.format("bot's paper account restarted at %,.2f %s", paper.config().initialCash(), paper.config().quoteAsset());
    }

    /** Both engines size with {@code sizing} from their next decision. */
    void setSizing(SizingConfig sizing) {
        paperEngine.setSizing(sizing);
        CoordinationEngine ve = venueEngine;
        if (ve != null) {
            ve.setSizing(sizing);
        }
    }

    /** A venue is connected: the bot may go LIVE on it through {@code engine}. */
    void venueConnected(Broker broker, CoordinationEngine engine) {
        if (broker == null || engine == null) {
            throw new IllegalArgumentException("venue broker and its engine are required");
        }
        this.venueEngine = engine;
        this.venue = broker;
    }

    /** The venue is gone (back to paper): a LIVE bot is switched OFF. */
    void venueDisconnected() {
        if (mode == BotMode.LIVE) {
            BotModeChange c = switchTo(BotMode.OFF);
            LOG.warn("the venue was disconnected while the bot traded it: {}", c.message());
        }
        venue = null;
        venueEngine = null;
    }

    private void persist(BotMode m) {
        if (store != null) {
            store.save(m);
        }
    }

    // ---------------------------------------------------------------- queries

    public BotMode mode() {
        return mode;
    }

    /** The account the bot's orders go to now: its paper account, or the venue when LIVE. */
    public Broker broker() {
        Broker v = venue;
        return mode == BotMode.LIVE && v != null ? v : paper;
    }

    /** The engine that trades for the bot now (while OFF: the paper one, which keeps its books and curves). */
    public CoordinationEngine engine() {
        CoordinationEngine ve = venueEngine;
        return mode == BotMode.LIVE && ve != null ? ve : paperEngine;
    }

    /** The bot's own paper account. */
    public PaperBroker paper() {
        return paper;
    }

    /** Decisions that arrived while the bot was OFF (seen, shown, not traded). */
    public long decisionsWhileOff() {
        return decisionsWhileOff;
    }
}
