package org.concord.annotate;

import org.concord.annotation.Annotation;
import org.concord.annotation.AnnotationDirection;
import org.concord.bench.Bench;
import org.concord.chart.OverlaySource;
import org.concord.store.Direction;
import org.concord.model.BarSeries;
import org.concord.model.Timeframe;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * What the workspace's background thread spends per user action on the real bundled data (the FX thread waits
 * for none of it): loading and paging a pane, computing each overlay for a loaded range, saving an annotation
 * durably (frame + label + SQLite commit) and reading the list back. Prints figures; asserts nothing about speed.
 */
@Tag("benchmark")
class AnnotateBench {
    private static final int RUNS = 60;

    @Test
    void backgroundWorkPerUserAction() {
        Fixture.start();
        Bench.note("annotate: " + Bench.machine());
        for (Timeframe tf : List.of(Timeframe.S1, Timeframe.M1, Timeframe.H1)) {
            latency("load newest 1,500 " + tf.code() + " bars", () -> Fixture.data.bars(Fixture.BTC, tf, Long.MIN_VALUE, Long.MAX_VALUE, 1_500, Direction.LATEST));
        }
        BarSeries m1 = Fixture.data.bars(Fixture.BTC, Timeframe.M1, Long.MIN_VALUE, Long.MAX_VALUE, 100_000, Direction.LATEST);
        long mid = m1.time(m1.size() / 2);
        latency("page left 1,500 1m bars (BEFORE)", () -> Fixture.data.bars(Fixture.BTC, Timeframe.M1, Long.MIN_VALUE, mid, 1_500, Direction.BEFORE));
        long from = m1.time(m1.size() - 1_500);
        for (OverlaySource s : Fixture.overlays) {
            latency("overlay " + s.id() + " over 1,500 1m bars", () -> s.marks(Fixture.BTC, Timeframe.M1, from, m1.lastTime()));
        }
        Fixture.clearAnnotations();
        int[] k = {0};
        latency("save one annotation (frame, label, commit)", () -> {
            int i = 2_000 + 7 * k[0]++;
            return Fixture.service.save(Annotation.draft("bench-" + k[0], Fixture.BTC, Timeframe.M1, m1.time(i), m1.close(i), m1.time(i + 20),
                    m1.close(i + 20), AnnotationDirection.LONG, Double.NaN, Double.NaN, List.of("bench"), "", "bench", 1L));
        });
        latency("read all " + Fixture.store.count() + "+ annotations (list refresh)", () -> Fixture.store.all());
        Fixture.clearAnnotations();
    }

    private static void latency(String what, java.util.function.Supplier<Object> body) {
        for (int i = 0; i < 5; i++) {
            body.get();
        }
        long[] t = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            body.get();
            t[i] = System.nanoTime() - t0;
        }
        Bench.report("annotate", what + " p50", Bench.percentileMicros(t, 50) / 1000, "ms");
        Bench.report("annotate", what + " p99", Bench.percentileMicros(t, 99) / 1000, "ms");
    }
}
