package org.concord.data;

import org.concord.bus.Subscription;
import org.concord.feed.BundledData;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.store.BarStore;
import org.concord.store.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CandleCompletionTest {
    static final Symbol S = BundledData.BTCUSD;

    @Test
    void oneCompletionPerClosedBarWithItsFinalValues(@TempDir Path dir) {
        TradeTape tape = BundledData.bitstampTrades();
        SqliteDatabase db = SqliteDatabase.open(dir.resolve("c.db"));
        List<CandleCompletion> candles = new ArrayList<>();
        List<String> closes = new ArrayList<>();
        try (DataProvider dp = new DataProvider(new BarStore(db))) {
            Subscription sub = CandleCompletion.subscribe(dp, candles::add);
            dp.subscribeBarCloses((s, tf, t, o, h, l, c, v) -> closes.add(s + " " + tf + " " + t + " " + o + " " + h + " " + l + " " + c + " " + v));
            dp.resetSession(S, tape.firstTime());
            for (int i = 0; i < 20_000; i++) {
                dp.onTrade(S, tape.time(i), tape.price(i), tape.size(i), tape.buyerMaker(i), "test");
            }
            sub.close();
            for (int i = 20_000; i < 21_000; i++) {
                dp.onTrade(S, tape.time(i), tape.price(i), tape.size(i), tape.buyerMaker(i), "test");
            }
        } finally {
            db.close();
        }
        assertThat(candles).hasSizeGreaterThan(1_000);
        assertThat(closes.size()).isGreaterThan(candles.size()); // unsubscribed: no completions after
        for (int i = 0; i < candles.size(); i++) {
            CandleCompletion c = candles.get(i);
            assertThat(closes.get(i)).isEqualTo(c.symbol() + " " + c.timeframe() + " " + c.openTime() + " " + c.open() + " " + c.high() + " "
                    + c.low() + " " + c.close() + " " + c.volume());
            assertThat(c.closeTime()).isEqualTo(c.timeframe().closeTime(c.openTime()));
        }
        // within one instant the shortest timeframe comes first
        for (int i = 1; i < candles.size(); i++) {
            if (candles.get(i).closeTime() == candles.get(i - 1).closeTime()) {
                assertThat(candles.get(i).timeframe().millis()).isGreaterThan(candles.get(i - 1).timeframe().millis());
            }
        }
    }

    @Test
    void candlesAndPivotsCrossTheBusAsJson() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        CandleCompletion c = new CandleCompletion(S, Timeframe.M5, 300_000, 10, 11, 9, 10.5, 3);
        assertThat(json.readValue(json.writeValueAsString(c), CandleCompletion.class)).isEqualTo(c);
        var p = new org.concord.indicators.pivots.PivotEvent(S, Timeframe.M1, 2, org.concord.indicators.pivots.PivotEvent.Kind.SWING_HIGH,
                60_000, 12.5, 300_000, -1);
        String text = json.writeValueAsString(p);
        assertThat(text).doesNotContain("label");
        assertThat(json.readValue(text, org.concord.indicators.pivots.PivotEvent.class)).isEqualTo(p);
    }

    @Test
    void anInconsistentCandleIsRefused() {
        assertThatThrownBy(() -> new CandleCompletion(S, Timeframe.M1, 60_001, 1, 1, 1, 1, 1)).hasMessageContaining("boundary");
        assertThatThrownBy(() -> new CandleCompletion(S, Timeframe.M1, 60_000, 1, 0.5, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CandleCompletion(S, Timeframe.M1, 60_000, 1, 1, 1, 1, -1)).hasMessageContaining("volume");
        assertThatThrownBy(() -> new CandleCompletion(null, Timeframe.M1, 60_000, 1, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
