package org.concord.engine;

import org.concord.bus.EventBus;
import org.concord.config.TradingSettings;
import org.concord.bus.Subscription;
import org.concord.execution.SizingConfig;
import org.concord.risk.RiskLimitField;
import org.concord.risk.RiskLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Core's side of the trading-settings command: validates each {@link TradingSettingsCommand} against the limits'
 * bounds (a bad field refuses the whole command: nothing is applied or written), writes the settings into
 * {@code concord.yaml}'s {@code trading:} section (so the next start reads them back), applies them to the running
 * {@link TradingPipeline} between two events, and answers on {@link TradingSettingsTopics#CHANGES}.
 */
public final class TradingSettingsHandler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TradingSettingsHandler.class);

    private final EventBus bus;
    private final TradingPipeline pipeline;
    private final Path configFile;
    private final Subscription subscription;

    /** @param configFile where accepted settings are written (null: applied only, e.g. a test) */
    public TradingSettingsHandler(EventBus bus, TradingPipeline pipeline, Path configFile) {
        if (bus == null || pipeline == null) {
            throw new IllegalArgumentException("bus and pipeline are required");
        }
        this.bus = bus;
        this.pipeline = pipeline;
        this.configFile = configFile;
        this.subscription = bus.subscribe(TradingSettingsTopics.COMMANDS, this::onCommand);
    }

    private void onCommand(TradingSettingsCommand c) {
        TradingSettings now = pipeline.settings();
        Map<String, String> errors = new LinkedHashMap<>();
        double[] v = now.limits().values();
        for (Map.Entry<String, Double> e : c.limits().entrySet()) {
            RiskLimitField f = RiskLimitField.byKey(e.getKey());
            String problem = f == null ? "unknown risk limit '" + e.getKey() + "'" : e.getValue() == null ? "no value" : f.problem(e.getValue());
            if (problem != null) {
                errors.put(e.getKey(), problem);
            } else {
                v[f.ordinal()] = e.getValue();
            }
        }
        SizingConfig.Method sizing = now.sizing();
        if (c.sizing() != null) {
            try {
                sizing = TradingSettings.parseSizing(c.sizing());
            } catch (IllegalArgumentException e) {
                errors.put("sizing", e.getMessage());
            }
        }
        TradingSettings next = null;
        if (errors.isEmpty()) {
            try {
                next = new TradingSettings(RiskLimits.of(v), sizing);
            } catch (IllegalArgumentException e) {
                errors.put(RiskLimitField.DRAWDOWN_SCALE_START.key(), e.getMessage());
            }
        }
        if (next != null && configFile != null) {
            try {
                next.save(configFile);
            } catch (RuntimeException e) {
                errors.put("file", e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            LOG.warn("trading settings refused, nothing applied: {}", errors);
            bus.publish(TradingSettingsTopics.CHANGES, new TradingSettingsChange(false, "refused, nothing applied: "
                    + String.join("; ", errors.values()), errors, now));
            return;
        }
        pipeline.apply(next).whenComplete((inForce, error) -> {
            if (error != null) {
                bus.publish(TradingSettingsTopics.CHANGES, new TradingSettingsChange(false, "not applied: " + error.getMessage(),
                        Map.of("pipeline", String.valueOf(error.getMessage())), pipeline.settings()));
                return;
            }
            LOG.info("trading settings applied and written to {}: sizing {}, {}", configFile, inForce.sizing(), inForce.limits());
            bus.publish(TradingSettingsTopics.CHANGES, new TradingSettingsChange(true, "applied"
                    + (configFile == null ? "" : " and saved to " + configFile.getFileName()), Map.of(), inForce));
        });
    }

    @Override
    public void close() {
        subscription.close();
    }
}
