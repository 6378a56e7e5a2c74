package org.concord.app.live;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.AbstractDataFormattingPlugin;
import javafx.util.StringConverter;
import org.concord.annotate.DisplaySettings;
import org.concord.chart.DisplayFormat;

import java.util.Locale;
import java.util.function.Function;

/**
 * How the live chart writes its numbers, all through the desk's {@link DisplayFormat}: time-axis labels and the
 * crosshair/tooltip time in the user's zone, prices at tick precision (never "1.3855517231372549E9, 879"). The
 * converters read the current format each time, so a zone change shows at the next redraw.
 */
final class ChartFormatters {
    private ChartFormatters() {
    }

    /** x values are seconds since the epoch (ChartFX's time axis). */
    static StringConverter<Number> time(DisplaySettings display) {
        return converter(v -> display.format().dateTime(Math.round(v.doubleValue() * 1000)));
    }

    static StringConverter<Number> price(DisplaySettings display) {
        return converter(v -> display.format().price(v.doubleValue()));
    }

    /** Axis labels: as many decimals as the tick spacing needs, at most the instrument's. */
    static StringConverter<Number> priceAxis(DisplaySettings display, DefaultNumericAxis axis) {
        return converter(v -> {
            DisplayFormat f = display.format();
            double unit = axis.getTickUnit();
            int decimals = f.decimals();
            if (unit > 0 && Double.isFinite(unit)) {
                int need = Math.max(0, (int) Math.ceil(-Math.log10(unit) - 1e-9));
                double scaled = unit * Math.pow(10, need);
                if (Math.abs(scaled - Math.rint(scaled)) > 1e-9) {
                    need++; // 2.5, 0.25: one digit more than the magnitude says
                }
                decimals = Math.min(decimals, need);
            }
            return String.format(Locale.ROOT, "%." + decimals + "f", v.doubleValue());
        });
    }

    /** Time-axis labels sized to the visible span (seconds, minutes, dates) in the user's zone. */
    static StringConverter<Number> timeAxis(DisplaySettings display, DefaultNumericAxis axis) {
        return converter(v -> display.format().axisTime(Math.round(v.doubleValue() * 1000),
                Math.round((axis.getMax() - axis.getMin()) * 1000)));
    }

    static void apply(DisplaySettings display, AbstractDataFormattingPlugin plugin) {
        plugin.setXValueFormatter(time(display));
        plugin.setYValueFormatter(price(display));
    }

    private static StringConverter<Number> converter(Function<Number, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(Number v) {
                return v == null ? "" : f.apply(v);
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("display only");
            }
        };
    }
}
