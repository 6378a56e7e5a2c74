package org.concord.training;

import org.concord.chart.OverlayMark;
import org.concord.data.DataProvider;
import org.concord.feed.BundledData;
import org.concord.model.Action;
import org.concord.model.BarSeries;
import org.concord.model.InferenceFrameReference;
import org.concord.model.Timeframe;
import org.concord.training.frames.Frame;
import org.concord.training.frames.FrameBuilder;
import org.concord.store.FrameStore;
import org.concord.training.frames.WindowSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored inference frames drawn as prediction marks, on the real bundled data and a real SQLite store. */
class PredictionOverlayTest {
    @TempDir
    static Path dir;
    static DataProvider data;
    static FrameStore frames;
    static BarSeries m1;
    static final List<InferenceFrameReference> stored = new ArrayList<>();

    @BeforeAll
    static void setUp() {
        data = RealBars.provider(dir, BundledData.bitstampTrades());
        frames = new FrameStore(data.store().database());
        m1 = RealBars.bitstamp().get(Timeframe.M1);
        FrameBuilder fb = new FrameBuilder(WindowSource.of(data), TrainedModels.SPEC);
        Action[] actions = Action.values();
        for (int k = 0; k < 40; k++) {
            int i = 1_000 + 7 * k;
            stored.add(ref("f-" + k, fb.build(RealBars.symbol(), Timeframe.M1.closeTime(m1.time(i))), "cnn-btcusd", actions[k % 3], 0.4 + 0.01 * k,
                    InferenceFrameReference.Source.INFERENCE));
        }
        Frame f = fb.build(RealBars.symbol(), Timeframe.M1.closeTime(m1.time(1_003)));
        stored.add(ref("other-model", f, "other", Action.BUY, 0.9, InferenceFrameReference.Source.INFERENCE));
        stored.add(ref("ann-x", f, "annotation", Action.BUY, 1.0, InferenceFrameReference.Source.ANNOTATION));
        frames.insertAll(stored);
    }

    static InferenceFrameReference ref(String id, Frame f, String model, Action a, double conf, InferenceFrameReference.Source src) {
        return new InferenceFrameReference(id, f.symbol(), f.spec().timeframes(), f.barCountList(), f.windowEnd(), model, "v000001", a, conf,
                f.hash(), src, 900_000, null, null);
    }

    @AfterAll
    static void tearDown() {
        data.close();
        data.store().database().close();
    }

    @Test
    void eachStoredPredictionIsDrawnAtTheBarThatClosedWhenItWasMade() {
        PredictionOverlay overlay = new PredictionOverlay(data, frames, "cnn-btcusd");
        List<OverlayMark> marks = overlay.marks(RealBars.symbol(), Timeframe.M1, m1.time(1_000), m1.time(1_000 + 7 * 39));
        assertThat(marks).hasSize(40);
        for (int k = 0; k < 40; k++) {
            int i = 1_000 + 7 * k;
            OverlayMark m = marks.get(k);
            InferenceFrameReference r = stored.get(k);
            assertThat(m.time()).isEqualTo(m1.time(i));
            assertThat(m.price()).isEqualTo(m1.close(i));
            assertThat(m.kind().name()).isEqualTo(r.prediction().name());
            assertThat(m.confidence()).isEqualTo(r.confidence());
            assertThat(m.label()).startsWith(r.prediction().name());
        }
        // a narrower range gives exactly the frames inside it
        assertThat(overlay.marks(RealBars.symbol(), Timeframe.M1, m1.time(1_007), m1.time(1_014))).extracting(OverlayMark::time)
                .containsExactly(m1.time(1_007), m1.time(1_014));
        // annotation frames are not predictions; another model's frames show only without a model filter
        List<OverlayMark> any = new PredictionOverlay(data, frames, null).marks(RealBars.symbol(), Timeframe.M1, m1.time(1_000), m1.time(1_010));
        assertThat(any).hasSize(2 + 1);
    }

    @Test
    void onACoarserTimeframeTheLastPredictionInABarWins() {
        PredictionOverlay overlay = new PredictionOverlay(data, frames, "cnn-btcusd");
        List<OverlayMark> marks = overlay.marks(RealBars.symbol(), Timeframe.H1, Long.MIN_VALUE, Long.MAX_VALUE);
        Map<Long, InferenceFrameReference> lastPerHour = new LinkedHashMap<>();
        for (InferenceFrameReference r : stored.subList(0, 40)) {
            lastPerHour.put(Timeframe.H1.floor(r.windowEnd() - 1), r);
        }
        assertThat(marks).extracting(OverlayMark::time).containsExactlyElementsOf(lastPerHour.keySet());
        BarSeries h1 = RealBars.bitstamp().get(Timeframe.H1);
        for (OverlayMark m : marks) {
            assertThat(m.confidence()).isEqualTo(lastPerHour.get(m.time()).confidence());
            assertThat(m.price()).isEqualTo(h1.close(h1.indexOf(m.time())));
        }
        assertThatThrownBy(() -> overlay.marks(RealBars.symbol(), Timeframe.M1, 10, 5)).isInstanceOf(IllegalArgumentException.class);
    }
}
