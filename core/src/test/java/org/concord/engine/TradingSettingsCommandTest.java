package org.concord.engine;

import org.concord.bus.InProcessEventBus;
import org.concord.config.ConcordConfig;
import org.concord.config.TradingSettings;
import org.concord.coordination.Bucket;
import org.concord.coordination.DecisionReport;
import org.concord.coordination.Signal;
import org.concord.execution.Order;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.RealBars;
import org.concord.execution.SizingConfig;
import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.module.ModuleCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's settings command path in a running desk pipeline (its own thread, real Bitstamp bars, a real in-process
 * bus): a limit lowered on the bus refuses an order the pipeline allowed a moment before, is written to
 * concord.yaml and read back on restart; a bad value is refused whole; Kelly chosen on the bus changes what the
 * bot's engine sizes.
 */
class TradingSettingsCommandTest {
    static final Symbol BTC = BundledData.BTCUSD;
    @TempDir
    Path dir;

    static <T> T onPipeline(TradingPipeline p, Function<TradingPipeline, T> read) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        p.execute(() -> f.complete(read.apply(p)));
        return f.get(30, TimeUnit.SECONDS);
    }

    static void bars(TradingPipeline p, BarSeries bars, int from, int to) {
        for (int i = from; i < to; i++) {
            p.onBarClose(BTC, Timeframe.M1, bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
        }
    }

    static TradingSettingsChange command(InProcessEventBus bus, TradingSettingsCommand c) throws Exception {
        CompletableFuture<TradingSettingsChange> answer = new CompletableFuture<>();
        try (var s = bus.subscribe(TradingSettingsTopics.CHANGES, answer::complete)) {
            bus.publish(TradingSettingsTopics.COMMANDS, c);
            return answer.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLimitLoweredOnTheBusRefusesAnOrderItAllowedAndIsReadBackOnRestart() throws Exception {
        Path file = dir.resolve("concord.yaml");
        ConfigFiles.save(file, ConfigFiles.preset("minimal"));
        ConcordConfig cfg = ConcordConfig.load(file, ModuleCatalog.empty());
        assertThat(cfg.trading()).as("no trading: section: defaults").isEqualTo(TradingSettings.defaults());
        BarSeries bars = RealBars.bitstamp(Timeframe.M1);
        InProcessEventBus bus = new InProcessEventBus();
        TradingPipelineConfig pc = TradingPipelineConfig.defaults(Timeframe.M1, BTC, 5).withSettings(cfg.trading());
        try (TradingPipeline p = TradingPipeline.live(pc, bus, BotModeStore.inDataDir(dir), null).acceptSettingsCommands(file)) {
            bars(p, bars, 0, 50);
            double price = bars.close(49);
            double equity = p.config().broker().initialCash();
            // 20% of the person's account: within the 25% order cap (and, with the bot flat, every exposure limit)
            Order allowed = onPipeline(p, x -> x.manualBroker().submit(OrderRequest.market("m1", BTC, OrderSide.BUY, 0.1 * equity / price).manual()));
            assertThat(allowed.state()).isEqualTo(OrderState.NEW);

            TradingSettingsChange c = command(bus, new TradingSettingsCommand(Map.of("maxOrderFraction", 0.02), null));
            assertThat(c.accepted()).as(c.message()).isTrue();
            assertThat(c.inForce().limits().maxOrderFraction()).isEqualTo(0.02);

            Order refused = onPipeline(p, x -> x.manualBroker().submit(OrderRequest.market("m2", BTC, OrderSide.BUY, 0.1 * equity / price).manual()));
            assertThat(refused.state()).isEqualTo(OrderState.REJECTED);
            assertThat(refused.reason()).startsWith("risk rule ORDER_SIZE");
        }
        ConcordConfig again = ConcordConfig.load(file, ModuleCatalog.empty());
        assertThat(again.trading().limits().maxOrderFraction()).as("written to concord.yaml").isEqualTo(0.02);
        assertThat(again.orchestrator().preset()).as("the other sections kept").isEqualTo("minimal");
        try (TradingPipeline restarted = TradingPipeline.live(TradingPipelineConfig.defaults(Timeframe.M1, BTC, 5).withSettings(again.trading()),
                bus, BotModeStore.inDataDir(dir), null)) {
            assertThat(restarted.risk().limits().maxOrderFraction()).as("read back on restart").isEqualTo(0.02);
        }
    }

    @Test
    void aBadValueIsRefusedWholeNothingAppliedNothingWritten() throws Exception {
        Path file = dir.resolve("concord.yaml");
        ConfigFiles.save(file, ConfigFiles.preset("minimal"));
        byte[] before = Files.readAllBytes(file);
        InProcessEventBus bus = new InProcessEventBus();
        try (TradingPipeline p = TradingPipeline.live(TradingPipelineConfig.defaults(Timeframe.M1, BTC, 5), bus, null, null).acceptSettingsCommands(file)) {
            TradingSettingsChange c = command(bus, new TradingSettingsCommand(Map.of("maxOrderFraction", 0.05, "drawdownThreshold", -0.1), "kelly"));
            assertThat(c.accepted()).isFalse();
            assertThat(c.errors()).containsOnlyKeys("drawdownThreshold");
            assertThat(c.errors().get("drawdownThreshold")).contains("must be in (0, 1]");
            assertThat(p.settings()).as("nothing applied, not even the good fields").isEqualTo(TradingSettings.defaults());
            assertThat(Files.readAllBytes(file)).as("nothing written").isEqualTo(before);
            TradingSettingsChange s = command(bus, new TradingSettingsCommand(Map.of(), "martingale"));
            assertThat(s.accepted()).isFalse();
            assertThat(s.errors().get("sizing")).contains("fixed-fractional, kelly");
        }
    }

    /**
     * The bot's bucket has a losing record (40 closed trades, 30% won at payoff 1: the Kelly fraction is 0). Fixed
     * fractional sizing still buys on a strong signal; after Kelly is chosen on the bus the same signal sizes to nothing.
     */
    @Test
    void kellyChosenOnTheBusChangesWhatTheBotSizes() throws Exception {
        assertThat(planned(false)).as("fixed fractional buys").isGreaterThan(0);
        assertThat(planned(true)).as("Kelly with no edge: no bet").isEqualTo(0);
    }

    private double planned(boolean kelly) throws Exception {
        BarSeries bars = RealBars.bitstamp(Timeframe.M1);
        InProcessEventBus bus = new InProcessEventBus();
        try (TradingPipeline p = TradingPipeline.live(TradingPipelineConfig.defaults(Timeframe.M1, BTC, 5), bus, null, null).acceptSettingsCommands(null)) {
            bars(p, bars, 0, 60);
            onPipeline(p, x -> {
                for (int i = 0; i < 40; i++) {
                    x.engine().allocations().tracker(Bucket.SHORT).onTradeClosed(i % 10 < 3 ? 0.01 : -0.01, null);
                }
                return null;
            });
            if (kelly) {
                TradingSettingsChange c = command(bus, new TradingSettingsCommand(Map.of(), "kelly"));
                assertThat(c.accepted()).as(c.message()).isTrue();
                SizingConfig.Method m = onPipeline(p, x -> x.engine().sizing().method());
                assertThat(m).isEqualTo(SizingConfig.Method.KELLY);
            }
            long t = Timeframe.M1.closeTime(bars.time(59));
            DecisionReport r = onPipeline(p, x -> x.engine().decide(t, List.of(Signal.of("test", BTC, t, Bucket.SHORT, Action.BUY, 1, 0.9, Timeframe.M1))));
            return r.plan().plan().orders().stream().mapToDouble(o -> o.quantity()).sum();
        }
    }
}
