package org.concord.engine;

import java.util.Map;

/**
 * A person's new risk limits and sizing method for the running pipeline (the desk's Portfolio &amp; risk tab sends it
 * on {@link TradingSettingsTopics#COMMANDS}; {@link TradingSettingsHandler} applies it).
 *
 * @param limits risk limits to change: {@link org.concord.risk.RiskLimitField#key()} → value in the stored unit (a
 *               fraction of equity, bps for the cost buffer); a field not named keeps its value
 * @param sizing "fixed-fractional" or "kelly"; null keeps the method
 */
public record TradingSettingsCommand(Map<String, Double> limits, String sizing) {
    public TradingSettingsCommand {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }
}
