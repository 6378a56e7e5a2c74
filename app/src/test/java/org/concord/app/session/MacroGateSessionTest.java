package org.concord.app.session;

import org.concord.bus.InProcessEventBus;
import org.concord.coordination.EntryGate;
import org.concord.engine.BotMode;
import org.concord.engine.ConcordRuntime;
import org.concord.engine.TradingPipeline;
import org.concord.feed.ReplayFeed;
import org.concord.modules.strategy.macrogate.MacroGateModule;
import org.concord.modules.strategy.macrogate.MacroImportReport;
import org.concord.modules.strategy.macrogate.MacroImportRequest;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.ModuleEntry;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, item 2 (the macro gate closes new entries for every strategy, with DXY/VIX import from the desk), in the
 * running desk pipeline: a VIX series imported through the desk's command path (a {@link MacroImportRequest} on the
 * bus, handled by the core session) whose every close is above 20 makes the gate BLOCK, and over the bundled Bitstamp
 * BTCUSD replay the bot's paper account opens nothing while its entries are refused and counted; the same run
 * without the import trades. The VIX file is synthetic (written here): no VIX history is bundled with the example
 * data, and a level that blocks throughout is the point of the test. Before this change the desk's pipeline got its
 * decisions without their state vector, so the gate's verdict never reached coordination there.
 */
class MacroGateSessionTest {
    @TempDir
    Path dir;

    /** Three strategy voices that trade the bundled week, and the gate (weight 0: it does not vote), synchronous. */
    private static OrchestratorConfig config() {
        return ConfigFiles.preset("minimal").withModules(List.of(
                new ModuleEntry("supertrend", true, 1.0, null),
                new ModuleEntry("turtle", true, 1.0, null),
                new ModuleEntry("extrema", true, 1.0, null),
                new ModuleEntry(MacroGateModule.ID, true, 0.0, null))).withSynchronous(true);
    }

    /** Daily VIX closes between 25 and 29 from 2013-09-01 to 2013-12-31: every rule "VIX below 20" fails. */
    private Path vix() throws Exception {
        StringBuilder sb = new StringBuilder("date,close\n");
        int i = 0;
        for (LocalDate d = LocalDate.of(2013, 9, 1); d.isBefore(LocalDate.of(2014, 1, 1)); d = d.plusDays(1)) {
            sb.append(d).append(',').append(25 + i++ % 5).append('\n');
        }
        Path f = dir.resolve("vix.csv");
        Files.writeString(f, sb.toString());
        return f;
    }

    /** Orders the bot's paper account made, and entries the gate refused, over the whole bundled replay. */
    private long[] run(String name, boolean importVix) throws Exception {
        Path data = dir.resolve(name);
        ConfigFiles.save(data.resolve("concord.yaml"), config());
        try (ConcordRuntime engine = new ConcordRuntime(data);
             InProcessEventBus bus = new InProcessEventBus();
             CoreSession core = CoreSession.start(engine, bus, SessionOptions.defaults(data).withReplay(1, 0, false), false, m -> { })) {
            TradingPipeline pipeline = core.pipeline();
            pipeline.switchBot(BotMode.PAPER).get(30, TimeUnit.SECONDS);
            if (importVix) {
                CompletableFuture<MacroImportReport> answer = new CompletableFuture<>();
                bus.subscribe(MacroImportReport.TOPIC, answer::complete);
                bus.publish(MacroImportRequest.TOPIC, new MacroImportRequest("vix-1", vix().toString(), "VIX", "below", 20, 0, false));
                MacroImportReport r = answer.get(60, TimeUnit.SECONDS);
                assertThat(r.ok()).as(r.error()).isTrue();
                assertThat(r.added()).isEqualTo(122);
                assertThat(Files.readString(data.resolve("concord.yaml"))).contains("VIX").contains("below");
            }
            ReplayFeed replay = engine.startBundledReplay(ReplayFeed.MAX_SPEED, false);
            assertThat(replay.awaitFinished(10, TimeUnit.MINUTES)).as("replay finished").isTrue();
            TradingOrchestrator orch = core.orchestrator();
            assertThat(orch.awaitIdle(2, TimeUnit.MINUTES)).isTrue();
            assertThat(pipeline.awaitIdle(2, TimeUnit.MINUTES)).isTrue();
            assertThat(pipeline.failures()).isZero();
            assertThat(pipeline.decisions()).as("decisions traded").isPositive();
            if (importVix) {
                assertThat(orch.command(MacroGateModule.ID, "status", Map.of()).get(30, TimeUnit.SECONDS)).startsWith("BLOCK: VIX");
            }
            return new long[] {pipeline.bot().paper().orders().size(), pipeline.bot().engine().entriesBlocked(EntryGate.MACRO)};
        }
    }

    @Test
    void aBlockingVixImportedFromTheDeskClosesNewEntriesAndWithoutItTheBotTrades() throws Exception {
        long[] open = run("open", false);
        assertThat(open[0]).as("orders without the import").isPositive();
        assertThat(open[1]).as("entries refused without the import").isZero();
        long[] closed = run("closed", true);
        assertThat(closed[1]).as("entries refused while VIX > 20").isPositive();
        assertThat(closed[0]).as("orders while the gate blocks from the first bar: nothing to exit either").isZero();
    }

}
