package org.concord.app.portfolio;

import javafx.collections.ListChangeListener;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * A time chart that says it has no data yet. With nothing on it, its time axis ranged over the epoch and read
 * "01-01 00:00" (1970) on a real display: its time labels are hidden and a line of text shows until a point arrives.
 */
final class EmptyChart {
    private EmptyChart() {
    }

    /** {@code chart} over a placeholder {@code text} (id: the chart's id + "-empty") shown while no series has a point. */
    static StackPane wrap(XYChart<Number, Number> chart, String text) {
        Label empty = new Label(text);
        empty.setId(chart.getId() + "-empty");
        empty.setMouseTransparent(true);
        Runnable update = () -> {
            boolean none = chart.getData().stream().allMatch(s -> s.getData().isEmpty());
            empty.setVisible(none);
            chart.getXAxis().setTickLabelsVisible(!none);
        };
        ListChangeListener<XYChart.Data<Number, Number>> points = c -> update.run();
        chart.getData().forEach(s -> s.getData().addListener(points));
        chart.getData().addListener((ListChangeListener<XYChart.Series<Number, Number>>) c -> {
            while (c.next()) {
                c.getAddedSubList().forEach(s -> s.getData().addListener(points));
                c.getRemoved().forEach(s -> s.getData().removeListener(points));
            }
            update.run();
        });
        update.run();
        return new StackPane(chart, empty);
    }
}
