package org.concord.bench;

import org.concord.bench.BusBenchTopics.BenchDecision;
import org.concord.bench.BusBenchTopics.MarketEvent;
import org.concord.bus.redis.RedisBusConfig;
import org.concord.bus.redis.RedisEventBus;
import org.concord.model.Action;

import java.io.IOException;

/**
 * The second process of {@link RedisBusBench}: reads market events from the Redis bus and answers each with a
 * decision (here the tick rule: follow the aggressor). Prints READY once subscribed; exits when its stdin closes.
 * Usage: {@code RedisEchoMain redis://127.0.0.1:PORT?group=..&consumer=..}
 */
public final class RedisEchoMain {
    private RedisEchoMain() {
    }

    /** The deciding step; the orchestrator's decision replaces it when it exists. */
    static BenchDecision decide(MarketEvent e) {
        Action a = e.trade().aggressorSign() > 0 ? Action.BUY : Action.SELL;
        return new BenchDecision(e.id(), a, Math.min(1.0, e.trade().size()));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: RedisEchoMain redis://host:port?group=..&consumer=..");
            System.exit(2);
        }
        try (RedisEventBus bus = new RedisEventBus(RedisBusConfig.fromUri(args[0]))) {
            bus.subscribe(BusBenchTopics.MARKET, e -> bus.publish(BusBenchTopics.DECISION, decide(e)));
            System.out.println("READY " + bus.state());
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait for the parent to close stdin
            }
        }
    }
}
