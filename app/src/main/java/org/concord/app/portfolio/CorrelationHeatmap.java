package org.concord.app.portfolio;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.concord.coordination.Bucket;

import java.util.List;
import java.util.Locale;

/** A bucket × bucket grid coloured by correlation: blue −1, neutral 0, red +1; "—" where there is none (NaN). */
public final class CorrelationHeatmap extends GridPane {
    private static final double CELL = 46;
    /** A pair without a correlation: a bucket whose P&L did not move over the window (or too few bars yet). */
    static final String UNDEFINED = "—";
    private Rectangle[] cells = new Rectangle[0];
    private Label[] texts = new Label[0];
    private int n = -1;

    public CorrelationHeatmap() {
        setId("correlation-heatmap");
        setHgap(2);
        setVgap(2);
    }

    public void show(List<Bucket> buckets, double[] corr) {
        if (buckets.size() != n) {
            build(buckets);
        }
        for (int i = 0; i < cells.length && i < corr.length; i++) {
            if (Double.isNaN(corr[i])) {
                cells[i].setFill(Color.gray(0.35));
                texts[i].setText(UNDEFINED);
                continue;
            }
            double v = Math.max(-1, Math.min(1, corr[i]));
            Color c = v >= 0 ? Color.gray(0.55).interpolate(Color.CRIMSON, v) : Color.gray(0.55).interpolate(Color.ROYALBLUE, -v);
            cells[i].setFill(c);
            texts[i].setText(String.format(Locale.ROOT, "%.2f", v));
        }
    }

    /** The text of cell {@code i} (row-major), as drawn. */
    String text(int i) {
        return texts[i].getText();
    }

    private void build(List<Bucket> buckets) {
        getChildren().clear();
        n = buckets.size();
        cells = new Rectangle[n * n];
        texts = new Label[n * n];
        for (int i = 0; i < n; i++) {
            Label row = new Label(buckets.get(i).book());
            add(row, 0, i + 1);
            Label col = new Label(buckets.get(i).book());
            col.setMinWidth(CELL);
            col.setAlignment(Pos.CENTER);
            add(col, i + 1, 0);
            for (int j = 0; j < n; j++) {
                Rectangle r = new Rectangle(CELL, CELL * 0.6, Color.GRAY);
                Label t = new Label(UNDEFINED);
                t.setTextFill(Color.WHITE);
                StackPane cell = new StackPane(r, t);
                Tooltip.install(cell, new Tooltip(buckets.get(i).book() + " × " + buckets.get(j).book()
                        + " (— : a bucket's P&L did not move over the window)"));
                cells[i * n + j] = r;
                texts[i * n + j] = t;
                add(cell, j + 1, i + 1);
            }
        }
    }
}
