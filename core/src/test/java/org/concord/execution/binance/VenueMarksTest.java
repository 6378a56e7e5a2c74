package org.concord.execution.binance;

import org.concord.model.Symbol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.execution.binance.SpotFixture.BTC;

/** An order's price at the venue: the feed's recent mark, else the venue's own last price (ticker/price). */
class VenueMarksTest {
    static final String TICKER = "/api/v3/ticker/price";

    @TempDir
    Path dir;

    @Test
    void aMissingOrOldMarkIsAskedOfTheVenueARecentOneIsNot() {
        try (SpotFixture f = new SpotFixture(dir, 200)) {
            AtomicLong nanos = new AtomicLong(1_000_000_000L);
            SpotAccount account = new SpotAccount();
            BinanceSpotConfig config = f.config().build();
            BinanceSpotRestClient rest = new BinanceSpotRestClient(config, new BinanceSigner(SpotFixture.credentials()),
                    BinanceSpotRestClient.newHttpClient(config));
            VenueMarks marks = new VenueMarks(account, rest, nanos::get);
            double venue = f.ex.lastPrice(BTC);

            // no mark at all (a desk replaying history marks nothing here): the venue is asked, once
            marks.refresh(BTC);
            assertThat(f.ex.rest().served(TICKER)).hasSize(1);
            assertThat(account.markPrice(BTC, List.of())).isEqualTo(venue);
            marks.refresh(BTC);
            assertThat(f.ex.rest().served(TICKER)).as("a mark just asked for is recent").hasSize(1);

            // a feed mark 4 s old values the order; at 6 s the venue is asked again
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(10));
            marks.mark(BTC, 500.0, 0);
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(4));
            marks.refresh(BTC);
            assertThat(f.ex.rest().served(TICKER)).hasSize(1);
            assertThat(account.markPrice(BTC, List.of())).isEqualTo(500.0);
            nanos.addAndGet(TimeUnit.SECONDS.toNanos(2));
            marks.refresh(BTC);
            assertThat(f.ex.rest().served(TICKER)).hasSize(2);
            assertThat(account.markPrice(BTC, List.of())).isEqualTo(venue);

            // a symbol the venue does not list: refused there (-1121), logged, no price made up
            Symbol unknown = Symbol.of("NOPEUSDT");
            marks.refresh(unknown);
            assertThat(account.markPrice(unknown, List.of())).isZero();
        }
    }
}
