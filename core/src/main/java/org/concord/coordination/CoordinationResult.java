package org.concord.coordination;

import org.concord.metrics.EquityCurve;
import org.concord.metrics.PerformanceMetrics;
import org.concord.metrics.RoundTrip;
import org.concord.metrics.Synergy;
import org.concord.metrics.TradeJournal;
import org.concord.metrics.TradingCosts;
import org.concord.risk.RiskEvent;
import org.concord.risk.RiskLimits;

import java.util.List;

/**
 * A run's results together with the configuration that produced them (saved as JSON by {@link ResultsJson}).
 *
 * @param broker    the broker's configuration (e.g. a {@link org.concord.execution.PaperBrokerConfig})
 * @param costs     the run's fills, fees and turnover (the trade count alone hides how often a held position was resized)
 * @param synergy   combined vs buckets alone, when the runs alone were made (else null)
 * @param learnerWeights the source weights after each closed bucket trade rewarded its lead source
 * @param metaSkipped    signals the meta-labeling gate did not trade
 * @param entriesBlocked planned entries the closed entry gate (macro) stopped
 * @param entriesHalted  planned entries the drawdown halt stopped (the risk manager would have refused them)
 * @param eventCounts    every risk event, rejected signal, alignment and conflict of the run; the lists above keep the
 *                       newest of each (10,000), which is what a long run's report can carry
 */
public record CoordinationResult(String description, CoordinationConfig config, RiskLimits riskLimits, Object broker,
                                 PerformanceMetrics metrics, TradingCosts costs, EquityCurve.Data equity, List<AllocationUpdate> allocations,
                                 List<ConflictEvent> conflicts, List<AlignmentEvent> alignments, List<RiskEvent> riskEvents,
                                 List<SignalRejected> rejectedSignals, List<RoundTrip> trades, List<TradeFeedback> bucketTrades,
                                 Synergy synergy, List<LearnerUpdate> learnerWeights, long metaSkipped, long entriesBlocked,
                                 long entriesHalted, EventCounts eventCounts) {

    /** The results of {@code engine}'s run so far. */
    public static CoordinationResult of(String description, CoordinationEngine engine, Object brokerConfig, Synergy synergy) {
        List<RoundTrip> trades = TradeJournal.of(engine.broker().fills());
        EquityCurve curve = engine.equityCurve();
        double ppy = 365.0 * 24 * 3600_000 / engine.config().decisionTimeframe().millis();
        TradingCosts costs = curve.size() == 0 ? TradingCosts.NONE : TradingCosts.of(engine.broker().fills(), curve.equity(0));
        return new CoordinationResult(description, engine.config(), engine.risk().limits(), brokerConfig,
                PerformanceMetrics.of(curve, trades, ppy), costs, curve.data(), List.copyOf(engine.allocations().history()),
                engine.conflicts(), engine.alignments(), engine.risk().history(), engine.rejectedSignals(), trades,
                List.copyOf(engine.bucketTrades()), synergy, List.copyOf(engine.learnerUpdates()), engine.metaSkipped(),
                engine.entriesBlocked(EntryGate.MACRO), engine.entriesBlocked(EntryGate.DRAWDOWN_HALT), engine.eventCounts());
    }
}
