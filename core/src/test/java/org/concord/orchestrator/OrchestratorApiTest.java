package org.concord.orchestrator;

import org.concord.bus.InProcessEventBus;
import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.FaultPolicy;
import org.concord.orchestrator.config.ModuleEntry;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.orchestrator.module.ModuleCatalog;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The orchestrator's API without a DataProvider: real ETH 5m bars handed in directly, as a backtester would. */
class OrchestratorApiTest {
    private static final Symbol ETH = BundledData.ETHUSD;
    @TempDir
    Path dir;

    private static OrchestratorConfig config(List<ModuleEntry> modules, boolean sync, boolean adaptive) {
        return new OrchestratorConfig("custom", List.of(ETH), Timeframe.M5, sync, 1024, true, true,
                new OrchestratorConfig.Fusion(0.2, 0.2, 0, adaptive), new OrchestratorConfig.Performance(10, 5, 2),
                new FaultPolicy(1_000_000, 3, 10, 0, 10_000), modules);
    }

    private static void feed(TradingOrchestrator o, BarSeries s, int from, int to) {
        for (int i = from; i < to; i++) {
            o.onBarClose(ETH, Timeframe.M5, s.time(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i));
        }
    }

    /** A model that follows the last bar's direction, seen through the state vector. */
    private static Model momentum(String version) {
        return new Model() {
            @Override
            public String id() {
                return "momentum";
            }

            @Override
            public String version() {
                return version;
            }

            @Override
            public Prediction predict(Symbol symbol, long time, StateVector state) {
                double close = state.get("a.close");
                return new Prediction("momentum", symbol, time, close > 0 ? Action.BUY : Action.HOLD, 0.9, Timeframe.M5, 1, version);
            }
        };
    }

    @Test
    void statusShowsTheLastOutputPutIntoWordsWhenRead() throws Exception {
        BarSeries eth = BundledData.eth5mBars();
        try (TradingOrchestrator o = TradingOrchestrator.builder(config(List.of(new ModuleEntry("a", true, 1, null)), true, false))
                .catalog(ModuleCatalog.empty()).module("a", () -> new ScriptedModule("a", ScriptedModule.Fault.NONE, 0, 0)).build()) {
            o.start();
            assertThat(o.module("a").orElseThrow().lastOutput()).isEmpty();
            var registered = o.registerModel(momentum("v1"), 1.0); // applied before the next event
            feed(o, eth, 0, 50);
            registered.get(5, java.util.concurrent.TimeUnit.SECONDS);
            // features first, then its prediction: the prediction is the last output, with the source's reason
            assertThat(o.module("a").orElseThrow().lastOutput()).matches("(BUY|SELL|HOLD) \\d\\.\\d\\d · scripted");
            // the model's last output is its last prediction (BUY or HOLD at 0.9, its rationale the version), formatted on read
            assertThat(o.module("momentum").orElseThrow().lastOutput()).isIn("BUY 0.90 · v1", "HOLD 0.90 · v1");
        }
    }

    /**
     * A decision whose features are bit-for-bit those of the last one publishes the last state vector again (it is
     * immutable); any change, or a new layout, makes a new one. Real bars, with the close held for one bar to force
     * the repeat; the ETH bars' closes otherwise change.
     */
    @Test
    void aStateVectorIsReusedOnlyWhileItsValuesRepeat() throws Exception {
        BarSeries eth = BundledData.eth5mBars();
        try (TradingOrchestrator o = TradingOrchestrator.builder(config(List.of(new ModuleEntry("a", true, 1, null)), true, false))
                .catalog(ModuleCatalog.empty()).module("a", () -> new ScriptedModule("a", ScriptedModule.Fault.NONE, 0, 0)).build()) {
            List<StateVector> states = new ArrayList<>();
            o.onDecision(d -> states.add(o.lastState(d.symbol()))); // the decision thread, right after the decision
            o.start();
            feed(o, eth, 0, 3);
            long t = eth.time(3);
            o.onBarClose(ETH, Timeframe.M5, t, eth.open(3), eth.high(3), eth.low(3), eth.close(2), eth.volume(3)); // close held
            feed(o, eth, 4, 6);
            assertThat(states).hasSize(6);
            assertThat(states.get(3)).as("same close, same features").isSameAs(states.get(2));
            assertThat(states.get(4)).isNotSameAs(states.get(3));
            assertThat(states.get(4).get(0)).isEqualTo(eth.close(4));
            assertThat(states.get(1)).isNotSameAs(states.get(0));
            o.disable("a").get(5, TimeUnit.SECONDS);
            feed(o, eth, 6, 8);
            assertThat(states.get(6).size()).as("a new layout, a new vector").isZero();
            assertThat(states.get(7)).isSameAs(states.get(6)); // no features: one empty vector from then on
        }
    }

