package org.concord.app.portfolio;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Arc;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;

import java.util.Locale;

/** A half-circle gauge of the drawdown against the risk threshold (full scale = the threshold). */
public final class DrawdownGauge extends StackPane {
    private final Arc value = new Arc(0, 0, 70, 70, 180, 0);
    private final Label label = new Label("drawdown —");

    public DrawdownGauge() {
        Arc track = new Arc(0, 0, 70, 70, 180, -180);
        for (Arc a : new Arc[] {track, value}) {
            a.setType(ArcType.OPEN);
            a.setFill(null);
            a.setStrokeWidth(14);
            a.setStrokeLineCap(StrokeLineCap.BUTT);
        }
        track.setStroke(Color.gray(0.5, 0.35));
        value.setStroke(Color.SEAGREEN);
        label.setId("drawdown-label");
        StackPane arcs = new StackPane(track, value);
        arcs.setMaxSize(160, 90);
        VBox box = new VBox(6, arcs, label);
        box.setAlignment(Pos.CENTER);
        getChildren().add(box);
        setId("drawdown-gauge");
        setMinSize(180, 120);
    }

    /** @param drawdown 0..1; @param threshold the halt threshold (full scale) */
    public void show(double drawdown, double threshold, boolean halted) {
        double f = threshold > 0 ? Math.max(0, Math.min(1, drawdown / threshold)) : 0;
        value.setLength(-180 * f);
        value.setStroke(halted || f >= 1 ? Color.CRIMSON : f >= 0.5 ? Color.ORANGE : Color.SEAGREEN);
        label.setText(String.format(Locale.ROOT, "drawdown %.2f%% of %.0f%%%s", 100 * drawdown, 100 * threshold, halted ? " — HALTED" : ""));
    }
}
