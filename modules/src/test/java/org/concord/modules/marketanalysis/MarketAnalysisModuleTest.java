package org.concord.modules.marketanalysis;

import org.concord.feed.BundledData;
import org.concord.indicators.Adx;
import org.concord.indicators.Atr;
import org.concord.indicators.EfficiencyRatio;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.ModuleFixture;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MarketAnalysisModuleTest {
    private static final Symbol S = Symbol.of("TESTUSD");
    private static final String SMALL = "adxPeriod: 5\nerPeriod: 10\nvolWindow: 5\npercentileWindow: 50\nminHistory: 20";

    @Test
    void percentileHandWorked() {
        Percentile p = new Percentile(4);
        assertThat(p.rank(1)).isNaN();
        for (double x : new double[] {1, 2, 3, 4}) {
            p.add(x);
        }
        assertThat(p.rank(3)).isEqualTo(0.625); // 2 below, 1 equal: (2 + ½)/4
        assertThat(p.rank(0)).isZero();
        assertThat(p.rank(9)).isEqualTo(1);
        p.add(5);                                // 1 leaves: 2, 3, 4, 5
        assertThat(p.rank(3)).isEqualTo(0.375);
        assertThat(p.size()).isEqualTo(4);
        p.clear();
        assertThat(p.rank(3)).isNaN();
        assertThatThrownBy(() -> new Percentile(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void classifyHandWorked() {
        assertThat(MarketAnalysisModule.classify(30, 0.5, 25, 20, 0.3, 0.15)).isEqualTo(MarketRegime.Trend.TRENDING);
        assertThat(MarketAnalysisModule.classify(15, 0.1, 25, 20, 0.3, 0.15)).isEqualTo(MarketRegime.Trend.RANGING);
        assertThat(MarketAnalysisModule.classify(30, 0.1, 25, 20, 0.3, 0.15)).isEqualTo(MarketRegime.Trend.TRANSITION);
        assertThat(MarketAnalysisModule.classify(22, 0.2, 25, 20, 0.3, 0.15)).isEqualTo(MarketRegime.Trend.TRANSITION);
        assertThat(MarketAnalysisModule.classify(Double.NaN, 0.2, 25, 20, 0.3, 0.15)).isEqualTo(MarketRegime.Trend.UNKNOWN);
    }

    /** Moderate chop, calm chop, a straight rise, violent chop. */
    static BarSeries series() {
        BarSeries b = new BarSeries(S, Timeframe.M1, 256);
        double c = 100;
        for (int i = 0; i < 220; i++) {
            double step = i < 60 ? (i % 2 == 0 ? 1 : -1) : i < 100 ? (i % 2 == 0 ? 0.2 : -0.2) : i < 160 ? 1 + (i % 3 == 0 ? 0.3 : 0) : (i % 2 == 0 ? 5 : -5);
            c += step;
            b.append(i * 60_000L, c, c + 0.1, c - 0.1, c, 1);
        }
        return b;
    }

    @Test
    void regimesFollowAdxErAndTheVolatilityPercentile() throws Exception {
        ModuleFixture f = new ModuleFixture();
        MarketAnalysisModule m = f.init(new MarketAnalysisModule(), SMALL, S);
        assertThat(m.predictions(S)).isEmpty();
        assertThat(m.command("status", Map.of())).isEqualTo("no bars yet");
        BarSeries b = series();
        Adx adx = new Adx(5);
        EfficiencyRatio er = new EfficiencyRatio(10);
        List<Double> vols = new ArrayList<>();
        Set<MarketRegime.Trend> trends = EnumSet.noneOf(MarketRegime.Trend.class);
        Set<MarketRegime.Volatility> volRegimes = EnumSet.noneOf(MarketRegime.Volatility.class);
        for (int i = 0; i < b.size(); i++) {
            f.bar(m, b, i);
            adx.onBar(b, i);
            er.onBar(b, i);
            double[] x = m.features(S);
            MarketRegime r = m.regime(S);
            trends.add(r.trend());
            volRegimes.add(r.volatility());
            if (adx.isStable() && er.isStable()) {
                assertThat(x[0]).isEqualTo(1);
                assertThat(x[1]).isCloseTo(adx.adx() / 100, within(1e-12));
                assertThat(x[2]).isCloseTo(er.value(), within(1e-12));
                MarketRegime.Trend t = MarketAnalysisModule.classify(adx.adx(), er.value(), 25, 20, 0.3, 0.15);
                assertThat(r.trend()).isEqualTo(t);
                assertThat(x[3]).isEqualTo(t == MarketRegime.Trend.TRENDING ? 1 : t == MarketRegime.Trend.RANGING ? -1 : 0);
                assertThat(x[4]).isEqualTo(Math.signum(adx.plusDi() - adx.minusDi()));
            } else {
                assertThat(x[0]).isZero();
                assertThat(r.trend()).isEqualTo(MarketRegime.Trend.UNKNOWN);
            }
            // realized volatility: population σ of the last 5 log returns
            if (i >= 5) {
                double[] ret = new double[5];
                double mean = 0;
                for (int k = 0; k < 5; k++) {
                    ret[k] = Math.log(b.close(i - 4 + k) / b.close(i - 5 + k));
                    mean += ret[k] / 5;
                }
                double var = 0;
                for (double v : ret) {
                    var += (v - mean) * (v - mean) / 5;
                }
                double vol = Math.sqrt(var);
                assertThat(x[5]).isCloseTo(vol, within(1e-12));
                // percentile among the previous (up to 50) values, once 20 exist
                List<Double> prev = vols.subList(Math.max(0, vols.size() - 50), vols.size());
                if (prev.size() >= 20) {
                    double below = prev.stream().filter(v -> v < x[5]).count();
                    double equal = prev.stream().filter(v -> v == x[5]).count();
                    double pct = (below + 0.5 * equal) / prev.size();
                    assertThat(x[6]).isCloseTo(pct, within(1e-12));
                    assertThat(x[7]).isEqualTo(pct < 0.33 ? 0 : pct >= 0.67 ? 2 : 1);
                    assertThat(x[8]).isEqualTo(1);
                } else {
                    assertThat(x[8]).isZero();
                    assertThat(r.volatility()).isEqualTo(MarketRegime.Volatility.UNKNOWN);
                }
                vols.add(x[5]);
            }
            if (i == 95) {
                assertThat(r.volatility()).as("calm after chop").isEqualTo(MarketRegime.Volatility.LOW);
            }
            if (i == 155) {
                assertThat(r.trend()).as("straight rise").isEqualTo(MarketRegime.Trend.TRENDING);
                assertThat(r.direction()).isEqualTo(1);
            }
            if (i == 170) {
                assertThat(r.volatility()).as("violent chop").isEqualTo(MarketRegime.Volatility.HIGH);
            }
        }
        assertThat(trends).contains(MarketRegime.Trend.RANGING, MarketRegime.Trend.TRENDING, MarketRegime.Trend.TRANSITION);
        assertThat(volRegimes).contains(MarketRegime.Volatility.LOW, MarketRegime.Volatility.MEDIUM, MarketRegime.Volatility.HIGH);
        assertThat(m.command("status", Map.of())).matches("TESTUSD: (RANGING|TRANSITION|TRENDING)( up| down)? \\(ADX [0-9.]+, ER [0-9.]+\\), volatility [A-Z]+ \\(p\\d+\\)");
        m.reset();
        assertThat(m.features(S)).containsOnly(0.0);
    }

    @Test
    void atrVolatilityAndSettings() throws Exception {
        ModuleFixture f = new ModuleFixture();
        MarketAnalysisModule m = f.init(new MarketAnalysisModule(), SMALL + "\nvolMeasure: atr", S);
        BarSeries b = series();
        Atr atr = new Atr(5);
        for (int i = 0; i < 30; i++) {
            f.bar(m, b, i);
            atr.onBar(b, i);
        }
        assertThat(m.features(S)[5]).isCloseTo(atr.value() / b.close(29), within(1e-15));
        MarketAnalysisModule d = f.init(new MarketAnalysisModule(), "", S);
        assertThat(d.warmupBars()).isEqualTo(500 + 20 + 28 + 20 + 100);
        assertThat(d.featureNames()).containsExactly("ready", "adx", "er", "regime", "direction", "vol", "vol.percentile", "vol.regime", "vol.ready");
        assertThat(d.timeframes()).containsExactly(Timeframe.M1);
        assertThatThrownBy(() -> f.init(new MarketAnalysisModule(), "adxRanging: 30", S)).hasMessageContaining("ranging thresholds");
        assertThatThrownBy(() -> f.init(new MarketAnalysisModule(), "lowPercentile: 0.9", S)).hasMessageContaining("lowPercentile");
        assertThatThrownBy(() -> f.init(new MarketAnalysisModule(), "percentileWindow: 10\nminHistory: 20", S)).hasMessageContaining("minHistory");
        assertThatThrownBy(() -> f.init(new MarketAnalysisModule(), "volMeasure: garch", S)).hasMessageContaining("realized, atr");
        assertThatThrownBy(() -> d.command("explode", Map.of())).isInstanceOf(UnsupportedOperationException.class);
        m.onBarClose(S, Timeframe.M5, 0, 1, 1, 1, 1, 1); // another timeframe: ignored
    }

    @Test
    void causalOnRealBars() throws Exception {
        ModuleFixture.assertCausal(MarketAnalysisModule::new, "timeframe: 5m\npercentileWindow: 100\nminHistory: 20", BundledData.eth5mBars(), 300);
    }
}
