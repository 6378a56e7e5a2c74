package org.concord.training;

import org.concord.training.models.ModelBundle;
import org.concord.training.models.ModelVersionStore.VersionRow;

import java.util.List;
import java.util.function.Function;

/**
 * What a person is told about a model: the Note of its row in the desk's module panel and the line above the
 * annotation workspace's Training panel. The model in use only knows about itself ("cold start: no trained
 * model for cnn-btcusd; confidence 0.5"), so after a training whose version was saved but not installed, the row
 * showed "Last trained 10:08" beside "Version none" and that note: a person could not tell that a training had run,
 * nor why its result is not in use. When the newest saved version is not the one in use, the note says so first, and
 * why (the promotion gate's gap, or the training kept the model in use, or it was cancelled before the swap).
 */
public final class ModelNote {
    private ModelNote() {
    }

    /**
     * The note of {@code model} as it stands: reads its status, its saved versions (SQLite) and a refused version's
     * manifest, so never on the FX thread.
     */
    public static String of(TrainingCoordinator model) {
        if (model == null) {
            throw new IllegalArgumentException("model is null");
        }
        return of(model.status(), model.versions().list(model.config().modelId()), v -> gapOf(model, v));
    }

    /** A saved version's gap to the promotion gate in the gate's words, or why it cannot be told. */
    public static String gapOf(TrainingCoordinator model, String version) {
        try {
            return model.gate(version).gap();
        } catch (RuntimeException e) {
            return "its manifest cannot be read (" + e.getMessage() + ")";
        }
    }

    /**
     * @param rows the model's saved versions
     * @param gap  a REJECTED version's gap to the promotion gate, in the gate's words
     */
    public static String of(TrainingStatus st, List<VersionRow> rows, Function<String, String> gap) {
        VersionRow newest = null;
        for (VersionRow r : rows) {
            if (newest == null || r.createdAt() > newest.createdAt()
                    || r.createdAt() == newest.createdAt() && r.version().compareTo(newest.version()) > 0) {
                newest = r;
            }
        }
        if (newest == null || newest.version().equals(st.activeVersion())) {
            return st.note();
        }
        String why;
        if (TrainingJob.State.REJECTED.name().equals(newest.state())) {
            why = "below the promotion gate: " + gap.apply(newest.version())
                    + " (the Training tab can activate it with a confirmation that names this gap)";
        } else if (TrainingJob.State.TRAINED.name().equals(newest.state())) {
            why = "it passes the promotion gate; the training was asked to keep the model in use (activate it in the Training tab)";
        } else if (TrainingJob.State.CANCELLED.name().equals(newest.state())) {
            why = "its training was cancelled before the swap";
        } else {
            return st.note(); // a person rolled back to an older version: the note of the one in use says enough
        }
        return newest.version() + " trained, not installed: " + why + " · in use: " + inUse(st);
    }

    private static String inUse(TrainingStatus st) {
        if (!st.coldStart()) {
            return st.activeVersion() + (st.note().isEmpty() ? "" : " (" + st.note() + ")");
        }
        String plain = "none, cold start (HOLD at confidence " + ModelBundle.COLD_CONFIDENCE + ")";
        // "no trained model" would contradict the line before it; any other reason (an unusable version) is worth keeping
        return st.note().contains("no trained model") ? plain : plain + " — " + st.note();
    }
}
