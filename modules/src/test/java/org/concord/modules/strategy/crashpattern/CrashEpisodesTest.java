package org.concord.modules.strategy.crashpattern;

import org.concord.backtest.BacktestData;
import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrashEpisodesTest {
    private static BarSeries btc15m() {
        return BacktestData.bars(BundledData.bitstampTrades(), Timeframe.M15);
    }

    @Test
    void findsTheFallsOfTheBundledBitcoinTapeEachConfirmedWithinItsWindowAndTriggeredAtHalfTheFall() {
        BarSeries s = btc15m();
        List<CrashEpisodes.Episode> found = CrashEpisodes.find(s, 0.05, 32);
        assertThat(found).hasSizeGreaterThanOrEqualTo(4);
        List<String> peakDays = found.stream().map(e -> Instant.ofEpochMilli(s.time(e.peak())).toString().substring(0, 10)).toList();
        // the evening sell-off of 25 Nov 2013 and the falls of 1 Dec 2013 (Bitstamp BTC/USD)
        assertThat(peakDays).contains("2013-11-25", "2013-12-01");
        for (CrashEpisodes.Episode e : found) {
            double top = s.close(e.peak());
            assertThat(e.confirm() - e.peak()).isBetween(1, 32);
            assertThat(1 - s.close(e.confirm()) / top).isGreaterThanOrEqualTo(0.05).isEqualTo(e.fall());
            assertThat(1 - s.close(e.trigger()) / top).isGreaterThanOrEqualTo(0.025);
            for (int i = e.peak() + 1; i < e.trigger(); i++) {
                assertThat(1 - s.close(i) / top).as("the trigger is the first bar half the fall below the peak").isLessThan(0.025);
            }
            for (int i = e.peak() + 1; i < e.confirm(); i++) {
                assertThat(1 - s.close(i) / top).as("the confirmation is the first bar the whole fall below it").isLessThan(0.05);
            }
        }
    }

    @Test
    void anEpisodeIsFoundFromTheBarsUpToItsConfirmationWhateverComesAfter() {
        BarSeries s = btc15m();
        List<CrashEpisodes.Episode> whole = CrashEpisodes.find(s, 0.05, 32);
        for (int k = 0; k < whole.size(); k++) {
            CrashEpisodes.Episode e = whole.get(k);
            BarSeries perturbed = new BarSeries(s.symbol(), s.timeframe(), s.size());
            for (int i = 0; i < s.size(); i++) {
                double c = i <= e.confirm() ? s.close(i) : s.close(i) * (1 + 0.2 * Math.sin(i)); // the future shaken hard
                perturbed.append(s.time(i), c, c, c, c, 1);
            }
            assertThat(CrashEpisodes.find(perturbed, 0.05, 32).subList(0, k + 1)).isEqualTo(whole.subList(0, k + 1));
            assertThat(CrashEpisodes.find(s.copyRange(0, e.confirm() + 1), 0.05, 32)).isEqualTo(whole.subList(0, k + 1));
        }
    }

    @Test
    void aSeriesThatNeverFallsThatFarHasNoCrashAndBadArgumentsAreRefused() {
        BarSeries rising = new BarSeries(Symbol.of("TESTUSD"), Timeframe.M1, 100);
        for (int i = 0; i < 100; i++) {
            double c = 100 + i + (i % 2 == 0 ? 0 : -3); // dips of 3 %, never 5 %
            rising.append(i * 60_000L, c, c, c, c, 1);
        }
        assertThat(CrashEpisodes.find(rising, 0.05, 32)).isEmpty();
        assertThat(CrashEpisodes.find(rising, 0.02, 32)).isNotEmpty();
        assertThatThrownBy(() -> CrashEpisodes.find(rising, 0, 32)).hasMessageContaining("minFall");
        assertThatThrownBy(() -> CrashEpisodes.find(rising, 0.05, 0)).hasMessageContaining("withinBars");
    }
}
