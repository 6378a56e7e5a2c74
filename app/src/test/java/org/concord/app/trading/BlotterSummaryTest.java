package org.concord.app.trading;

import org.concord.engine.BotMode;
import org.concord.execution.Fill;
import org.concord.execution.Liquidity;
import org.concord.execution.OrderSide;
import org.concord.feed.BundledData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blotter's summary line (issue 15, item 10): it said "200 fills" for ever while the portfolio panel said 668,
 * because it counted the rows the table lists (the newest 200) instead of the account's fills. It now names the
 * account and counts its whole history, saying when the table lists only the newest rows.
 */
class BlotterSummaryTest {
    static List<Fill> fills(int n) {
        List<Fill> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Fill(i + 1, i + 1, "cc" + i, BundledData.BTCUSD, OrderSide.BUY, 0.1, 900, 0.09, Liquidity.TAKER, 1_000L * i, "coordination"));
        }
        return out;
    }

    static AccountSnapshot account(String name, int fillsTotal, int listed, long cut) {
        return new AccountSnapshot(name, "paper", false, List.of(), List.of(), fills(listed), List.of(), List.of(), 9_000, 10_050,
                fillsTotal, fillsTotal, 162.0, 242.0, cut);
    }

    @Test
    void theSummaryCountsTheAccountsHistoryNotTheRowsListed() {
        AccountSnapshot bot = account("Bot", 668, TradingService.FILLS_SHOWN, 3);
        TradingSnapshot s = new TradingSnapshot(1, TradingMode.PAPER, BotMode.PAPER, account("Manual", 0, 0, 0), bot, 0);
        String text = Blotter.summaryText(s, bot);
        assertThat(text).startsWith("Bot account · paper · bot PAPER · equity 10,050.00 · cash 9,000.00");
        assertThat(text).contains("realized +162.00 · fees 242.00").contains("668 done");
        assertThat(text).contains("668 fills (each symbol's newest 200 listed)").doesNotContain(" 200 fills");
        assertThat(text).endsWith(" · 3 sells cut to the position held");
        String manual = Blotter.summaryText(s, s.manual());
        assertThat(manual).startsWith("Manual account · paper · equity").endsWith(" · 0 fills");
        assertThat(Blotter.summaryText(s, account("Manual", 1, 1, 0))).endsWith(" · 1 fill");
    }
}
