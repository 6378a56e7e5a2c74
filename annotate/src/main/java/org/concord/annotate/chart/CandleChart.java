package org.concord.annotate.chart;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.spi.financial.CandleStickRenderer;
import io.fair_acc.chartfx.renderer.spi.financial.FinancialTheme;
import io.fair_acc.dataset.spi.financial.OhlcvDataSet;
import org.concord.model.BarSeries;

/**
 * A ChartFX candlestick chart with volume, a time x-axis, zoom (wheel), pan (drag) and a crosshair. It only
 * renders snapshots handed to {@link #show} on the FX thread; it computes nothing.
 */
public final class CandleChart {
    private final XYChart chart;
    private final OhlcvDataSet dataSet;
    private final DefaultNumericAxis xAxis;
    private final DefaultNumericAxis yAxis;
    private final Zoomer zoomer;

    public CandleChart(String title) {
        xAxis = new DefaultNumericAxis("time");
        xAxis.setTimeAxis(true);
        xAxis.setAutoRangeRounding(false);
        yAxis = new DefaultNumericAxis("price");
        yAxis.setAutoRangeRounding(false);
        yAxis.setForceZeroInRange(false);
        yAxis.setSide(io.fair_acc.chartfx.ui.geometry.Side.RIGHT);
        chart = new XYChart(xAxis, yAxis);
        chart.setTitle(title);
        chart.setLegendVisible(false);
        dataSet = new OhlcvDataSet(title);
        dataSet.setData(new SeriesOhlcv(new BarSeries(org.concord.model.Symbol.of("NONE"), org.concord.model.Timeframe.M1, 1)));
        CandleStickRenderer renderer = new CandleStickRenderer(true);
        renderer.getDatasets().add(dataSet);
        chart.getRenderers().setAll(renderer);
        zoomer = new Zoomer();
        zoomer.setPannerEnabled(true);
        zoomer.setSliderVisible(false);
        chart.getPlugins().addAll(zoomer, new CrosshairIndicator());
        FinancialTheme.Sand.applyPseudoClasses(chart);
    }

    public XYChart node() {
        return chart;
    }

    public OhlcvDataSet dataSet() {
        return dataSet;
    }

    /** Replaces the shown bars with {@code snapshot} (call on the FX thread with a copy made elsewhere). */
    public void show(BarSeries snapshot) {
        dataSet.setData(new SeriesOhlcv(snapshot));
        dataSet.fireInvalidated(io.fair_acc.dataset.events.ChartBits.DataSetData);
    }

    public int barCount() {
        return dataSet.getDataCount();
    }
}
