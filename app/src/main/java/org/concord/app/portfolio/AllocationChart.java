package org.concord.app.portfolio;

import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Pane;
import javafx.util.StringConverter;
import org.concord.annotate.DisplaySettings;
import org.concord.coordination.Bucket;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The capital split between the buckets over bar time, stacked to 100 %: each bucket a band whose height is its share,
 * named in the legend with its share now, top band first. As four lines, four buckets at 25 % each lay on top of one another and read
 * as one line; stacked, they are four bands of equal height. The allocation floor and ceiling (per bucket, so no line
 * on a stack) are in the title.
 */
final class AllocationChart {
    static final String TITLE = "Allocation per bucket (stacked to 100 %)";
    private final StackedAreaChart<Number, Number> chart;
    private final Map<Bucket, XYChart.Series<Number, Number>> bands = new EnumMap<>(Bucket.class);

    AllocationChart(DisplaySettings display) {
        NumberAxis share = PortfolioView.valueAxis("capital");
        share.setAutoRanging(false);
        share.setLowerBound(0);
        share.setUpperBound(1);
        share.setTickUnit(0.25);
        share.setMinorTickCount(0);
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
        chart = new StackedAreaChart<>(PortfolioView.timeAxis(display), share) {
            /**
             * The bands stack bottom to top in the order of the series, the legend beside them lists top to bottom:
             * it read the bands upside down. Its items reversed, the top band's name comes first.
             */
            @Override
            protected void updateLegend() {
                super.updateLegend();
                if (getLegend() instanceof Pane legend) {
                    List<Node> items = new ArrayList<>(legend.getChildren());
                    Collections.reverse(items);
                    legend.getChildren().setAll(items);
                }
            }
        };
        chart.setId("allocation-chart");
        chart.setTitle(TITLE);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        // beside the bands, not under them: a chart shorter than its content's 200 px plus the legend drops a legend
        // at the bottom, and on the desk this one is (no legend showed at 1600x1000 nor at 1280x800)
        chart.setLegendSide(Side.RIGHT);
        for (Bucket b : Bucket.all()) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(b.book());
            bands.put(b, s);
            chart.getData().add(s);
        }
    }

    StackedAreaChart<Number, Number> node() {
        return chart;
    }

    /**
     * The bands of {@code m}'s allocation history; {@code now} each bucket's share now (the legend), {@code min} and
     * {@code max} a bucket's floor and ceiling (the title; 0 when not known).
     */
    void show(PortfolioModel m, Map<Bucket, Double> now, double min, double max) {
        long[] t = m.allocationTime();
        for (Bucket b : Bucket.all()) {
            XYChart.Series<Number, Number> s = bands.get(b);
            double[] v = m.allocations().get(b);
            s.getData().setAll(PortfolioView.points(t, v));
            Double share = now.get(b);
            if (share == null && v != null && v.length > 0) {
                share = v[v.length - 1];
            }
            String name = share == null ? b.book() : String.format(Locale.ROOT, "%s %.0f %%", b.book(), share * 100);
            if (!name.equals(s.getName())) {
                s.setName(name);
            }
        }
        String title = max > 0 ? String.format(Locale.ROOT, "%s; each bucket kept within %.0f–%.0f %%", TITLE, min * 100, max * 100) : TITLE;
        if (!title.equals(chart.getTitle())) {
            chart.setTitle(title);
        }
    }

    /** Points drawn per bucket band (for tests: the chart has data). */
    int points(Bucket b) {
        return bands.get(b).getData().size();
    }

    /** The legend's name of a bucket's band (for tests). */
    String name(Bucket b) {
        return bands.get(b).getName();
    }
}
