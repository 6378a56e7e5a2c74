package org.concord.modules.neuralfusion;

import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.orchestrator.DecisionOutcome;
import org.concord.orchestrator.FusionResult;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.module.FusionModule;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;
import org.concord.modules.neuralfusion.FusionCandidate.Sample;
import org.concord.threads.Daemons;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A learned fusion of the other sources' outputs.
 *
 * <p><b>Samples.</b> Each matured decision gives one sample: input = every source's signed confidence
 * ({@code sign(action) × confidence}, 0 when it did not predict), label = BUY when the realized return over the
 * decision horizon exceeds {@code returnThreshold}, SELL below minus it, else HOLD.
 *
 * <p><b>Training and swap, deterministically.</b> Once {@code minSamples} samples exist, and every {@code retrainEvery}
 * outcomes after, the samples are copied and a {@link FusionTrainer} run starts on a background thread (DJL). The result
 * is installed exactly {@code installAfterOutcomes} outcomes later, in {@link #onOutcome} (which runs between decisions
 * and is not held to the decision budget): in live trading that is long after training finished; in a max-speed
 * replay the decision thread may wait for it there. Either way the network changes at the same decision on every run.
 * A trained network is validated on the newest 20% of its samples, trained on the older 80% <b>purged</b> of every
 * sample whose outcome matured after the first validation decision (its label saw validation-period prices), and
 * installed only when the validation holds at least {@code minValidation} samples, its accuracy there is at least
 * the weighted rule's and strictly above the majority class's (the training labels' most frequent class, always
 * predicted); otherwise the previous state is kept and the rejection counted. Too few validation samples: no
 * training yet.
 *
 * <p><b>Until trained</b> (or when no input source predicted), {@link #fuse} returns the weighted rule's result
 * labelled {@code "rule (neural-fusion untrained)"}. Trained: {@code score = P(BUY) - P(SELL)}, action = most likely
 * class, confidence = its probability, labelled {@code "neural-fusion v<n>"}.
 *
 * <p>Features: {@code trained}, {@code samples}, {@code valAccuracy}, {@code ruleAccuracy}, {@code version}.
 */
@ModuleInfo(id = NeuralFusionModule.ID, description = "Learned fusion of the other sources (small DJL network trained on matured outcomes)",
        settings = {"hidden", "epochs", "learningRate", "seed", "minSamples", "maxSamples", "retrainEvery", "installAfterOutcomes", "returnThreshold", "minValidation"})
public final class NeuralFusionModule implements FusionModule {
    public static final String ID = "neural-fusion";
    public static final String UNTRAINED = "rule (" + ID + " untrained)";
    private static final Logger LOG = LoggerFactory.getLogger(NeuralFusionModule.class);
    private static final List<String> NAMES = List.of("trained", "samples", "valAccuracy", "ruleAccuracy", "majorityAccuracy", "version");

    private int minSamples = 256;
    private int retrainEvery = 512;
    private int installAfter = 64;
    private int maxSamples = 4096;
    private int minValidation = 100;
    private double returnThreshold = 0.0005;
    private FusionTrainer trainer;
    private ExecutorService executor;

    private final Deque<Sample> samples = new ArrayDeque<>();
    private final Map<String, Action> ruleActions = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Action> e) {
            return size() > 8192;
        }
    };
    private long outcomes;
    private long lastTrainAt = Long.MIN_VALUE;
    private Pending pending;
    private volatile FusionNet net;
    private int versions;
    private long rejected;
    private double valAccuracy;
    private double ruleAccuracy;
    private double majorityAccuracy;
    private int lastPurged = -1;
    private final double[] out = new double[NAMES.size()];

    private record Pending(Future<FusionCandidate> result, long installAt) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize(ModuleContext ctx) {
        minSamples = ctx.intSetting("minSamples", 256);
        retrainEvery = ctx.intSetting("retrainEvery", 512);
        installAfter = ctx.intSetting("installAfterOutcomes", 64);
        maxSamples = ctx.intSetting("maxSamples", 4096);
        minValidation = ctx.intSetting("minValidation", 100);
        returnThreshold = ctx.doubleSetting("returnThreshold", 0.0005);
        if (minSamples < 10 || retrainEvery < 1 || installAfter < 0 || maxSamples < minSamples || !(returnThreshold >= 0) || minValidation < 1) {
            throw new IllegalArgumentException("minSamples >= 10, retrainEvery >= 1, installAfterOutcomes >= 0, "
                    + "maxSamples >= minSamples, returnThreshold >= 0, minValidation >= 1 required");
        }
        trainer = new FusionTrainer(ctx.intSetting("hidden", 16), ctx.intSetting("epochs", 150),
                ctx.doubleSetting("learningRate", 0.01), ctx.intSetting("seed", 42));
        // load the PyTorch engine now (start-up or loader thread), not at the first install on the decision thread
        ai.djl.engine.Engine.getEngine("PyTorch");
        executor = Executors.newSingleThreadExecutor(Daemons.named("neural-fusion-trainer"));
    }

    @Override
    public List<String> featureNames() {
        return NAMES;
    }

    @Override
    public double[] features(Symbol symbol) {
        FusionNet n = net;
        out[0] = n == null ? 0 : 1;
        out[1] = samples.size();
        out[2] = valAccuracy;
        out[3] = ruleAccuracy;
        out[4] = majorityAccuracy;
        out[5] = n == null ? 0 : n.version();
        return out;
    }

    @Override
    public List<Prediction> predictions(Symbol symbol) {
        return List.of();
    }

    @Override
    public FusionResult fuse(Symbol symbol, long time, List<Prediction> predictions, FusionResult rule) {
        ruleActions.put(symbol + "@" + time, rule.action());
        FusionNet n = net;
        if (n == null || predictions.isEmpty()) {
            return new FusionResult(rule.action(), rule.score(), rule.confidence(), UNTRAINED);
        }
        double[] p = n.probabilities(FusionCandidate.input(n.inputIds(), votes(predictions)));
        int c = FusionNet.argmax(p);
        Action a = c == FusionNet.BUY ? Action.BUY : c == FusionNet.SELL ? Action.SELL : Action.HOLD;
        double score = Math.max(-1, Math.min(1, p[FusionNet.BUY] - p[FusionNet.SELL]));
        return new FusionResult(a, score, Math.min(1, p[c]), ID + " v" + n.version());
    }

    private static Map<String, Double> votes(List<Prediction> predictions) {
        Map<String, Double> v = new LinkedHashMap<>();
        for (Prediction p : predictions) {
            if (!p.sourceId().equals(ID)) {
                v.putIfAbsent(p.sourceId(), p.action().sign() * p.confidence());
            }
        }
        return v;
    }

    private int label(double r) {
        return r > returnThreshold ? FusionNet.BUY : r < -returnThreshold ? FusionNet.SELL : FusionNet.HOLD;
    }

    private static int classOf(Action a) {
        return a == Action.BUY ? FusionNet.BUY : a == Action.SELL ? FusionNet.SELL : FusionNet.HOLD;
    }

    @Override
    public void onOutcome(DecisionOutcome o) {
        Action ruleAction = ruleActions.remove(o.decision().symbol() + "@" + o.decision().time());
        int ruleLabel = ruleAction == null ? classOf(o.decision().action()) : classOf(ruleAction);
        samples.addLast(new Sample(votes(o.predictions()), label(o.realizedReturn()), ruleLabel, o.decision().time(), o.maturityTime()));
        if (samples.size() > maxSamples) {
            samples.removeFirst();
        }
        outcomes++;
        if (pending != null && outcomes >= pending.installAt) {
            install(pending);
            pending = null;
        }
        if (pending == null && samples.size() >= minSamples
                && (lastTrainAt == Long.MIN_VALUE || outcomes - lastTrainAt >= retrainEvery)) {
            startTraining();
        }
    }

    /**
     * Hands a snapshot of the samples to the trainer; the split, purge, inputs, training and validation run on its
     * thread ({@link FusionCandidate#train}), and the result is looked at when it is due ({@link #install}).
     */
    private void startTraining() {
        lastTrainAt = outcomes;
        List<Sample> all = new ArrayList<>(samples);
        if (all.stream().allMatch(s -> s.votes().isEmpty())) {
            return; // no source predicted anything: nothing to learn from
        }
        int split = (int) (all.size() * 0.8);
        if (all.size() - split < minValidation) {
            LOG.debug("neural-fusion: {} validation samples < {}: not training yet", all.size() - split, minValidation);
            return;
        }
        int version = versions + 1;
        Future<FusionCandidate> f = executor.submit(() -> FusionCandidate.train(trainer, version, all, split));
        pending = new Pending(f, outcomes + installAfter);
    }

    private void install(Pending p) {
        FusionCandidate c;
        try {
            c = p.result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException e) {
            rejected++;
            LOG.warn("neural-fusion training failed: {}", e.getCause().toString());
            return;
        }
        lastPurged = c.purged();
        if (c.net() == null) {
            return; // the purge left nothing to train on
        }
        if (c.beatsTheBaselines()) {
            versions = c.net().version();
            net = c.net();
            valAccuracy = c.netAccuracy();
            ruleAccuracy = c.ruleAccuracy();
            majorityAccuracy = c.majorityAccuracy();
            LOG.info("neural-fusion v{} installed: validation accuracy {} vs rule {} and majority class {} on {} samples", versions,
                    c.netAccuracy(), c.ruleAccuracy(), c.majorityAccuracy(), c.validated());
        } else {
            rejected++;
            LOG.info("neural-fusion candidate rejected: validation accuracy {} (rule {}, majority class {}, must be >= the rule and > the majority)",
                    c.netAccuracy(), c.ruleAccuracy(), c.majorityAccuracy());
        }
    }

    /** The installed network, or null while untrained. */
    public FusionNet network() {
        return net;
    }

    public long rejectedCandidates() {
        return rejected;
    }

    public int sampleCount() {
        return samples.size();
    }

    /** Training samples dropped by the purge of the last training whose result was looked at (-1 before any). */
    public int lastPurged() {
        return lastPurged;
    }

    @Override
    public void reset() {
        // the learned network and its samples survive a disable/enable; only pending bookkeeping is cleared
        ruleActions.clear();
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
