package org.concord.indicators;

/**
 * Exponential moving average, {@code α = 2/(n+1)}. Default seeding {@link Seeding#SMA} (TA-Lib, TradingView
 * {@code ta.ema}); ta4j's {@code EMAIndicator} is {@link Seeding#FIRST_VALUE}. Unstable bars: {@code n − 1}.
 */
public final class Ema extends ExpAverage {

    public Ema(int period) {
        this(period, Seeding.SMA, Price.CLOSE);
    }

    public Ema(int period, Seeding seeding) {
        this(period, seeding, Price.CLOSE);
    }

    public Ema(int period, Seeding seeding, Price price) {
        super(period, 2.0 / (Outputs.requirePeriod("EMA period", period, 1) + 1), seeding, price);
    }

    @Override
    public String toString() {
        return "EMA(" + period() + "," + seeding() + "," + price() + ")";
    }
}
