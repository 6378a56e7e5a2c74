package org.concord.app.trading;

import org.concord.engine.BotMode;

/**
 * What the blotter, the chart's order lines, the badges and the bot switch show, taken on the pipeline's thread
 * (immutable): the person's account and the orchestrator's, apart.
 *
 * @param mode    where the person's orders go (PAPER, or the venue)
 * @param botMode whether and where the orchestrator trades
 */
public record TradingSnapshot(long seq, TradingMode mode, BotMode botMode, AccountSnapshot manual, AccountSnapshot bot, long time) {
    public TradingSnapshot {
        if (mode == null || botMode == null || manual == null || bot == null) {
            throw new IllegalArgumentException("mode, bot mode and both accounts are required");
        }
    }
}
