package org.concord.training.samples;

import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.model.Action;
import org.concord.model.Symbol;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleExpansionTest {
    private static final long T0 = 1_385_337_600_000L; // 2013-11-25 00:00 UTC, a 1m boundary
    private static final long M = 60_000L;

    static Annotation ann(AnnotationDirection d, long entry, long exit) {
        double exitPrice = d == AnnotationDirection.SHORT ? 990 : 1010;
        return new Annotation("a-1", Symbol.of("BTCUSD"), Timeframe.M1, entry, 1000, exit, exitPrice, d, Double.NaN,
                Double.NaN, Double.NaN, List.of(), "", 0, 0, "", null);
    }

    @Test
    void longTradeExpandsToEntryHoldExitAndNoTradeAroundWithDefaultWeights() {
        // entry at bar 0, exit at bar 5: 1 entry, 4 holds, 1 exit, 15 + 15 no-trade
        List<ExpandedSample> s = SampleExpansion.expand(ann(AnnotationDirection.LONG, T0, T0 + 5 * M), ExpansionRule.DEFAULT);
        assertEquals(36, s.size());
        assertEquals(new ExpandedSample(T0 - 15 * M, SampleKind.NO_TRADE, Action.HOLD, 50), s.get(0));
        assertEquals(new ExpandedSample(T0 - M, SampleKind.NO_TRADE, Action.HOLD, 50), s.get(14));
        assertEquals(new ExpandedSample(T0, SampleKind.ENTRY, Action.BUY, 100), s.get(15));
        for (int i = 1; i <= 4; i++) {
            assertEquals(new ExpandedSample(T0 + i * M, SampleKind.HOLD, Action.HOLD, 25), s.get(15 + i));
        }
        assertEquals(new ExpandedSample(T0 + 5 * M, SampleKind.EXIT, Action.SELL, 100), s.get(20));
        assertEquals(new ExpandedSample(T0 + 6 * M, SampleKind.NO_TRADE, Action.HOLD, 50), s.get(21));
        assertEquals(new ExpandedSample(T0 + 20 * M, SampleKind.NO_TRADE, Action.HOLD, 50), s.get(35));
        // every bar at most once, oldest first
        for (int i = 1; i < s.size(); i++) {
            assertEquals(s.get(i - 1).barTime() + M, s.get(i).barTime());
        }
        assertEquals(new SampleExpansion.Counts(1, 4, 1, 30, 6), SampleExpansion.count(ann(AnnotationDirection.LONG, T0, T0 + 5 * M), ExpansionRule.DEFAULT));
    }

    @Test
    void shortTradeSellsAtEntryAndBuysAtExit() {
        List<ExpandedSample> s = SampleExpansion.expand(ann(AnnotationDirection.SHORT, T0, T0 + 2 * M), ExpansionRule.DEFAULT.withNoTradeRadius(0));
        assertEquals(List.of(new ExpandedSample(T0, SampleKind.ENTRY, Action.SELL, 100),
                new ExpandedSample(T0 + M, SampleKind.HOLD, Action.HOLD, 25),
                new ExpandedSample(T0 + 2 * M, SampleKind.EXIT, Action.BUY, 100)), s);
    }

    @Test
    void marksInsideABarSnapToItsOpenAndEntryAndExitMayShareABar() {
        // entry 10 s into bar 3, exit 50 s into the same bar
        List<ExpandedSample> s = SampleExpansion.expand(ann(AnnotationDirection.LONG, T0 + 3 * M + 10_000, T0 + 3 * M + 50_000),
                ExpansionRule.DEFAULT.withNoTradeRadius(1));
        assertEquals(List.of(new ExpandedSample(T0 + 2 * M, SampleKind.NO_TRADE, Action.HOLD, 50),
                new ExpandedSample(T0 + 3 * M, SampleKind.ENTRY, Action.BUY, 100),
                new ExpandedSample(T0 + 3 * M, SampleKind.EXIT, Action.SELL, 100),
                new ExpandedSample(T0 + 4 * M, SampleKind.NO_TRADE, Action.HOLD, 50)), s);
    }

    @Test
    void noTradeRegionIsNoTradeOnEveryBarAndNothingAround() {
        List<ExpandedSample> s = SampleExpansion.expand(ann(AnnotationDirection.NO_TRADE, T0, T0 + 9 * M), ExpansionRule.DEFAULT);
        assertEquals(10, s.size());
        assertTrue(s.stream().allMatch(x -> x.kind() == SampleKind.NO_TRADE && x.label() == Action.HOLD && x.weight() == 50));
        assertEquals(T0, s.get(0).barTime());
        assertEquals(T0 + 9 * M, s.get(9).barTime());
    }

    @Test
    void countsAgreeWithTheExpansionForManyShapes() {
        ExpansionRule rule = ExpansionRule.DEFAULT.withNoTradeRadius(7).withWeights(3, 2, 1, 0.5);
        for (AnnotationDirection d : AnnotationDirection.values()) {
            for (long len : new long[] {1_000, M, 2 * M, 37 * M + 5_000, 400 * M}) {
                Annotation a = ann(d, T0 + 17_000, T0 + 17_000 + len);
                List<ExpandedSample> s = SampleExpansion.expand(a, rule);
                SampleExpansion.Counts c = SampleExpansion.count(a, rule);
                Map<SampleKind, Long> byKind = s.stream().collect(Collectors.groupingBy(ExpandedSample::kind, Collectors.counting()));
                for (SampleKind k : SampleKind.values()) {
                    assertEquals((long) c.asMap().get(k), byKind.getOrDefault(k, 0L), d + " " + len + " " + k);
                }
                assertEquals(c.total(), s.size());
                assertEquals(c.weight(rule), s.stream().mapToDouble(ExpandedSample::weight).sum(), 1e-9);
            }
        }
    }

    @Test
    void totalsSumOverAnnotations() {
        SampleExpansion.Counts t = SampleExpansion.total(List.of(ann(AnnotationDirection.LONG, T0, T0 + 5 * M),
                ann(AnnotationDirection.NO_TRADE, T0, T0 + 9 * M)), ExpansionRule.DEFAULT);
        assertEquals(new SampleExpansion.Counts(1, 4, 1, 40, 16), t);
        assertEquals("1 entry · 4 hold · 1 exit · 40 no-trade = 46", t.describe());
    }

    @Test
    void refusesHugeExpansionsAndBadRules() {
        Annotation week = new Annotation("w", Symbol.of("BTCUSD"), Timeframe.S1, T0, 1000, T0 + 7 * 86_400_000L, 1010,
                AnnotationDirection.LONG, Double.NaN, Double.NaN, Double.NaN, List.of(), "", 0, 0, "", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleExpansion.expand(week, ExpansionRule.DEFAULT));
        assertTrue(e.getMessage().contains("604831 samples"), e.getMessage());
        assertEquals(604_831, SampleExpansion.count(week, ExpansionRule.DEFAULT).total()); // counting is cheap and allowed
        assertThrows(IllegalArgumentException.class, () -> ExpansionRule.DEFAULT.withNoTradeRadius(-1));
        assertThrows(IllegalArgumentException.class, () -> ExpansionRule.DEFAULT.withWeights(0, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ExpansionRule.DEFAULT.withWeights(1, 1, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> SampleExpansion.expand(null, ExpansionRule.DEFAULT));
        assertEquals("entry bar → ENTRY (w 100), bars between → HOLD (w 25), exit bar → EXIT (w 100), ±15 bars around → NO_TRADE (w 50); "
                + "no-trade region → NO_TRADE on every bar", ExpansionRule.DEFAULT.describe());
    }
}
