package org.concord.training.loop;

import org.concord.training.eval.Calibration;
import org.concord.training.eval.Scorecard;
import org.concord.training.models.CnnSignalModel;
import org.concord.training.models.MetaModel;

import java.util.List;
import java.util.Map;

/**
 * What one training run produced. It owns the models until they are handed to a model slot (or closed).
 *
 * @param cnn               the deployed CNN: refit on every row after the walk-forward folds validated the
 *                          procedure, with the calibration's temperature
 * @param meta              the meta-model that won out of sample, or null when there were too few rows
 * @param folds             out-of-sample metrics per fold
 * @param oos               metrics over all out-of-sample predictions of all folds
 * @param holdout           the deployed CNN's metrics on its held-out block
 * @param channelImportance accuracy drop (points) on the holdout when one input channel is shuffled
 * @param metaCandidates    the searched meta candidates with their mean out-of-sample AUC
 * @param trainingVolatility mean σ of the base timeframe's one-bar returns in the deployed CNN's training windows
 * @param metaImportance    the meta winner's feature importance where the model offers it (the trees); empty for the MLP
 * @param oosScore          all out-of-sample rows against majority, always-long, always-flat and buy-and-hold (the
 *                          promotion gate's input)
 * @param foldScores        the same per fold
 * @param holdoutScore      the last fold's (the newest block's)
 * @param calibration       Brier score and reliability of the out-of-fold probabilities, and the fitted temperature
 */
public record TrainingResult(CnnSignalModel cnn, MetaModel meta, List<Metrics> folds, Metrics oos, Metrics holdout,
                             Map<String, Double> channelImportance, List<Map<String, Object>> metaCandidates,
                             Map<String, Object> metaWinner, Map<String, Double> metaImportance, int samples,
                             int barsCovered, long dataFrom, long dataTo, double trainingVolatility, long trainingMillis,
                             List<String> rejectedFrames, Scorecard oosScore, List<Scorecard> foldScores, Scorecard holdoutScore,
                             Calibration calibration)
        implements AutoCloseable {

    @Override
    public void close() {
        if (cnn != null) {
            cnn.close();
        }
        if (meta != null) {
            meta.close();
        }
    }
}
