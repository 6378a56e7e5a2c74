package org.concord.app.portfolio;

import org.concord.config.TradingSettings;
import org.concord.coordination.Bucket;
import org.concord.coordination.LiveSynergy;
import org.concord.coordination.SourceContribution;

import java.util.List;
import java.util.Map;

/**
 * The account and risk state after one coordination bar, as it crosses the bus to the portfolio panel
 * ({@link PortfolioTopics#SNAPSHOTS}). Everything in it was computed by core (broker, coordination, risk).
 *
 * The account is the orchestrator's (the bot's): the coordination engine's broker.
 *
 * @param fills         the bot's fills over the account's whole history (its orders only, on a venue shared with the person)
 * @param fees          what those fills paid: the positions' P&amp;L and the equity differ by it
 * @param drawdown      current drawdown from the equity peak of what the risk manager guards (0..1)
 * @param drawdownScale what new exposure is multiplied by (1 → 0.25 between the scaling start and the threshold)
 * @param halted        the drawdown threshold was crossed: no new exposure
 * @param allocation    capital share per bucket
 * @param bucketCorrelation Pearson correlation of the buckets' per-bar returns over the last {@code window} bars,
 *                      row-major in {@link Bucket} order (NaN where either bucket's P&L did not move over the
 *                      window, or the window is not full yet: no correlation to show)
 * @param coordination  what the coordination layer did so far (counts, sources, synergy) and the settings in force
 */
public record PortfolioSnapshot(long time, double equity, double cash, double grossExposure, long fills, double fees, double drawdown, double drawdownScale,
                                double drawdownLimit, boolean halted, List<PositionRow> positions, Map<Bucket, Double> allocation,
                                List<Bucket> buckets, double[] bucketCorrelation, int window, Coordination coordination) {
    public PortfolioSnapshot {
        positions = positions == null ? List.of() : List.copyOf(positions);
        allocation = allocation == null ? Map.of() : Map.copyOf(allocation);
        buckets = buckets == null ? List.of() : List.copyOf(buckets);
        bucketCorrelation = bucketCorrelation == null ? new double[0] : bucketCorrelation.clone();
    }

    /**
     * The coordination layer's own figures, all computed by core.
     *
     * @param conflicts     conflict resolutions (opposite buckets on a symbol) so far
     * @param netLimitCuts  applications of the per-symbol net-exposure limit so far
     * @param alignments    alignment measurements (two or more buckets on one symbol) so far
     * @param regime        the market regime the allocation and the learner's weights are for now
     * @param minAllocation a bucket's allocation floor; {@code maxAllocation} its ceiling
     * @param sources       per source: bucket, signals, trades, profit, learner weight
     * @param synergy       combined P&amp;L against the buckets' stand-alone P&amp;L ({@link LiveSynergy})
     * @param settings      the risk limits and sizing method in force
     * @param symbolNetLimit the coordinator's own limit on each symbol's net exposure (fraction of equity): the limit
     *                      its net-limit cuts cite, applied before the risk manager's
     */
    public record Coordination(long conflicts, long netLimitCuts, long alignments, String regime, double minAllocation, double maxAllocation,
                               List<SourceContribution> sources, LiveSynergy synergy, TradingSettings settings, double symbolNetLimit) {
        public Coordination {
            sources = sources == null ? List.of() : List.copyOf(sources);
        }
    }

    /** One open position. */
    public record PositionRow(String symbol, double quantity, double averagePrice, double markPrice, double unrealizedPnl,
                              double realizedPnl) {
    }
}
