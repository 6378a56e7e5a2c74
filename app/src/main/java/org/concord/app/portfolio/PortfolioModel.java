package org.concord.app.portfolio;

import org.concord.coordination.Bucket;
import org.concord.engine.TradingSettingsChange;

import java.util.List;
import java.util.Map;

/**
 * What the portfolio panel renders (immutable; curves already decimated to what a chart can show).
 *
 * @param latest         the last account/risk snapshot, or null before the first
 * @param equityTime     epoch ms per equity point
 * @param allocationTime epoch ms per allocation point; {@code allocations} one array per bucket, same length
 * @param events         conflict-resolution and risk-limit events, newest first
 * @param conflicts      the latest conflict resolutions between buckets (net-limit cuts are only events), newest first (at most {@link PortfolioPresenter#MAX_CONFLICTS})
 * @param harmonyTime    epoch ms per alignment measurement; {@code harmony} its value in [0, 1]
 * @param settingsChange core's answer to the last settings command from this desk, or null
 */
public record PortfolioModel(PortfolioSnapshot latest, long[] equityTime, double[] equity, long[] allocationTime,
                             Map<Bucket, double[]> allocations, List<String> events, List<ConflictRow> conflicts,
                             long[] harmonyTime, double[] harmony, TradingSettingsChange settingsChange) {
}
