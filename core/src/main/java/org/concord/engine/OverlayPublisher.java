package org.concord.engine;

import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.chart.ChartOverlay;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.StateVector;
import org.concord.orchestrator.TradingOrchestrator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the pivots and extrema modules' features of each decision's state vector back into prices for the chart
 * ({@code distX = close / X − 1} ⇒ {@code X = close / (1 + distX)}) and publishes them on {@link OverlayTopics#OVERLAYS}
 * when they changed. Part of the node's publication ({@link TradingNode} attaches one per orchestrator when it has a
 * bus): core code on the decision thread, a few lookups; the desk only draws what arrives on the topic. Features of
 * modules that are off are absent, so their overlay disappears with them.
 */
public final class OverlayPublisher implements AutoCloseable {
    private static final String[] PIVOTS = {"P", "R1", "S1", "R2", "S2"};
    private final Subscription sub;
    private ChartOverlay last;

    public OverlayPublisher(TradingOrchestrator orch, EventBus bus) {
        if (orch == null || bus == null) {
            throw new IllegalArgumentException("orchestrator and bus are required");
        }
        sub = orch.onDecision(d -> {
            ChartOverlay o = overlay(d, orch.lastState(d.symbol()));
            if (last == null || !o.levels().equals(last.levels()) || !o.extrema().equals(last.extrema())) {
                last = o;
                bus.publish(OverlayTopics.OVERLAYS, o);
            }
        });
    }

    /** The overlay for decision {@code d} from its state vector (null state: nothing). */
    static ChartOverlay overlay(Decision d, StateVector state) {
        Map<String, Double> levels = new LinkedHashMap<>();
        List<ChartOverlay.Extremum> extrema = new ArrayList<>();
        if (state != null) {
            double close = d.price();
            if (state.get("pivots.pp.ready") == 1.0) {
                for (String p : PIVOTS) {
                    put(levels, p, close, state.get("pivots.pp.dist" + p));
                }
            }
            put(levels, "swing high", close, state.get("pivots.l1.distHigh"));
            put(levels, "swing low", close, state.get("pivots.l1.distLow"));
            if (state.get("extrema.ready") == 1.0) {
                long tf = d.timeframe().millis();
                addExtremum(extrema, d.time(), tf, close, state.get("extrema.sinceMax"), state.get("extrema.distMax"), true);
                addExtremum(extrema, d.time(), tf, close, state.get("extrema.sinceMin"), state.get("extrema.distMin"), false);
            }
        }
        return new ChartOverlay(d.symbol(), d.time(), levels, extrema);
    }

    private static void put(Map<String, Double> levels, String name, double close, double dist) {
        // 0 means "not known yet" for these features
        if (Double.isFinite(dist) && dist != 0 && dist > -1) {
            levels.put(name, close / (1 + dist));
        }
    }

    private static void addExtremum(List<ChartOverlay.Extremum> out, long decisionClose, long tf, double close, double since, double dist, boolean max) {
        if (Double.isFinite(since) && Double.isFinite(dist) && dist != 0 && dist > -1) {
            // the decision bar opened at close − tf; the extremum's bar `since` bars before it
            out.add(new ChartOverlay.Extremum(decisionClose - tf * (1 + (long) since), close / (1 + dist), max));
        }
    }

    @Override
    public void close() {
        sub.close();
    }
}
