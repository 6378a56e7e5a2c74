package org.concord.training;

import org.concord.bus.EventBus;
import org.concord.bus.Subscription;
import org.concord.data.CandleCompletion;
import org.concord.data.DataProvider;
import org.concord.indicators.pivots.PivotEvent;
import org.concord.model.InferenceFrameReference.Source;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Timeframe;
import org.concord.store.Direction;
import org.concord.store.FrameStore;
import org.concord.threads.Daemons;
import org.concord.training.eval.PromotionGate;
import org.concord.training.frames.Frame;
import org.concord.training.frames.FrameBuilder;
import org.concord.training.frames.WindowSource;
import org.concord.training.labels.TripleBarrier;
import org.concord.training.models.ModelBundle;
import org.concord.training.models.ModelManifest;
import org.concord.training.models.ModelRepository;
import org.concord.training.models.ModelVersionStore;
import org.concord.training.models.ModelVote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Training coordination for one model (one symbol), merged into the orchestrator by delegation: it stores a
 * frame for each inference ({@link #storeInferenceFrame}), matures frames once their horizon has passed
 * (triple-barrier labels), publishes {@link TrainingEvent}s, runs training jobs on a background thread
 * ({@link #triggerTrainingOnEvent}, {@link #submit}), validates new models on held-out data and swaps
 * them into the {@link ModelSlot} between two decisions.
 *
 * <p>Threads: the decision thread calls {@link #storeInferenceFrame} (no disk I/O on it: frames
 * are written by the {@code concord-frames} thread); maturing runs on that thread after each base-timeframe bar
 * close; jobs run one at a time on {@code concord-training}.
 */
public final class TrainingCoordinator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingCoordinator.class);

    private final DataProvider data;
    private final FrameStore frames;
    private final ModelRepository repo;
    private final EventBus bus;
    private final TrainingConfig config;
    private final FrameBuilder builder;
    private final TripleBarrier barrier;
    private final ModelSlot slot;
    private final InferenceFeed inferenceFeed;
    private final RetrainMonitor monitor;
    private final LiveAccuracy live;
    private final TrainingJobs jobs;
    private final ModelVersionStore versions;
    private final ModelActivation activation;
    /** The model's one training queue: batch jobs here and per-candle updates elsewhere never overlap. */
    private final ModelTrainingQueue trainer;
    private final ExecutorService frameWriter = Executors.newSingleThreadExecutor(Daemons.named("concord-frames"));
    private final TriggerRules triggers = new TriggerRules(this::trainIfIdle);
    private final FrameTally tally = new FrameTally(this::publish);
    private final FrameWrites writes = new FrameWrites(this, frameWriter);
    private final Subscription barSubscription;
    private final CandleMaturing candles;
    private volatile boolean closed;
    /** The per-model "training on/off" switch: off, automatic triggers are skipped (frames are still stored). */
    private volatile boolean autoTraining = true;


    public TrainingCoordinator(DataProvider data, FrameStore frames, ModelRepository repo, EventBus bus, TrainingQueues queues, TrainingConfig config) {
        if (data == null || frames == null || repo == null || bus == null || queues == null || config == null) {
            throw new IllegalArgumentException("data, frames, repo, bus, training queues and config are required");
        }
        this.data = data;
        this.frames = frames;
        this.repo = repo;
        this.bus = bus;
        this.config = config;
        this.builder = new FrameBuilder(WindowSource.of(data), config.spec());
        this.barrier = new TripleBarrier(config.barriers());
        ModelBundle initial = repo.loadCurrentOrColdStart(config.modelId(), config.spec(), config.staleGuard());
        this.slot = new ModelSlot(initial);
        this.inferenceFeed = new InferenceFeed(config.modelId());
        double base = initial.coldStart() ? Double.NaN : initial.manifest().holdout().accuracy();
        this.monitor = new RetrainMonitor(config.monitorWindow(), config.retrainDropPoints(), base, this::onAccuracyDrop);
        this.live = new LiveAccuracy(config.monitorWindow());
        this.versions = new ModelVersionStore(frames.database());
        this.trainer = queues.acquire(config.modelId());
        this.jobs = new TrainingJobs(config.modelId(), trainer, new TrainingJobRunner(this));
        this.activation = new ModelActivation(config, repo, slot, live, monitor, versions, bus);
        this.candles = new CandleMaturing(this, frameWriter);
        // candles of this symbol mature frames and confirm pivots on the frames thread (the feed thread only queues)
        this.barSubscription = CandleCompletion.subscribe(data, candle -> {
            if (!closed && candle.symbol().equals(config.symbol())) {
                candles.onCandle(candle);
            }
        });
        LOG.info("training coordinator for {} ({}): model {} {}", config.modelId(), config.symbol(), initial.version(),
                initial.coldStart() ? "(" + initial.note() + ")" : "");
    }

    // ------------------------------------------------------------------ accessors used by the job runner

    DataProvider data() {
        return data;
    }

    FrameStore frames() {
        return frames;
    }

    ModelRepository repo() {
        return repo;
    }

    FrameBuilder builder() {
        return builder;
    }

    TripleBarrier barrier() {
        return barrier;
    }

    /** Saved versions with their outcome and headline figures (SQLite). */
    public ModelVersionStore versions() {
        return versions;
    }

    RetrainMonitor monitorInternal() {
        return monitor;
    }

    /**
     * Why a training job of this model would be refused for lack of history now, or "" when the store holds at least
     * the loop's {@code minBars} bars of the frame's base timeframe (the bundled AAPL has 252 daily bars, the loop
     * needs 1,000). Reads the store: never on the FX thread.
     */
    public String dataShortfall() {
        Timeframe base = config.spec().base();
        int need = config.loop().minBars();
        int have = data.bars(config.symbol(), base, Long.MIN_VALUE, Long.MAX_VALUE, need, Direction.LATEST).size();
        return have >= need ? "" : String.format(Locale.ROOT, "%s has %d %s bars stored; training %s needs at least %d, so Train now is refused "
                + "until more history is imported", config.symbol(), have, base.code(), config.modelId(), need);
    }

    public TrainingConfig config() {
        return config;
    }

    /** The bus its events go to (the orchestrator subscribes once per bus, not once per coordinator). */
    public EventBus bus() {
        return bus;
    }

    /** The hot-swap slot: the decision thread takes one lease per decision. */
    public ModelSlot slot() {
        return slot;
    }

    /** The model's inferences on the node's decision path (live sessions follow them instead of inferring again). */
    public InferenceFeed inferenceFeed() {
        return inferenceFeed;
    }

    public RetrainMonitor monitor() {
        return monitor;
    }

    void publish(TrainingEvent e) {
        bus.publish(TrainingTopics.topicFor(e.type()), e);
    }

    // ------------------------------------------------------------------ inference frames

    /** What one inference produced: the frame, the model's signal and the stored reference. */
    public record Inference(Frame frame, ModelVote signal, InferenceFrameReference reference) {
    }

    /** Stores the reference of a frame a model just saw (the write happens on the frames thread). */
    public InferenceFrameReference storeInferenceFrame(Frame frame, ModelVote signal) {
        if (frame == null || signal == null) {
            throw new IllegalArgumentException("frame and signal are required");
        }
        if (!frame.spec().equals(config.spec()) || !frame.symbol().equals(config.symbol())) {
            throw new IllegalArgumentException("frame " + frame.symbol() + " " + frame.spec().describe() + " does not belong to " + config.modelId());
        }
        InferenceFrameReference ref = new InferenceFrameReference(UUID.randomUUID().toString(), frame.symbol(), frame.spec().timeframes(),
                frame.barCountList(), frame.windowEnd(), config.modelId(), signal.modelVersion(), signal.action(), signal.confidence(),
                frame.hash(), Source.INFERENCE, barrier.horizonMs(config.spec().base()), null, null);
        if (!signal.coldStart()) {
            live.shown(ref.id(), signal.pBuy(), signal.pSell());
        }
        return storeInferenceFrame(ref);
    }

    /** Stores a reference built elsewhere (an orchestrator module, an annotation). Returns it. */
    public InferenceFrameReference storeInferenceFrame(InferenceFrameReference ref) {
        if (ref == null) {
            throw new IllegalArgumentException("frame reference is null");
        }
        checkOpen();
        writes.add(ref);
        return ref;
    }

    FrameWrites writes() {
        return writes;
    }

    void frameStored(InferenceFrameReference ref) {
        tally.stored(ref);
    }

    /**
     * Tells the coordinator about a frame another component stored itself (the annotation store saves an
     * annotation and its frame in one transaction): publishes FRAME_STORED and, for a frame that already has its
     * outcome, counts it for the count triggers. Wire {@code AnnotationService}'s listener to this.
     */
    public void frameAdded(InferenceFrameReference ref) {
        if (ref == null) {
            throw new IllegalArgumentException("frame reference is null");
        }
        frameStored(ref);
        if (ref.outcome() != null && ref.symbol().equals(config.symbol())) {
            countMatured(1);
        }
    }

    /** Waits until every frame handed over so far is stored and every queued candle has been processed. */
    public void flush() {
        long deadline = System.nanoTime() + 60_000_000_000L;
        try {
            do {
                frameWriter.submit(() -> { }).get(60, TimeUnit.SECONDS);
            } while ((candles.queued() > 0 || writes.queued() > 0) && System.nanoTime() < deadline);
        } catch (Exception e) {
            throw new IllegalStateException("frame store flush failed: " + e.getMessage(), e);
        }
    }

    /**
     * Labels every stored frame of this symbol whose time limit has passed by the data clock (candle closes do this
     * on their own; this is for a caller that wants it now). A frame whose data no longer hashes the same is still
     * labelled but reported (FRAME_REJECTED) and never trained on. Subscribers are not called (no candle).
     *
     * @return frames matured
     */
    public int matureFrames() {
        long now = data.clock(config.symbol());
        return now == Long.MIN_VALUE ? 0 : candles.mature(now).size();
    }

    /**
     * Subscribes to matured frames (with the candle that matured them) and confirmed pivots; see
     * {@link TrainingSubscriber}. Closing the handle unsubscribes.
     */
    public Subscription subscribe(TrainingSubscriber subscriber) {
        if (subscriber == null) {
            throw new IllegalArgumentException("subscriber is null");
        }
        candles.subscribe(subscriber);
        return () -> candles.unsubscribe(subscriber);
    }

    /** Which Williams pivots are published (default: the base timeframe, 3 levels, strength 2, as the pivots module). */
    public void trackPivots(Timeframe tf, int levels, int strength) {
        if (tf == null) {
            throw new IllegalArgumentException("timeframe is null");
        }
        candles.trackPivots(tf, levels, strength);
    }

    void frameRejected(InferenceFrameReference ref, String why) {
        tally.rejected(ref, why);
    }

    void frameMatured(InferenceFrameReference r) {
        tally.matured(r);
        ModelBundle active = slot.peek();
        // only frames after the active version's training data: rows it trained on would flatter it
        long trainedTo = active.coldStart() ? Long.MIN_VALUE : active.manifest().dataRange().to();
        if (r.modelId().equals(config.modelId()) && r.modelVersion().equals(active.version()) && r.windowEnd() > trainedTo) {
            monitor.record(r.prediction() == r.outcome().label());
        }
        live.matured(r, config.modelId(), active.version(), trainedTo);
    }

    void publishPivot(PivotEvent e) {
        bus.publish(TrainingTopics.PIVOTS, e);
    }

    void countMatured(int n) {
        triggers.matured(n);
    }

    // ------------------------------------------------------------------ events and triggers

    /** Delivers training events of the given types (all when empty or null) to {@code callback}. */
    public Subscription subscribeTrainingEvents(Consumer<TrainingEvent> callback, Set<TrainingEventType> types) {
        if (callback == null) {
            throw new IllegalArgumentException("callback is null");
        }
        Set<TrainingEventType> want = types == null || types.isEmpty() ? EnumSet.allOf(TrainingEventType.class) : EnumSet.copyOf(types);
        Consumer<TrainingEvent> filtered = e -> {
            if (want.contains(e.type())) {
                callback.accept(e);
            }
        };
        Subscription a = bus.subscribe(TrainingTopics.EVENTS, filtered);
        Subscription b = bus.subscribe(TrainingTopics.PROGRESS, filtered);
        return () -> {
            a.close();
            b.close();
        };
    }

    /** Starts training on request now, or registers a count or schedule rule; closing the handle removes a rule. */
    public Subscription triggerTrainingOnEvent(TrainingTrigger trigger) {
        if (trigger == null) {
            throw new IllegalArgumentException("trigger is null");
        }
        checkOpen();
        if (trigger instanceof TrainingTrigger.OnRequest r) {
            submit(TrainingCommand.train(config.modelId(), r.reason()));
            return () -> { };
        }
        return triggers.add(trigger);
    }

    /**
     * The one entry point for training ({@link TrainingCommand}; the bus's commands arrive here through the
     * {@link TrainingCommandHandler}): a train command queues a job (jobs run one at a time) and returns its handle;
     * train-if-idle does the same unless a job is queued or running or the model's training switch is off (null);
     * cancel asks the named job (or the running or first queued one) to stop and returns it (null: none).
     *
     * @throws IllegalArgumentException when the command names another model
     */
    public TrainingJob submit(TrainingCommand command) {
        if (command == null) {
            throw new IllegalArgumentException("command is null");
        }
        if (!answersTo(command.target())) {
            throw new IllegalArgumentException("command for " + command.target() + " sent to the coordinator of " + config.modelId());
        }
        if (!TrainingCommand.CANCEL.equals(command.action())) {
            checkOpen();
        }
        return jobs.execute(command, autoTraining && !closed);
    }

    /** What the triggers and the accuracy monitor ask: a train-if-idle command for this model. */
    private void trainIfIdle(String reason) {
        submit(TrainingCommand.trainIfIdle(config.modelId(), reason));
    }

    /** True when {@code target} names this coordinator's model: its id or its symbol. */
    public boolean answersTo(String target) {
        return target != null && (target.equals(config.modelId()) || target.equalsIgnoreCase(config.symbol().code()));
    }

    /**
     * The model's training queue: submit per-candle (incremental) weight updates here so they never run at the
     * same time as a batch job of this model.
     */
    public ModelTrainingQueue trainingQueue() {
        return trainer;
    }

    /** The per-model training switch: when off, automatic triggers (counts, schedules, accuracy drops) are skipped. */
    public void setAutoTraining(boolean on) {
        autoTraining = on;
        LOG.info("automatic training of {} switched {}", config.modelId(), on ? "on" : "off");
    }

    public boolean autoTraining() {
        return autoTraining;
    }

    /**
     * Makes a saved version the active one: loads it from disk (every file verified against its manifest), marks
     * it current, swaps it into the {@link ModelSlot} between two decisions, records it as SWAPPED and publishes
     * MODEL_SWAPPED. Used to activate a model trained with {@code activate=false} (or to roll back).
     *
     * @throws IllegalArgumentException when the version does not exist or does not load
     */
    public void activate(String version) {
        activate(version, null);
    }

    /**
     * As {@link #activate(String)}; a version below the {@link PromotionGate} is activated only with a
     * {@code confirmation} naming its gap ({@link #gate(String)} gives the text to show), else
     * {@link PromotionGate.BelowGateException}. The activation is logged with who confirmed it.
     */
    public void activate(String version, PromotionGate.Confirmation confirmation) {
        checkOpen();
        activation.activate(version, confirmation);
    }

    /** The promotion gate's verdict on a saved version (what a confirmation must name). */
    public PromotionGate.Verdict gate(String version) {
        return activation.gate(version);
    }

    /** A saved version's manifest (figures, baselines, calibration). */
    public ModelManifest manifest(String version) {
        return activation.manifest(version);
    }

    /** Where a job's validated model is swapped in. */
    ModelActivation activation() {
        return activation;
    }

    private void onAccuracyDrop() {
        String msg = String.format(Locale.ROOT, "rolling accuracy %.1f%% is %.1f points below baseline %.1f%%",
                100 * monitor.rollingAccuracy(), 100 * (monitor.baseline() - monitor.rollingAccuracy()), 100 * monitor.baseline());
        publish(TrainingEvent.job(TrainingEventType.RETRAIN_TRIGGERED, config.modelId(), null, slot.peek().version(), null, msg));
        LOG.info("retrain triggered for {}: {}", config.modelId(), msg);
        trainIfIdle(msg);
    }

    // ------------------------------------------------------------------ status and lifecycle

    public TrainingStatus status() {
        ModelBundle m = slot.peek();
        return new TrainingStatus(config.modelId(), m.version(), m.coldStart(), m.note(), jobs.count(TrainingJob.State.RUNNING),
                jobs.count(TrainingJob.State.QUEUED), jobs.last(), tally.stored(),
                tally.matured(), tally.rejected(), monitor.rollingAccuracy(), monitor.baseline(), slot.swaps(), live.figures());
    }

    /** The job currently running or queued first, or null (tests and the UI's cancel button). */
    public TrainingJob runningJobForTest() {
        return jobs.first();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("training coordinator for " + config.modelId() + " is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        barSubscription.close();
        triggers.close();
        try {
            jobs.cancelAll();
        } catch (Exception e) {
            LOG.warn("waiting for training of {} to end: {}", config.modelId(), e.toString());
        }
        trainer.release();
        frameWriter.shutdown();
        try {
            frameWriter.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        slot.closeCurrent();
    }

}
