package org.concord.engine;

import org.concord.config.TradingSettings;
import org.concord.execution.Broker;
import org.concord.execution.Order;
import org.concord.execution.OrderOrigin;
import org.concord.execution.OrderRequest;
import org.concord.execution.OrderSide;
import org.concord.execution.OrderState;
import org.concord.execution.OrderType;
import org.concord.execution.PaperBroker;
import org.concord.feed.BundledData;
import org.concord.feed.ReplayFeed;
import org.concord.model.Action;
import org.concord.model.Fmt;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.FaultPolicy;
import org.concord.orchestrator.config.ModuleEntry;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.OrchestratorModule;
import org.concord.risk.RiskLimits;
import org.concord.risk.RiskRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot switch in a real run: the desk's {@link TradingPipeline} (its own thread) over the bundled Bitstamp replay,
 * a real SQLite-backed DataProvider and the real orchestrator with one momentum module that trades both ways. OFF:
 * decisions are made, not one order is sent. PAPER: the orchestrator trades its own paper account; the person's
 * account is untouched; no market order is left working and no sell is refused for want of a position.
 */
class BotAccountPipelineTest {
    static final Symbol BTC = BundledData.BTCUSD;
    @TempDir
    Path dir;

    /** BUY when the close is above the close 10 bars back, else SELL; reads past closes only. */
    static final class Momentum implements OrchestratorModule {
        private final double[] closes = new double[11];
        private int n;

        @Override
        public String id() {
            return "momentum";
        }

        @Override
        public void initialize(ModuleContext ctx) {
        }

        @Override
        public Set<Timeframe> timeframes() {
            return Set.of(Timeframe.M1);
        }

        @Override
        public void onBarClose(Symbol s, Timeframe tf, long t, double o, double h, double l, double c, double v) {
            if (tf == Timeframe.M1) {
                closes[n++ % closes.length] = c;
            }
        }

        @Override
        public List<String> featureNames() {
            return List.of("ret10");
        }

        @Override
        public double[] features(Symbol symbol) {
            return new double[]{n < closes.length ? 0 : last() / first() - 1};
        }

        @Override
        public List<Prediction> predictions(Symbol symbol) {
            Action a = n < closes.length ? Action.HOLD : last() > first() ? Action.BUY : Action.SELL;
            return List.of(new Prediction(id(), symbol, 0, a, 0.8, Timeframe.M1, 5, "test"));
        }

        private double last() {
            return closes[(n - 1) % closes.length];
        }

        private double first() {
            return closes[n % closes.length];
        }

        @Override
        public void reset() {
            n = 0;
        }
    }

    record Run(TradingPipeline pipeline, long decisionsMade) {
    }

    /** The desk's wiring (CoreSession's order: pipeline subscribed before the orchestrator starts) over the tape. */
    Run replay(ConcordRuntime engine, TradingPipeline pipeline) throws Exception {
        pipeline.subscribe(engine.data());
        try (TradingOrchestrator orch = orchestrator(engine)) {
            pipeline.attach(orch);
            orch.start();
            play(engine, orch, pipeline);
            return new Run(pipeline, orch.decisions());
        }
    }

    /** The orchestrator of these tests: the momentum module alone, on BTCUSD 1m. */
    static TradingOrchestrator orchestrator(ConcordRuntime engine) {
        OrchestratorConfig cfg = new OrchestratorConfig("custom", List.of(BTC), Timeframe.M1, false, 4096, false, false,
                OrchestratorConfig.Fusion.DEFAULT, new OrchestratorConfig.Performance(50, 30, 5), new FaultPolicy(1_000_000, 3, 10, 0, 10_000),
                List.of(new ModuleEntry("momentum", true, 1, null)));
        return TradingOrchestrator.builder(cfg).data(engine.data()).catalog(ModuleCatalog.empty()).module("momentum", Momentum::new).build();
    }

