package org.concord.risk;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The risk events' percentages read exactly as {@code %.2f%%} wrote them (they were, until it cost a Formatter per event). */
class PercentTextTest {
    @Test
    void sameTextAsTheFormatter() {
        Random r = new Random(3);
        double[] edges = {0, -0.0, 0.00005, -0.00005, 0.000049, 0.01005, 0.125, -0.125, 1.005 / 100, 0.5, -0.999999, 12.3456789, 1e-12,
                -1e-12, 123456.789, Double.NaN, Double.POSITIVE_INFINITY, Double.MAX_VALUE, 0.035, 0.045, 0.0150};
        for (double v : edges) {
            assertThat(UnifiedRiskManager.pct(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.2f%%", v * 100));
        }
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> r.nextDouble();
                case 1 -> -r.nextDouble() * 3;
                case 2 -> Math.round(r.nextDouble() * 100_000) / 1e7; // many ties at the third decimal of the percentage
                default -> r.nextGaussian() * 1e-4;
            };
            assertThat(UnifiedRiskManager.pct(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.2f%%", v * 100));
        }
    }
}
