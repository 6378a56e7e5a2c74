package org.concord.modules.training;

import org.concord.model.Symbol;
import org.concord.orchestrator.Prediction;
import org.concord.orchestrator.TrainingActivity;
import org.concord.orchestrator.TrainingStatusProvider;
import org.concord.orchestrator.module.ModuleContext;
import org.concord.orchestrator.module.ModuleInfo;
import org.concord.orchestrator.module.OrchestratorModule;

import java.util.List;
import java.util.Map;

/**
 * Training status and triggers as a module. It reads a {@link TrainingStatusProvider} from the context's services
 * (the training coordinator registers one); without one it reports {@link TrainingActivity#IDLE}.
 *
 * <p>Features: {@code idle}, {@code training} (1 while a run trains or validates), {@code failed}, {@code queued},
 * {@code completed}. No prediction. Commands: {@code status} (one line) and {@code trigger} (arg {@code reason}).
 */
@ModuleInfo(id = TrainingModule.ID, description = "Training status and triggers (wired to the training coordinator)")
public final class TrainingModule implements OrchestratorModule {
    public static final String ID = "training";
    private static final List<String> NAMES = List.of("idle", "training", "failed", "queued", "completed");

    private TrainingStatusProvider provider;
    private final double[] out = new double[NAMES.size()];

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void initialize(ModuleContext ctx) {
        provider = ctx.services().get(TrainingStatusProvider.class).orElse(null);
        if (provider == null) {
            ctx.log().info("no training coordinator attached: the training module reports IDLE");
        }
    }

    /** The coordinator's status, or IDLE without one. */
    public TrainingActivity status() {
        return provider == null ? TrainingActivity.IDLE : provider.status();
    }

    @Override
    public List<String> featureNames() {
        return NAMES;
    }

    @Override
    public double[] features(Symbol symbol) {
        TrainingActivity s = status();
        String st = s.state();
        out[0] = st.equals("IDLE") ? 1 : 0;
        out[1] = st.equals("TRAINING") || st.equals("VALIDATING") ? 1 : 0;
        out[2] = st.equals("FAILED") ? 1 : 0;
        out[3] = s.queued();
        out[4] = s.completed();
        return out;
    }

    @Override
    public List<Prediction> predictions(Symbol symbol) {
        return List.of();
    }

    @Override
    public String command(String name, Map<String, String> args) {
        switch (name) {
            case "status" -> {
                TrainingActivity s = status();
                return s.state() + ": " + s.detail() + " (queued " + s.queued() + ", completed " + s.completed()
                        + (s.lastModel().isEmpty() ? "" : ", last " + s.lastModel()) + ")";
            }
            case "trigger" -> {
                if (provider == null) {
                    return "refused: no training coordinator attached";
                }
                String reason = args.getOrDefault("reason", "requested");
                return provider.trigger(reason) ? "triggered: " + reason : "refused by the training coordinator";
            }
            default -> throw new UnsupportedOperationException("training has no command '" + name + "' (status, trigger)");
        }
    }

    @Override
    public void reset() {
        // stateless: the status lives in the coordinator
    }
}
