package org.concord.app.live;

import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import javafx.scene.input.MouseEvent;

/**
 * ChartFX's crosshair, which can also be hidden. Its label is written at a mouse event and stays until the next one:
 * after a symbol or timeframe switch under a still mouse it would keep naming the old series' time and price over
 * the new one. {@link #hide} hides line and label (hidden, not removed: the chart's children are bound to its plot
 * and a removal from outside ChartFX's own handler broke that binding); the next mouse event over the chart shows
 * them again, written for the new series.
 */
final class ChartCrosshair extends CrosshairIndicator {
    ChartCrosshair() {
        registerInputEventHandler(MouseEvent.ANY, e -> {
            crosshairPath.setVisible(true);
            coordinatesLabel.setVisible(true);
        });
    }

    /** Hides the crosshair and its label until the next mouse event over the chart (FX thread). */
    void hide() {
        crosshairPath.setVisible(false);
        coordinatesLabel.setVisible(false);
    }
}
