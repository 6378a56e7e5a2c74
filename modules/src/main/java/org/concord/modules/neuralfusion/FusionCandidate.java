package org.concord.modules.neuralfusion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A trained network and how it did on the validation samples, beside the rule and the majority class, or only the
 * purge's count when nothing was left to train on. Built on the trainer's thread from a snapshot of the samples: the
 * split, the purge, the inputs (a map lookup per source and sample) and the validation ran on the decision thread
 * before, a few times per session and so in the interpreter, where they took a millisecond or more of the decision
 * they fell on.
 *
 * @param net     null when the purge left no training sample
 * @param purged  training samples dropped because their outcome matured inside the validation period
 */
record FusionCandidate(FusionNet net, int purged, double netAccuracy, double ruleAccuracy, double majorityAccuracy, int validated) {

    /** One matured decision: each source's signed confidence, the realized label and the rule's. */
    record Sample(Map<String, Double> votes, int label, int ruleLabel, long time, long maturity) {
    }

    /**
     * Validates on the newest {@code all.size() - split} samples and trains on the older ones purged of every sample
     * whose outcome matured at or after the first validation decision (its label saw validation-period prices). The
     * inputs are every source any sample has, in name order. Samples are never changed once made, so a snapshot of
     * the list is safe to read here.
     */
    static FusionCandidate train(FusionTrainer trainer, int version, List<Sample> all, int split) throws Exception {
        List<Sample> validation = all.subList(split, all.size());
        long validationStart = validation.get(0).time();
        List<Sample> train = new ArrayList<>();
        for (Sample s : all.subList(0, split)) {
            if (s.maturity() < validationStart) {
                train.add(s);
            }
        }
        int purged = split - train.size();
        if (train.isEmpty()) {
            return new FusionCandidate(null, purged, 0, 0, 0, 0);
        }
        int[] counts = new int[3];
        train.forEach(s -> counts[s.label()]++);
        int majority = FusionNet.HOLD;
        for (int c = 0; c < 3; c++) {
            majority = counts[c] > counts[majority] ? c : majority;
        }
        TreeSet<String> ids = new TreeSet<>();
        all.forEach(s -> ids.addAll(s.votes().keySet()));
        List<String> inputIds = List.copyOf(ids);
        float[][] x = new float[train.size()][];
        int[] y = new int[train.size()];
        for (int i = 0; i < train.size(); i++) {
            double[] row = input(inputIds, train.get(i).votes());
            x[i] = new float[row.length];
            for (int k = 0; k < row.length; k++) {
                x[i][k] = (float) row[k];
            }
            y[i] = train.get(i).label();
        }
        FusionNet net = trainer.train(inputIds, x, y, version);
        int netHits = 0;
        int ruleHits = 0;
        int majorityHits = 0;
        for (Sample s : validation) {
            netHits += FusionNet.argmax(net.probabilities(input(net.inputIds(), s.votes()))) == s.label() ? 1 : 0;
            ruleHits += s.ruleLabel() == s.label() ? 1 : 0;
            majorityHits += majority == s.label() ? 1 : 0;
        }
        int n = validation.size();
        return new FusionCandidate(net, purged, (double) netHits / n, (double) ruleHits / n, (double) majorityHits / n, n);
    }

    /** The network's input for {@code votes}: each of {@code ids}' signed confidence, 0 when it did not predict. */
    static double[] input(List<String> ids, Map<String, Double> votes) {
        double[] x = new double[ids.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = votes.getOrDefault(ids.get(i), 0.0);
        }
        return x;
    }

    /** Installed when it is at least as accurate as the rule and strictly more than the majority class. */
    boolean beatsTheBaselines() {
        return netAccuracy >= ruleAccuracy && netAccuracy > majorityAccuracy;
    }
}
