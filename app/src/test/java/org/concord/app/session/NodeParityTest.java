package org.concord.app.session;

import org.concord.backtest.BacktestConfig;
import org.concord.backtest.BacktestReport;
import org.concord.backtest.Backtester;
import org.concord.backtest.MarketHistory;
import org.concord.bus.InProcessEventBus;
import org.concord.data.MarketDataSink;
import org.concord.engine.BotMode;
import org.concord.engine.ConcordRuntime;
import org.concord.engine.TradingNode;
import org.concord.engine.TradingPipeline;
import org.concord.execution.ExecutionListener;
import org.concord.execution.Order;
import org.concord.execution.OrderEvent;
import org.concord.feed.BundledData;
import org.concord.model.OrderBookSnapshot;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Decision;
import org.concord.orchestrator.TradingOrchestrator;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.orchestrator.config.OrchestratorConfig;
import org.concord.training.TrainedModels;
import org.concord.training.models.ModelRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, parity: the same bundled trades through the desk's composition ({@link CoreSession}: the pipeline on its
 * own thread, the orchestrators on their decision threads, the person's paper account beside the bot's) and through a
 * backtest ({@link Backtester}: everything on the replay thread) give identical decision logs (every contribution,
 * the trained model's vote included) and identical order logs of the bot's account. Both are built by core's one
 * {@link TradingNode} builder; before it, the backtest composed its own orchestrator without the training model.
 *
 * <p>What is configuration, and so set alike here: the desk's feed is paced by the node (after each trade that
 * opens a new minute the test waits until the orchestrator and the pipeline are idle, as a real feed's minute gaps
 * allow), and its per-call time budget is lifted as a backtest's is (a wall-clock strike under a loaded machine
 * would otherwise silence a module in one run and not the other). Neural fusion is off in both: it trains its own
 * weights on a background thread, so its vote depends on when a job finishes, not only on the data.
 */
class NodeParityTest {
    private static final Symbol BTC = BundledData.BTCUSD;
    private static final long TWO_DAYS = 2 * 86_400_000L;
    private static final String VERSION = "v000002";

    @TempDir
    Path dir;

    private static OrchestratorConfig preset() {
        return ConfigFiles.preset("full").withModuleEnabled("neural-fusion", false).withFaults(Backtester.LIFTED_BUDGET);
    }

    private static MarketHistory history() {
        var tape = BundledData.bitstampTrades();
        MarketHistory all = MarketHistory.trades(tape, "bundled Bitstamp BTC/USD trades");
        return all.range(all.firstTime(), all.firstTime() + TWO_DAYS);
    }

    /** What a run logged: decisions of the traded instrument, the bot account's order events. */
    private record Logs(List<Decision> decisions, List<OrderEvent> orders) {
        static Logs hangOn(TradingNode node) {
            Logs logs = new Logs(Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedList(new ArrayList<>()));
            node.orchestrator().onDecision(logs.decisions::add);
            node.pipeline().bot().paper().addListener(new ExecutionListener() {
                @Override
                public void onOrderEvent(OrderEvent event, Order order) {
                    logs.orders.add(event);
                }
            });
            return logs;
        }
    }

