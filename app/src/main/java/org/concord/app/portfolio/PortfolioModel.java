package org.concord.app.portfolio;

import org.concord.coordination.Bucket;

import java.util.List;
import java.util.Map;

/**
 * What the portfolio panel renders (immutable; curves already decimated to what a chart can show).
 *
 * @param latest         the last account/risk snapshot, or null before the first
 * @param equityTime     epoch ms per equity point
 * @param allocationTime epoch ms per allocation point; {@code allocations} one array per bucket, same length
 * @param events         conflict-resolution and risk-limit events, newest first
 */
public record PortfolioModel(PortfolioSnapshot latest, long[] equityTime, double[] equity, long[] allocationTime,
                             Map<Bucket, double[]> allocations, List<String> events) {
}
