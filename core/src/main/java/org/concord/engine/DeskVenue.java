package org.concord.engine;

import org.concord.coordination.CoordinationEngine;
import org.concord.execution.Broker;
import org.concord.execution.PreTradeCheck;
import org.concord.execution.binance.BinanceSpotBroker;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.risk.UnifiedRiskManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * The venue side of a desk's manual account (real money, kept apart from the paper accounts): the venue broker it
 * trades at now, if any, the venue's own risk manager, and polling and closing the venue adapter.
 */
final class DeskVenue {
    private static final Logger LOG = LoggerFactory.getLogger(DeskVenue.class);

    private final UnifiedRiskManager risk;
    // null: the manual account is its paper broker; set on the pipeline thread
    private volatile Broker broker;

    DeskVenue(UnifiedRiskManager risk) {
        this.risk = risk;
    }

    /** The venue the manual account trades at now, or null (its paper account). */
    Broker broker() {
        return broker;
    }

    /**
     * Moves the manual account to {@code next} (null: back to paper). The bot hears of it: it may trade LIVE only on a
     * connected venue, through an engine of its own there ({@code engineFor}), and a LIVE bot is switched OFF when the
     * venue goes. The venue left is closed. Pipeline thread.
     */
    void switchTo(Broker next, BotAccount bot, Function<Broker, CoordinationEngine> engineFor) {
        Broker old = broker;
        if (old == next) {
            return;
        }
        if (old != null) {
            bot.venueDisconnected();
        }
        broker = next;
        if (next != null) {
            bot.venueConnected(next, engineFor.apply(next));
        }
        LOG.warn("manual trading now goes to {} (was {})", next == null ? "the paper account" : next.getClass().getSimpleName(),
                old == null ? "the paper account" : old.getClass().getSimpleName());
        close(old);
    }

    /** The venue's own risk manager (a LIVE bot's engine shares it). */
    UnifiedRiskManager risk() {
        return risk;
    }

    /** The gate a venue broker is built with: the venue's risk manager, over the venue account. */
    PreTradeCheck gate() {
        return risk.preTradeCheck();
    }

    /** A decision-timeframe bar: the venue's risk manager warms its correlations before a venue connects. */
    void onBarClose(Symbol s, Timeframe tf, long openTime, double o, double h, double l, double c, double v) {
        if (broker == null) {
            risk.onBarClose(s, tf, openTime, o, h, l, c, v);
        }
    }

    /** Applies what the venue's user-data stream queued (a venue that streams). Pipeline thread. */
    void poll() {
        if (broker instanceof BinanceSpotBroker spot) {
            try {
                spot.poll();
            } catch (RuntimeException e) {
                LOG.warn("venue poll failed: {}", e.toString());
            }
        }
    }

    /** Closes the adapter of {@code b} (a venue left, or the desk closing); nothing for a broker that holds nothing. */
    static void close(Broker b) {
        if (b instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing the venue broker: {}", e.toString());
            }
        }
    }
}
