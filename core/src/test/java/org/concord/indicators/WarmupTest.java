package org.concord.indicators;

import org.concord.model.BarSeries;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Declared warm-ups: NaN on exactly the first {@code unstableBars()} bars, every output finite from there. */
class WarmupTest {

    @TestFactory
    Stream<DynamicTest> outputsAreNaNExactlyDuringTheDeclaredWarmup() {
        BarSeries eth = RealBars.eth5m();
        return Catalogue.all().stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            BarIndicator ind = e.make().get();
            int unstable = ind.unstableBars();
            boolean someOutputUndefinedLast = false;
            ind.reset();
            for (int i = 0; i < eth.size(); i++) {
                ind.onBar(eth, i);
                assertThat(ind.isStable()).as("isStable at " + i).isEqualTo(i >= unstable);
                boolean anyNaN = false;
                for (int k = 0; k < ind.outputCount(); k++) {
                    double v = ind.output(k);
                    if (i >= unstable) {
                        assertThat(Double.isFinite(v)).as(e.name() + " " + ind.outputName(k) + " at " + i).isTrue();
                    }
                    anyNaN |= Double.isNaN(v);
                }
                if (i == unstable - 1) {
                    someOutputUndefinedLast = anyNaN;
                }
            }
            if (unstable > 0) {
                assertThat(someOutputUndefinedLast).as(e.name() + ": the warm-up is not longer than needed").isTrue();
            }
            assertThat(Double.isNaN(e.make().get().value())).as("no bar: NaN").isTrue();
        }));
    }

    @Test
    void documentedWarmups() {
        assertThat(new Sma(20).unstableBars()).isEqualTo(19);
        assertThat(new Ema(20).unstableBars()).isEqualTo(19);
        assertThat(new Rsi(14).unstableBars()).isEqualTo(14);
        assertThat(new Atr(14).unstableBars()).isEqualTo(13);
        assertThat(new Adx(14).unstableBars()).isEqualTo(27);
        assertThat(new Macd().unstableBars()).isEqualTo(33);
        assertThat(new BollingerBands().unstableBars()).isEqualTo(19);
        assertThat(new Donchian(20).unstableBars()).isEqualTo(19);
        assertThat(new Supertrend().unstableBars()).isEqualTo(9);
        assertThat(new Ichimoku().unstableBars()).isEqualTo(76);
        assertThat(new Qqe().unstableBars()).isEqualTo(71);
        assertThat(new Stochastic().unstableBars()).isEqualTo(15);
        assertThat(new Stochastic(14, 3, 3).unstableBars()).isEqualTo(17);
        assertThat(new EfficiencyRatio(10).unstableBars()).isEqualTo(10);
        assertThat(new Correlation(20).unstableBars()).isEqualTo(19);
        assertThat(new Returns(Returns.Kind.LOG).unstableBars()).isEqualTo(1);
        Ichimoku ich = new Ichimoku();
        assertThat(new int[] {ich.unstableBars(0), ich.unstableBars(1), ich.unstableBars(2), ich.unstableBars(3), ich.unstableBars(4),
                ich.unstableBars(5), ich.unstableBars(6), ich.unstableBars(7)}).containsExactly(8, 25, 25, 51, 50, 76, 0, 25);
    }

    @Test
    void partsWithShorterWarmupsAreDefinedEarlier() {
        BarSeries eth = RealBars.eth5m();
        double[][] adx = Batch.run(new Adx(14), eth);
        assertThat(Ta4jParityTest.firstDefined(adx[1])).as("+DI").isEqualTo(14);
        assertThat(Ta4jParityTest.firstDefined(adx[0])).as("ADX").isEqualTo(27);
        double[][] macd = Batch.run(new Macd(), eth);
        assertThat(Ta4jParityTest.firstDefined(macd[0])).as("MACD line").isEqualTo(25);
        assertThat(Ta4jParityTest.firstDefined(macd[1])).as("signal").isEqualTo(33);
        double[][] qqe = Batch.run(new Qqe(), eth);
        assertThat(Ta4jParityTest.firstDefined(qqe[0])).as("QQE line").isEqualTo(18);
        assertThat(Ta4jParityTest.firstDefined(qqe[1])).as("trailing").isEqualTo(71);
    }
}
