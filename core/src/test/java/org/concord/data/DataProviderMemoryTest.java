package org.concord.data;

import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.BarStore;
import org.concord.store.Direction;
import org.concord.store.SqliteDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A kept session (the desk's, {@code serve}'s) holds at most {@link DataProvider#MAX_CACHED_BARS} bars of a series in
 * memory and still answers for every bar from the store. With 2,000,000 per series, as before, a max-speed replay
 * filled the desk's 512 MB heap in minutes (heap dump: 194 MB of cached bar columns).
 */
class DataProviderMemoryTest {
    @TempDir
    Path dir;

    @Test
    void aKeptSessionHoldsAtMostTheCapOfASeriesInMemoryAndLosesNoBar() {
        Symbol s = Symbol.of("SOAKUSD");
        long t0 = Instant.parse("2020-01-01T00:00:00Z").toEpochMilli();
        int n = DataProvider.MAX_CACHED_BARS + 20_000; // a synthetic walk: only its length matters here
        try (SqliteDatabase db = SqliteDatabase.open(dir.resolve("c.db"));
             DataProvider p = new DataProvider(new BarStore(db))) {
            double price = 100;
            for (int i = 0; i < n; i++) {
                double next = price * (1 + ((i * 7919) % 11 - 5) * 1e-4);
                p.onBar(s, Timeframe.M1, t0 + i * 60_000L, price, Math.max(price, next) + 0.01, Math.min(price, next) - 0.01, next, 1 + i % 3,
                        true, "soak");
                price = next;
            }
            assertThat(p.cachedBars(s, Timeframe.M1)).as("1m bars held in memory").isBetween(1, DataProvider.MAX_CACHED_BARS);
            p.flush();
            BarSeries all = p.bars(s, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, n, Direction.LATEST);
            assertThat(all.size()).as("bars answered, memory and store together").isEqualTo(n);
            assertThat(all.time(0)).isEqualTo(t0);
            assertThat(all.time(n - 1)).isEqualTo(t0 + (n - 1) * 60_000L);
        }
    }
}
