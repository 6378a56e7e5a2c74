package org.concord.app.annotate;

import org.concord.training.frames.AnnotationFrames;
import org.concord.annotation.AnnotationService;
import org.concord.annotation.AnnotationStore;
import org.concord.annotation.PatternSink;
import org.concord.chart.OverlaySource;
import org.concord.data.DataProvider;
import org.concord.engine.ConcordRuntime;
import org.concord.feed.BundledData;
import org.concord.modules.extrema.ExtremaOverlay;
import org.concord.modules.pivots.PivotsOverlay;
import org.concord.training.PredictionOverlay;
import org.concord.training.TrainingConfig;
import org.concord.training.TrainingCoordinator;
import org.concord.training.frames.FrameBuilder;
import org.concord.store.FrameStore;
import org.concord.training.frames.WindowSource;

import java.util.List;

/**
 * The core services behind the annotation tab, opened with the session (off the FX thread: they create tables in
 * SQLite). Annotations and frames share the engine's database; frames are built with the training coordinator's
 * frame spec so annotated samples and the model's own inference frames are the same kind of input.
 *
 * @param training the coordinator that trains on annotations, or null (remote desktop: labelling only)
 * @param patterns where "save as pattern" goes (the crash-pattern detector's library), or null
 */
public record AnnotationServices(DataProvider data, FrameStore frames, AnnotationService annotations,
                                 List<OverlaySource> overlays, TrainingCoordinator training, PatternSink patterns) {

    public static AnnotationServices open(ConcordRuntime engine, TrainingCoordinator training, PatternSink patterns) {
        DataProvider data = engine.data();
        FrameStore frames = new FrameStore(engine.database());
        TrainingConfig cfg = training != null ? training.config() : TrainingConfig.defaults(BundledData.BTCUSD);
        AnnotationService service = new AnnotationService(new AnnotationStore(engine.database(), frames),
                new AnnotationFrames(new FrameBuilder(WindowSource.of(data), cfg.spec())),
                training != null ? training::frameAdded : ref -> { });
        List<OverlaySource> overlays = List.of(new PivotsOverlay(data), new ExtremaOverlay(data), new PredictionOverlay(data, frames, null));
        return new AnnotationServices(data, frames, service, overlays, training, patterns);
    }
}
