package org.concord.engine;

import org.concord.execution.AccountView;
import org.concord.execution.OrderRequest;
import org.concord.execution.PreTradeCheck;
import org.concord.execution.PreTradeDecision;
import org.concord.risk.RiskLimits;
import org.concord.risk.UnifiedRiskManager;

import java.util.function.Supplier;

/**
 * The paper accounts' risk managers. Each account's orders are first judged on that account alone (its own manager:
 * the limits as fractions of its own equity, its own drawdown peak), then by the pool's manager over both accounts
 * together: the bot's as its plan was, the person's as the limits read ("max order 25 %" of the pool alone let a 36 %
 * order of the person's account through on the desk). A backtest has the bot alone: one manager is all three, and its
 * gate the only check.
 */
final class PaperRisk {
    private final UnifiedRiskManager pool;
    private final UnifiedRiskManager bot;
    private final UnifiedRiskManager person;
    private final PreTradeCheck poolGate = this::checkOnPool;
    private AccountView accounts; // both paper accounts together, set before any order can come

    PaperRisk(Supplier<UnifiedRiskManager> make, boolean live) {
        this.pool = make.get();
        this.bot = live ? make.get() : pool;
        this.person = live ? make.get() : pool;
    }

    /** What the pool's manager judges: both paper accounts (a backtest: the bot's). */
    void over(AccountView both) {
        this.accounts = both;
    }

    PreTradeCheck botGate() {
        return bot == pool ? poolGate : aloneThenPool(bot, "the bot's and yours");
    }

    PreTradeCheck personGate() {
        return aloneThenPool(person, "yours and the bot's");
    }

    /**
     * The account's own check, then the pool's. A rule the pool breaks says so: "ASSET_EXPOSURE would reach 20.76 %"
     * of a person whose own account was flat read as a wrong number until one worked out the bot's position in it.
     */
    private PreTradeCheck aloneThenPool(UnifiedRiskManager alone, String whose) {
        return (r, own) -> {
            PreTradeDecision d = alone.checkOrder(r, own);
            if (!d.accepted()) {
                return d;
            }
            PreTradeDecision p = poolGate.check(r, own);
            return p.rule().isEmpty() ? p : new PreTradeDecision(p.accepted(), p.overridden(), p.rule(),
                    p.message() + "; judged on both paper accounts together (" + whose + ": one pool under the limits)");
        };
    }

    private PreTradeDecision checkOnPool(OrderRequest r, AccountView own) {
        return pool.checkOrder(r, accounts);
    }

    /** The pool's manager: the paper accounts' gate over both. */
    UnifiedRiskManager pool() {
        return pool;
    }

    /** The bot's plan check over its own account (the pool's manager on a backtest). */
    UnifiedRiskManager bot() {
        return bot;
    }

    void setLimits(RiskLimits limits) {
        pool.setLimits(limits);
        bot.setLimits(limits);
        person.setLimits(limits);
    }

    /** The person's account starts again: its drawdown peak and the pool's. */
    void personReset() {
        pool.drawdown().restart();
        person.drawdown().restart();
    }
}
