package org.concord.training;

import org.concord.bus.EventBus;
import org.concord.training.eval.PromotionGate;
import org.concord.training.models.ModelBundle;
import org.concord.training.models.ModelManifest;
import org.concord.training.models.ModelRepository;
import org.concord.training.models.ModelVersionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a saved version of one model becomes the active one: the promotion gate, the repository's "current" mark, the
 * swap into the {@link ModelSlot} between two decisions, the version's record and the MODEL_SWAPPED event. Jobs that
 * validated a new model and a person activating (or rolling back to) a saved version go through the same
 * {@link #swapIn}, serialized so two swaps never interleave.
 */
final class ModelActivation {
    private static final Logger LOG = LoggerFactory.getLogger(ModelActivation.class);
    private final TrainingConfig config;
    private final ModelRepository repo;
    private final ModelSlot slot;
    private final LiveAccuracy live;
    private final RetrainMonitor monitor;
    private final ModelVersionStore versions;
    private final EventBus bus;

    ModelActivation(TrainingConfig config, ModelRepository repo, ModelSlot slot, LiveAccuracy live, RetrainMonitor monitor,
                    ModelVersionStore versions, EventBus bus) {
        this.config = config;
        this.repo = repo;
        this.slot = slot;
        this.live = live;
        this.monitor = monitor;
        this.versions = versions;
        this.bus = bus;
    }

    /**
     * Loads a saved version (every file verified against its manifest) and swaps it in; a version below the
     * {@link PromotionGate} only with a {@code confirmation} naming its gap, else {@link PromotionGate.BelowGateException}
     * before anything is loaded.
     */
    void activate(String version, PromotionGate.Confirmation confirmation) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("version is required");
        }
        ModelManifest m = repo.manifest(config.modelId(), version);
        PromotionGate.Verdict v = PromotionGate.judge(m.baselines());
        if (!v.passed() && (confirmation == null || !confirmation.gap().equals(v.gap()))) {
            throw new PromotionGate.BelowGateException(config.modelId() + " " + version, v);
        }
        ModelBundle loaded = repo.load(config.modelId(), version, config.spec(), config.staleGuard());
        swapIn(m, loaded, null, v.passed() ? "activated by request" : "activated below the promotion gate, confirmed by "
                + confirmation.by() + ": " + v.gap(), confirmation);
    }

    PromotionGate.Verdict gate(String version) {
        return PromotionGate.judge(repo.manifest(config.modelId(), version).baselines());
    }

    ModelManifest manifest(String version) {
        return repo.manifest(config.modelId(), version);
    }

    /** The one place a loaded version becomes active; the repository applies the promotion gate. */
    synchronized void swapIn(ModelManifest m, ModelBundle loaded, String jobId, String message, PromotionGate.Confirmation confirmation) {
        try {
            repo.activate(config.modelId(), m.version(), confirmation);
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
        slot.swap(loaded);
        live.reset();
        versions.record(m, TrainingJob.State.SWAPPED.name());
        monitor.reset(m.holdout().accuracy());
        TrainingEvent e = TrainingEvent.job(TrainingEventType.MODEL_SWAPPED, config.modelId(), jobId, m.version(),
                TrainingJobRunner.figures(m.holdout(), m.baselines()), m.version() + " " + message);
        bus.publish(TrainingTopics.topicFor(e.type()), e);
        LOG.info("model {} {} swapped in: {}", config.modelId(), m.version(), message);
    }
}
