package org.concord.app.portfolio;

import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;
import org.concord.annotate.DisplaySettings;
import org.concord.coordination.Bucket;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each bucket's share of the capital over bar time, one line per bucket, with the allocation floor and ceiling drawn
 * as dashed lines (their style: concord.css, {@code #allocation-chart .default-color4/5}).
 */
final class AllocationChart {
    private final LineChart<Number, Number> chart;
    private final Map<Bucket, XYChart.Series<Number, Number>> lines = new EnumMap<>(Bucket.class);
    private final XYChart.Series<Number, Number> floor = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> ceiling = new XYChart.Series<>();

    AllocationChart(DisplaySettings display) {
        NumberAxis share = PortfolioView.valueAxis("capital");
        share.setAutoRanging(false);
        share.setLowerBound(0);
        share.setUpperBound(0.6);
        share.setTickUnit(0.1);
        share.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return String.format(Locale.ROOT, "%.0f %%", n.doubleValue() * 100);
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        chart = new LineChart<>(PortfolioView.timeAxis(display), share);
        chart.setId("allocation-chart");
        chart.setTitle("Allocation per bucket");
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        for (Bucket b : Bucket.all()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(b.book());
            lines.put(b, s);
            chart.getData().add(s);
        }
        floor.setName("floor");
        ceiling.setName("ceiling");
        chart.getData().add(floor);
        chart.getData().add(ceiling);
    }

    LineChart<Number, Number> node() {
        return chart;
    }

    /** The lines of {@code m}'s allocation history; the bounds across its time range. */
    void show(PortfolioModel m, double min, double max) {
        long[] t = m.allocationTime();
        for (Bucket b : Bucket.all()) {
            lines.get(b).getData().setAll(PortfolioView.points(t, m.allocations().get(b)));
        }
        if (t.length == 0 || !(max > 0)) {
            floor.getData().clear();
            ceiling.getData().clear();
            return;
        }
        floor.setName(String.format(Locale.ROOT, "floor %.0f %%", min * 100));
        ceiling.setName(String.format(Locale.ROOT, "ceiling %.0f %%", max * 100));
        floor.getData().setAll(List.of(new XYChart.Data<>(t[0] / 1000.0, min), new XYChart.Data<>(t[t.length - 1] / 1000.0, min)));
        ceiling.getData().setAll(List.of(new XYChart.Data<>(t[0] / 1000.0, max), new XYChart.Data<>(t[t.length - 1] / 1000.0, max)));
    }

    /** Points drawn per bucket line (for tests: the chart has lines). */
    int points(Bucket b) {
        return lines.get(b).getData().size();
    }
}
