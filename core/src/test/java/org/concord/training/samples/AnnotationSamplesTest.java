package org.concord.training.samples;

import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Annotations expanded together: what the person marked wins over the rule's implicit NO_TRADE neighbours, and a bar
 * is a neighbour once. The case is a new trader's: LONG 10:05 → 10:35 and SHORT 10:43 → 10:56 on 1m bars, which read
 * "2 entry · 41 hold · 2 exit · 60 no-trade = 105" with bars of each trade also NO_TRADE by the other.
 */
class AnnotationSamplesTest {
    static final Symbol BTC = Symbol.of("BTCUSD");
    static final long MIN = 60_000L;
    static final long TEN = Instant.parse("2013-11-27T10:00:00Z").toEpochMilli();

    static Annotation trade(String id, Symbol s, int entryMin, int exitMin, AnnotationDirection d) {
        return Annotation.draft(id, s, Timeframe.M1, TEN + entryMin * MIN, 900, TEN + exitMin * MIN, 905, d, Double.NaN, Double.NaN,
                List.of(), "", "tester", 1L);
    }

    @Test
    void twoTradesCloseTogetherGiveEachBarOneLabel() {
        List<Annotation> both = List.of(trade("long", BTC, 5, 35, AnnotationDirection.LONG), trade("short", BTC, 43, 56, AnnotationDirection.SHORT));
        List<List<ExpandedSample>> samples = AnnotationSamples.expand(both, ExpansionRule.DEFAULT);
        Map<Long, List<SampleKind>> byBar = new HashMap<>();
        samples.forEach(l -> l.forEach(s -> byBar.computeIfAbsent(s.barTime(), k -> new ArrayList<>()).add(s.kind())));
        assertThat(byBar.values()).as("one sample per bar").allSatisfy(k -> assertThat(k).hasSize(1));
        // the long's neighbours after it stop where the short starts; the short's before it are the long's bars or
        // the long's own neighbours, so none of its own remain
        assertThat(samples.get(0).stream().filter(s -> s.kind() == SampleKind.NO_TRADE).count()).isEqualTo(15 + 7);
        assertThat(samples.get(1).stream().filter(s -> s.kind() == SampleKind.NO_TRADE).count()).isEqualTo(15);
        assertThat(AnnotationSamples.count(both, ExpansionRule.DEFAULT).describe()).isEqualTo("2 entry · 41 hold · 2 exit · 37 no-trade = 82");
        // alone, each expands as before
        assertThat(AnnotationSamples.expand(both.subList(0, 1), ExpansionRule.DEFAULT).get(0)).isEqualTo(SampleExpansion.expand(both.get(0), ExpansionRule.DEFAULT));
    }

    @Test
    void whatThePersonMarkedStaysEvenWhereItOverlaps() {
        // a NO_TRADE region drawn over a trade's last bars: both are the person's own labels
        List<Annotation> overlap = List.of(trade("long", BTC, 5, 35, AnnotationDirection.LONG), trade("flat", BTC, 30, 40, AnnotationDirection.NO_TRADE));
        List<List<ExpandedSample>> samples = AnnotationSamples.expand(overlap, ExpansionRule.DEFAULT);
        assertThat(samples.get(1)).hasSize(11).allSatisfy(s -> assertThat(s.kind()).isEqualTo(SampleKind.NO_TRADE));
        assertThat(samples.get(0).stream().filter(s -> s.kind() != SampleKind.NO_TRADE).count()).isEqualTo(31);
        // the long's neighbours after it fall in the region up to 10:40, then go on
        assertThat(samples.get(0).stream().filter(s -> s.kind() == SampleKind.NO_TRADE && s.barTime() > TEN + 35 * MIN).map(ExpandedSample::barTime).toList())
                .containsExactly(TEN + 41 * MIN, TEN + 42 * MIN, TEN + 43 * MIN, TEN + 44 * MIN, TEN + 45 * MIN, TEN + 46 * MIN, TEN + 47 * MIN,
                        TEN + 48 * MIN, TEN + 49 * MIN, TEN + 50 * MIN);
    }

    @Test
    void anotherSymbolsAnnotationsDoNotMeet() {
        List<Annotation> apart = List.of(trade("btc", BTC, 5, 35, AnnotationDirection.LONG), trade("eth", Symbol.of("ETHUSD"), 43, 56, AnnotationDirection.SHORT));
        List<List<ExpandedSample>> samples = AnnotationSamples.expand(apart, ExpansionRule.DEFAULT);
        assertThat(samples.get(0)).isEqualTo(SampleExpansion.expand(apart.get(0), ExpansionRule.DEFAULT));
        assertThat(samples.get(1)).isEqualTo(SampleExpansion.expand(apart.get(1), ExpansionRule.DEFAULT));
    }
}
