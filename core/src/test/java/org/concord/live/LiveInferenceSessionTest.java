package org.concord.live;

import org.concord.backtest.Backtester;
import org.concord.bus.InProcessEventBus;
import org.concord.chart.OverlayMark;
import org.concord.chart.OverlaySource;
import org.concord.data.DataProvider;
import org.concord.engine.TradingNode;
import org.concord.engine.TradingPipelineConfig;
import org.concord.execution.FeeModel;
import org.concord.execution.PaperBrokerConfig;
import org.concord.execution.SlippageModel;
import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.orchestrator.config.ConfigFiles;
import org.concord.store.BarStore;
import org.concord.store.Direction;
import org.concord.store.FrameStore;
import org.concord.store.SqliteDatabase;
import org.concord.training.AskModel;
import org.concord.training.TrainedModels;
import org.concord.training.TrainingConfig;
import org.concord.training.TrainingCoordinator;
import org.concord.training.TrainingEvent;
import org.concord.training.TrainingEventType;
import org.concord.training.TrainingQueues;
import org.concord.training.models.ModelRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Live sessions on the real bundled tape fed trade by trade through the node (the orchestrator infers the model once
 * per decision bar), a real trained DJL model, real SQLite.
 */
class LiveInferenceSessionTest {
    /** The desk's paper account: Binance spot fees (10 bps), 2 bps slippage. */
    static final PaperBrokerConfig DESK = PaperBrokerConfig.defaults();
    /** The same account without costs (what the P&L would be before fees and slippage). */
    static final PaperBrokerConfig FREE = DESK.withCosts(FeeModel.ZERO, SlippageModel.fixedBps(0));

    @TempDir
    Path dir;
    private final TradeTape tape = BundledData.bitstampTrades();
    private final InProcessEventBus bus = new InProcessEventBus();
    private SqliteDatabase db;
    private DataProvider data;
    private TrainingCoordinator model;
    private TradingNode node;
    private int fed;

    /**
     * @param trained a trained version active (else a cold start, which the pivot and frame tests train: the node's
     *                matured frames would also feed the accuracy monitor, whose own retrain would take the one
     *                training slot those tests are about, so its threshold is out of reach there)
     */
    private void open(boolean trained) throws Exception {
        db = SqliteDatabase.open(dir.resolve("concord.db"));
        data = new DataProvider(new BarStore(db));
        data.resetSession(tape.symbol(), tape.firstTime());
        Path repo = Files.createDirectories(dir.resolve("models"));
        if (trained) {
            TrainedModels.copyTo(repo);
        }
        TrainingConfig cfg = trained ? TrainedModels.config() : TrainedModels.config().withMonitor(TrainedModels.config().monitorWindow(), 100);
        model = new TrainingCoordinator(data, new FrameStore(db), new ModelRepository(repo), bus, new TrainingQueues(), cfg);
        if (trained) {
            TrainedModels.activate(model, "v000001");
        }
        // the node as a backtest builds it (decisions on the feed thread, in order): no modules, the model voting
        var orchestrators = ConfigFiles.preset("minimal").withSymbols(List.of(tape.symbol())).withSynchronous(true)
                .withFaults(Backtester.LIFTED_BUDGET);
        node = TradingNode.builder(data, TradingPipelineConfig.defaults(Timeframe.M1, tape.symbol(), 5)).training(model).start(orchestrators);
    }

    /** Feeds trades until {@code to} (exclusive) on the test thread, as a live feed's thread would. */
    private void feedTo(int to) {
        for (; fed < to; fed++) {
            data.onTrade(tape.symbol(), tape.time(fed), tape.price(fed), tape.size(fed), tape.buyerMaker(fed), "test");
        }
    }

