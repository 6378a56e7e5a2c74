package org.concord.training;

import org.concord.store.Direction;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference;
import org.concord.training.eval.PromotionGate;
import org.concord.training.eval.Scorecard;
import org.concord.training.loop.Metrics;
import org.concord.training.loop.SampleBuilder;
import org.concord.training.loop.SampleSet;
import org.concord.training.loop.SampleSets;
import org.concord.training.loop.TrainingLoop;
import org.concord.training.loop.TrainingProgress;
import org.concord.training.loop.TrainingResult;
import org.concord.training.models.ModelBundle;
import org.concord.training.models.ModelManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * The body of one training job: collect samples through the frame path (matured inference frames and
 * annotation frames, re-verified; plus history when configured), run the {@link TrainingLoop}, save the
 * version, validate it on its held-out block and, if it passes, load it back from disk and swap it in.
 */
final class TrainingJobRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TrainingJobRunner.class);

    private final TrainingCoordinator c;

    TrainingJobRunner(TrainingCoordinator coordinator) {
        this.c = coordinator;
    }

    TrainingJob.Result run(TrainingJob job) {
        TrainingConfig cfg = c.config();
        String id = cfg.modelId();
        if (job.cancelRequested()) {
            return cancelled(job, "before it started");
        }
        job.state(TrainingJob.State.RUNNING);
        c.publish(TrainingEvent.job(TrainingEventType.JOB_STARTED, id, job.id(), null, null, job.reason()));
        try {
            SampleSet samples = collect(job.request());
            TrainingProgress progress = new TrainingProgress() {
                @Override
                public void onEpoch(int fold, int folds, int epoch, int epochs, int step, int steps, double loss) {
                    c.publish(TrainingEvent.epoch(id, job.id(), fold, folds, epoch, epochs, step, steps, loss));
                }

                @Override
                public void onFold(int fold, int folds, Metrics m, Scorecard baselines) {
                    c.publish(TrainingEvent.fold(id, job.id(), fold, folds, figures(m, baselines)));
                }
            };
            try (TrainingResult r = new TrainingLoop(cfg.loop()).run(samples, progress, job::cancelRequested)) {
                if (job.cancelRequested()) {
                    throw new CancellationException("after training");
                }
                ModelManifest m = c.repo().save(id, cfg.symbol(), cfg.spec(), cfg.barriers(), r, System.currentTimeMillis());
                Metrics h = r.holdout();
                Scorecard oos = m.baselines();
                PromotionGate.Verdict gate = PromotionGate.judge(oos);
                Outcome outcome = new Outcome(m.version(), h, oos, gate, r.trainingMillis());
                if (!gate.passed()) {
                    String msg = m.version() + " rejected: below the promotion gate: " + gate.gap()
                            + " (saved; activating it needs a confirmation that names this gap)";
                    c.versions().record(m, TrainingJob.State.REJECTED.name());
                    c.publish(TrainingEvent.job(TrainingEventType.MODEL_REJECTED, id, job.id(), m.version(), figures(h, oos), msg));
                    return finish(job, TrainingJob.State.REJECTED, outcome, msg);
                }
                String figures = "passes the promotion gate: " + gate.gap() + "; " + r.samples() + " samples, " + r.rejectedFrames().size()
                        + " frames rejected";
                if (!job.request().activate()) {
                    // validated and kept: a person compares it with the active model and activates it (TrainingCoordinator.activate)
                    c.versions().record(m, TrainingJob.State.TRAINED.name());
                    return finish(job, TrainingJob.State.TRAINED, outcome, m.version() + " trained, not activated: " + figures);
                }
                ModelBundle loaded = c.repo().load(id, m.version(), cfg.spec(), cfg.staleGuard());
                if (job.cancelRequested()) {
                    // a cancel that arrives while the job validates still wins: the saved version stays, unused
                    loaded.close();
                    c.versions().record(m, TrainingJob.State.CANCELLED.name());
                    throw new CancellationException("before the swap (" + m.version() + " kept, not activated)");
                }
                c.activation().swapIn(m, loaded, job.id(), "swapped in: " + figures, null);
                return finish(job, TrainingJob.State.SWAPPED, outcome, m.version() + " swapped in: " + figures);
            }
        } catch (CancellationException e) {
            return cancelled(job, e.getMessage());
        } catch (RuntimeException e) {
            return failed(job, e);
        }
    }

    /** A job that ended by {@code e}: logged, JOB_FAILED published with the cause, the FAILED result. */
    TrainingJob.Result failed(TrainingJob job, Throwable e) {
        LOG.error("training job {} failed: {}", job.id(), e.toString(), e);
        String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
        c.publish(TrainingEvent.job(TrainingEventType.JOB_FAILED, c.config().modelId(), job.id(), null, null, msg));
        return new TrainingJob.Result(job.id(), TrainingJob.State.FAILED, null, null, 0, msg, null, null);
    }

    /** What a finished training produced, for the job's result. */
    private record Outcome(String version, Metrics holdout, Scorecard baselines, PromotionGate.Verdict gate, long millis) {
    }

    private TrainingJob.Result finish(TrainingJob job, TrainingJob.State state, Outcome o, String msg) {
        c.publish(TrainingEvent.job(TrainingEventType.JOB_FINISHED, c.config().modelId(), job.id(), o.version(), figures(o.holdout(), o.baselines()),
                msg)); // msg names the outcome ("v000002 rejected: …"): "REJECTED: v000002 rejected" said it twice
        LOG.info("training job {} {}: {}", job.id(), state, msg);
        return new TrainingJob.Result(job.id(), state, o.version(), o.holdout(), o.millis(), msg, o.baselines(), o.gate());
    }

    /**
     * A job that stopped on a cancel. {@code when} says at which point ("in epoch 3", "before it started"), without the
     * word: the event's type says cancelled, and the desk wrote "cancelled training cancelled in epoch 3".
     */
    private TrainingJob.Result cancelled(TrainingJob job, String when) {
        String why = when == null ? "" : when;
        c.publish(TrainingEvent.job(TrainingEventType.JOB_CANCELLED, c.config().modelId(), job.id(), null, null, why));
        LOG.info("training job {} cancelled {}", job.id(), why);
        return new TrainingJob.Result(job.id(), TrainingJob.State.CANCELLED, null, null, 0, why, null, null);
    }

    /** Samples of every frame through the frame path; history (triple-barrier labels) added when configured. */
    SampleSet collect() {
        return collect(TrainingRequest.of("collect"));
    }

    /**
     * Samples through the frame path: matured inference frames, the annotation frames the request selects (all
     * when it selects none explicitly) or, for an expanding request, its annotations expanded into weighted
     * samples (they take precedence over inference frames and history at the same window end); history
     * (triple-barrier labels) added when configured.
     */
    SampleSet collect(TrainingRequest request) {
        return collect(request, SampleBudget.ofThisJvm(c.config().spec().inputLength()));
    }

    /** As {@link #collect(TrainingRequest)}, within {@code budget} (annotations first, then the newest frames, then history). */
    SampleSet collect(TrainingRequest request, SampleBudget budget) {
        TrainingConfig cfg = c.config();
        SampleBuilder sb = new SampleBuilder(c.builder(), c.barrier());
        List<InferenceFrameReference> matured = new ArrayList<>(c.frames().matured(cfg.symbol(), null, Long.MIN_VALUE, Long.MAX_VALUE));
        long horizon = c.barrier().horizonMs(cfg.spec().base());
        int before = matured.size();
        matured.removeIf(f -> !SampleOwnership.belongsTo(f, cfg.modelId(), horizon));
        if (matured.size() < before) {
            LOG.info("{}: {} stored frames of other models or label rules left out", cfg.modelId(), before - matured.size());
        }
        matured.removeIf(f -> f.source() == InferenceFrameReference.Source.ANNOTATION && !request.includesAnnotationFrame(f.id()));
        List<InferenceFrameReference> kept = budget.frames(matured);
        if (kept.size() < matured.size()) {
            LOG.info("{}: training on the newest {} of {} matured frames (room for {} samples: an eighth of the heap)", cfg.modelId(),
                    kept.size(), matured.size(), budget.samples());
        }
        SampleSet fromFrames = sb.fromFrames(cfg.symbol(), kept);
        if (request.expands()) {
            SampleSet expanded = sb.fromAnnotations(cfg.symbol(), request.annotations(), request.expansion());
            LOG.info("{} annotations expanded into {} weighted samples ({} rejected)", request.annotations().size(), expanded.size(),
                    expanded.rejected().size());
            fromFrames = SampleSets.merge(expanded, fromFrames);
        }
        if (!cfg.includeHistory()) {
            return fromFrames;
        }
        int bars = budget.historyBars(fromFrames.size(), cfg.historyStride(), cfg.maxHistoryBars());
        if (bars == 0) {
            LOG.info("{}: no history samples: the {} frame samples fill the room for {}", cfg.modelId(), fromFrames.size(), budget.samples());
            return fromFrames;
        }
        BarSeries base = c.data().bars(cfg.symbol(), cfg.spec().base(), Long.MIN_VALUE, Long.MAX_VALUE, bars, Direction.LATEST);
        SampleSet history = sb.fromHistory(cfg.symbol(), base, cfg.historyStride());
        return SampleSets.merge(fromFrames, history);
    }

    /** An event's figures: the metrics and, when known, the calls against each baseline (accuracy and P&L after costs). */
    static Map<String, Double> figures(Metrics m, Scorecard b) {
        Map<String, Double> f = new LinkedHashMap<>();
        if (m != null) {
            f.put("accuracy", m.accuracy());
            f.put("auc", m.auc());
            f.put("baseline", m.baselineAccuracy());
            f.put("liftPoints", m.liftPoints());
            f.put("n", (double) m.n());
            f.put("weightedLoss", m.weightedLoss());
        }
        if (b != null) {
            f.put("oosAccuracy", b.accuracy());
            f.put("majority", b.majorityAccuracy());
            f.put("alwaysLong", b.alwaysLongAccuracy());
            f.put("alwaysFlat", b.alwaysFlatAccuracy());
            f.put("pnlPct", b.pnlPct());
            f.put("majorityPnlPct", b.majorityPnlPct());
            f.put("alwaysLongPnlPct", b.alwaysLongPnlPct());
            f.put("alwaysFlatPnlPct", b.alwaysFlatPnlPct());
            f.put("buyAndHoldPct", b.buyAndHoldPct());
            f.put("gatePassed", b.beatsBaselines() ? 1.0 : 0.0);
        }
        return f;
    }
}
