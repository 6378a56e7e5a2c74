package org.concord.bench;

import org.concord.bus.redis.RedisEventBus;
import org.concord.data.MarketTopics;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;

/**
 * The second process of {@link RemoteDecisionBench}: a real orchestrator (the {@code full} preset, all modules on)
 * fed by bar closes from the Redis bus, publishing its decisions back on the bus. Prints READY once subscribed;
 * exits when stdin closes. Usage: {@code RemoteOrchestratorMain redis://host:port?group=..&consumer=..}
 */
public final class RemoteOrchestratorMain {
    private RemoteOrchestratorMain() {
    }

    public static void main(String[] args) throws Exception {
        try (RedisEventBus bus = RedisEventBus.open(args[0]);
             TradingOrchestrator orch = TradingOrchestrator.builder(ConfigFiles.preset("full")).bus(bus).build().start()) {
            bus.subscribe(MarketTopics.BAR_CLOSES, e -> orch.onBarClose(e.symbol(), e.timeframe(), e.openTime(),
                    e.open(), e.high(), e.low(), e.close(), e.volume()));
            System.out.println("READY " + orch.modules().size() + " modules");
            System.out.flush();
            while (System.in.read() >= 0) {
                // run until the parent closes stdin
            }
        }
    }
}
