package org.concord.app.live;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import javafx.geometry.Bounds;
import org.concord.chart.ChartOverlay;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The analysis overlay on the live chart (FX thread): the pivot levels as labelled lines and the last confirmed extrema
 * as markers, shown as the core sends them (while the {@code pivots}/{@code extrema} modules are on).
 */
final class ChartOverlayLayer {
    /** Where along the plot's width level labels sit (0 = left edge). */
    static final double LEVEL_LABEL_POSITION = 0.005;

    private final List<ChartPlugin> plugins;
    private final Axis yAxis;
    private final MarkerDataSet tops;
    private final MarkerDataSet bottoms;
    /** The level lines by name, kept between overlays: moved in place, never rebuilt under the eye at replay speed. */
    private final Map<String, LevelLabels.Level> levels = new LinkedHashMap<>();
    /** Keeps the level labels at the left edge off each other (levels a few dollars apart were written over each other). */
    private final LevelLabels levelLabels = new LevelLabels();
    private ChartOverlay shown;

    /** @param plugins the chart's plugin list, where the level lines go */
    ChartOverlayLayer(List<ChartPlugin> plugins, Axis yAxis, MarkerDataSet tops, MarkerDataSet bottoms) {
        this.plugins = plugins;
        this.yAxis = yAxis;
        this.tops = tops;
        this.bottoms = bottoms;
    }

    /** Labels other plugins draw at the plot's left edge (order lines), which the level labels keep clear of. */
    void setLabelObstacles(Supplier<List<Bounds>> obstacles) {
        levelLabels.setObstacles(obstacles);
    }

    void clear() {
        shown = null;
        plugins.removeAll(levels.values());
        levels.values().forEach(levelLabels::remove);
        levels.clear();
        tops.clear();
        bottoms.clear();
    }

    /** Shows {@code o} unless it is the one shown. */
    void show(ChartOverlay o) {
        if (o == shown) {
            return;
        }
        shown = o;
        // a new overlay comes with every decision (ten a second at 600×): lines that stay are moved, not recreated (a
        // label created anew showed as an empty yellow box until its text was laid out)
        List<LevelLabels.Level> gone = new ArrayList<>();
        levels.entrySet().removeIf(e -> {
            if (o.levels().containsKey(e.getKey())) {
                return false;
            }
            gone.add(e.getValue());
            return true;
        });
        plugins.removeAll(gone);
        gone.forEach(levelLabels::remove);
        List<LevelLabels.Level> added = new ArrayList<>();
        for (Map.Entry<String, Double> e : o.levels().entrySet()) {
            LevelLabels.Level ind = levels.get(e.getKey());
            if (ind != null) {
                ind.setValue(e.getValue());
                continue;
            }
            // labels near the left edge: the newest bars and the predicted candles are on the right
            ind = levelLabels.create(yAxis, e.getValue(), e.getKey(), LEVEL_LABEL_POSITION);
            levels.put(e.getKey(), ind);
            added.add(ind);
        }
        plugins.addAll(added);
        tops.clear();
        bottoms.clear();
        for (ChartOverlay.Extremum x : o.extrema()) {
            (x.max() ? tops : bottoms).add(x.time() / 1000.0, x.price(), MarkerTexts.extremum(x.max(), x.price()));
        }
    }
}
