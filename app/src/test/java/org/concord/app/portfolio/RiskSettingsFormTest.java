package org.concord.app.portfolio;

import org.concord.config.TradingSettings;
import org.concord.engine.TradingSettingsChange;
import org.concord.execution.SizingConfig;
import org.concord.risk.RiskLimitField;
import org.concord.risk.RiskLimits;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.concord.app.DeskHarness.fx;

/**
 * The settings form after an applied change. A snapshot taken before the change can reach the form after the change's
 * answer; the form fell back to the old values then, and an Apply sent them again (PortfolioTabFlowTest under load:
 * Kelly applied with the 25 % cap the previous step had lowered to 2 %).
 */
class RiskSettingsFormTest {
    private static final TradingSettings OLD = TradingSettings.defaults();
    private static final TradingSettings NEW = new TradingSettings(RiskLimits.defaults().withOrderFraction(0.02), SizingConfig.Method.FIXED_FRACTIONAL);

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static String maxOrder(RiskSettingsForm form) {
        return fx(() -> form.field(RiskLimitField.MAX_ORDER_FRACTION).getText());
    }

    @Test
    void aSnapshotFromBeforeAnAppliedChangeDoesNotPutTheOldValuesBack() {
        RiskSettingsForm form = fx(() -> new RiskSettingsForm((limits, sizing) -> { }));
        TradingSettingsChange applied = new TradingSettingsChange(true, "applied", Map.of(), NEW);
        fx(() -> {
            form.show(OLD, null);
            return null;
        });
        assertThat(maxOrder(form)).isEqualTo("25");
        fx(() -> {
            form.show(OLD, applied); // the answer beside the last snapshot, taken before the change
            return null;
        });
        assertThat(maxOrder(form)).as("the applied value").isEqualTo("2");
        fx(() -> {
            form.show(OLD, applied); // the same stale snapshot again, before the next one
            return null;
        });
        assertThat(maxOrder(form)).as("still the applied value").isEqualTo("2");
        fx(() -> {
            form.show(NEW, applied);
            return null;
        });
        assertThat(maxOrder(form)).isEqualTo("2");
        // settings changed elsewhere afterwards are shown, even the old ones
        fx(() -> {
            form.show(OLD, applied);
            return null;
        });
        assertThat(maxOrder(form)).as("a later change from elsewhere").isEqualTo("25");
    }
}
