package org.concord.engine;

import org.concord.bus.Topic;

/** The trading-settings command path: the desk asks, core applies and answers. Durable: a limit change is never lost. */
public final class TradingSettingsTopics {
    public static final Topic<TradingSettingsCommand> COMMANDS = Topic.durable("trading.settings.commands", TradingSettingsCommand.class);
    public static final Topic<TradingSettingsChange> CHANGES = Topic.durable("trading.settings.changes", TradingSettingsChange.class);

    private TradingSettingsTopics() {
    }
}
