package org.concord.coordination;

/**
 * How bucket scores are formed: {@code sharpeWeight * sharpe + regimeWeight * regimeSharpe - drawdownPenalty *
 * maxDrawdown}, both Sharpe ratios annualized.
 */
public record AllocationConfig(double sharpeWeight, double regimeWeight, double drawdownPenalty, double periodsPerYear) {
    public AllocationConfig {
        if (!(sharpeWeight >= 0) || !(regimeWeight >= 0) || !(drawdownPenalty >= 0) || !(periodsPerYear > 0)
                || Double.isInfinite(sharpeWeight + regimeWeight + drawdownPenalty + periodsPerYear)) {
            throw new IllegalArgumentException("allocation weights must be finite and >= 0, periodsPerYear > 0: " + this);
        }
    }

    /** Half overall Sharpe, half Sharpe in the current regime, 5 per unit of drawdown; 5-minute bars. */
    public static AllocationConfig defaults() {
        return new AllocationConfig(0.5, 0.5, 5.0, 105_120);
    }
}
