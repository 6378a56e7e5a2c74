package org.concord.engine;

import org.concord.coordination.Bucket;
import org.concord.coordination.Signal;
import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Contribution;
import org.concord.orchestrator.Decision;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What one decision asks coordination to trade: each source's own view; the fused view only when it is a view of its own. */
class DecisionSignalsTest {
    static final Symbol BTC = Symbol.of("BTCUSD");
    static final List<Contribution> VOICES = List.of(
            new Contribution("microstructure", Action.SELL, 0.4, 1, -0.4, 0.25, Timeframe.M1, 30 * 60_000L, null),
            new Contribution("supertrend", Action.BUY, 0.9, 1, 0.9, 0.56, Timeframe.M1, 4 * 3_600_000L, null),
            new Contribution("trend", Action.BUY, 0.3, 1, 0.3, 0.19, Timeframe.M1, 2 * 86_400_000L, 0.7),
            new Contribution("pivots", Action.HOLD, 0.8, 1, 0, 0, Timeframe.M1, 86_400_000L, null),
            new Contribution("ichimoku", Action.BUY, 0.0, 1, 0, 0, Timeframe.M1, 4 * 3_600_000L, null));

    static Decision decision(String fusion) {
        return new Decision(1, BTC, Timeframe.M1, 60_000, 800, Action.BUY, 0.4, 0.4, fusion, VOICES);
    }

    static TradingPipelineConfig config(boolean perSource) {
        return TradingPipelineConfig.defaults(Timeframe.M1, BTC, 5).withHorizons(List.of(5, 240)).withSourceSignals(perSource);
    }

    @Test
    void everySourceThatTookAViewTradesItInTheBucketOfItsHolding() {
        List<Signal> s = new DecisionSignals(config(true)).of(decision("rule"));
        assertThat(s).extracting(x -> x.sourceId() + ":" + x.bucket() + ":" + x.action())
                .containsExactly("microstructure:SCALPING:SELL", "supertrend:SHORT:BUY", "trend:MEDIUM:BUY");
        assertThat(s.get(2).metaConfidence()).isEqualTo(0.7);
        assertThat(s.get(1).confidence()).isEqualTo(0.9);
    }

    @Test
    void theFusedViewTradesOnlyWhenALearnedFusionMadeIt() {
        DecisionSignals ds = new DecisionSignals(config(true));
        assertThat(ds.of(decision("rule (neural-fusion untrained)"))).extracting(Signal::sourceId).doesNotContain("orchestrator@scalping");
        List<Signal> learned = ds.of(decision("neural-fusion v3"));
        assertThat(learned).extracting(Signal::sourceId)
                .containsExactly("microstructure", "supertrend", "trend", "orchestrator@scalping", "orchestrator@short");
        assertThat(learned.get(3).bucket()).isEqualTo(Bucket.SCALPING);
        assertThat(learned.get(4).bucket()).isEqualTo(Bucket.SHORT);
    }

    @Test
    void withoutPerSourceSignalsOnlyTheFusedDecisionIsTradedAtEachHorizon() {
        assertThat(new DecisionSignals(config(false)).of(decision("rule"))).extracting(Signal::sourceId)
                .containsExactly("orchestrator@scalping", "orchestrator@short");
        Decision hold = new Decision(1, BTC, Timeframe.M1, 60_000, 800, Action.HOLD, 0, 0, "rule", VOICES);
        assertThat(new DecisionSignals(config(false)).of(hold)).isEmpty();
    }
}
