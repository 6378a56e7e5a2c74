package org.concord.backtest;

import org.concord.training.models.ModelManifest;
import org.concord.training.models.ModelRepository;

import java.time.Instant;

/**
 * The training model that voted in a backtest, and whether its result is in-sample: a model trained on the range the
 * backtest trades has seen those outcomes, so its share of the result is not evidence of anything.
 *
 * @param version     the version that voted ("" for a cold start, which abstains)
 * @param trainedFrom first window end of its training data (epoch ms; 0 for a cold start)
 * @param trainedTo   last label horizon end of its training data (epoch ms; 0 for a cold start)
 * @param inSample    true when the traded range overlaps the training data
 */
public record BacktestModel(String modelId, String version, long trainedFrom, long trainedTo, boolean inSample) {

    /** The current version of {@code modelId} in {@code repo}, judged against the traded range {@code [from, to)}. */
    static BacktestModel of(ModelRepository repo, String modelId, long from, long to) {
        String version = repo.currentVersion(modelId).orElse("");
        if (version.isEmpty()) {
            return new BacktestModel(modelId, "", 0, 0, false);
        }
        ModelManifest.DataRange r = repo.manifest(modelId, version).dataRange();
        if (r == null) {
            // a manifest without its data range cannot show the result is out of sample: say so rather than assume
            return new BacktestModel(modelId, version, 0, 0, true);
        }
        return new BacktestModel(modelId, version, r.from(), r.to(), r.from() < to && from < r.to());
    }

    /** A few words for a status line: "cnn-btcusd v000002", "… in-sample", or that it was a cold start. */
    public String brief() {
        return version.isEmpty() ? modelId + " cold start (abstained)" : modelId + " " + version + (inSample ? " in-sample" : "");
    }

    /** One line for a report or a log. */
    public String describe() {
        if (version.isEmpty()) {
            return modelId + ": no trained version (cold start: it abstained)";
        }
        String range = trainedFrom == 0 && trainedTo == 0 ? "training range unknown" : "trained on " + Instant.ofEpochMilli(trainedFrom)
                + " to " + Instant.ofEpochMilli(trainedTo);
        return modelId + " " + version + " voted (" + range + (inSample ? "; IN-SAMPLE: it was trained on the range traded)" : "; out of sample)");
    }
}
