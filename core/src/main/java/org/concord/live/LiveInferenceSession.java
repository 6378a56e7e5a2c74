package org.concord.live;

import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.chart.OverlayMark;
import org.concord.chart.OverlaySource;
import org.concord.data.DataProvider;
import org.concord.execution.PaperBrokerConfig;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.store.Direction;
import org.concord.threads.Daemons;
import org.concord.training.SampleOwnership;
import org.concord.training.TrainingCommand;
import org.concord.training.TrainingCoordinator;
import org.concord.training.TrainingCoordinator.Inference;
import org.concord.training.TrainingJob;
import org.concord.training.TrainingTrigger;
import org.concord.training.frames.Frame;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.frames.WindowSource;
import org.concord.training.models.ModelVote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A model's live mode on its symbol, following the node: the orchestrator infers the model once per decision bar (the
 * only inference on the decision path) and publishes it on the model's inference feed
 * ({@link TrainingCoordinator#inferenceFeed}); the session turns each into a signal for the position rules, which
 * trade a paper account of the session's own
 * ({@link SignalAccount}: the desk's fees and slippage, fills on the next bar), predicts the next candles
 * ({@link GhostCandles}) and publishes a {@link LiveSnapshot} on {@link LiveTopics#SNAPSHOTS}. In
 * {@link LiveMode#PIVOT_TRAINING} confirmed pivots become labelled samples; in {@link LiveMode#FRAME_TRAINING} the
 * frames the decision path stores train the model as they mature (both through the model's one training queue, in
 * the background, and only while the model's training switch is on).
 *
 * <p>Threads: inferences arrive on the decision thread and are handed to the session's own thread
 * ({@code concord-live-<model>}), which does all the work in decision order (bars for the account and the ghosts'
 * scores are read there); the decision thread never waits for the session.
 */
public final class LiveInferenceSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LiveInferenceSession.class);

    /**
     * @param ghostCandles      predicted candles drawn ahead (0 = none)
     * @param volLookback       closes used for σ in {@link GhostCandles}
     * @param maxSignals        signals kept in the snapshot
     * @param pivotTrainEvery   pivot samples between two background trainings
     * @param frameTrainEvery   matured frames between two background trainings
     * @param pivotLookbackBars bars searched for newly confirmed pivots at each close
     * @param twoActionView     read a three-class model as a two-action one: the more likely of BUY and SELL, with
     *                          confidence p(side) / (p(BUY) + p(SELL)) — the HOLD probability is set aside, so a model
     *                          that mostly says HOLD still shows which side it leans to (what the position rules need)
     */
    public record Config(LiveMode mode, int ghostCandles, int volLookback, int maxSignals, TwoActionPositionRules.Thresholds thresholds,
                         int pivotTrainEvery, int frameTrainEvery, int pivotLookbackBars, boolean twoActionView) {
        public Config {
            if (mode == null || thresholds == null) {
                throw new IllegalArgumentException("mode and thresholds are required");
            }
            if (ghostCandles < 0 || ghostCandles > 100 || volLookback < 3 || maxSignals < 1 || pivotTrainEvery < 1 || frameTrainEvery < 1
                    || pivotLookbackBars < 10) {
                throw new IllegalArgumentException("live session settings out of range: " + this);
            }
        }

        /** 3 ghost candles, σ over 20 closes, 20 signals, default thresholds, train every 5 pivots / 50 matured frames. */
        public static Config defaults(LiveMode mode) {
            return new Config(mode, 3, 20, 20, TwoActionPositionRules.Thresholds.DEFAULT, 5, 50, 200, true);
        }
    }

    private final DataProvider data;
    private final EventBus bus;
    private final TrainingCoordinator model;
    private final OverlaySource pivots;
    private final Config config;
    private final Symbol symbol;
    private final Timeframe tf;
    private final String sessionId;
    private final FrameBuilder frames;
    private final ExecutorService worker;
    private final TwoActionPositionRules rules;
    private final SignalAccount account;
    private final ArrayDeque<LiveSignal> signals = new ArrayDeque<>();
    private final Set<String> seenPivots = new HashSet<>();
    private final AtomicLong updates = new AtomicLong();
    private volatile boolean running;
    private Subscription inferenceSubscription;
    private Subscription frameTrigger;
    private List<GhostCandle> ghosts = List.of();
    private boolean pivotBaseline;
    /** Open time of the newest bar given to the account and the ghosts' score; MIN_VALUE before the first. */
    private long lastBarOpen = Long.MIN_VALUE;
    /** The newest frame end followed. */
    private long lastSignalTime = Long.MIN_VALUE;
    private long ghostHits;
    private long ghostScored;
    private long pivotSamples;
    private long pivotsSinceTraining;
    private long framesStored;
    private long trainingJobs;
    private long errors;
    private String lastError = "";
    private volatile LiveSnapshot last;

    /**
     * @param pivots confirmed pivots (the pivots module's overlay); required for {@link LiveMode#PIVOT_TRAINING} unless
     *               pivots are pushed through {@link #onConfirmedPivot}
     * @param paper  the desk's paper-account settings: the session's account takes its starting cash, fees and slippage
     */
    public LiveInferenceSession(DataProvider data, EventBus bus, TrainingCoordinator model, OverlaySource pivots, PaperBrokerConfig paper,
                                Config config) {
        if (data == null || bus == null || model == null || paper == null || config == null) {
            throw new IllegalArgumentException("data, bus, model, paper-account settings and config are required");
        }
        this.data = data;
        this.bus = bus;
        this.model = model;
        this.pivots = pivots;
        this.config = config;
        this.symbol = model.config().symbol();
        this.tf = model.config().spec().base();
        this.sessionId = model.config().modelId() + "@" + symbol.code();
        this.frames = new FrameBuilder(WindowSource.of(data), model.config().spec());
        this.rules = new TwoActionPositionRules(config.thresholds());
        this.account = new SignalAccount(paper, symbol, tf);
        this.worker = Executors.newSingleThreadExecutor(Daemons.named("concord-live-" + model.config().modelId()));
        this.last = snapshot("stopped");
    }

    public String sessionId() {
        return sessionId;
    }

    public String modelId() {
        return model.config().modelId();
    }

    public Config config() {
        return config;
    }

    public boolean running() {
        return running;
    }

    public LiveSnapshot snapshot() {
        return last;
    }

    /** Starts following the node's inferences of the model (idempotent). */
    public synchronized void start() {
        if (running) {
            return;
        }
        if (worker.isShutdown()) {
            throw new IllegalStateException("live session " + sessionId + " is closed");
        }
        running = true;
        if (config.mode() == LiveMode.FRAME_TRAINING) {
            frameTrigger = model.triggerTrainingOnEvent(TrainingTrigger.everyMaturedFrames(config.frameTrainEvery()));
        }
        inferenceSubscription = model.inferenceFeed().subscribe(inf -> worker.execute(() -> onInference(inf)));
        worker.execute(() -> publish("LIVE " + modelId() + " on " + symbol.code() + " " + tf.code() + " (" + config.mode() + ")"));
        LOG.info("live session {} started ({})", sessionId, config.mode());
    }

    /** Stops following the inferences; the snapshot keeps its figures with running = false. */
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        inferenceSubscription.close();
        if (frameTrigger != null) {
            frameTrigger.close();
            frameTrigger = null;
        }
        worker.execute(() -> publish("stopped after " + updates.get() + " updates"));
        LOG.info("live session {} stopped after {} updates", sessionId, updates.get());
    }

    /** Waits until every inference handed over so far has been processed (tests, shutdown). */
    public void flush() {
        try {
            worker.submit(() -> { }).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("live session flush failed: " + e.getMessage(), e);
        }
    }

    /**
     * A pivot confirmed elsewhere (e.g. the orchestrator's pivot events): becomes a sample in
     * {@link LiveMode#PIVOT_TRAINING}. Runs on the session thread.
     *
     * @param barTime     open time of the pivot bar
     * @param high        swing high (→ SELL) or low (→ BUY)
     * @param price       the pivot's price (the bar's high or low)
     * @param confirmedAt data time at which it was confirmed (≥ the pivot bar's close)
     */
    public void onConfirmedPivot(long barTime, boolean high, double price, long confirmedAt) {
        if (!(price > 0) || confirmedAt < tf.closeTime(barTime)) {
            throw new IllegalArgumentException("pivot needs a price > 0 and a confirmation at or after its bar's close, got price " + price
                    + ", bar " + barTime + ", confirmed " + confirmedAt);
        }
        worker.execute(() -> pivotSample(barTime, high, price, confirmedAt));
    }

    // ------------------------------------------------------------------ session thread

    private void onInference(Inference inf) {
        if (!running) {
            return;
        }
        long at = inf.frame().windowEnd();
        if (at <= lastSignalTime) {
            // the same frame again: where a coarser bar closes with the decision bar, the decision path asks about
            // the previous close (its coarser bar is not dispatched yet); the model said that already
            return;
        }
        lastSignalTime = at;
        long latestOpen = tf.floor(at) - tf.millis(); // the newest bar of the model's timeframe closed by then
        double close = inf.frame().entryPrice();
        try {
            settleBars(latestOpen);
            ModelVote s = inf.signal();
            if (inf.reference() != null) {
                framesStored++;
            }
            Action action = s.action();
            double confidence = clamp(s.confidence());
            double sides = (double) s.pBuy() + s.pSell();
            if (config.twoActionView() && sides > 0) {
                action = s.pBuy() >= s.pSell() ? Action.BUY : Action.SELL;
                confidence = clamp(Math.max(s.pBuy(), s.pSell()) / sides);
            }
            TwoActionPositionRules.Transition tr = rules.onSignal(action, confidence);
            account.target(rules.side(), close);
            signals.addLast(new LiveSignal(at, close, action, confidence, s.modelVersion(), tr.name()));
            while (signals.size() > config.maxSignals()) {
                signals.removeFirst();
            }
            ghosts = ghostsAfter(latestOpen, close, s);
            updates.incrementAndGet();
        } catch (RuntimeException e) {
            errors++;
            String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
            if (!msg.equals(lastError)) {
                LOG.warn("live session {} at {} failed: {}", sessionId, at, msg);
                lastError = msg;
            }
        }
        if (config.mode() == LiveMode.PIVOT_TRAINING && pivots != null) {
            pollPivots(latestOpen, at);
        }
        publish("LIVE " + modelId() + " on " + symbol.code() + " " + tf.code() + " (" + config.mode() + ")");
    }

    /**
     * The bars closed since the last inference, oldest first, to the account (fills of the last signal, marks) and to
     * the ghosts' score; the first inference gives only its newest bar (the account starts flat there).
     */
    private void settleBars(long latestOpen) {
        long from = lastBarOpen == Long.MIN_VALUE ? latestOpen : lastBarOpen + tf.millis();
        if (from > latestOpen) {
            return;
        }
        BarSeries b = data.bars(symbol, tf, from, latestOpen); // the newest 2,500 if the session fell that far behind
        for (int i = 0; i < b.size(); i++) {
            account.onBar(b.time(i), b.open(i), b.high(i), b.low(i), b.close(i), b.volume(i));
            scoreGhost(b.time(i), b.open(i), b.close(i));
        }
        lastBarOpen = latestOpen;
    }

    private static double clamp(double c) {
        return Double.isNaN(c) ? 0 : Math.max(0, Math.min(1, c));
    }

    /** The first ghost predicted for this bar against the real bar: same direction (close vs open)? */
    private void scoreGhost(long openTime, double open, double close) {
        if (!ghosts.isEmpty() && ghosts.get(0).openTime() == openTime) {
            GhostCandle g = ghosts.get(0);
            ghostScored++;
            if (Math.signum(g.close() - g.open()) == Math.signum(close - open)) {
                ghostHits++;
            }
        }
    }

    private List<GhostCandle> ghostsAfter(long openTime, double close, ModelVote s) {
        if (config.ghostCandles() == 0) {
            return List.of();
        }
        BarSeries recent = data.bars(symbol, tf, Long.MIN_VALUE, openTime, config.volLookback() + 1, Direction.LATEST);
        double[] closes = new double[recent.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = recent.close(i);
        }
        double sigma = GhostCandles.volatility(closes, closes.length);
        if (Double.isNaN(sigma)) {
            return List.of();
        }
        return GhostCandles.predict(tf, openTime, close, clamp(s.pBuy()), Math.min(clamp(s.pSell()), 1 - clamp(s.pBuy())), sigma,
                config.ghostCandles());
    }

    /** New swing marks of the pivots overlay become samples; the ones present at start are only remembered. */
    private void pollPivots(long lastOpen, long at) {
        List<OverlayMark> marks;
        try {
            // up to the bar that just closed: the forming bar never confirms anything
            marks = pivots.marks(symbol, tf, lastOpen - config.pivotLookbackBars() * tf.millis(), lastOpen);
        } catch (RuntimeException e) {
            errors++;
            LOG.warn("pivot overlay failed for {}: {}", sessionId, e.getMessage());
            return;
        }
        for (OverlayMark m : marks) {
            if (m.kind() != OverlayMark.Kind.SWING_HIGH && m.kind() != OverlayMark.Kind.SWING_LOW) {
                continue;
            }
            boolean high = m.kind() == OverlayMark.Kind.SWING_HIGH;
            if (pivotBaseline) {
                pivotSample(m.time(), high, m.price(), at);
            } else {
                seenPivots.add(pivotId(m.time(), high));
            }
        }
        pivotBaseline = true;
    }

    private String pivotId(long barTime, boolean high) {
        return "pivot-" + symbol.code() + "-" + tf.code() + "-" + barTime + (high ? "-H" : "-L");
    }

    /**
     * A confirmed pivot as a labelled frame: the window ends when the pivot bar opens (only bars closed before it),
     * label BUY at a low, SELL at a high; stored like an annotation frame so the model's jobs train on it.
     */
    private void pivotSample(long barTime, boolean high, double price, long confirmedAt) {
        if (config.mode() != LiveMode.PIVOT_TRAINING || !running || !seenPivots.add(pivotId(barTime, high))) {
            return;
        }
        try {
            Frame f = frames.build(symbol, barTime);
            Action label = high ? Action.SELL : Action.BUY;
            double entry = f.entryPrice();
            double ret = 100.0 * Math.log(price / entry); // the long return, as every outcome's returnPct
            // stored for this session's model only (SampleOwnership): other models of the symbol never train on them
            InferenceFrameReference ref = new InferenceFrameReference(pivotId(barTime, high), symbol, f.spec().timeframes(), f.barCountList(),
                    barTime, SampleOwnership.pivotSamplesOf(modelId()), "auto", label, 1.0, f.hash(), InferenceFrameReference.Source.ANNOTATION, confirmedAt - barTime, null,
                    new InferenceFrameReference.Outcome(label, Double.isFinite(ret) ? ret : 0, InferenceFrameReference.BarrierHit.ANNOTATED_EXIT,
                            confirmedAt, confirmedAt));
            model.storeInferenceFrame(ref);
            pivotSamples++;
            if (++pivotsSinceTraining >= config.pivotTrainEvery()) {
                TrainingJob job = model.submit(TrainingCommand.trainIfIdle(modelId(), pivotsSinceTraining + " confirmed pivots (live pivot training)"));
                if (job != null) {
                    trainingJobs++;
                    pivotsSinceTraining = 0;
                }
            }
        } catch (RuntimeException e) {
            errors++;
            LOG.warn("pivot sample {} not stored: {}", pivotId(barTime, high), e.getMessage());
        }
    }

    private void publish(String message) {
        LiveSnapshot s = snapshot(message);
        last = s;
        bus.publish(LiveTopics.SNAPSHOTS, s);
    }

    private LiveSnapshot snapshot(String message) {
        List<LiveSignal> list = new ArrayList<>(signals);
        return new LiveSnapshot(sessionId, modelId(), symbol.code(), tf.code(), config.mode(), running, updates.get(),
                list.isEmpty() ? null : list.get(list.size() - 1), list, running ? ghosts : List.of(), ghostHits, ghostScored,
                account.position(), account.entryPrice(), account.realizedPct(), account.unrealizedPct(), account.feesPct(), account.buyHoldPct(),
                account.trades(),
                account.wins(), pivotSamples,
                framesStored, trainingJobs, errors, message);
    }

    @Override
    public void close() {
        stop();
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
