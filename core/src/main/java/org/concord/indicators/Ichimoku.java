package org.concord.indicators;

/**
 * Ichimoku Kinko Hyo, exposed so that nothing needs data after the bar it is read on.
 * <ul>
 *   <li>{@code tenkan} = (highest high + lowest low)/2 over {@code tenkanPeriod} bars (9); {@code kijun} the same over
 *       {@code kijunPeriod} (26).</li>
 *   <li>{@code senkouA} = (tenkan + kijun)/2 and {@code senkouB} = midpoint over {@code senkouBPeriod} (52), both
 *       <em>computed at t</em> from bars up to t; a chart plots them {@code displacement − 1} (25) bars ahead.</li>
 *   <li>{@code cloudA}/{@code cloudB}: the cloud <em>at</em> t, i.e. senkou A/B computed {@code displacement − 1}
 *       bars ago (ta4j {@code IchimokuSenkouSpanA/BIndicator} at t; TradingView's offset plot).</li>
 *   <li>{@code chikou} = close at t, which a chart plots {@code displacement − 1} bars back; {@code chikouReference}
 *       = the close of that earlier bar, what the chikou is compared with. ta4j's {@code IchimokuChikouSpanIndicator}
 *       at t returns close(t + 26), a future value: never exposed here (ta4j's chikou at t−26 is our chikou at t).</li>
 * </ul>
 * Unstable bars per output: tenkan {@code tenkan−1}, kijun {@code kijun−1}, senkouA {@code max(tenkan,kijun)−1},
 * senkouB {@code senkouB−1}, cloudA that + {@code displacement−1}, cloudB {@code senkouB−1+displacement−1},
 * chikou 0, chikouReference {@code displacement−1}. {@link #unstableBars()} is the longest (cloudB: 76 for
 * 9/26/52/26).
 */
public final class Ichimoku extends AbstractBarIndicator {
    private final int tenkanPeriod;
    private final int kijunPeriod;
    private final int senkouBPeriod;
    private final int lag;
    private final RollingExtreme tenkanHigh;
    private final RollingExtreme tenkanLow;
    private final RollingExtreme kijunHigh;
    private final RollingExtreme kijunLow;
    private final RollingExtreme spanBHigh;
    private final RollingExtreme spanBLow;
    private final DelayLine leadA;
    private final DelayLine leadB;
    private final DelayLine closes;
    private final int[] unstable;
    private final int unstableAll;

    public Ichimoku() {
        this(9, 26, 52, 26);
    }

    public Ichimoku(int tenkanPeriod, int kijunPeriod, int senkouBPeriod, int displacement) {
        this.tenkanPeriod = Outputs.requirePeriod("tenkan period", tenkanPeriod, 1);
        this.kijunPeriod = Outputs.requirePeriod("kijun period", kijunPeriod, 1);
        this.senkouBPeriod = Outputs.requirePeriod("senkou B period", senkouBPeriod, 1);
        this.lag = Outputs.requirePeriod("displacement", displacement, 1) - 1;
        tenkanHigh = RollingExtreme.max(tenkanPeriod);
        tenkanLow = RollingExtreme.min(tenkanPeriod);
        kijunHigh = RollingExtreme.max(kijunPeriod);
        kijunLow = RollingExtreme.min(kijunPeriod);
        spanBHigh = RollingExtreme.max(senkouBPeriod);
        spanBLow = RollingExtreme.min(senkouBPeriod);
        leadA = new DelayLine(lag + 1);
        leadB = new DelayLine(lag + 1);
        closes = new DelayLine(lag + 1);
        int a = Math.max(tenkanPeriod, kijunPeriod) - 1;
        unstable = new int[] {tenkanPeriod - 1, kijunPeriod - 1, a, senkouBPeriod - 1, a + lag, senkouBPeriod - 1 + lag, 0, lag};
        int m = 0;
        for (int u : unstable) {
            m = Math.max(m, u);
        }
        unstableAll = m;
    }

    @Override
    protected void commit() {
    }

