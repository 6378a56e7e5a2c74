package org.concord.live;

import org.concord.bus.InProcessEventBus;
import org.concord.chart.OverlayMark;
import org.concord.chart.OverlaySource;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.model.TradeTape;
import org.concord.store.BarStore;
import org.concord.store.Direction;
import org.concord.store.FrameStore;
import org.concord.store.SqliteDatabase;
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

/** Live sessions on the real bundled tape fed trade by trade, a real trained DJL model, real SQLite. */
class LiveInferenceSessionTest {
    @TempDir
    Path dir;
    private final TradeTape tape = BundledData.bitstampTrades();
    private final InProcessEventBus bus = new InProcessEventBus();
    private SqliteDatabase db;
    private DataProvider data;
    private TrainingCoordinator model;
    private int fed;

    private void open(boolean trained) throws Exception {
        db = SqliteDatabase.open(dir.resolve("concord.db"));
        data = new DataProvider(new BarStore(db));
        data.resetSession(tape.symbol(), tape.firstTime());
        Path repo = Files.createDirectories(dir.resolve("models"));
        if (trained) {
            TrainedModels.copyTo(repo);
        }
        TrainingConfig cfg = TrainedModels.config();
        model = new TrainingCoordinator(data, new FrameStore(db), new ModelRepository(repo), bus, new TrainingQueues(), cfg);
        if (trained) {
            TrainedModels.activate(model, "v000001");
        }
    }

    /** Feeds trades until {@code to} (exclusive) on the test thread, as a live feed's thread would. */
    private void feedTo(int to) {
        for (; fed < to; fed++) {
            data.onTrade(tape.symbol(), tape.time(fed), tape.price(fed), tape.size(fed), tape.buyerMaker(fed), "test");
        }
    }

    @AfterEach
    void close() {
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
    void inferenceOnEveryCloseWithGhostCandlesThatTheRealBarsReplaceAndPaperPnl() throws Exception {
        open(true);
        feedTo(40_000);
        List<LiveSnapshot> snaps = new CopyOnWriteArrayList<>();
        bus.subscribe(LiveTopics.SNAPSHOTS, snaps::add);
        AtomicInteger closes = new AtomicInteger();
        data.subscribeBarCloses((s, tf, t, o, h, l, c, v) -> {
            if (tf == Timeframe.M1) {
                closes.incrementAndGet();
            }
        });
        LiveInferenceSession.Config cfg = new LiveInferenceSession.Config(LiveMode.INFERENCE, 3, 20, 100_000,
                TwoActionPositionRules.Thresholds.DEFAULT, 5, 50, 200, true);
        try (LiveInferenceSession s = new LiveInferenceSession(data, bus, model, null, cfg)) {
            s.start();
            feedTo(70_000);
            s.flush();
            LiveSnapshot last = s.snapshot();
            assertThat(closes.get()).isGreaterThan(1_000);
            assertThat(last.running()).isTrue();
            assertThat(last.updates()).isEqualTo(closes.get());
            assertThat(last.errors()).isZero();
            assertThat(last.signals()).hasSize(closes.get());
            assertThat(last.message()).startsWith("LIVE cnn-btcusd on BTCUSD 1m");

            // every live signal equals the model asked afterwards about the same instant (the frame holds only bars
            // closed by then: the rest of the tape, fed since, changes nothing)
            for (int i = 0; i < last.signals().size(); i += 97) {
                LiveSignal sig = last.signals().get(i);
                var again = model.infer(sig.time(), false).signal();
                // the two-action view: the likelier of BUY and SELL, confidence renormalized without HOLD
                assertThat(sig.action()).isEqualTo(again.pBuy() >= again.pSell() ? Action.BUY : Action.SELL);
                assertThat(sig.confidence()).isCloseTo(Math.max(again.pBuy(), again.pSell()) / ((double) again.pBuy() + again.pSell()), within(1e-6));
                assertThat(sig.modelVersion()).isEqualTo("v000001");
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
            var sig = model.infer(latest.time(), false).signal();
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

            // paper P&L equals the position rules replayed over the listed signals
            PaperSignalPnl replay = new PaperSignalPnl(cfg.thresholds());
            for (LiveSignal x : last.signals()) {
                assertThat(replay.onSignal(x.action(), x.confidence(), x.price()).name()).isEqualTo(x.transition());
            }
            assertThat(last.trades()).isEqualTo(replay.trades()).isPositive();
            assertThat(last.realizedPct()).isCloseTo(replay.realizedPct(), within(1e-9));
            assertThat(last.position()).isEqualTo(replay.side().name());

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
        try (LiveInferenceSession s = new LiveInferenceSession(data, bus, model, new FractalPivots(data),
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
        try (LiveInferenceSession s = new LiveInferenceSession(data, bus, model, null,
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