    /** Plays the whole bundled tape from its start at full speed and waits until the pipeline handled all of it. */
    static void play(ConcordRuntime engine, TradingOrchestrator orch, TradingPipeline pipeline) throws InterruptedException {
        ReplayFeed feed = new ReplayFeed(BundledData.bitstampTrades(), engine.data(), ReplayFeed.MAX_SPEED, false);
        feed.start();
        assertThat(feed.awaitFinished(180, TimeUnit.SECONDS)).as("replay finished").isTrue();
        assertThat(orch.awaitIdle(120, TimeUnit.SECONDS)).isTrue();
        assertThat(pipeline.awaitIdle(120, TimeUnit.SECONDS)).isTrue();
    }

    static TradingPipeline desk(Path dataDir) {
        return TradingPipeline.live(TradingPipelineConfig.defaults(Timeframe.M1, BTC, 5), null, BotModeStore.inDataDir(dataDir), null);
    }

    static <T> T onPipeline(TradingPipeline p, Function<TradingPipeline, T> read) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        p.execute(() -> f.complete(read.apply(p)));
        return f.get(30, TimeUnit.SECONDS);
    }

    @Test
    void offByDefaultTheOrchestratorDecidesButSendsNoOrder() throws Exception {
        try (ConcordRuntime engine = new ConcordRuntime(dir); TradingPipeline p = desk(dir)) {
            assertThat(p.botMode()).as("a new data directory starts OFF").isEqualTo(BotMode.OFF);
            Run r = replay(engine, p);
            assertThat(r.decisionsMade()).as("the orchestrator decided").isGreaterThan(1000);
            assertThat(p.bot().decisionsWhileOff()).as("its decisions reached the pipeline").isGreaterThan(1000);
            List<Order> botOrders = onPipeline(p, x -> x.bot().paper().orders());
            List<Order> manualOrders = onPipeline(p, x -> x.manualBroker().orders());
            assertThat(botOrders).as("bot orders while OFF").isEmpty();
            assertThat(manualOrders).isEmpty();
            assertThat(p.decisions()).isZero();
            assertThat(p.bars()).isGreaterThan(2000);
        }
    }

    @Test
    void paperTradesTheBotsOwnAccountAndLeavesThePersonsAlone() throws Exception {
        BotModeStore.inDataDir(dir).save(BotMode.PAPER);
        try (ConcordRuntime engine = new ConcordRuntime(dir); TradingPipeline p = desk(dir)) {
            assertThat(p.botMode()).isEqualTo(BotMode.PAPER);
            replay(engine, p);
            PaperBroker bot = p.bot().paper();
            List<Order> orders = onPipeline(p, x -> bot.orders());
            long lastBar = onPipeline(p, x -> bot.time());
            int botFills = onPipeline(p, x -> bot.fills().size());
            assertThat(orders).as("the bot traded").hasSizeGreaterThan(20);
            assertThat(botFills).isGreaterThan(20);
            assertThat(orders).allSatisfy(o -> {
                assertThat(o.request().origin()).isIn(OrderOrigin.STRATEGY, OrderOrigin.RISK);
                assertThat(o.request().book()).isEqualTo("coordination");
            });
            // a market order fills on the next bar or is refused with a reason: none left working from an earlier bar
            assertThat(orders).filteredOn(o -> o.type() == OrderType.MARKET && o.state().isWorking())
                    .allSatisfy(o -> assertThat(o.createdTime()).isEqualTo(lastBar));
            assertThat(orders).filteredOn(o -> o.state() == OrderState.REJECTED).allSatisfy(o -> assertThat(o.reason()).isNotBlank());
            assertThat(orders).noneMatch(o -> o.reason().contains("insufficient position"));
            // the person's account: nothing happened to it
            Broker manual = p.manualBroker();
            int manualOrders = onPipeline(p, x -> manual.orders().size());
            int manualFills = onPipeline(p, x -> manual.fills().size());
            double manualCash = onPipeline(p, x -> manual.account().cash());
            assertThat(manualOrders).isZero();
            assertThat(manualFills).isZero();
            assertThat(manualCash).isEqualTo(p.config().broker().initialCash());
            // one drawdown over both paper accounts: the bot's account alone never made it look like a 50% loss
            assertThat(p.risk().history()).noneMatch(e -> e.rule() == RiskRule.DRAWDOWN_HALT);
            assertThat(p.risk().drawdown().peak()).isGreaterThan(1.9 * p.config().broker().initialCash());
        }
    }

    /**
     * Off stops the bot's orders and does not liquidate: switched off at the first bar where it holds BTCUSD, its
     * answer names what stays open, and the bot sends nothing after it, so the position stays as it was.
     */
    @Test
    void offLeavesThePositionOpenAndSaysSo() throws Exception {
        BotModeStore.inDataDir(dir).save(BotMode.PAPER);
        try (ConcordRuntime engine = new ConcordRuntime(dir); TradingPipeline p = desk(dir)) {
            BotModeChange[] off = new BotModeChange[1];
            double[] held = new double[1];
            int[] ordersAtOff = new int[1];
            p.onBar((symbol, closeTime) -> { // the pipeline's thread, between two events
                double q = p.bot().engine().ledger().total(BTC);
                // nothing queued or working that could still fill after the switch
                if (off[0] == null && Math.abs(q) > 1e-9 && p.bot().engine().scheduler().queued().isEmpty()
                        && p.bot().paper().orders().stream().noneMatch(o -> o.state().isWorking())) {
                    held[0] = q;
                    ordersAtOff[0] = p.bot().paper().orders().size();
                    off[0] = p.bot().switchTo(BotMode.OFF);
                }
            });
            replay(engine, p);
            assertThat(off[0]).as("the bot held BTCUSD at some bar").isNotNull();
            assertThat(off[0].accepted()).isTrue();
            assertThat(off[0].message()).startsWith("bot OFF: no order is sent")
                    .contains("stays open with no exit managing it (BTCUSD " + Fmt.num(held[0]) + ")");
            int orders = onPipeline(p, x -> x.bot().paper().orders().size());
            double left = onPipeline(p, x -> x.bot().engine().ledger().total(BTC));
            assertThat(orders).as("bot orders after Off").isEqualTo(ordersAtOff[0]);
            assertThat(left).as("the position left as it was").isEqualTo(held[0]);
            assertThat(p.switchBot(BotMode.PAPER).get(10, TimeUnit.SECONDS).message()).as("no position to speak of switching on")
                    .doesNotContain("stays open");
        }
    }

    @Test
    void theSwitchIsPersistedAndLiveNeedsAConnectedVenue() throws Exception {
        try (TradingPipeline p = desk(dir)) {
            BotModeChange live = p.switchBot(BotMode.LIVE).get(10, TimeUnit.SECONDS);
            assertThat(live.accepted()).isFalse();
            assertThat(live.mode()).isEqualTo(BotMode.OFF);
            assertThat(live.message()).contains("connected venue").contains("Go LIVE");
            assertThat(p.switchBot(BotMode.PAPER).get(10, TimeUnit.SECONDS).accepted()).isTrue();
            assertThat(p.botMode()).isEqualTo(BotMode.PAPER);
        }
        assertThat(Files.readString(dir.resolve(BotModeStore.FILE_NAME))).contains("\"PAPER\"");
        try (TradingPipeline again = desk(dir)) {
            assertThat(again.botMode()).as("restored from the data directory").isEqualTo(BotMode.PAPER);
        }
        // a desk closed with the bot LIVE never trades real money on its own at the next start
        BotModeStore.inDataDir(dir).save(BotMode.LIVE);
        try (TradingPipeline again = desk(dir)) {
            assertThat(again.botMode()).isEqualTo(BotMode.OFF);
        }
        assertThat(BotModeStore.inDataDir(dir).load()).isEqualTo(BotMode.OFF);
        Files.writeString(dir.resolve(BotModeStore.FILE_NAME), "{not json");
        assertThat(BotModeStore.inDataDir(dir).load()).as("a broken file: OFF, kept aside").isEqualTo(BotMode.OFF);
        assertThat(dir.resolve(BotModeStore.FILE_NAME + ".broken")).exists();
    }

    @Test
    void eachAccountsOrdersAreJudgedOnItsOwnMoneyThenOnThePoolWithBothPositions() throws Exception {
        var bars = org.concord.execution.RealBars.bitstamp(Timeframe.M1);
        try (TradingPipeline p = desk(dir)) {
            for (int i = 0; i < 50; i++) {
                p.onBarClose(BTC, Timeframe.M1, bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
            }
            double price = bars.close(49);
            double own = p.config().broker().initialCash();
            // the person's idle cash makes no room for the bot: 30% of its own account is over the 25% order cap
            // (15% of the pool would pass the pool's gate)
            Order tooBig = onPipeline(p, x -> x.bot().paper().submit(OrderRequest.market("b0", BTC, OrderSide.BUY, 0.3 * own / price)));
            assertThat(tooBig.state()).isEqualTo(OrderState.REJECTED);
            assertThat(tooBig.reason()).startsWith("risk rule ORDER_SIZE");
            // the bot holds 48% of its own account, 24% of the pool (two orders of 24%: each under the cap)
            onPipeline(p, x -> x.bot().paper().submit(OrderRequest.market("b1", BTC, OrderSide.BUY, 0.24 * own / price)));
            onPipeline(p, x -> x.bot().paper().submit(OrderRequest.market("b2", BTC, OrderSide.BUY, 0.24 * own / price)));
            int i = 50;
            p.onBarClose(BTC, Timeframe.M1, bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
            double held = onPipeline(p, x -> x.bot().paper().position(BTC).quantity());
            assertThat(held).isGreaterThan(0);
            // with the instrument cap lowered to 20%, 5% of the person's flat account passes their own check but not the
            // pool's, where the bot's 24% already is: the refusal says it was judged on both accounts together (it read
            // as a wrong number to a new trader whose own account was flat)
            RiskLimits d = RiskLimits.defaults();
            RiskLimits lowered = new RiskLimits(d.maxOrderFraction(), 0.20, d.maxLongExposure(), d.maxShortExposure(), d.maxGrossExposure(),
                    d.maxNetExposure(), d.maxBookExposure(), d.maxCorrelatedExposure(), d.correlationThreshold(), d.drawdownScaleStart(),
                    d.drawdownThreshold(), d.drawdownMinScale(), d.deleverageTo(), d.costBufferBps());
            p.apply(new TradingSettings(lowered, p.settings().sizing())).get(10, TimeUnit.SECONDS);
            Order pooled = onPipeline(p, x -> x.manualBroker().submit(OrderRequest.market("man-p", BTC, OrderSide.BUY, 0.05 * own / price).manual()));
            assertThat(pooled.state()).isEqualTo(OrderState.REJECTED);
            assertThat(pooled.reason()).startsWith("risk rule ASSET_EXPOSURE")
                    .endsWith("; judged on both paper accounts together (yours and the bot's: one pool under the limits)");
            p.apply(new TradingSettings(d, p.settings().sizing())).get(10, TimeUnit.SECONDS);
            // the person's orders are judged on their own account first: 30% of it is over the cap although it is 15%
            // of the pool (a new trader's 36 % order went through the pool's gate alone)
            Order ownCap = onPipeline(p, x -> x.manualBroker().submit(
                    OrderRequest.market("man-0", BTC, OrderSide.BUY, 0.3 * own / price).manual()));
            assertThat(ownCap.state()).isEqualTo(OrderState.REJECTED);
            assertThat(ownCap.reason()).startsWith("risk rule ORDER_SIZE").matches(".*adds (29|30)\\.\\d\\d% of equity.*");
            // then on the pool with the bot's position: two orders of 20% of their account (10% of the pool each) fit
            // beside the bot's 24% of it
            for (String id : List.of("man-1", "man-2")) {
                Order fits = onPipeline(p, x -> x.manualBroker().submit(OrderRequest.market(id, BTC, OrderSide.BUY, 0.2 * own / price).manual()));
                assertThat(fits.state()).as(id).isEqualTo(OrderState.NEW);
            }
            i = 51;
            p.onBarClose(BTC, Timeframe.M1, bars.time(i), bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i));
            // a third would take their account to about 60% in BTCUSD, over its 50% (the pool would be at 54%: with one
            // limit for both, an exposure over it in the pool is over it in one of the accounts, judged first)
            Order over = onPipeline(p, x -> x.manualBroker().submit(
                    OrderRequest.market("man-3", BTC, OrderSide.BUY, 0.2 * own / price).manual()));
            assertThat(over.state()).isEqualTo(OrderState.REJECTED);
            assertThat(over.reason()).startsWith("risk rule ASSET_EXPOSURE");
        }
    }
}