    @Test
    void theDesksCompositionAndABacktestDecideAndOrderAlikeOnTheSameTradesWithTheTrainedModelVoting() throws Exception {
        MarketHistory part = history();

        // the desk: its data directory holds the trained model (active version) and the bot switched to PAPER
        Path desk = dir.resolve("desk");
        Path deskModels = copyModels(desk.resolve("models"));
        ConfigFiles.save(desk.resolve("concord.yaml"), preset());
        Logs deskLogs;
        TradingPipeline deskPipeline;
        try (ConcordRuntime runtime = new ConcordRuntime(desk);
             InProcessEventBus bus = new InProcessEventBus();
             CoreSession core = CoreSession.start(runtime, bus, SessionOptions.defaults(desk).withReplay(1, 0, false)
                     .withTraining(TrainedModels.config()), false, m -> { })) {
            deskPipeline = core.pipeline();
            deskPipeline.switchBot(BotMode.PAPER).get(30, TimeUnit.SECONDS);
            TradingOrchestrator orch = core.orchestrator(BTC);
            assertThat(core.training(BTC).status().activeVersion()).isEqualTo(VERSION);
            deskLogs = Logs.hangOn(core.node());
            part.replay(new PacedByTheNode(runtime.data(), orch, deskPipeline));
            assertThat(orch.awaitIdle(2, TimeUnit.MINUTES)).isTrue();
            assertThat(deskPipeline.awaitIdle(2, TimeUnit.MINUTES)).isTrue();
            assertThat(deskPipeline.failures()).isZero();
        }

        // the backtest: the same trades, the same models, its settings those the desk's pipeline ran on
        List<Logs> backtestLogs = new ArrayList<>();
        BacktestConfig cfg = BacktestConfig.defaults().withModules(List.of(), List.of("neural-fusion"));
        Backtester bt = Backtester.builder(cfg).history(part).models(deskModels, TrainedModels.config())
                .workDir(dir.resolve("backtests")).build();
        assertThat(bt.pipelineConfig()).as("the backtest trades with the desk's pipeline settings").isEqualTo(deskPipeline.config());
        BacktestReport report = bt.run(n -> backtestLogs.add(Logs.hangOn(n)));
        Logs backtest = backtestLogs.get(0);

        assertThat(report.model().version()).isEqualTo(VERSION);
        assertThat(report.modules()).anySatisfy(m -> {
            assertThat(m.id()).isEqualTo(TrainedModels.MODEL_ID);
            assertThat(m.version()).isEqualTo(VERSION);
        });
        assertThat(backtest.decisions()).as("decisions made").hasSizeGreaterThan(2_000);
        assertThat(backtest.decisions()).as("the trained model voted")
                .anySatisfy(d -> assertThat(d.contributions()).anySatisfy(c -> assertThat(c.sourceId()).isEqualTo(TrainedModels.MODEL_ID)));
        assertThat(backtest.orders()).as("the bot traded").isNotEmpty();

        assertThat(deskLogs.decisions()).as("decision log").containsExactlyElementsOf(backtest.decisions());
        assertThat(deskLogs.orders()).as("order log of the bot's account").containsExactlyElementsOf(backtest.orders());
    }

    private Path copyModels(Path to) throws IOException {
        Path from = TrainedModels.repository();
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        TrainedModels.activate(new ModelRepository(to), TrainedModels.MODEL_ID, VERSION);
        return to;
    }

    /**
     * The desk's feed, paced by the node: every trade goes to the DataProvider as the bundled replay sends it; after
     * one that opens a new minute (a bar closed) it waits until the orchestrator decided and the pipeline is idle.
     */
    private static final class PacedByTheNode implements MarketDataSink {
        private final MarketDataSink data;
        private final TradingOrchestrator orch;
        private final TradingPipeline pipeline;
        private long minute = Long.MIN_VALUE;

        PacedByTheNode(MarketDataSink data, TradingOrchestrator orch, TradingPipeline pipeline) {
            this.data = data;
            this.orch = orch;
            this.pipeline = pipeline;
        }

        @Override
        public void onTrade(Symbol symbol, long time, double price, double size, boolean buyerMaker, String source) {
            data.onTrade(symbol, time, price, size, buyerMaker, source);
            if (Timeframe.M1.floor(time) != minute) {
                minute = Timeframe.M1.floor(time);
                awaitIdle();
            }
        }

        private void awaitIdle() {
            try {
                assertThat(orch.awaitIdle(1, TimeUnit.MINUTES)).isTrue();
                assertThat(pipeline.awaitIdle(1, TimeUnit.MINUTES)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onBar(Symbol symbol, Timeframe tf, long openTime, double open, double high, double low, double close, double volume,
                          boolean closed, String source) {
            throw new UnsupportedOperationException("the bundled history here is trades");
        }

        @Override
        public void onBook(OrderBookSnapshot book, String source) {
            throw new UnsupportedOperationException("the bundled history here is trades");
        }

        @Override
        public void onClock(Symbol symbol, long time) {
            data.onClock(symbol, time);
        }

        @Override
        public void resetSession(Symbol symbol, long time) {
            data.resetSession(symbol, time);
        }

        @Override
        public void resumeSession(Symbol symbol, long time) {
            data.resumeSession(symbol, time);
        }

        @Override
        public void onMalformed(String source, String position, String detail) {
            data.onMalformed(source, position, detail);
        }
    }
}
