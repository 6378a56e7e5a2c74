package org.concord.app.backtest;

import org.concord.backtest.BacktestConfig;
import org.concord.config.TradingSettings;
import org.concord.execution.SizingConfig;
import org.concord.risk.RiskLimits;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The desk's risk limits and sizing in a Backtest-tab run, and how its summary names them. */
class DeskLimitsTest {
    @Test
    void theDesksLimitsThatDifferFromTheDefaultsAndItsSizingGoIntoTheRun() {
        RiskLimits d = RiskLimits.defaults();
        RiskLimits desk = new RiskLimits(0.05, 0.10, d.maxLongExposure(), d.maxShortExposure(), d.maxGrossExposure(), d.maxNetExposure(),
                d.maxBookExposure(), d.maxCorrelatedExposure(), d.correlationThreshold(), d.drawdownScaleStart(), d.drawdownThreshold(),
                d.drawdownMinScale(), d.deleverageTo(), 12.5);
        BacktestConfig c = DeskLimits.apply(BacktestConfig.defaults(), new TradingSettings(desk, SizingConfig.Method.KELLY));
        assertThat(c.limits()).isEqualTo(Map.of("maxOrderFraction", 0.05, "maxAssetExposure", 0.10, "costBufferBps", 12.5));
        assertThat(c.riskLimits()).isEqualTo(desk);
        assertThat(c.coordination().sizing()).isEqualTo("kelly");
        assertThat(DeskLimits.describe(c)).isEqualTo("risk limits: Max order size 5 %, Max per instrument 10 %, Cost buffer per order 12.50 bps; Kelly sizing");
    }

    @Test
    void theDefaultsAndNoKnownSettingsSaySo() {
        BacktestConfig plain = BacktestConfig.defaults();
        assertThat(DeskLimits.apply(plain, null)).isSameAs(plain);
        BacktestConfig c = DeskLimits.apply(plain, TradingSettings.defaults());
        assertThat(c.limits()).isEmpty();
        assertThat(DeskLimits.describe(c)).isEqualTo("default risk limits, fixed-fractional sizing");
    }
}
