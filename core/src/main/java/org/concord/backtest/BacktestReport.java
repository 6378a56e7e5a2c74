package org.concord.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.coordination.CoordinationResult;
import org.concord.engine.TradingPipelineConfig;
import org.concord.metrics.Synergy;

import java.util.List;
import java.util.Map;

/**
 * A backtest's results with everything that produced them: the backtest config, the effective orchestrator
 * configuration (preset with the backtest's switches applied), the pipeline's configuration, what the data was, and
 * per run the coordination results (metrics, equity curve, allocation history, conflicts, alignments, risk events,
 * rejected signals, trades, bucket trades). A single-range backtest has {@code result}; a walk-forward one has
 * {@code windows} (and no {@code result}). Nothing in it depends on wall-clock time: the same data and configuration
 * give the same report, byte for byte.
 *
 * @param data      what was replayed ("bundled Bitstamp BTC/USD trades: 100,000 trades")
 * @param modules   the orchestrator's sources at the end of the (last) run: id, kind, version (models), state, reason, weight
 * @param model     the training model that voted (null: none was given, {@link Backtester.Builder#models})
 * @param synergy   combined vs each horizon's bucket run alone (when asked for)
 */
public record BacktestReport(int formatVersion, BacktestConfig config, JsonNode orchestrator, TradingPipelineConfig pipeline,
                             String data, List<ModuleSummary> modules, BacktestModel model, Run result, Synergy synergy, List<Window> windows) {
    public static final int FORMAT_VERSION = 1;

    public BacktestReport {
        modules = modules == null ? List.of() : List.copyOf(modules);
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    /** One source of the orchestrator as it ended the run. */
    public record ModuleSummary(String id, String kind, String version, String state, String reason, double weight) {
    }

    /**
     * One replay through the pipeline.
     *
     * @param replayFrom first event replayed (the orchestrator starts seeing data here)
     * @param tradeFrom  first bar close traded (after the warm-up / training part)
     * @param to         end of the replayed range (exclusive)
     * @param events     trades or base bars replayed
     * @param bars       decision-timeframe bars the pipeline processed (traded part)
     * @param decisions  decisions made by the orchestrator (whole replay) and routed to coordination (traded part)
     * @param actions    decisions per action over the traded part
     * @param baselines  the result next to always-flat, buy-and-hold, always-long and the majority action after costs
     */
    public record Run(long replayFrom, long tradeFrom, long to, long events, long bars, long decisions, long decisionsTraded,
                      Map<String, Long> actions, CoordinationResult coordination, BacktestBaselines baselines) {
    }

    /** One walk-forward window: train part seen by the orchestrator, test part traded. */
    public record Window(int index, long trainFrom, long testFrom, long testTo, Run run) {
    }
}
