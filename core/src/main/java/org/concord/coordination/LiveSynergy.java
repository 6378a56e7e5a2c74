package org.concord.coordination;

import java.util.EnumMap;
import java.util.Map;

/**
 * Live synergy of one coordinated account: what trading the buckets together made beyond what they would have made
 * each alone, from the run itself (the backtest's synergy runs replay each bucket alone instead).
 * <pre>
 *   combined      = equity now - equity at the engine's first bar          (the account: fees, risk cuts, everything)
 *   alone(b)      = book P&L(b) - crossedNotional(b) * costBufferBps / 1e4
 *   synergy       = combined - sum over b of alone(b)
 * </pre>
 * A book's P&L ({@link BucketLedger#pnl}) is its own position's realized and open profit after its share of the
 * fees. Alone, each bucket would have sent to the venue what it crossed internally with an opposite bucket (a
 * fee-free fill at the mark here), paying the per-order cost the risk manager assumes
 * ({@link org.concord.risk.RiskLimits#costBufferBps()}: fees and slippage). So synergy is what netting saved plus what
 * no book owns (the risk manager's deleveraging cuts, rounding): positive, the buckets did better together.
 * Allocation, conflict and alignment effects move the books themselves and are in both sides; they are not
 * separated here.
 *
 * @param alone   each bucket's stand-alone P&L as defined above
 * @param crossed each bucket's internally crossed notional since the start
 */
public record LiveSynergy(double combinedPnl, Map<Bucket, Double> alone, double sumAlone, double synergy, Map<Bucket, Double> crossed) {
    public LiveSynergy {
        alone = Map.copyOf(alone);
        crossed = Map.copyOf(crossed);
    }

    /** Synergy of {@code engine}'s account now (on its decision thread). */
    public static LiveSynergy of(CoordinationEngine engine) {
        var curve = engine.equityCurve();
        double now = engine.broker().account().equity();
        double start = curve.size() > 0 ? curve.equity(0) : now;
        double cost = engine.risk().limits().costBufferBps() * 1e-4;
        Map<Bucket, Double> alone = new EnumMap<>(Bucket.class);
        Map<Bucket, Double> crossed = new EnumMap<>(Bucket.class);
        double sum = 0;
        for (Bucket b : Bucket.ALL) {
            double x = engine.ledger().crossedNotional(b);
            double a = engine.ledger().pnl(b, engine::price) - x * cost;
            alone.put(b, a);
            crossed.put(b, x);
            sum += a;
        }
        double combined = now - start;
        return new LiveSynergy(combined, alone, sum, combined - sum, crossed);
    }
}
