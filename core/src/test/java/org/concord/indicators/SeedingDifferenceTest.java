package org.concord.indicators;

import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;
import org.ta4j.core.Indicator;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.supertrend.SuperTrendIndicator;
import org.ta4j.core.num.Num;

import java.util.Locale;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where the common definition (our default, {@link Seeding#SMA}) and ta4j differ: the start of recursive averages.
 * ta4j seeds an average with its first input (and counts a zero change/movement on the first bar); Wilder,
 * TA-Lib and TradingView seed with the simple mean of the first n inputs. The two differ on the first defined bars
 * by far more than 1e-9, then the difference decays by the smoothing factor every bar, until they match to 1e-9.
 * This test measures both facts on the Bitstamp 1m bars; docs/indicators.md quotes the bar counts it prints.
 */
class SeedingDifferenceTest {
    private static final BarSeries BTC = RealBars.bitstamp(Timeframe.M1);
    /** DoubleNum: the gaps measured here are >= 1e-9, far above its rounding (~1e-13), and it is much faster. */
    private static final org.ta4j.core.BarSeries TA = RealBars.ta4j(BTC, org.ta4j.core.num.DoubleNum::valueOf);

    /** First index from which every value agrees with ta4j to 1e-9 relative; asserts they differ before it. */
    private static int agreementFrom(String name, BarIndicator ours, Function<org.ta4j.core.BarSeries, Indicator<Num>> ta4j) {
        double[] a = Batch.values(ours, BTC);
        double[] e = Oracle.values(ta4j.apply(TA), BTC.size());
        int first = ours.unstableBars();
        int from = -1;
        for (int i = BTC.size() - 1; i >= first; i--) {
            if (Oracle.relErr(e[i], a[i]) > Oracle.REL) {
                from = i + 1;
                break;
            }
        }
        assertThat(from).as(name + ": the definitions differ at the start").isGreaterThan(first);
        assertThat(Oracle.relErr(e[first], a[first])).as(name + " at its first bar").isGreaterThan(1e-6);
        assertThat(from).as(name + ": converges within the data").isLessThan(BTC.size() - 100);
        System.out.printf(Locale.ROOT, "seeding %-22s first defined %4d, first differs by %.1e, agrees with ta4j to 1e-9 from bar %d%n",
                name, first, Oracle.relErr(e[first], a[first]), from);
        return from;
    }

    @Test
    void emaDifferenceDecaysGeometrically() {
        for (int n : new int[] {12, 50, 200}) {
            double[] ours = Batch.values(new Ema(n), BTC);
            double[] ta = Oracle.values(new EMAIndicator(new ClosePriceIndicator(TA), n), BTC.size());
            // both are linear recursions with the same factor: the gap shrinks by exactly (1 − α) a bar
            double alpha = 2.0 / (n + 1);
            double gap0 = ours[n - 1] - ta[n - 1];
            assertThat(Math.abs(gap0)).isGreaterThan(1e-6 * Math.abs(ta[n - 1]));
            for (int k = 0; k < 3 * n; k++) {
                double expectedGap = gap0 * Math.pow(1 - alpha, k);
                assertThat(ours[n - 1 + k] - ta[n - 1 + k]).as("EMA(" + n + ") gap after " + k + " bars")
                        .isCloseTo(expectedGap, org.assertj.core.data.Offset.offset(1e-9 * Math.abs(ta[n - 1 + k])));
            }
            int predicted = (int) Math.ceil(Math.log(1e-9 * Math.abs(ta[n - 1]) / Math.abs(gap0)) / Math.log(1 - alpha));
            int from = agreementFrom("EMA(" + n + ")", new Ema(n), s -> new EMAIndicator(new ClosePriceIndicator(s), n));
            assertThat(from).as("EMA(" + n + ") agreement vs the geometric prediction").isBetween(n - 1 + predicted / 2, n - 1 + 2 * predicted);
        }
    }

    @Test
    void wilderIndicatorsConvergeToTa4j() {
        agreementFrom("RSI(14)", new Rsi(14), s -> new RSIIndicator(new ClosePriceIndicator(s), 14));
        agreementFrom("ATR(14)", new Atr(14), s -> new ATRIndicator(s, 14));
        agreementFrom("ADX(14)", new Adx(14), s -> new ADXIndicator(s, 14));
        agreementFrom("MACD(12,26)", new Macd(), s -> new MACDIndicator(new ClosePriceIndicator(s), 12, 26));
        agreementFrom("Supertrend(10,3)", new Supertrend(), s -> new SuperTrendIndicator(s, 10, 3d));
    }
}
