package org.concord.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Every bar indicator of the library, in both seedings where it has them, with typical parameters. */
final class Catalogue {
    record Entry(String name, Supplier<BarIndicator> make) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Catalogue() {
    }

    static List<Entry> all() {
        List<Entry> e = new ArrayList<>();
        e.add(new Entry("SMA(20)", () -> new Sma(20)));
        e.add(new Entry("SMA(1)", () -> new Sma(1)));
        e.add(new Entry("StdDev(20)", () -> new StdDev(20)));
        e.add(new Entry("Bollinger(20,2)", BollingerBands::new));
        e.add(new Entry("Donchian(20)", () -> new Donchian(20)));
        e.add(new Entry("Stochastic(14,3,3)", () -> new Stochastic(14, 3, 3)));
        e.add(new Entry("Ichimoku(9,26,52,26)", Ichimoku::new));
        e.add(new Entry("QQE(14,5,4.238)", Qqe::new));
        e.add(new Entry("ER(10)", () -> new EfficiencyRatio(10)));
        e.add(new Entry("Returns(log)", () -> new Returns(Returns.Kind.LOG)));
        e.add(new Entry("SMA(5) of HLC3", () -> new Sma(5, Price.HLC3)));
        // strategies area: the indicators the strategy modules added
        e.add(new Entry("MFI(14)", () -> new Mfi(14)));
        e.add(new Entry("SSL(10)", () -> new SslChannel(10)));
        e.add(new Entry("WAE(150,20,40,20,2,100,3.7)", WaddahAttarExplosion::new));
        e.add(new Entry("AlphaTrend(14,1,MFI)", AlphaTrend::new));
        e.add(new Entry("AlphaTrend(14,1,RSI)", () -> new AlphaTrend(14, 1, false)));
        for (Seeding s : Seeding.values()) {
            e.add(new Entry("EMA(50) " + s, () -> new Ema(50, s)));
            e.add(new Entry("RMA(14) " + s, () -> new Rma(14, s)));
            e.add(new Entry("RSI(14) " + s, () -> new Rsi(14, s)));
            e.add(new Entry("ATR(14) " + s, () -> new Atr(14, s)));
            e.add(new Entry("ADX(14,14) " + s, () -> new Adx(14, 14, s)));
            e.add(new Entry("MACD(12,26,9) " + s, () -> new Macd(12, 26, 9, s, Price.CLOSE)));
            e.add(new Entry("Supertrend(10,3) " + s, () -> new Supertrend(10, 3, s)));
        }
        return e;
    }
}
