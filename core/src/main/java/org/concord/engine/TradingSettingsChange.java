package org.concord.engine;

import org.concord.config.TradingSettings;

import java.util.Map;

/**
 * The answer to a {@link TradingSettingsCommand}: applied (and written to {@code concord.yaml}) or refused with a
 * message per bad field; either way the settings now in force.
 *
 * @param errors field key (or "sizing", "file") → why it was refused; empty when accepted
 */
public record TradingSettingsChange(boolean accepted, String message, Map<String, String> errors, TradingSettings inForce) {
    public TradingSettingsChange {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
        if (message == null || inForce == null) {
            throw new IllegalArgumentException("message and the settings in force are required");
        }
    }
}
