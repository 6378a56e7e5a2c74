package org.concord.orchestrator;

import java.util.List;

/**
 * A decision whose horizon has passed: what happened after it. Learning sources (neural fusion, trainers) use
 * these; they never see an outcome before its maturity time.
 *
 * @param decision       the decision as it was published
 * @param predictions    the source predictions it was fused from
 * @param maturityTime   close time of the bar whose close priced the outcome
 * @param exitPrice      that bar's close
 * @param realizedReturn {@code exitPrice / decision.price() - 1}
 */
public record DecisionOutcome(Decision decision, List<Prediction> predictions, long maturityTime, double exitPrice,
                              double realizedReturn) {
    public DecisionOutcome {
        if (decision == null) {
            throw new IllegalArgumentException("decision is required");
        }
        predictions = predictions == null ? List.of() : List.copyOf(predictions);
    }
}