    @AfterEach
    void close() {
        if (node != null) {
            node.close();
        }
        if (model != null) {
            model.close();
        }
        if (data != null) {
            data.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void signalsGhostsAndAPaperAccountAfterCostsFromTheNodesOneInferencePerDecisionBar() throws Exception {
        open(true);
        feedTo(40_000);
        List<LiveSnapshot> snaps = new CopyOnWriteArrayList<>();
        bus.subscribe(LiveTopics.SNAPSHOTS, snaps::add);
        // what the node inferred: the decision path's inferences of the model, as the orchestrator made them
        List<TrainingCoordinator.Inference> inferred = new CopyOnWriteArrayList<>();
        model.inferenceFeed().subscribe(inferred::add);
        long inferencesBefore = node.orchestrator().inferences(model.config().modelId());
        LiveInferenceSession.Config cfg = new LiveInferenceSession.Config(LiveMode.INFERENCE, 3, 20, 100_000,
                TwoActionPositionRules.Thresholds.DEFAULT, 5, 50, 200, true);
        try (LiveInferenceSession s = new LiveInferenceSession(data, bus, model, null, DESK, cfg);
             LiveInferenceSession free = new LiveInferenceSession(data, new InProcessEventBus(), model, null, FREE, cfg)) {
            s.start();
            free.start();
            feedTo(70_000);
            s.flush();
            free.flush();
            LiveSnapshot last = s.snapshot();
            // the frames the session followed: each decision's, once (where a 5m bar closes with the 1m decision bar,
            // the decision path asks about the previous close again: the same frame, the same answer)
            List<TrainingCoordinator.Inference> frames = new ArrayList<>();
            for (TrainingCoordinator.Inference inf : inferred) {
                if (frames.isEmpty() || inf.frame().windowEnd() > frames.get(frames.size() - 1).frame().windowEnd()) {
                    frames.add(inf);
                }
            }
            assertThat(frames.size()).isGreaterThan(1_000);
            assertThat(node.orchestrator().inferences(model.config().modelId()) - inferencesBefore)
                    .as("every inference came from the node's decisions").isEqualTo(inferred.size());
            assertThat(last.running()).isTrue();
            assertThat(last.updates()).isEqualTo(frames.size());
            assertThat(last.errors()).isZero();
            assertThat(last.signals()).hasSize(frames.size());
            assertThat(last.framesStored()).as("the decision path stored each frame").isEqualTo(frames.size());
            assertThat(last.message()).startsWith("LIVE cnn-btcusd on BTCUSD 1m");

            // each signal is the node's inference of that frame, in the two-action view (the likelier of BUY and
            // SELL, confidence renormalized without HOLD) ...
            for (int i = 0; i < frames.size(); i++) {
                LiveSignal sig = last.signals().get(i);
                var vote = frames.get(i).signal();
                assertThat(sig.time()).isEqualTo(frames.get(i).frame().windowEnd());
                assertThat(sig.price()).isEqualTo(frames.get(i).frame().entryPrice());
                assertThat(sig.action()).isEqualTo(vote.pBuy() >= vote.pSell() ? Action.BUY : Action.SELL);
                assertThat(sig.confidence()).isCloseTo(Math.max(vote.pBuy(), vote.pSell()) / ((double) vote.pBuy() + vote.pSell()), within(1e-6));
                assertThat(sig.modelVersion()).isEqualTo("v000001");
            }
            // ... and what the model says when asked afterwards about the same instant: the rest of the tape, fed
            // since, changes nothing (no lookahead on the decision path)
            for (int i = 0; i < frames.size(); i += 97) {
                var again = AskModel.at(model, frames.get(i).frame().windowEnd(), false).signal();
                assertThat(again.pBuy()).isEqualTo(frames.get(i).signal().pBuy());
                assertThat(again.pSell()).isEqualTo(frames.get(i).signal().pSell());
            }
            assertThat(last.signals().stream().map(LiveSignal::action).distinct().count()).as("the model leans both ways").isEqualTo(2);

            // ghosts: three candles after the newest closed bar, from σ of the last 20 closes and the model's probabilities
            LiveSignal latest = last.latest();
            assertThat(last.ghosts()).hasSize(3);
            assertThat(last.ghosts().get(0).openTime()).isEqualTo(latest.time());
            assertThat(last.ghosts().get(0).open()).isEqualTo(latest.price());
            BarSeries recent = data.bars(Symbol.of("BTCUSD"), Timeframe.M1, Long.MIN_VALUE, latest.time() - 60_000, 21, Direction.LATEST);
            double[] c = new double[recent.size()];
            for (int i = 0; i < c.length; i++) {
                c[i] = recent.close(i);
            }
            var sig = frames.get(frames.size() - 1).signal();
            assertThat(last.ghosts()).isEqualTo(GhostCandles.predict(Timeframe.M1, latest.time() - 60_000, latest.price(), sig.pBuy(),
                    Math.min(sig.pSell(), 1 - sig.pBuy()), GhostCandles.volatility(c, c.length), 3));
            // each snapshot's first ghost is the bar the next snapshot closed: replaced by the real one
            List<LiveSnapshot> updates = snaps.stream().filter(x -> x.latest() != null).toList();
            for (int i = 1; i < updates.size(); i++) {
                LiveSnapshot prev = updates.get(i - 1);
                LiveSnapshot next = updates.get(i);
                if (next.latest().time() - prev.latest().time() == 60_000) {
                    assertThat(prev.ghosts().get(0).openTime() + 60_000).isEqualTo(next.latest().time());
                }
            }
            assertThat(last.ghostScored()).isBetween(last.updates() - 200, last.updates() - 1); // gaps in the tape skip a few
            assertThat(last.ghostHits()).isBetween(1L, last.ghostScored());

            // the paper account: the signals' transitions, each filled at the next bar's open. Without costs, its
            // equity is exactly what those fills give, worked out here from the DataProvider's bars ...
            LiveSnapshot f = free.snapshot();
            assertThat(f.signals()).isEqualTo(last.signals());
            assertThat(f.feesPct()).isZero();
            assertThat(f.realizedPct() + f.unrealizedPct()).isCloseTo(withoutCosts(f.signals()), within(1e-6));
            // ... and the desk's fees and slippage take their share: same trades, less money, fees counted
            assertThat(last.trades()).isEqualTo(f.trades()).isPositive();
            assertThat(last.position()).isEqualTo(f.position());
            assertThat(last.feesPct()).isPositive();
            assertThat(last.totalPct()).isLessThan(f.totalPct() - last.feesPct() * 0.5);
            assertThat(last.wins()).isBetween(0, last.trades());
            assertThat(last.buyHoldPct()).as("the baseline pays the same costs").isLessThan(f.buyHoldPct());

            // stop: no more updates, the figures stay
            s.stop();
            feedTo(80_000);
            s.flush();
            assertThat(s.snapshot().running()).isFalse();
            assertThat(s.snapshot().updates()).isEqualTo(last.updates());
            assertThat(s.snapshot().ghosts()).isEmpty();
            assertThat(snaps.get(snaps.size() - 1).running()).isFalse();
        }
    }

    /**
     * The return (percent of the starting cash) of trading {@code signals} without costs: a transition's order, sized
     * at the account's whole equity at the signal's close, fills at the open of the first bar opening at or after the
     * signal; the position is marked at the newest signal's close.
     */
    private double withoutCosts(List<LiveSignal> signals) {
        double cash = FREE.initialCash();
        double qty = 0;
        Double target = null;
        long orderedAt = 0;
        int side = 0;
        for (LiveSignal x : signals) {
            if (target != null) {
                BarSeries next = data.bars(tape.symbol(), Timeframe.M1, orderedAt - 1, x.time(), 1, Direction.AFTER); // (from, to]
                cash -= (target - qty) * next.open(0);
                qty = target;
                target = null;
            }
            int to = switch (TwoActionPositionRules.Transition.valueOf(x.transition())) {
                case OPEN_LONG, REVERSE_TO_LONG -> 1;
                case OPEN_SHORT, REVERSE_TO_SHORT -> -1;
                case CLOSE_LONG, CLOSE_SHORT -> 0;
                case NONE -> side;
            };
            if (to != side) {
                target = to * (cash + qty * x.price()) / x.price();
                orderedAt = x.time();
                side = to;
            }
        }
        double mark = signals.get(signals.size() - 1).price();
        return 100.0 * (cash + qty * mark - FREE.initialCash()) / FREE.initialCash();
    }

    /** Fractal swings (a bar whose high/low beats the two bars each side), reported once the two bars after it closed. */
    private static final class FractalPivots implements OverlaySource {
        private final DataProvider data;

        FractalPivots(DataProvider data) {
            this.data = data;
        }

        @Override
        public String id() {
            return "fractals";
        }

        @Override
        public String name() {
            return "fractals";
        }

        @Override
        public List<OverlayMark> marks(Symbol symbol, Timeframe tf, long from, long to) {
            BarSeries b = data.bars(symbol, tf, from, to);
            List<OverlayMark> out = new ArrayList<>();
            for (int i = 2; i + 2 < b.size(); i++) {
                if (b.high(i) > Math.max(Math.max(b.high(i - 1), b.high(i - 2)), Math.max(b.high(i + 1), b.high(i + 2)))) {
                    out.add(new OverlayMark(b.time(i), b.high(i), OverlayMark.Kind.SWING_HIGH, "", Double.NaN));
                }
                if (b.low(i) < Math.min(Math.min(b.low(i - 1), b.low(i - 2)), Math.min(b.low(i + 1), b.low(i + 2)))) {
                    out.add(new OverlayMark(b.time(i), b.low(i), OverlayMark.Kind.SWING_LOW, "", Double.NaN));
                }
            }
            return out;
        }
    }

    @Test
    void pivotTrainingTurnsConfirmedPivotsIntoLabelledFramesAndTrainsInTheBackground() throws Exception {
        open(false);
        feedTo(59_000);
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        model.subscribeTrainingEvents(events::add, null);
        FrameStore frames = new FrameStore(db);
        java.util.concurrent.atomic.AtomicLong lastCloseBeforeStart = new java.util.concurrent.atomic.AtomicLong();
        var before = data.subscribeBarCloses((sy, tf, t, o, h, l, c, v) -> {
            if (tf == Timeframe.M1) {
                lastCloseBeforeStart.set(tf.closeTime(t));
            }
        });
        feedTo(60_001);
        before.close();
        try (LiveInferenceSession s = new LiveInferenceSession(data, bus, model, new FractalPivots(data), DESK,
                new LiveInferenceSession.Config(LiveMode.PIVOT_TRAINING, 3, 20, 20, TwoActionPositionRules.Thresholds.DEFAULT, 20, 50, 200, true))) {
            s.start();
            feedTo(66_000);
            s.flush();
            model.flush();
            LiveSnapshot snap = s.snapshot();
            assertThat(snap.pivotSamples()).isGreaterThanOrEqualTo(20);
            List<InferenceFrameReference> stored = frames.matured(Symbol.of("BTCUSD"), InferenceFrameReference.Source.ANNOTATION, Long.MIN_VALUE, Long.MAX_VALUE)
                    .stream().filter(f -> f.modelId().equals(org.concord.training.SampleOwnership.pivotSamplesOf(model.config().modelId()))).toList();
            assertThat(stored).hasSize((int) snap.pivotSamples());
            long start = lastCloseBeforeStart.get();
            for (InferenceFrameReference f : stored) {
                // only pivots confirmed while live; high → SELL, low → BUY; the window ends when the pivot bar opens
                assertThat(f.outcome().label()).isEqualTo(f.id().endsWith("-H") ? Action.SELL : Action.BUY);
                assertThat(f.id()).endsWith("-" + f.windowEnd() + (f.id().endsWith("-H") ? "-H" : "-L"));
                assertThat(f.outcome().exitTime()).isGreaterThan(start);
                assertThat(f.outcome().exitTime()).isGreaterThanOrEqualTo(f.windowEnd() + 3 * 60_000);
            }
            assertThat(snap.trainingJobs()).isGreaterThanOrEqualTo(1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (events.stream().noneMatch(e -> e.type() == TrainingEventType.JOB_FINISHED || e.type() == TrainingEventType.JOB_FAILED)
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            TrainingEvent started = events.stream().filter(e -> e.type() == TrainingEventType.JOB_STARTED).findFirst().orElseThrow();
            assertThat(started.message()).contains("confirmed pivots (live pivot training)");
            assertThat(events).anyMatch(e -> e.type() == TrainingEventType.JOB_FINISHED);
        }
    }

    @Test
    void frameTrainingStoresEveryInferenceFrameAndMaturedFramesTriggerTraining() throws Exception {
        open(false);
        feedTo(40_000);
        List<TrainingEvent> events = new CopyOnWriteArrayList<>();
        model.subscribeTrainingEvents(events::add, null);
        try (LiveInferenceSession s = new LiveInferenceSession(data, bus, model, null, DESK,
                new LiveInferenceSession.Config(LiveMode.FRAME_TRAINING, 0, 20, 20, TwoActionPositionRules.Thresholds.DEFAULT, 5, 30, 200, true))) {
            s.start();
            // paced like a live feed: the session and the frame writer keep up between chunks (a feed at full
            // speed coalesces maturing runs and would leave the last frames for the next bar close)
            for (int to = 40_500; to <= 48_000; to += 500) {
                feedTo(to);
                s.flush();
                model.flush();
            }
            LiveSnapshot snap = s.snapshot();
            assertThat(snap.framesStored()).isEqualTo(snap.updates()).isGreaterThan(30);
            assertThat(snap.ghosts()).isEmpty();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (events.stream().noneMatch(e -> e.type() == TrainingEventType.JOB_STARTED) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(events).filteredOn(e -> e.type() == TrainingEventType.FRAME_MATURED).hasSizeGreaterThanOrEqualTo(30);
            assertThat(events).anyMatch(e -> e.type() == TrainingEventType.JOB_STARTED && e.message().contains("30 more matured frames"));
            s.stop();
        }
        // after stop, the count rule is gone: more matured frames start nothing new
    }
}
