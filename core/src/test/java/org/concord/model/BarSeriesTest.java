package org.concord.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BarSeriesTest {
    private static final Symbol S = Symbol.of("btc/usd");

    @Test
    void appendGrowsUpdateLastAndReadsArePrimitive() {
        BarSeries s = new BarSeries(S, Timeframe.M1, 1);
        for (int i = 0; i < 100; i++) {
            s.append(i * 60_000L, 10 + i, 11 + i, 9 + i, 10.5 + i, i);
        }
        s.updateLast(200, 100, 150, 7);
        assertThat(s.size()).isEqualTo(100);
        assertThat(s.high(99)).isEqualTo(200);
        assertThat(s.close(99)).isEqualTo(150);
        assertThat(s.open(99)).isEqualTo(109);
        assertThat(s.lastTime()).isEqualTo(99 * 60_000L);
        assertThat(s.symbol().code()).isEqualTo("BTCUSD");
    }

    @Test
    void appendRefusesTimeThatIsNotAfterTheLastBar() {
        BarSeries s = new BarSeries(S, Timeframe.M1);
        s.append(60_000, 1, 1, 1, 1, 1);
        assertThatThrownBy(() -> s.append(60_000, 1, 1, 1, 1, 1)).hasMessageContaining("not after");
        assertThatThrownBy(() -> s.append(0, 1, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BarSeries(S, Timeframe.M1).updateLast(1, 1, 1, 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> s.close(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void upsertInsertsInOrderOrReplaces() {
        BarSeries s = new BarSeries(S, Timeframe.M1, 2);
        s.append(0, 1, 1, 1, 1, 1);
        s.append(120_000, 3, 3, 3, 3, 3);
        assertThat(s.upsert(60_000, 2, 2, 2, 2, 2)).isEqualTo(1);
        assertThat(s.upsert(120_000, 4, 4, 4, 4, 4)).isEqualTo(2);
        assertThat(s.upsert(180_000, 5, 5, 5, 5, 5)).isEqualTo(3);
        assertThat(s.size()).isEqualTo(4);
        assertThat(s.closes()).containsExactly(1, 2, 4, 5);
        assertThat(s.indexOf(60_000)).isEqualTo(1);
        assertThat(s.indexOf(61_000)).isEqualTo(-1);
        assertThat(s.lowerBound(61_000)).isEqualTo(2);
        s.dropFirst(2);
        assertThat(s.closes()).containsExactly(4, 5);
        assertThat(s.sameValues(0, 4, 4, 4, 4, 4)).isTrue();
        BarSeries c = s.copyRange(1, 2);
        assertThat(c.size()).isEqualTo(1);
        assertThat(c.time(0)).isEqualTo(180_000);
        assertThat(c.bar(0, true).closeTime()).isEqualTo(240_000);
    }

    @Test
    void valueTypesValidate() {
        assertThatThrownBy(() -> new Bar(S, Timeframe.M1, 0, 1, 0.5, 1, 1, 1, true)).hasMessageContaining("high < low");
        assertThatThrownBy(() -> new Bar(S, Timeframe.M1, 0, Double.NaN, 1, 1, 1, 1, true)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new Bar(S, Timeframe.M1, 0, 2, 1.5, 1, 1, 1, true)).hasMessageContaining("outside");
        assertThatThrownBy(() -> new Trade(S, 0, -1, 1, false, 1)).hasMessageContaining("price");
        assertThatThrownBy(() -> Symbol.of("b")).hasMessageContaining("invalid symbol");
        assertThatThrownBy(() -> Timeframe.ofCode("2m")).hasMessageContaining("unknown timeframe");
        assertThat(Timeframe.ofCode("1h")).isEqualTo(Timeframe.H1);
        assertThat(Timeframe.H4.floor(5 * 3_600_000L + 7)).isEqualTo(4 * 3_600_000L);
        assertThat(Timeframe.M1.floor(-1)).isEqualTo(-60_000L);
        assertThat(new Trade(S, 0, 10, 2, true, 1).aggressorSign()).isEqualTo(-1);
    }

    @Test
    void orderBookSnapshotComputesImbalanceAndRejectsCrossedBooks() {
        OrderBookSnapshot b = new OrderBookSnapshot(S, 1, new double[] {100, 99}, new double[] {3, 1}, new double[] {101, 102}, new double[] {1, 1});
        assertThat(b.mid()).isEqualTo(100.5);
        assertThat(b.spread()).isEqualTo(1);
        assertThat(b.imbalance(1)).isEqualTo(0.5);
        assertThat(b.imbalance(2)).isEqualTo((4.0 - 2.0) / 6.0);
        assertThatThrownBy(() -> new OrderBookSnapshot(S, 1, new double[] {101}, new double[] {1}, new double[] {100}, new double[] {1}))
                .hasMessageContaining("crossed");
        assertThatThrownBy(() -> new OrderBookSnapshot(S, 1, new double[] {99, 100}, new double[] {1, 1}, new double[] {}, new double[] {}))
                .hasMessageContaining("descending");
    }
}
