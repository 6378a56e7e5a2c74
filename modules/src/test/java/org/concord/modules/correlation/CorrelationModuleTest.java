package org.concord.modules.correlation;

import org.concord.feed.BundledData;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.ModuleFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CorrelationModuleTest {
    private static final Symbol A = Symbol.of("AAAUSD");
    private static final Symbol B = Symbol.of("BBBUSD");

    @Test
    void rollingCorrelationHandWorked() {
        RollingCorrelation r = new RollingCorrelation(3);
        r.add(1, 1);
        assertThat(r.correlation()).isZero();
        r.add(2, 3);
        r.add(3, 2);
        // da = -1,0,1; db = -1,1,0 → cov 1, var 2 and 2
        assertThat(r.correlation()).isCloseTo(0.5, within(1e-12));
        assertThat(r.beta()).isCloseTo(0.5, within(1e-12));
        r.add(4, 0); // window now (2,3),(3,2),(4,0): cov -3, var a 2, var b 42/9
        assertThat(r.correlation()).isCloseTo(-3 / Math.sqrt(2 * 42 / 9.0), within(1e-12));
        assertThat(r.beta()).isCloseTo(-1.5, within(1e-12));
        assertThat(r.size()).isEqualTo(3);
        assertThat(r.window()).isEqualTo(3);
        RollingCorrelation flat = new RollingCorrelation(2);
        flat.add(1, 1);
        flat.add(1, 2);
        assertThat(flat.correlation()).isZero();
        assertThat(flat.beta()).isZero();
        r.clear();
        assertThat(r.size()).isZero();
        assertThatThrownBy(() -> new RollingCorrelation(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void moduleAlignsLogReturnsAndSkipsGaps() throws Exception {
        ModuleFixture f = new ModuleFixture();
        CorrelationModule m = f.init(new CorrelationModule(), "pairs: [[AAAUSD, BBBUSD]]\nwindow: 3\nminPairs: 2", A, B);
        assertThat(m.featureNames()).containsExactly("AAAUSD-BBBUSD.corr", "AAAUSD-BBBUSD.beta", "AAAUSD-BBBUSD.ready");
        double[] ca = {100, 101, 103, 102, 104};
        double[] cb = {50, 51, 51, 50, 53};
        for (int i = 0; i < ca.length; i++) {
            long t = i * 60_000L;
            if (i != 2) { // B has no bar at 2: B's returns at 2 and 3 are missing (gap restarts its series)
                m.onBarClose(B, Timeframe.M1, t, cb[i], cb[i], cb[i], cb[i], 1);
            }
            m.onBarClose(A, Timeframe.M1, t, ca[i], ca[i], ca[i], ca[i], 1);
        }
        // aligned pairs: t=1 (ln(101/100), ln(51/50)) and t=4 (ln(104/102), ln(53/50))
        RollingCorrelation expected = new RollingCorrelation(3);
        expected.add(Math.log(101 / 100.0), Math.log(51 / 50.0));
        expected.add(Math.log(104 / 102.0), Math.log(53 / 50.0));
        assertThat(m.pair(0).size()).isEqualTo(2);
        double[] x = m.features(A);
        assertThat(x[0]).isCloseTo(expected.correlation(), within(1e-12));
        assertThat(x[1]).isCloseTo(expected.beta(), within(1e-12));
        assertThat(x[2]).isEqualTo(1);
        assertThat(m.features(B)).containsExactly(x);
        assertThat(m.predictions(A)).isEmpty();
        m.onBarClose(A, Timeframe.M5, 0, 1, 1, 1, 1, 1); // other timeframes ignored
        m.reset();
        assertThat(m.features(A)).containsOnly(0.0);
    }

    @Test
    void realEthAgainstItsOwnShiftedCopyIsPerfectlyCorrelated() throws Exception {
        BarSeries eth = BundledData.eth5mBars();
        ModuleFixture f = new ModuleFixture();
        CorrelationModule m = f.init(new CorrelationModule(), "pairs: [[ETHUSD, XETHUSD]]\nwindow: 60\ntimeframe: 5m",
                BundledData.ETHUSD, Symbol.of("XETHUSD"));
        for (int i = 0; i < eth.size(); i++) {
            m.onBarClose(BundledData.ETHUSD, Timeframe.M5, eth.time(i), eth.open(i), eth.high(i), eth.low(i), eth.close(i), 1);
            double c2 = eth.close(i) * 2; // same returns
            m.onBarClose(Symbol.of("XETHUSD"), Timeframe.M5, eth.time(i), c2, c2, c2, c2, 1);
        }
        assertThat(m.features(BundledData.ETHUSD)[0]).isCloseTo(1.0, within(1e-9));
        assertThat(m.features(BundledData.ETHUSD)[1]).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void causalOnRealBars() throws Exception {
        // ETH against a one-bar-lagged copy of itself (fed inside the module's own event), on real 5m bars
        ModuleFixture.assertCausal(LaggedPair::new, "pairs: [[ETHUSD, LAGUSD]]\nwindow: 20\ntimeframe: 5m", BundledData.eth5mBars(), 200);
    }

    /** The correlation module, fed each ETH bar plus a one-bar-lagged copy of ETH as a second symbol. */
    private static final class LaggedPair implements org.concord.orchestrator.module.OrchestratorModule {
        private final CorrelationModule m = new CorrelationModule();
        private double prev = Double.NaN;

        @Override
        public String id() {
            return m.id();
        }

        @Override
        public void initialize(org.concord.orchestrator.module.ModuleContext ctx) {
            m.initialize(ctx);
        }

        @Override
        public java.util.List<String> featureNames() {
            return m.featureNames();
        }

        @Override
        public double[] features(Symbol s) {
            return m.features(s);
        }

        @Override
        public java.util.List<org.concord.orchestrator.Prediction> predictions(Symbol s) {
            return m.predictions(s);
        }

        @Override
        public void onBarClose(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
            m.onBarClose(s, tf, t, o, h, l, c, v);
            if (!Double.isNaN(prev)) {
                m.onBarClose(Symbol.of("LAGUSD"), tf, t, prev, prev, prev, prev, v);
            }
            prev = c;
        }

        @Override
        public void reset() {
            m.reset();
        }
    }

    @Test
    void badSettingsAreRefused() {
        ModuleFixture f = new ModuleFixture();
        assertThatThrownBy(() -> f.init(new CorrelationModule(), "pairs: [[AAAUSD, AAAUSD]]", A)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.init(new CorrelationModule(), "pairs: [[AAAUSD]]", A)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.init(new CorrelationModule(), "pairs: []", A)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> f.init(new CorrelationModule(), "window: 5\nminPairs: 9", A)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultPairIsBtcEth() throws Exception {
        CorrelationModule m = new ModuleFixture().init(new CorrelationModule(), "", A);
        assertThat(m.featureNames()).containsExactly("BTCUSD-ETHUSD.corr", "BTCUSD-ETHUSD.beta", "BTCUSD-ETHUSD.ready");
        assertThat(m.warmupBars()).isEqualTo(120);
        assertThat(m.timeframes()).containsExactly(Timeframe.M1);
    }

    /**
     * The other instrument comes from the DataProvider: BTCUSD daily bars (built from the real tape) handed to the
     * module as its own, the real 2013 Apple days only in the provider. Aligned days of the tape's week (Nov 26, 27,
     * 29: Apple was closed on the 28th) give a correlation equal to the hand computation; Apple's input held constant
     * gives another output (and neither run reads an Apple day after the BTC bar's time).
     */
    @Test
    void otherInstrumentsReturnsComeFromTheDataProvider(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        BarSeries btc = btcDaily();
        double[] real = crossAssetFeatures(dir.resolve("real"), btc, false);
        double[] flat = crossAssetFeatures(dir.resolve("flat"), btc, true);
        assertThat(real[2]).as("ready").isEqualTo(1);
        BarSeries aapl = BundledData.appleDailyBars(new org.concord.quality.InputQuality());
        RollingCorrelation expected = new RollingCorrelation(20);
        for (String day : new String[] {"2013-11-26", "2013-11-27", "2013-11-29"}) {
            long t = java.time.LocalDate.parse(day).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli();
            int ib = btc.indexOf(t);
            int ia = aapl.indexOf(t);
            expected.add(Math.log(btc.close(ib) / btc.close(ib - 1)), Math.log(aapl.close(ia) / aapl.close(ia - 1)));
        }
        assertThat(real[0]).isCloseTo(expected.correlation(), within(1e-12));
        assertThat(real[1]).isCloseTo(expected.beta(), within(1e-12));
        assertThat(flat).as("Apple held constant").isNotEqualTo(real);
    }

    /** The tape's complete UTC days as 1d bars (a day closes with the tape's next trade after it). */
    private static BarSeries btcDaily() {
        org.concord.model.TradeTape tape = BundledData.bitstampTrades();
        BarSeries d = new BarSeries(BundledData.BTCUSD, Timeframe.D1, 16);
        for (int i = 0; i < tape.size(); i++) {
            long day = Timeframe.D1.floor(tape.time(i));
            double p = tape.price(i);
            if (d.isEmpty() || d.lastTime() != day) {
                d.append(day, p, p, p, p, tape.size(i));
            } else {
                d.updateLast(Math.max(d.high(d.size() - 1), p), Math.min(d.low(d.size() - 1), p), p, d.volume(d.size() - 1) + tape.size(i));
            }
        }
        return d.copyRange(0, d.size() - 1); // the last day is cut by the tape's end
    }

    private static double[] crossAssetFeatures(java.nio.file.Path dir, BarSeries btc, boolean holdAppleConstant) throws Exception {
        try (org.concord.engine.ConcordRuntime engine = new org.concord.engine.ConcordRuntime(dir)) {
            org.concord.data.DataProvider data = engine.data();
            java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong(btc.time(0));
            CorrelationModule m = new CorrelationModule();
            m.initialize(new org.concord.orchestrator.module.ModuleContext(data, ModuleFixture.settings(
                    "pairs: [[BTCUSD, AAPL]]\nwindow: 20\nminPairs: 3\ntimeframe: 1d"), java.util.List.of(BundledData.BTCUSD), Timeframe.D1,
                    clock::get, org.slf4j.LoggerFactory.getLogger("test"), new org.concord.orchestrator.module.ModuleContext.Services() {
                        @Override
                        public <T> java.util.Optional<T> get(Class<T> type) {
                            return java.util.Optional.empty();
                        }
                    }));
            BarSeries aapl = BundledData.appleDailyBars(data.quality());
            int k = 0;
            double[] last = null;
            java.util.List<Integer> sizes = new java.util.ArrayList<>();
            for (int i = 0; i < btc.size(); i++) {
                long close = Timeframe.D1.closeTime(btc.time(i));
                // the Apple days up to one day after this BTC day's close are in the provider already (a feed running ahead)
                for (; k < aapl.size() && Timeframe.D1.closeTime(aapl.time(k)) <= close + Timeframe.D1.millis(); k++) {
                    double c = holdAppleConstant ? 500 : aapl.close(k);
                    double o = holdAppleConstant ? 500 : aapl.open(k);
                    data.onBar(BundledData.AAPL, Timeframe.D1, aapl.time(k), o, Math.max(o, Math.max(c, aapl.high(k))),
                            Math.min(o, Math.min(c, aapl.low(k))), c, aapl.volume(k), true, "test");
                }
                clock.set(close);
                m.onBarClose(BundledData.BTCUSD, Timeframe.D1, btc.time(i), btc.open(i), btc.high(i), btc.low(i), btc.close(i), btc.volume(i));
                last = m.features(BundledData.BTCUSD).clone();
                sizes.add(m.pair(0).size());
            }
            // nothing after the BTC bar's time is paired: Nov 25 none, 26 one, 27 two, 28 (Apple closed) two, 29 and 30 three
            assertThat(sizes).containsExactly(0, 1, 2, 2, 3, 3);
            m.close();
            return last;
        }
    }
}
