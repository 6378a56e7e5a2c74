package org.concord.indicators;

/**
 * Wilder's moving average (RMA, MMA, SMMA), {@code α = 1/n}: the smoothing inside RSI, ATR and ADX. Default
 * seeding {@link Seeding#SMA} (Wilder, TradingView {@code ta.rma}); ta4j's {@code MMAIndicator} is
 * {@link Seeding#FIRST_VALUE}. Unstable bars: {@code n − 1}.
 */
public final class Rma extends ExpAverage {

    public Rma(int period) {
        this(period, Seeding.SMA, Price.CLOSE);
    }

    public Rma(int period, Seeding seeding) {
        this(period, seeding, Price.CLOSE);
    }

    public Rma(int period, Seeding seeding, Price price) {
        super(period, 1.0 / Outputs.requirePeriod("RMA period", period, 1), seeding, price);
    }

    @Override
    public String toString() {
        return "RMA(" + period() + "," + seeding() + "," + price() + ")";
    }
}