    @Override
    protected void compute(int index, double open, double high, double low, double close, double volume, boolean newBar) {
        if (newBar) {
            tenkanHigh.add(high);
            tenkanLow.add(low);
            kijunHigh.add(high);
            kijunLow.add(low);
            spanBHigh.add(high);
            spanBLow.add(low);
        } else {
            tenkanHigh.replaceNewest(high);
            tenkanLow.replaceNewest(low);
            kijunHigh.replaceNewest(high);
            kijunLow.replaceNewest(low);
            spanBHigh.replaceNewest(high);
            spanBLow.replaceNewest(low);
        }
        double a = (tenkanRaw() + kijunRaw()) / 2;
        double b = (spanBHigh.value() + spanBLow.value()) / 2;
        if (newBar) {
            leadA.add(a);
            leadB.add(b);
            closes.add(close);
        } else {
            leadA.replaceNewest(a);
            leadB.replaceNewest(b);
            closes.replaceNewest(close);
        }
    }

    private double tenkanRaw() {
        return (tenkanHigh.value() + tenkanLow.value()) / 2;
    }

    private double kijunRaw() {
        return (kijunHigh.value() + kijunLow.value()) / 2;
    }

    @Override
    protected void clear() {
        tenkanHigh.clear();
        tenkanLow.clear();
        kijunHigh.clear();
        kijunLow.clear();
        spanBHigh.clear();
        spanBLow.clear();
        leadA.clear();
        leadB.clear();
        closes.clear();
    }

    private boolean ready(int output) {
        return count() - 1 >= unstable[output];
    }

    /** Tenkan-sen (conversion line). */
    @Override
    public double value() {
        return tenkan();
    }

    public double tenkan() {
        return ready(0) ? tenkanRaw() : Double.NaN;
    }

    public double kijun() {
        return ready(1) ? kijunRaw() : Double.NaN;
    }

    /** Senkou span A computed at t (plotted {@code displacement − 1} bars ahead). */
    public double senkouA() {
        return ready(2) ? leadA.ago(0) : Double.NaN;
    }

    /** Senkou span B computed at t (plotted {@code displacement − 1} bars ahead). */
    public double senkouB() {
        return ready(3) ? leadB.ago(0) : Double.NaN;
    }

    /** The cloud's span A at t: senkou A computed {@code displacement − 1} bars ago. */
    public double cloudA() {
        return ready(4) ? leadA.ago(lag) : Double.NaN;
    }

    /** The cloud's span B at t: senkou B computed {@code displacement − 1} bars ago. */
    public double cloudB() {
        return ready(5) ? leadB.ago(lag) : Double.NaN;
    }

    /** Chikou span: the close at t (plotted {@code displacement − 1} bars back). */
    public double chikou() {
        return ready(6) ? closes.ago(0) : Double.NaN;
    }

    /** The close {@code displacement − 1} bars ago, which the chikou span is compared with. */
    public double chikouReference() {
        return ready(7) ? closes.ago(lag) : Double.NaN;
    }

    @Override
    public int unstableBars() {
        return unstableAll;
    }

    /** Unstable bars of output {@code k} (see {@link #outputName}). */
    public int unstableBars(int k) {
        Outputs.check(this, k);
        return unstable[k];
    }

    @Override
    public int outputCount() {
        return 8;
    }

    private static final String[] NAMES = {"tenkan", "kijun", "senkouA", "senkouB", "cloudA", "cloudB", "chikou", "chikouReference"};

    @Override
    public String outputName(int k) {
        Outputs.check(this, k);
        return NAMES[k];
    }

    @Override
    public double output(int k) {
        switch (k) {
            case 0: return tenkan();
            case 1: return kijun();
            case 2: return senkouA();
            case 3: return senkouB();
            case 4: return cloudA();
            case 5: return cloudB();
            case 6: return chikou();
            case 7: return chikouReference();
            default: Outputs.check(this, k); return Double.NaN;
        }
    }

    @Override
    public String toString() {
        return "Ichimoku(" + tenkanPeriod + "," + kijunPeriod + "," + senkouBPeriod + "," + (lag + 1) + ")";
    }
}
