package org.concord.training;

import org.concord.data.Direction;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference;
import org.concord.training.loop.AgentTraining;
import org.concord.training.loop.Metrics;
import org.concord.training.loop.SampleBuilder;
import org.concord.training.loop.SampleSet;
import org.concord.training.loop.SampleSets;
import org.concord.training.loop.TrainingLoop;
import org.concord.training.loop.TrainingProgress;
import org.concord.training.loop.TrainingResult;
import org.concord.training.models.DqnAgent;
import org.concord.training.models.ModelBundle;
import org.concord.training.models.ModelManifest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
            return cancelled(job, "cancelled before it started");
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
                public void onFold(int fold, int folds, Metrics m) {
                    c.publish(TrainingEvent.fold(id, job.id(), fold, folds, figures(m)));
                }
            };
            try (TrainingResult r = new TrainingLoop(cfg.loop()).run(samples, progress, job::cancelRequested)) {
                if (job.cancelRequested()) {
                    throw new CancellationException("cancelled after training");
                }
                ModelManifest m;
                try (DqnAgent agent = cfg.agent() == null ? null : AgentTraining.train(samples, r.cnn(), cfg.agent(), cfg.loop().seed(), job::cancelRequested)) {
                    if (job.cancelRequested()) {
                        throw new CancellationException("cancelled before the model was saved");
                    }
                    m = c.repo().save(id, cfg.symbol(), cfg.spec(), cfg.barriers(), r, agent, System.currentTimeMillis());
                }
                Metrics h = r.holdout();
                boolean ok = h.accuracy() >= h.baselineAccuracy() - cfg.acceptBelowBaselinePoints() / 100.0;
                if (!ok) {
                    String msg = String.format(java.util.Locale.ROOT, "%s rejected: holdout accuracy %.1f%% below the majority baseline %.1f%% by more than %.1f points",
                            m.version(), 100 * h.accuracy(), 100 * h.baselineAccuracy(), cfg.acceptBelowBaselinePoints());
                    c.versions().record(m, TrainingJob.State.REJECTED.name());
                    c.publish(TrainingEvent.job(TrainingEventType.MODEL_REJECTED, id, job.id(), m.version(), figures(h), msg));
                    return finish(job, TrainingJob.State.REJECTED, m.version(), h, r.trainingMillis(), msg);
                }
                String figures = "holdout " + h + ", " + r.samples() + " samples, " + r.rejectedFrames().size() + " frames rejected";
                if (!job.request().activate()) {
                    // validated and kept: a person compares it with the active model and activates it (TrainingCoordinator.activate)
                    c.versions().record(m, TrainingJob.State.TRAINED.name());
                    return finish(job, TrainingJob.State.TRAINED, m.version(), h, r.trainingMillis(), m.version() + " trained, not activated: " + figures);
                }
                ModelBundle loaded = c.repo().load(id, m.version(), cfg.staleGuard());
                if (job.cancelRequested()) {
                    // a cancel that arrives while the job validates still wins: the saved version stays, unused
                    loaded.close();
                    c.versions().record(m, TrainingJob.State.CANCELLED.name());
                    throw new CancellationException("cancelled before the swap (" + m.version() + " kept, not activated)");
                }
                c.swapIn(m, loaded, job.id(), "swapped in: " + figures);
                return finish(job, TrainingJob.State.SWAPPED, m.version(), h, r.trainingMillis(), m.version() + " swapped in: " + figures);
            }
        } catch (CancellationException e) {
            return cancelled(job, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("training job {} failed: {}", job.id(), e.toString(), e);
            String msg = e.getClass().getSimpleName() + ": " + e.getMessage();
            c.publish(TrainingEvent.job(TrainingEventType.JOB_FAILED, id, job.id(), null, null, msg));
            TrainingJob.Result res = new TrainingJob.Result(job.id(), TrainingJob.State.FAILED, null, null, 0, msg);
            return res;
        }
    }

    private TrainingJob.Result finish(TrainingJob job, TrainingJob.State state, String version, Metrics h, long ms, String msg) {
        c.publish(TrainingEvent.job(TrainingEventType.JOB_FINISHED, c.config().modelId(), job.id(), version, figures(h), state + ": " + msg));
        LOG.info("training job {} {}: {}", job.id(), state, msg);
        return new TrainingJob.Result(job.id(), state, version, h, ms, msg);
    }

    private TrainingJob.Result cancelled(TrainingJob job, String why) {
        c.publish(TrainingEvent.job(TrainingEventType.JOB_CANCELLED, c.config().modelId(), job.id(), null, null, why));
        LOG.info("training job {} cancelled: {}", job.id(), why);
        return new TrainingJob.Result(job.id(), TrainingJob.State.CANCELLED, null, null, 0, why);
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
        TrainingConfig cfg = c.config();
        SampleBuilder sb = new SampleBuilder(c.builder(), c.barrier());
        List<InferenceFrameReference> matured = new java.util.ArrayList<>(c.frames().matured(cfg.symbol(), null, Long.MIN_VALUE, Long.MAX_VALUE));
        matured.removeIf(f -> f.source() == InferenceFrameReference.Source.ANNOTATION && !request.includesAnnotationFrame(f.id()));
        SampleSet fromFrames = sb.fromFrames(cfg.symbol(), matured);
        if (request.expands()) {
            SampleSet expanded = sb.fromAnnotations(cfg.symbol(), request.annotations(), request.expansion());
            LOG.info("{} annotations expanded into {} weighted samples ({} rejected)", request.annotations().size(), expanded.size(),
                    expanded.rejected().size());
            fromFrames = SampleSets.merge(expanded, fromFrames);
        }
        if (!cfg.includeHistory()) {
            return fromFrames;
        }
        BarSeries base = c.data().bars(cfg.symbol(), cfg.spec().base(), Long.MIN_VALUE, Long.MAX_VALUE, cfg.maxHistoryBars(), Direction.LATEST);
        SampleSet history = sb.fromHistory(cfg.symbol(), base, cfg.historyStride());
        return SampleSets.merge(fromFrames, history);
    }

    static Map<String, Double> figures(Metrics m) {
        Map<String, Double> f = new LinkedHashMap<>();
        if (m != null) {
            f.put("accuracy", m.accuracy());
            f.put("auc", m.auc());
            f.put("baseline", m.baselineAccuracy());
            f.put("liftPoints", m.liftPoints());
            f.put("n", (double) m.n());
            f.put("weightedLoss", m.weightedLoss());
        }
        return f;
    }
}
