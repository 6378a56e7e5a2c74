package org.concord.orchestrator.module;

import org.concord.model.Symbol;
import org.concord.orchestrator.DecisionOutcome;
import org.concord.orchestrator.FusionResult;
import org.concord.orchestrator.Prediction;

import java.util.List;

/**
 * A module that fuses the other sources' predictions itself (e.g. a learned network). At most one RUNNING fusion
 * module is used per decision (the first in configuration order); without one, or when it returns null, throws or
 * overruns, the weighted rule decides.
 */
public interface FusionModule extends OrchestratorModule {
    /**
     * @param predictions the other sources' predictions for this decision
     * @param rule        what the weighted rule decided from them
     * @return the fused result, or null to keep the rule's (say so in {@link FusionResult#fusion()} when falling back)
     */
    FusionResult fuse(Symbol symbol, long time, List<Prediction> predictions, FusionResult rule);

    /**
     * A decision matured. Called on the decision thread after the current decision was published; not counted
     * against the time budget (it is timed in the module's stats as learn time), so a module may train here or
     * install a network trained in the background.
     */
    void onOutcome(DecisionOutcome outcome);
}
