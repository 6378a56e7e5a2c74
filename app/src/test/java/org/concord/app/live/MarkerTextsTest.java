package org.concord.app.live;

import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.concord.orchestrator.Contribution;
import org.concord.orchestrator.Decision;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Chart hover texts in a trader's words, not the decision log's ids ("BUY 0.55 (rule (neural-fusion untrained)) #12"). */
class MarkerTextsTest {
    private static Decision decision(String fusion, int voters) {
        List<Contribution> c = IntStream.range(0, voters)
                .mapToObj(i -> new Contribution("m" + i, Action.BUY, 0.6, 1, 0.6, 1.0 / voters, Timeframe.M1, 60_000, null)).toList();
        return new Decision(12, Symbol.of("BTCUSD"), Timeframe.M1, 1_385_337_660_000L, 800.5, Action.BUY, 0.55, 0.554, fusion, c);
    }

    @Test
    void aDecisionSaysWhatHowSureWhoDecidedAndWhichDecision() {
        assertThat(MarkerTexts.decision(decision("rule", 7))).isEqualTo("BUY · confidence 55 % · decision #12\nweighted vote of 7 modules");
        assertThat(MarkerTexts.decision(decision("rule (neural-fusion untrained)", 1)))
                .isEqualTo("BUY · confidence 55 % · decision #12\nweighted vote of 1 module\n(neural-fusion not trained yet)");
        assertThat(MarkerTexts.decision(decision("neural-fusion", 3)))
                .isEqualTo("BUY · confidence 55 % · decision #12\nneural-fusion over the votes of 3 modules");
    }

    @Test
    void anExtremumSaysItIsAConfirmedSwingAtATickPrice() {
        assertThat(MarkerTexts.extremum(true, 905.98)).isEqualTo("confirmed swing top 905.98");
        assertThat(MarkerTexts.extremum(false, 880.1000000001)).isEqualTo("confirmed swing bottom 880.10");
    }
}
