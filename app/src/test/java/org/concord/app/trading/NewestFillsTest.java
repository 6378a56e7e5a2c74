package org.concord.app.trading;

import org.concord.execution.Fill;
import org.concord.execution.Liquidity;
import org.concord.execution.OrderSide;
import org.concord.feed.BundledData;
import org.concord.model.Symbol;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fills an account's snapshot lists: the newest of each symbol. Seen on the desk: the bot's newest 200 were all
 * BTCUSD fills, and the ETHUSD chart marked none of the bot's ETHUSD fills before them.
 */
class NewestFillsTest {
    private static Fill fill(long id, Symbol s, String book) {
        return new Fill(id, id, "cc" + id, s, OrderSide.BUY, 0.1, 900, 0.09, Liquidity.TAKER, 1_000L * id, book);
    }

    @Test
    void eachSymbolKeepsItsNewestFillsHoweverOftenAnotherTraded() {
        List<Fill> fills = new ArrayList<>(); // oldest first, as a broker holds them
        fills.add(fill(1, BundledData.ETHUSD, "coordination"));
        fills.add(fill(2, BundledData.ETHUSD, "coordination"));
        for (int i = 3; i < 3 + 250; i++) {
            fills.add(fill(i, BundledData.BTCUSD, "coordination"));
        }
        fills.add(fill(300, BundledData.ETHUSD, "manual"));

        List<Fill> listed = TradingService.newestOfEachSymbol(fills, b -> b.equals("coordination"), 200);

        assertThat(listed.stream().filter(f -> f.symbol().equals(BundledData.ETHUSD)).map(Fill::fillId)).as("ETHUSD's, in the book kept").containsExactly(2L, 1L);
        List<Fill> btc = listed.stream().filter(f -> f.symbol().equals(BundledData.BTCUSD)).toList();
        assertThat(btc).hasSize(200);
        assertThat(btc.get(0).fillId()).as("the newest BTCUSD fill first").isEqualTo(252L);
        assertThat(btc.get(199).fillId()).as("the 200th newest last").isEqualTo(53L);
        assertThat(listed.get(0).fillId()).as("newest first across symbols").isEqualTo(252L);
    }
}