    @Test
    void modelsWeightsCommandsBusAndPerformance() throws Exception {
        BarSeries eth = BundledData.eth5mBars();
        InProcessEventBus bus = new InProcessEventBus();
        List<Decision> fromBus = new CopyOnWriteArrayList<>();
        List<ModuleStateChanged> states = new CopyOnWriteArrayList<>();
        List<ModuleStatusReport> reports = new CopyOnWriteArrayList<>();
        bus.subscribe(OrchestratorTopics.DECISIONS, fromBus::add);
        bus.subscribe(OrchestratorTopics.MODULE_STATES, states::add);
        bus.subscribe(OrchestratorTopics.MODULE_STATUS, reports::add);
        Path file = dir.resolve("concord.yaml");
        try (TradingOrchestrator o = TradingOrchestrator.builder(config(List.of(new ModuleEntry("a", true, 1, null),
                        new ModuleEntry("ghost", true, 1, null)), true, true))
                .bus(bus).configFile(file).catalog(ModuleCatalog.empty())
                .module("a", () -> new ScriptedModule("a", ScriptedModule.Fault.NONE, 0, 0))
                .module("b", () -> new ScriptedModule("b", ScriptedModule.Fault.NONE, 0, 0)).build()) {
            List<Decision> ds = new CopyOnWriteArrayList<>();
            o.onDecision(ds::add);
            o.start();
            assertThatThrownBy(o::start).isInstanceOf(IllegalStateException.class);
            assertThat(o.module("ghost").orElseThrow().state()).isEqualTo(ModuleState.ERROR);
            assertThat(o.module("ghost").orElseThrow().reason()).contains("no module 'ghost' on the classpath");
            assertThat(o.module("b").orElseThrow().state()).isEqualTo(ModuleState.NOT_LOADED);
            feed(o, eth, 0, 100);
            o.registerModel(momentum("v1"), 2.0);
            feed(o, eth, 100, 200);
            Decision d = ds.get(ds.size() - 1);
            assertThat(d.contribution("momentum").weight()).isGreaterThan(0);
            assertThat(o.lastState(ETH).names()).containsExactly("a.close");
            assertThat(o.lastState(ETH).get(0)).isEqualTo(eth.close(199));
            assertThat(o.lastState(ETH).get("missing")).isNaN();
            // a new version swaps in between two decisions
            o.registerModel(momentum("v2"), 1.0).get(5, TimeUnit.SECONDS);
            assertThat(o.modules()).filteredOn(m -> m.kind().equals("model")).singleElement()
                    .satisfies(m -> assertThat(m.version()).isEqualTo("v2"));
            o.setWeight("a", 0.0).get(5, TimeUnit.SECONDS);
            feed(o, eth, 200, 210);
            assertThat(ds.get(ds.size() - 1).contribution("a")).isNull(); // weight 0: no vote
            assertThat(ConfigFiles.load(file).module("a").orElseThrow().weight()).isZero();
            // commands over the bus: enable b (lazy load), then a module command it does not have
            bus.publish(OrchestratorTopics.MODULE_COMMANDS, ModuleCommand.enable("b"));
            feed(o, eth, 210, 211);
            assertThat(o.awaitIdle(1, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 100 && o.module("b").orElseThrow().state() != ModuleState.RUNNING; i++) {
                Thread.sleep(20);
                o.awaitIdle(1, TimeUnit.SECONDS);
            }
            assertThat(o.module("b").orElseThrow().state()).isEqualTo(ModuleState.RUNNING);
            assertThatThrownBy(() -> o.command("b", "explode", Map.of()).get()).hasCauseInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> o.command("ghost", "x", Map.of()).get()).hasCauseInstanceOf(IllegalStateException.class);
            bus.publish(OrchestratorTopics.MODULE_COMMANDS, new ModuleCommand("a", ModuleCommand.WEIGHT, Map.of("weight", "0.5")));
            bus.publish(OrchestratorTopics.MODULE_COMMANDS, ModuleCommand.disable("b"));
            bus.publish(OrchestratorTopics.MODULE_COMMANDS, new ModuleCommand("a", ModuleCommand.WEIGHT, Map.of("weight", "x")));
            feed(o, eth, 211, 300);
            assertThat(o.module("b").orElseThrow().state()).isEqualTo(ModuleState.DISABLED);
            assertThat(o.module("a").orElseThrow().weight()).isEqualTo(0.5);
            assertThat(o.unregisterModel("momentum").get(5, TimeUnit.SECONDS)).isTrue();
            assertThat(o.unregisterModel("nope").get(5, TimeUnit.SECONDS)).isFalse();
            assertThatThrownBy(() -> o.enable("nope").get()).hasCauseInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> o.disable("nope").get()).hasCauseInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> o.setWeight("nope", 1).get()).hasCauseInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> o.setWeight("a", -1)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> o.enable(" ")).isInstanceOf(IllegalArgumentException.class);
            feed(o, eth, 300, 301);

            assertThat(fromBus).hasSize(301);
            assertThat(fromBus.get(0).seq()).isEqualTo(1);
            assertThat(states).extracting(ModuleStateChanged::moduleId).contains("a", "ghost", "b", "momentum");
            assertThat(reports).isNotEmpty();
            Map<String, SourcePerformance> perf = o.performance();
            assertThat(perf).containsKeys("a", "momentum", PerformanceTracker.DECISION_SOURCE);
            assertThat(perf.get("a").scored()).isGreaterThan(100);
            assertThat(o.decisions()).isEqualTo(301);
            assertThat(o.queued()).isZero();
            assertThat(o.config().module("b").orElseThrow().enabled()).isFalse();
        }
    }

    @Test
    void asyncLoopAnswersCommandsWhenIdleAndRefusesBadInput() throws Exception {
        try (TradingOrchestrator o = TradingOrchestrator.builder(config(List.of(new ModuleEntry("a", false, 1, null)), false, false))
                .catalog(ModuleCatalog.empty()).module("a", () -> new ScriptedModule("a", ScriptedModule.Fault.NONE, 0, 0)).build()) {
            o.start();
            // idle decision thread: the command still applies (lazy load on the loader thread, then RUNNING)
            ToggleResult r = o.enable("a").get(10, TimeUnit.SECONDS);
            assertThat(r.state()).isEqualTo(ModuleState.RUNNING);
            assertThat(r.appliedAfterSeq()).isZero();
            assertThat(o.enable("a").get(10, TimeUnit.SECONDS).state()).isEqualTo(ModuleState.RUNNING);
            assertThat(o.disable("a").get(10, TimeUnit.SECONDS).state()).isEqualTo(ModuleState.DISABLED);
            assertThat(o.enable("a").get(10, TimeUnit.SECONDS).state()).isEqualTo(ModuleState.RUNNING);
            feed(o, BundledData.eth5mBars(), 0, 50);
            assertThat(o.awaitIdle(10, TimeUnit.SECONDS)).isTrue();
            assertThat(o.decisions()).isEqualTo(50);
            o.onBarClose(Symbol.of("XRPUSD"), Timeframe.M5, 0, 1, 1, 1, 1, 1); // not a decision symbol: ignored
            assertThat(o.awaitIdle(10, TimeUnit.SECONDS)).isTrue();
            assertThat(o.decisions()).isEqualTo(50);
            assertThatThrownBy(() -> o.onDecision(null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> o.registerModel(null, 1)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> TradingOrchestrator.builder(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TradingOrchestrator.on(null, ConfigFiles.preset("minimal"), null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void contextSettingsAndHistory() {
        ModuleContext ctx = new ModuleContext(null, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put("n", 3).put("x", 1.5).put("s", "hi").put("bad", "x"), List.of(ETH), Timeframe.M1, () -> 1000L,
                org.slf4j.LoggerFactory.getLogger("t"), new ModuleContext.Services() {
                    @Override
                    public <T> java.util.Optional<T> get(Class<T> type) {
                        return java.util.Optional.empty();
                    }
                });
        assertThat(ctx.intSetting("n", 0)).isEqualTo(3);
        assertThat(ctx.intSetting("none", 7)).isEqualTo(7);
        assertThat(ctx.doubleSetting("x", 0)).isEqualTo(1.5);
        assertThat(ctx.doubleSetting("none", 2)).isEqualTo(2);
        assertThat(ctx.stringSetting("s", "")).isEqualTo("hi");
        assertThatThrownBy(() -> ctx.doubleSetting("bad", 0)).hasMessageContaining("must be a number");
        assertThat(ctx.history(ETH, Timeframe.M1, 10).isEmpty()).isTrue();
    }

    @Test
    void latencyHistogramPercentiles() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentile(99)).isZero();
        for (int i = 1; i <= 1000; i++) {
            h.record(i * 1000L);
        }
        assertThat(h.total()).isEqualTo(1000);
        long p50 = h.percentile(50);
        assertThat(p50).isBetween(500_000L, (long) (500_000 * 1.07));
        assertThat(h.percentile(99)).isBetween(990_000L, (long) (990_000 * 1.07));
        assertThat(LatencyHistogram.upper(LatencyHistogram.index(5))).isEqualTo(5);
    }
}
