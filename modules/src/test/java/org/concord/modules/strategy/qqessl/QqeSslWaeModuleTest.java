package org.concord.modules.strategy.qqessl;

import org.concord.feed.BundledData;
import org.concord.indicators.Qqe;
import org.concord.indicators.SslChannel;
import org.concord.indicators.WaddahAttarExplosion;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.modules.ModuleFixture;
import org.concord.orchestrator.Prediction;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class QqeSslWaeModuleTest {
    private static final Symbol S = Symbol.of("TESTUSD");
    private static final String SMALL = "qqeRsi: 3\nqqeSmoothing: 2\nqqeFactor: 1.0\nsslPeriod: 3\nwaeSensitivity: 150\n"
            + "waeFast: 3\nwaeSlow: 6\nwaeChannel: 5\nwaeMult: 2.0\nwaeDeadZonePeriod: 5\nwaeDeadZoneMult: 1.0";

    /** Sideways zigzag, then an accelerating rally, a pause, and an accelerating fall. */
    static BarSeries series() {
        BarSeries b = new BarSeries(S, Timeframe.M1, 120);
        double c = 100;
        for (int i = 0; i < 100; i++) {
            if (i < 30) {
                c = 100 + (i % 2 == 0 ? 0.5 : -0.5);
            } else if (i < 45) {
                c += 0.2 * (i - 29);
            } else if (i < 60) {
                c += i % 2 == 0 ? 0.3 : -0.3;
            } else if (i < 75) {
                c -= 0.25 * (i - 59);
            } else {
                c += i % 2 == 0 ? 0.3 : -0.3;
            }
            b.append(i * 60_000L, c, c + 0.3, c - 0.3, c, 1);
        }
        return b;
    }

    @Test
    void signalsFollowTheThreeFiltersAndForceBuySellHold() throws Exception {
        ModuleFixture f = new ModuleFixture();
        QqeSslWaeModule m = f.init(new QqeSslWaeModule(), SMALL, S);
        BarSeries b = series();
        // the same indicators, side by side: the module's rule and confidence are checked against them
        Qqe qqe = new Qqe(3, 2, 1.0);
        SslChannel ssl = new SslChannel(3);
        WaddahAttarExplosion wae = new WaddahAttarExplosion(150, 3, 6, 5, 2.0, 5, 1.0);
        Set<Action> seen = EnumSet.noneOf(Action.class);
        int warm = Math.max(qqe.unstableBars(), wae.unstableBars());
        for (int i = 0; i < b.size(); i++) {
            f.bar(m, b, i);
            qqe.onBar(b, i);
            ssl.onBar(b, i);
            wae.onBar(b, i);
            Prediction p = m.predictions(S).get(0);
            if (i < warm) {
                assertThat(p.action()).isEqualTo(Action.HOLD);
                assertThat(p.rationale()).startsWith("warming up");
                continue;
            }
            int mom = qqe.trend() > 0 && qqe.rsiMa() > 50 ? 1 : qqe.trend() < 0 && qqe.rsiMa() < 50 ? -1 : 0;
            double th = Math.max(wae.explosion(), wae.deadZone());
            Action expected = Action.HOLD;
            double conf = 0;
            if (mom > 0 && ssl.direction() > 0 && wae.trendUp() > th) {
                expected = Action.BUY;
                conf = Math.min(1, wae.trendUp() / (2 * th));
            } else if (mom < 0 && ssl.direction() < 0 && wae.trendDown() > th) {
                expected = Action.SELL;
                conf = Math.min(1, wae.trendDown() / (2 * th));
            }
            assertThat(p.action()).as("bar " + i + ": " + p.rationale()).isEqualTo(expected);
            assertThat(p.confidence()).isCloseTo(conf, within(1e-12));
            if (expected != Action.HOLD) {
                assertThat(conf).isGreaterThanOrEqualTo(0.5);
                assertThat(p.rationale()).doesNotContain(":");
            } else {
                assertThat(p.rationale()).containsAnyOf("no QQE momentum", "SSL disagrees", "no explosion", "explosion the other way");
            }
            double[] x = m.features(S);
            assertThat(x[0]).isEqualTo(1);
            assertThat(x[1]).isEqualTo(qqe.trend());
            assertThat(x[2]).isCloseTo((qqe.rsiMa() - 50) / 50, within(1e-12));
            assertThat(x[3]).isEqualTo(ssl.direction());
            assertThat(x[6]).isEqualTo(expected == Action.BUY ? 1 : expected == Action.SELL ? -1 : 0);
            seen.add(p.action());
        }
        assertThat(seen).containsExactlyInAnyOrder(Action.BUY, Action.SELL, Action.HOLD);
    }

    @Test
    void rationaleNamesEachPart() throws Exception {
        ModuleFixture f = new ModuleFixture();
        QqeSslWaeModule m = f.init(new QqeSslWaeModule(), SMALL, S);
        BarSeries b = series();
        String buy = null;
        for (int i = 0; i < b.size() && buy == null; i++) {
            f.bar(m, b, i);
            Prediction p = m.predictions(S).get(0);
            if (p.action() == Action.BUY) {
                buy = p.rationale();
            }
        }
        assertThat(buy).matches("QQE up \\(rsiMa [0-9.]+, trend \\+1\\), SSL up, WAE up [0-9.]+ > (explosion|dead zone) [0-9.]+");
    }

    @Test
    void settingsAreHonoured() throws Exception {
        ModuleFixture f = new ModuleFixture();
        // an explosion threshold no move can reach: never a signal
        QqeSslWaeModule strict = f.init(new QqeSslWaeModule(), SMALL.replace("waeDeadZoneMult: 1.0", "waeDeadZoneMult: 1000"), S);
        BarSeries b = series();
        for (int i = 0; i < b.size(); i++) {
            f.bar(strict, b, i);
            assertThat(strict.predictions(S).get(0).action()).isEqualTo(Action.HOLD);
        }
        assertThat(f.init(new QqeSslWaeModule(), "", S).warmupBars()).isEqualTo(300);
        assertThat(f.init(new QqeSslWaeModule(), "", S).featureNames()).hasSize(7);
        assertThatThrownBy(() -> f.init(new QqeSslWaeModule(), "waeFast: 40\nwaeSlow: 20", S)).hasMessageContaining("MACD fast period");
        assertThatThrownBy(() -> f.init(new QqeSslWaeModule(), "sslPeriod: 0", S)).hasMessageContaining("sslPeriod");
    }

    @Test
    void causalOnRealBars() throws Exception {
        ModuleFixture.assertCausal(QqeSslWaeModule::new, "timeframe: 5m", BundledData.eth5mBars(), 300);
    }
}
